#pragma once

#include "agent/chatmessage.h"
#include "agent/guireference.h"
#include "agent/intentrouter.h"
#include "draft/draftdiff.h"
#include "net/apierror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

namespace nemo::agent {
class ChatTurn;
struct ProjectState;
} // namespace nemo::agent

namespace nemo::edit {
class HandEdits;
} // namespace nemo::edit

namespace nemo::client {

class Service;
class TimelineWatch;

// The chat: what the user typed, what the agent answered, and notices in between. It routes each
// message (commands the app handles itself never go to the agent), runs chat turns into the
// transcript as they stream, and turns their outcomes and errors into plain messages — a partial
// reply is never thrown away. GUI-only commands are announced with guiActionRequested().
class Conversation : public QObject
{
    Q_OBJECT
public:
    explicit Conversation(Service *service, QObject *parent = nullptr);

    const QList<agent::ChatMessage> &messages() const { return m_messages; }
    int size() const { return int(m_messages.size()); }
    const agent::ChatMessage &at(int index) const { return m_messages.at(index); }
    int indexOf(quint64 id) const;

    // What the user typed. Returns false when nothing was done (empty, or a turn is running).
    bool submit(const QString &input);
    // Sends straight to the agent, without routing (nemo-cli chat): the running turn, or null when
    // the text is empty or a turn is already running.
    agent::ChatTurn *send(const QString &text);
    void stop();
    // Credits, as a notice in the transcript (Chat → Show Credits, or a typed "credits").
    void showCredits();
    bool isBusy() const { return !m_turn.isNull(); }
    // After a dropped stream: the timeline is read now and then to see whether the agent carried on.
    bool isWatching() const;
    TimelineWatch *watch() const;
    void stopWatching();
    QString status() const { return m_status; }
    qint64 elapsedMs() const;

    agent::ChatMessage &addNotice(const QString &text);
    agent::ChatMessage &addError(const net::ApiError &error, const QString &text = QString());
    // Replaces the transcript (a project being opened). Messages that were streaming become interrupted.
    void restore(const QList<agent::ChatMessage> &messages);
    void clear();
    // How many messages the user has sent (the project's turns).
    int userTurns() const;
    // The next message to the agent carries a short, visible summary of the hand edits made since the
    // last one ("I edited the timeline by hand: removed photo1.jpg."), so that it works on what the user
    // sees.
    void setHandEdits(edit::HandEdits *edits) { m_handEdits = edits; }

signals:
    void messageAdded(int index);
    void messageChanged(int index);
    void messageRemoved(int index);
    void reset();
    void busyChanged(bool busy);
    void statusChanged(const QString &status);
    void heartbeat();
    void stillWorking();
    // The user asked for something the window does (open export, pick files, show the timeline): the
    // window runs it as it runs the same action offered under a reply.
    void guiActionRequested(nemo::agent::GuiAction action);
    // A turn ended; the timeline may have changed.
    void turnFinished(const nemo::draft::DraftDiff &changes);
    void watchingChanged(bool watching);
    // The watch after a dropped stream moved on (a read made or due).
    void watchProgressed();

private:
    agent::ChatMessage &append(agent::ChatMessage::Role role, const QString &text);
    QString withHandEdits(const QString &text) const;
    void changed(quint64 id);
    void runTurn(const QString &text);
    void showTimeline();
    void startWatch(const agent::ProjectState &baseline);
    void dropWatch();

    Service *m_service;
    QList<agent::ChatMessage> m_messages;
    QPointer<agent::ChatTurn> m_turn;
    QPointer<TimelineWatch> m_watch;
    QString m_status;
    edit::HandEdits *m_handEdits = nullptr;
    quint64 m_nextId = 1;
};

} // namespace nemo::client
