#include "client/timelinewatch.h"

#include "agent/statequery.h"
#include "client/service.h"

#include <QTimer>

namespace nemo::client {

TimelineWatch::TimelineWatch(Service *service, const agent::ProjectState &baseline, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_last(baseline)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer); // the cadence is the vendor's rule, not a hint
    connect(m_timer, &QTimer::timeout, this, &TimelineWatch::read);
}

int TimelineWatch::quietLimit() const
{
    return qMax(1, m_service->config().droppedStreamQuietReads);
}

bool TimelineWatch::isRunning() const
{
    return m_running;
}

void TimelineWatch::start()
{
    if (m_running)
        return;
    m_running = true;
    schedule(m_service->config().droppedStreamFirstCheck.count());
}

void TimelineWatch::stop()
{
    if (m_running)
        end(End::Stopped);
}

int TimelineWatch::secondsToNextRead() const
{
    return m_timer->isActive() ? (m_timer->remainingTime() + 999) / 1000 : 0;
}

void TimelineWatch::schedule(qint64 milliseconds)
{
    m_timer->start(int(qBound(qint64(1), milliseconds, qint64(24 * 3600 * 1000))));
    emit progressed();
}

void TimelineWatch::read()
{
    agent::StateQuery *query = m_service->fetchState(this);
    m_query = query;
    emit progressed();
    connect(query, &net::ServiceJob::finished, this, [this, query] {
        if (!m_running || query != m_query)
            return;
        ++m_reads;
        bool news = false;
        if (!query->error()) {
            const agent::ProjectState &now = query->state();
            const draft::DraftDiff changes = draft::DraftDiff::between(m_last.draft, now.draft);
            news = !changes.isEmpty() || now.generated.size() != m_last.generated.size();
            m_last = now;
            if (news)
                emit changed(now, changes);
        }
        // A read that failed tells nothing new either: it counts towards giving up.
        m_quiet = news ? 0 : m_quiet + 1;
        if (m_quiet >= quietLimit()) {
            end(End::Quiet);
            return;
        }
        schedule(m_service->config().droppedStreamInterval.count());
    });
}

void TimelineWatch::end(End how)
{
    m_running = false;
    m_timer->stop();
    if (agent::StateQuery *query = m_query)
        query->abort();
    emit finished(how);
}

} // namespace nemo::client
