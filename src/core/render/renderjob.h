#pragma once

#include "draft/draft.h"
#include "net/servicejob.h"
#include "render/renderoptions.h"
#include "render/renderpollschedule.h"
#include "render/renderstatus.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>

class QTimer;

namespace nemo::net {
class ApiCall;
} // namespace nemo::net

namespace nemo::render {

// An export: starts a render with a fresh render_<ms> id (a used id is retried once with a new
// one), then polls until it completes, fails or is cancelled, on a RenderPollSchedule: soon after the
// start, then when the reported progress says it will be done. A failed check (network, 408, 429, 5xx)
// checks the same id again later: the job runs on the service regardless. The job id is announced as
// soon as it is known so the caller can persist it; a job can be resumed by id after a restart.
class RenderJob : public net::ServiceJob
{
    Q_OBJECT
public:
    RenderJob(net::Connection *connection, const draft::Draft &draft, const RenderOptions &options,
              QObject *parent = nullptr);
    RenderJob(net::Connection *connection, const QString &jobId, QObject *parent = nullptr);
    // POST …/lambda/<id>/cancel, started. 404/405 mean the service cannot cancel: the job finishes on its
    // own.
    static net::ApiCall *cancel(net::Connection *connection, const QString &jobId, QObject *parent = nullptr);

    QString jobId() const { return m_jobId; }
    RenderStatus status() const { return m_status; }
    // Where to fetch the result: the output URL, resolved; else the /download fallback.
    QUrl outputUrl() const;
    QUrl fallbackUrl() const;
    int secondsToNextCheck() const;
    // When the render should be done, by its progress so far; -1 while there is no estimate.
    int estimatedSecondsLeft() const;
    // Holds the checks (an export being cancelled); checkNow() or resumePolling() go on.
    void pausePolling();
    void resumePolling();
    QDateTime startedAt() const { return m_startedAt; }
    void checkNow();

    static QString newJobId(qint64 previousMs = 0);

signals:
    void jobIdAssigned(const QString &jobId);
    void statusChanged(const nemo::render::RenderStatus &status);
    void nextCheckScheduled(int seconds);

protected:
    void send() override;
    void cancelRequest() override;

private:
    void create();
    void poll();
    void onCreated(const net::ApiResult &result);
    void onPolled();
    void schedulePoll(int milliseconds);
    void setStatus(const RenderStatus &status);

    QJsonObject m_draft;
    RenderOptions m_options;
    QString m_jobId;
    bool m_created = false;
    bool m_idRetried = false;
    int m_pollFailures = 0;
    RenderPollSchedule m_schedule;
    QElapsedTimer m_clock; // since the job was created here (or resumed)
    bool m_paused = false;
    RenderStatus m_status;
    QDateTime m_startedAt;
    QDateTime m_nextCheck;
    QTimer *m_pollTimer = nullptr;
};

} // namespace nemo::render
