#pragma once

#include "agent/projectstate.h"
#include "draft/draftdiff.h"

#include <QObject>
#include <QPointer>

class QTimer;

namespace nemo::agent {
class StateQuery;
} // namespace nemo::agent

namespace nemo::client {

class Service;

// After a chat stream dropped, the agent may still be working on the service. Nothing is sent again
// (that would charge twice); instead the state is read on the vendor's cadence — after 30 s, then every
// 60 s — and each change is reported, until a number of reads in a row show nothing new (5) or the
// user stops waiting. The timings come from ServiceConfig.
class TimelineWatch : public QObject
{
    Q_OBJECT
public:
    enum class End
    {
        Quiet,   // enough reads without a change
        Stopped, // the user stopped waiting (or a new turn began)
    };
    Q_ENUM(End)

    // `baseline` is the state the dropped turn left (what later reads are compared with).
    TimelineWatch(Service *service, const agent::ProjectState &baseline, QObject *parent = nullptr);

    void start();
    void stop();
    bool isRunning() const;
    int reads() const { return m_reads; }
    int quietReads() const { return m_quiet; }
    int quietLimit() const;
    // Seconds until the next read (0 while one is under way).
    int secondsToNextRead() const;

signals:
    // A read found the agent had changed the timeline (or generated media) since the last one.
    void changed(const nemo::agent::ProjectState &state, const nemo::draft::DraftDiff &changes);
    // The schedule moved on (a read was made or is due).
    void progressed();
    void finished(nemo::client::TimelineWatch::End end);

private:
    void read();
    void schedule(qint64 milliseconds);
    void end(End how);

    Service *m_service;
    agent::ProjectState m_last;
    QTimer *m_timer;
    QPointer<agent::StateQuery> m_query;
    int m_reads = 0;
    int m_quiet = 0;
    bool m_running = false;
};

} // namespace nemo::client
