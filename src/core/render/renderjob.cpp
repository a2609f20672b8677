#include "render/renderjob.h"

#include "net/apicall.h"
#include "net/connection.h"
#include "net/envelope.h"
#include "net/serviceconfig.h"
#include "net/transport.h"
#include "util/jsonnumbers.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace nemo::render {

namespace {

// Failed checks in a row before the export is reported as failed (with Retry, which checks the same
// job again): with the waits doubling from 2 s to 30 s, about five minutes without an answer.
constexpr int MaxPollFailures = 12;

RenderPollSchedule::Timings timingsOf(const net::ServiceConfig &config)
{
    return {config.renderFirstCheck, config.renderShortestPoll, config.renderLongestPoll};
}

} // namespace

RenderJob::RenderJob(net::Connection *connection, const draft::Draft &draft, const RenderOptions &options,
                     QObject *parent)
    : net::ServiceJob(connection, Needs::Session, parent)
    , m_draft(draft.toJson())
    , m_options(options)
    , m_schedule(timingsOf(connection->config()))
{ }

net::ApiCall *RenderJob::cancel(net::Connection *connection, const QString &jobId, QObject *parent)
{
    const QString path = QStringLiteral("/api/render/proxy/lambda/") +
        QString::fromLatin1(QUrl::toPercentEncoding(jobId)) + QStringLiteral("/cancel");
    return started(
        new net::ApiCall(connection, net::ApiCall::Needs::Token, "POST", path, QJsonObject(), parent));
}

RenderJob::RenderJob(net::Connection *connection, const QString &jobId, QObject *parent)
    : net::ServiceJob(connection, Needs::Token, parent)
    , m_jobId(jobId)
    , m_created(true)
    , m_schedule(timingsOf(connection->config()))
{ }

QString RenderJob::newJobId(qint64 previousMs)
{
    const qint64 now = qMax(QDateTime::currentMSecsSinceEpoch(), previousMs + 1);
    return QStringLiteral("render_%1").arg(now);
}

void RenderJob::send()
{
    if (!m_startedAt.isValid())
        m_startedAt = QDateTime::currentDateTimeUtc();
    if (!m_clock.isValid())
        m_clock.start();
    if (m_created)
        poll();
    else
        create();
}

void RenderJob::cancelRequest()
{
    if (m_pollTimer)
        m_pollTimer->stop();
    net::ServiceJob::cancelRequest();
}

void RenderJob::create()
{
    const qint64 previous = m_jobId.startsWith(QLatin1String("render_")) ? m_jobId.mid(7).toLongLong() : 0;
    m_jobId = newJobId(previous);
    const QJsonObject body{{QStringLiteral("id"), m_jobId},
                           {QStringLiteral("sessionId"), sessionId()},
                           {QStringLiteral("draft"), m_draft},
                           {QStringLiteral("output"),
                            QJsonObject{{QStringLiteral("format"), m_options.format},
                                        {QStringLiteral("quality"), m_options.quality}}}};
    QNetworkRequest request = connection()->transport()->request(QStringLiteral("/api/render/proxy/lambda"));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = connection()->transport()->network()->post(
        request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    expect(
        reply, [this](const net::ApiResult &result) { onCreated(result); },
        [this](const net::ApiError &error) {
            // Our id was taken (by an earlier attempt that did reach the service): once more, a new id.
            const QString said = error.serverMessage().toLower();
            const bool idTaken = error.kind() == net::ApiError::Kind::Conflict ||
                said.contains(QLatin1String("exist")) || said.contains(QLatin1String("duplicate")) ||
                said.contains(QLatin1String("already"));
            if (!idTaken || m_idRetried)
                return false;
            m_idRetried = true;
            create();
            return true;
        });
}

void RenderJob::onCreated(const net::ApiResult &result)
{
    m_created = true;
    RenderStatus status = RenderStatus::fromJson(result.body);
    if (!status.id.isEmpty())
        m_jobId = status.id;
    status.id = m_jobId;
    if (status.state == RenderStatus::State::Unknown)
        status.state = RenderStatus::State::Pending;
    emit jobIdAssigned(m_jobId);
    m_schedule.observe(m_clock.elapsed(), status.progress);
    setStatus(status);
    if (status.isFinal()) {
        onPolled();
        return;
    }
    schedulePoll(int(m_schedule.nextDelayMs()));
}

void RenderJob::schedulePoll(int milliseconds)
{
    if (!m_pollTimer) {
        m_pollTimer = new QTimer(this);
        m_pollTimer->setSingleShot(true);
        m_pollTimer->setTimerType(Qt::PreciseTimer); // "never more often than every 2 s" is a rule
        connect(m_pollTimer, &QTimer::timeout, this, &RenderJob::poll);
    }
    m_nextCheck = QDateTime::currentDateTimeUtc().addMSecs(milliseconds);
    m_pollTimer->start(milliseconds);
    emit nextCheckScheduled(secondsToNextCheck());
}

int RenderJob::secondsToNextCheck() const
{
    if (!m_pollTimer || !m_pollTimer->isActive())
        return 0;
    return int(qMax<qint64>(0, (QDateTime::currentDateTimeUtc().msecsTo(m_nextCheck) + 999) / 1000));
}

int RenderJob::estimatedSecondsLeft() const
{
    const qint64 end = m_schedule.estimatedEndMs();
    if (end < 0 || !m_clock.isValid() || m_status.isFinal())
        return -1;
    return int(qMax<qint64>(0, (end - m_clock.elapsed() + 999) / 1000));
}

void RenderJob::checkNow()
{
    if (isFinished() || !m_created)
        return;
    m_paused = false;
    if (m_pollTimer && m_pollTimer->isActive()) {
        m_pollTimer->stop();
        poll();
    }
}

void RenderJob::pausePolling()
{
    m_paused = true;
}

void RenderJob::resumePolling()
{
    if (!m_paused)
        return;
    m_paused = false;
    const bool checking = currentReply() && currentReply()->isRunning();
    if (isRunning() && m_created && (!m_pollTimer || !m_pollTimer->isActive()) && !checking)
        poll();
}

void RenderJob::poll()
{
    if (m_paused)
        return;
    QNetworkRequest request = connection()->transport()->request(
        QStringLiteral("/api/render/proxy/lambda/") + QString::fromLatin1(QUrl::toPercentEncoding(m_jobId)));
    QNetworkReply *reply = connection()->transport()->network()->get(request);
    expect(
        reply,
        [this](const net::ApiResult &result) {
            m_pollFailures = 0;
            RenderStatus status = RenderStatus::fromJson(result.body);
            status.id = m_jobId;
            m_schedule.observe(m_clock.elapsed(), status.progress);
            setStatus(status);
            onPolled();
        },
        [this](const net::ApiError &failure) {
            if (failure.kind() == net::ApiError::Kind::NotFound) {
                net::ApiError error = failure;
                error.setDetail(tr("The service no longer knows export job %1.").arg(m_jobId));
                complete(error);
                return true;
            }
            // A failed check is no reason to give up on the render: like any transient failure, 429 is
            // not waited out once but the same job is checked again later (the vendor's CLI does this).
            if (!failure.isTransient())
                return false; // the contract's recoveries (1001, 1002), or the end
            if (++m_pollFailures >= MaxPollFailures)
                complete(failure);
            else
                schedulePoll(int(m_schedule.delayAfterFailureMs(m_pollFailures)));
            return true;
        });
}

void RenderJob::onPolled()
{
    switch (m_status.state) {
    case RenderStatus::State::Completed:
        complete();
        return;
    case RenderStatus::State::Failed: {
        net::ApiError error(net::ApiError::Kind::RenderFailed, m_status.error);
        complete(error);
        return;
    }
    case RenderStatus::State::Cancelled:
        complete(net::ApiError(net::ApiError::Kind::Cancelled));
        return;
    default:
        schedulePoll(int(m_schedule.nextDelayMs()));
        return;
    }
}

void RenderJob::setStatus(const RenderStatus &status)
{
    m_status = status;
    emit statusChanged(m_status);
}

QUrl RenderJob::outputUrl() const
{
    if (m_status.outputUrl.isEmpty())
        return fallbackUrl();
    return connection()->transport()->resolve(m_status.outputUrl);
}

QUrl RenderJob::fallbackUrl() const
{
    return connection()->transport()->endpoint(QStringLiteral("/api/render/proxy/") +
                                               QString::fromLatin1(QUrl::toPercentEncoding(m_jobId)) +
                                               QStringLiteral("/download"));
}

} // namespace nemo::render
