#pragma once

#include "agent/agentevent.h"
#include "agent/guireference.h"
#include "agent/statequery.h"
#include "draft/draftdiff.h"
#include "net/servicejob.h"
#include "net/sseparser.h"

#include <QDateTime>
#include <QElapsedTimer>

class QTimer;

namespace nemo::agent {

// One chat turn over /run_sse. Text is handed on as it streams; the ADK final event is not shown
// twice; tool calls become status words; heartbeats are signs of life. The turn is limited (15 min
// in all, 10 min of nothing but heartbeats). A dropped stream is never re-sent (that would charge
// twice): the turn fetches the state instead, and so does every turn at its end, to report what
// changed. A message the service refused before streaming (1001, 1002, 429) may be replayed once.
class ChatTurn : public net::ServiceJob
{
    Q_OBJECT
public:
    enum class Outcome
    {
        Running,
        Replied,
        NoText,
        Failed,
        Dropped,
        TimedOut,
        Cancelled,
        Refused
    };
    Q_ENUM(Outcome)

    static constexpr qsizetype MaxReplyCharacters = 200000;

    // `known`: the session's state as last reported, if any (the timeline before the turn).
    ChatTurn(net::Connection *connection, const QString &message, const std::optional<ProjectState> &known,
             QObject *parent = nullptr);

    QString message() const { return m_message; }
    QString text() const;
    // A turn that ended before its message went out (no token, no session) was refused (or cancelled).
    Outcome outcome() const;
    QString status() const { return m_status; }
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }
    // True once the service accepted the message (its stream began): it must never be sent again.
    bool wasDelivered() const { return m_delivered; }
    bool hasStateAfter() const { return m_hasStateAfter; }
    const ProjectState &stateAfter() const { return m_stateAfter; }
    const draft::DraftDiff &changes() const { return m_changes; }
    QList<GuiAction> guiActions() const;
    // How the turn ended, for the user, when that is more than the reply itself; empty otherwise.
    QString outcomeMessage() const;
    int malformedEvents() const { return m_malformed; }

    // The user pressed Stop: the stream is closed, the state fetched, and the turn ends as Cancelled.
    void stop();

signals:
    // appended is empty when earlier text was replaced (the final event differed from the chunks).
    void textChanged(const QString &text, const QString &appended);
    void statusChanged(const QString &status);
    // The agent started a tool; description is what it does ("editing the timeline").
    void toolStarted(const QString &description);
    void heartbeat();
    // Nothing but heartbeats for a while: show that the agent is still working.
    void stillWorking(qint64 elapsedMs);
    // The service reported the session's state (before or after the turn).
    void stateRead(const nemo::agent::ProjectState &state);

protected:
    void send() override;
    void cancelRequest() override;

private:
    void postMessage();
    void decideMode(const QByteArray &firstBytes = QByteArray());
    void onReadyRead();
    void onReplyFinished();
    void handle(const AgentEvent &event);
    void addText(const QString &chunk, bool whole);
    void flushHeld();
    void emitChange(const QString &before);
    void setStatus(const QString &status);
    void lifeSign(bool progress);
    void endStream(Outcome outcome);
    void fetchStateAfter();
    void finishTurn();

    QString m_message;
    Outcome m_outcome = Outcome::Running;
    QString m_status;
    QString m_committed; // finished messages of the reply
    QString m_run;       // the message being streamed
    QString m_held;      // text that may be the service's "temporary issue" trailer: not shown yet
    bool m_droppingTrailer = false;
    bool m_truncated = false;
    QString m_agentError;
    int m_malformed = 0;
    bool m_delivered = false;
    bool m_decided = false;
    bool m_streaming = false;
    bool m_messageOpen = false; // an ADK message has chunks but no final event yet
    bool m_stopping = false;
    QByteArray m_errorBody;
    net::SseParser m_parser;
    QList<net::SseEvent> m_events;
    QList<AgentEvent> m_decoded;
    std::optional<ProjectState> m_known;
    draft::Draft m_before;
    bool m_haveBefore = false;
    ProjectState m_stateAfter;
    bool m_hasStateAfter = false;
    draft::DraftDiff m_changes;
    net::ApiError m_stateError;
    QElapsedTimer m_clock;
    QTimer *m_limit = nullptr;
    QTimer *m_watchdog = nullptr;
    QTimer *m_stillWorking = nullptr;
};

} // namespace nemo::agent
