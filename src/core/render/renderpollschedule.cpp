#include "render/renderpollschedule.h"

#include <QtGlobal>

#include <cmath>

namespace nemo::render {

RenderPollSchedule::RenderPollSchedule(const Timings &timings)
    : m_timings(timings)
{
    // A shortest wait above the longest would make the bounds meaningless.
    m_timings.shortest = qMin(m_timings.shortest, m_timings.longest);
}

void RenderPollSchedule::observe(qint64 atMs, int progress)
{
    progress = qBound(0, progress, 100);
    if (!m_samples.isEmpty()) {
        // A later answer never moves progress backwards (a lagging replica could say less).
        progress = qMax(progress, m_samples.constLast().progress);
        atMs = qMax(atMs, m_samples.constLast().atMs);
    }
    m_samples.append({atMs, progress});
    m_nextDelayMs = computeDelay();
}

qint64 RenderPollSchedule::nextDelayMs() const
{
    return m_samples.isEmpty() ? qMin(m_timings.first.count(), m_timings.longest.count()) : m_nextDelayMs;
}

qint64 RenderPollSchedule::bounded(qint64 delayMs) const
{
    return qBound(qint64(m_timings.shortest.count()), delayMs, qint64(m_timings.longest.count()));
}

qint64 RenderPollSchedule::estimatedEndMs() const
{
    if (m_samples.size() < 2)
        return -1;
    // The rate over everything seen so far: steadier than the last step, whose progress is rounded.
    const Sample &first = m_samples.constFirst();
    const Sample &last = m_samples.constLast();
    const qint64 span = last.atMs - first.atMs;
    const int gained = last.progress - first.progress;
    if (span <= 0 || gained <= 0)
        return -1;
    const double msPerPercent = double(span) / gained;
    return last.atMs + qint64(std::ceil((100 - last.progress) * msPerPercent));
}

qint64 RenderPollSchedule::computeDelay() const
{
    if (m_samples.size() <= 1)
        return qMin(qint64(m_timings.first.count()), qint64(m_timings.longest.count()));
    const qint64 end = estimatedEndMs();
    if (end < 0) {
        // No progress to go by: wait a little longer each time.
        return bounded(qMax<qint64>(m_timings.shortest.count(), m_nextDelayMs * 3 / 2));
    }
    const qint64 remaining = end - m_samples.constLast().atMs;
    const qint64 longest = m_timings.longest.count();
    // In the last stretch, check a little before the estimated end: an estimate that runs late (a
    // render's last percent often comes all at once) then costs one more check, not a wait.
    if (remaining <= longest)
        return bounded(remaining * 3 / 5);
    // More than one wait to go: split the rest evenly so that the last check lands on the estimate
    // (and the estimate is refined on the way), rather than checking at the longest wait and then
    // just after the end.
    const qint64 steps = (remaining + longest - 1) / longest;
    return bounded(remaining / steps);
}

qint64 RenderPollSchedule::delayAfterFailureMs(int failures) const
{
    const int doublings = qBound(0, failures - 1, 16);
    return bounded(qint64(m_timings.shortest.count()) << doublings);
}

} // namespace nemo::render
