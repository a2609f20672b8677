#include "agent/chatturn.h"

#include "agent/agenteventdecoder.h"
#include "net/connection.h"
#include "net/envelope.h"
#include "net/serviceconfig.h"
#include "net/transport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace nemo::agent {

namespace {

const QString TrailerPhrase = QStringLiteral("i encountered a temporary issue");

// Whether text so far could still turn out to be the service's "temporary issue" trailer.
bool mayBeTrailer(const QString &text)
{
    const QString lower = text.trimmed().toLower();
    return TrailerPhrase.startsWith(lower) || lower.startsWith(TrailerPhrase);
}

bool isTrailer(const QString &text)
{
    return text.trimmed().toLower().startsWith(TrailerPhrase);
}

} // namespace

ChatTurn::ChatTurn(net::Connection *connection, const QString &message,
                   const std::optional<ProjectState> &known, QObject *parent)
    : net::ServiceJob(connection, Needs::Session, parent)
    , m_message(message)
    , m_known(known)
{ }

QString ChatTurn::text() const
{
    if (m_committed.isEmpty())
        return m_run;
    if (m_run.isEmpty())
        return m_committed;
    return m_committed + QStringLiteral("\n\n") + m_run;
}

QList<GuiAction> ChatTurn::guiActions() const
{
    return GuiReference::detect(text());
}

void ChatTurn::send()
{
    if (m_haveBefore) {
        postMessage();
        return;
    }
    // The timeline before the turn, to say afterwards what changed.
    if (m_known && m_known->sessionId == sessionId()) {
        m_before = m_known->draft;
        m_haveBefore = true;
        postMessage();
        return;
    }
    auto *query = new StateQuery(connection(), this);
    connect(query, &net::ServiceJob::finished, this, [this, query] {
        if (!query->error()) {
            m_before = query->state().draft;
            emit stateRead(query->state());
        }
        m_haveBefore = true;
        if (!isFinished())
            postMessage();
    });
    query->start();
}

void ChatTurn::postMessage()
{
    if (!m_clock.isValid())
        m_clock.start();
    m_decided = false;
    m_streaming = false;
    m_errorBody.clear();
    m_parser.reset();
    setStatus(tr("sending your message"));

    QNetworkRequest request = connection()->transport()->request(QStringLiteral("/run_sse"));
    request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("Cache-Control", "no-cache");
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(0); // the turn has its own limits below
    const QJsonObject body{{QStringLiteral("app_name"), QStringLiteral("nemo_agent")},
                           {QStringLiteral("user_id"), QStringLiteral("me")},
                           {QStringLiteral("session_id"), sessionId()},
                           {QStringLiteral("new_message"),
                            QJsonObject{{QStringLiteral("parts"),
                                         QJsonArray{QJsonObject{{QStringLiteral("text"), m_message}}}}}}};
    QNetworkReply *reply = connection()->transport()->network()->post(
        request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    track(reply);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this] { decideMode(); });
    connect(reply, &QNetworkReply::readyRead, this, &ChatTurn::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &ChatTurn::onReplyFinished);

    const net::ServiceConfig &config = connection()->config();
    if (!m_limit) {
        m_limit = new QTimer(this);
        m_limit->setSingleShot(true);
        connect(m_limit, &QTimer::timeout, this, [this] { endStream(Outcome::TimedOut); });
        m_watchdog = new QTimer(this);
        m_watchdog->setSingleShot(true);
        connect(m_watchdog, &QTimer::timeout, this, [this] { endStream(Outcome::TimedOut); });
        m_stillWorking = new QTimer(this);
        connect(m_stillWorking, &QTimer::timeout, this, [this] { emit stillWorking(elapsedMs()); });
    }
    m_limit->start(int(qMax<qint64>(0, config.turnLimit.count() - m_clock.elapsed())));
    m_watchdog->start(int(config.heartbeatOnlyLimit.count()));
    m_stillWorking->start(int(config.stillWorkingInterval.count()));
}

void ChatTurn::setStatus(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    emit statusChanged(status);
}

void ChatTurn::lifeSign(bool progress)
{
    if (progress && m_watchdog)
        m_watchdog->start(int(connection()->config().heartbeatOnlyLimit.count()));
    if (progress && m_stillWorking)
        m_stillWorking->start(int(connection()->config().stillWorkingInterval.count()));
    emit heartbeat();
}

void ChatTurn::onReadyRead()
{
    QNetworkReply *reply = currentReply();
    if (!reply || reply != sender())
        return;
    const QByteArray bytes = net::readWhatCame(reply);
    if (!m_decided)
        decideMode(bytes);
    if (!m_streaming) {
        if (m_errorBody.size() < MaxAnswerBytes)
            m_errorBody.append(bytes.left(MaxAnswerBytes - m_errorBody.size()));
        return;
    }
    m_events.clear();
    m_parser.feed(bytes, m_events);
    for (const net::SseEvent &event : std::as_const(m_events)) {
        m_decoded.clear();
        AgentEventDecoder::decode(event, m_decoded);
        for (const AgentEvent &decoded : std::as_const(m_decoded))
            handle(decoded);
    }
}

void ChatTurn::decideMode(const QByteArray &firstBytes)
{
    QNetworkReply *reply = currentReply();
    if (m_decided || !reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return; // no headers yet
    const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
    if (!type.contains("text/event-stream") && firstBytes.isNull())
        return; // wait for the body to tell an envelope from an unlabelled stream
    const QByteArray start = firstBytes.trimmed().left(1);
    m_streaming = status >= 200 && status < 300 &&
        (type.contains("text/event-stream") || (!type.contains("json") && !start.isEmpty() && start != "{"));
    m_decided = true;
    if (m_streaming) {
        m_delivered = true;
        setStatus(tr("thinking"));
    }
}

void ChatTurn::handle(const AgentEvent &event)
{
    switch (event.kind) {
    case AgentEvent::Kind::Heartbeat:
        lifeSign(false);
        break;
    case AgentEvent::Kind::Text:
        lifeSign(true);
        setStatus(tr("writing the reply"));
        // An ADK message streamed in chunks ends with its whole text; until then it is open.
        m_messageOpen = event.partial;
        addText(event.text, event.whole);
        break;
    case AgentEvent::Kind::ToolCall:
        lifeSign(true);
        setStatus(AgentEventDecoder::toolStatus(event.toolName));
        emit toolStarted(m_status);
        break;
    case AgentEvent::Kind::ToolResult:
        lifeSign(true);
        setStatus(tr("thinking"));
        break;
    case AgentEvent::Kind::Error:
        lifeSign(true);
        m_agentError = event.text.isEmpty() ? tr("no details were given") : event.text.left(500);
        break;
    case AgentEvent::Kind::Malformed:
        ++m_malformed;
        break;
    case AgentEvent::Kind::Ignored:
        break;
    }
}

void ChatTurn::addText(const QString &chunk, bool whole)
{
    if (m_truncated)
        return;
    const QString before = text();
    const bool priorText = !before.trimmed().isEmpty();
    if (whole) {
        // The final event of an ADK message repeats the whole message: it replaces the chunks.
        const bool trailer = priorText && isTrailer(chunk) && (m_run.isEmpty() || m_droppingTrailer);
        m_held.clear();
        m_droppingTrailer = false;
        if (trailer)
            return; // the service's "temporary issue" note after a normal reply is ignored
        m_run = chunk;
        m_committed = text();
        m_run.clear();
    } else if (m_droppingTrailer) {
        return;
    } else if (!m_held.isEmpty() || (priorText && mayBeTrailer(chunk))) {
        // Could be the trailer: keep it back until it is clear either way.
        m_held += chunk;
        if (isTrailer(m_held)) {
            m_droppingTrailer = true;
            m_held.clear();
            return;
        }
        if (mayBeTrailer(m_held))
            return;
        m_run += std::exchange(m_held, QString());
    } else {
        m_run += chunk;
    }
    if (text().size() > MaxReplyCharacters) {
        m_truncated = true;
        m_committed = text().left(MaxReplyCharacters) + QStringLiteral("\n\n") +
            tr("[The reply was too long and was cut here.]");
        m_run.clear();
        m_held.clear();
    }
    emitChange(before);
}

void ChatTurn::emitChange(const QString &before)
{
    const QString after = text();
    if (after != before)
        emit textChanged(after, after.startsWith(before) ? after.mid(before.size()) : QString());
}

void ChatTurn::flushHeld()
{
    if (m_held.isEmpty())
        return;
    const QString before = text();
    if (!isTrailer(m_held))
        m_run += m_held;
    m_held.clear();
    emitChange(before);
}

void ChatTurn::onReplyFinished()
{
    QNetworkReply *reply = currentReply();
    if (!reply || reply != sender() || isFinished())
        return;
    const net::ApiError transport = transportError(reply);
    if (!m_decided)
        decideMode(reply->bytesAvailable() ? reply->peek(64) : QByteArray(""));
    if (!m_decided || !m_streaming) {
        // The service answered without a stream: an envelope (an error, usually), or nothing at all.
        m_errorBody.append(net::readWhatCame(reply).left(MaxAnswerBytes - m_errorBody.size()));
        net::ApiError error = answerOf(reply, m_errorBody).error;
        if (error.kind() == net::ApiError::Kind::NoCredits && error.userId().isEmpty())
            error.setUserId(connection()->userId());
        if (!error) {
            // An empty success: the message was taken, nothing was said.
            m_delivered = true;
            endStream(Outcome::NoText);
            return;
        }
        m_limit->stop();
        m_watchdog->stop();
        m_stillWorking->stop();
        if (recover(error))
            return;
        m_outcome = Outcome::Refused;
        setStatus(QString());
        complete(error);
        return;
    }
    m_events.clear();
    m_parser.finish(m_events);
    for (const net::SseEvent &event : std::as_const(m_events)) {
        m_decoded.clear();
        AgentEventDecoder::decode(event, m_decoded);
        for (const AgentEvent &decoded : std::as_const(m_decoded))
            handle(decoded);
    }
    flushHeld();
    // A close-delimited stream that is cut looks like its normal end; an ADK message whose chunks
    // never got their final event shows the cut.
    const bool broken = reply->error() != QNetworkReply::NoError || m_messageOpen;
    if (!m_agentError.isEmpty())
        endStream(Outcome::Failed);
    else if (broken)
        endStream(Outcome::Dropped);
    else
        endStream(text().trimmed().isEmpty() ? Outcome::NoText : Outcome::Replied);
}

void ChatTurn::endStream(Outcome outcome)
{
    if (m_outcome != Outcome::Running || isFinished())
        return;
    m_outcome = outcome;
    if (m_limit) {
        m_limit->stop();
        m_watchdog->stop();
        m_stillWorking->stop();
    }
    if (QNetworkReply *reply = currentReply(); reply && reply->isRunning()) {
        reply->disconnect(this);
        reply->abort();
    }
    flushHeld();
    if (!m_run.isEmpty()) {
        m_committed = text();
        m_run.clear();
    }
    fetchStateAfter();
}

void ChatTurn::stop()
{
    if (isFinished() || m_outcome != Outcome::Running)
        return;
    if (!m_delivered && !m_decided) {
        // Nothing reached the service yet.
        m_outcome = Outcome::Cancelled;
        abort();
        return;
    }
    endStream(Outcome::Cancelled);
}

void ChatTurn::cancelRequest()
{
    if (m_limit) {
        m_limit->stop();
        m_watchdog->stop();
        m_stillWorking->stop();
    }
    net::ServiceJob::cancelRequest();
}

void ChatTurn::fetchStateAfter()
{
    setStatus(tr("checking the timeline"));
    auto *query = new StateQuery(connection(), this);
    connect(query, &net::ServiceJob::finished, this, [this, query] {
        if (query->error()) {
            m_stateError = query->error();
        } else {
            m_stateAfter = query->state();
            m_hasStateAfter = true;
            emit stateRead(m_stateAfter);
            m_changes = draft::DraftDiff::between(m_before, m_stateAfter.draft);
        }
        finishTurn();
    });
    query->start();
}

void ChatTurn::finishTurn()
{
    setStatus(QString());
    switch (m_outcome) {
    case Outcome::Replied:
    case Outcome::NoText:
        complete();
        break;
    case Outcome::Failed: {
        net::ApiError error(net::ApiError::Kind::Server, m_agentError);
        error.setDetail(tr("The agent reported a problem."));
        complete(error);
        break;
    }
    case Outcome::Dropped:
        complete(net::ApiError(net::ApiError::Kind::Network));
        break;
    case Outcome::TimedOut:
        complete(net::ApiError(net::ApiError::Kind::Timeout));
        break;
    case Outcome::Cancelled:
        complete(net::ApiError(net::ApiError::Kind::Cancelled));
        break;
    case Outcome::Running:
    case Outcome::Refused:
        complete(net::ApiError(net::ApiError::Kind::Other));
        break;
    }
}

ChatTurn::Outcome ChatTurn::outcome() const
{
    if (m_outcome != Outcome::Running || !isFinished() || !error())
        return m_outcome;
    return error().kind() == net::ApiError::Kind::Cancelled ? Outcome::Cancelled : Outcome::Refused;
}

QString ChatTurn::outcomeMessage() const
{
    QString changes;
    if (m_hasStateAfter)
        changes = m_changes.isEmpty() ? tr("The timeline did not change.")
                                      : tr("What changed: %1.").arg(m_changes.describe());
    else if (m_stateError)
        changes = tr("The timeline couldn't be checked: %1").arg(m_stateError.message());
    switch (outcome()) {
    case Outcome::Running:
    case Outcome::Replied:
        return {};
    case Outcome::NoText:
        return tr("The agent finished without a reply.") + QLatin1Char(' ') + changes;
    case Outcome::Failed:
        return tr("The agent reported a problem: %1").arg(m_agentError) + QLatin1Char(' ') + changes;
    case Outcome::Dropped:
        return tr("The connection dropped before the reply finished. Your message was not sent again (that "
                  "could "
                  "charge you twice).") +
            QLatin1Char(' ') + changes;
    case Outcome::TimedOut:
        return tr("The agent took too long, so Nemo Studio stopped waiting.") + QLatin1Char(' ') + changes;
    case Outcome::Cancelled:
        return tr("Stopped.") + QLatin1Char(' ') + changes;
    case Outcome::Refused:
        return error().message();
    }
    return {};
}

} // namespace nemo::agent
