#pragma once

#include <QList>

#include <chrono>

namespace nemo::render {

// When to check a cloud render next. The first check comes soon after the job is created; from then
// on the reported progress and the time it took give an estimate of the end, and the checks close in
// on it (in even steps while it is far, a little before it once it is near) — never sooner than
// `shortest` after the last one, never later than `longest`. When the
// progress does not move, the wait grows by half each time (the vendor's CLI does the same). Pure:
// fed the answers and the times they came, it says how long to wait.
class RenderPollSchedule
{
public:
    struct Timings
    {
        std::chrono::milliseconds first{3000};
        std::chrono::milliseconds shortest{2000};
        std::chrono::milliseconds longest{30000};
    };

    explicit RenderPollSchedule(const Timings &timings);

    // An answer about the job (its creation or a poll) came at `atMs` (any steady clock) with this
    // progress (0…100).
    void observe(qint64 atMs, int progress);
    // How long to wait after the latest answer before checking again.
    qint64 nextDelayMs() const;
    // How long to wait after the nth failed check in a row (1, 2, …): doubling from the shortest wait.
    qint64 delayAfterFailureMs(int failures) const;
    // When the render should be done, on the same clock as observe(); -1 while there is no estimate.
    qint64 estimatedEndMs() const;
    int observations() const { return int(m_samples.size()); }
    const Timings &timings() const { return m_timings; }

private:
    struct Sample
    {
        qint64 atMs;
        int progress;
    };

    qint64 computeDelay() const;
    qint64 bounded(qint64 delayMs) const;

    Timings m_timings;
    QList<Sample> m_samples;
    qint64 m_nextDelayMs = 0;
};

} // namespace nemo::render
