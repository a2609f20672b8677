#pragma once

#include "apierror.h"
#include "chatmessage.h"
#include "draftdiff.h"
#include "guireference.h"
#include "intentrouter.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

namespace nemo::core {

class ChatTurn;
class Service;
class TimelineWatch;
struct ProjectState;

// The chat: what the user typed, what the agent answered, and notices in between. It routes each
// message (commands the app handles itself never go to the agent), runs chat turns into the
// transcript as they stream, and turns their outcomes and errors into plain messages — a partial
// reply is never thrown away. GUI-only commands are announced with intentRequested().
class Conversation : public QObject
{
    Q_OBJECT
public:
    explicit Conversation(Service *service, QObject *parent = nullptr);

    const QList<ChatMessage> &messages() const { return m_messages; }
    int size() const { return int(m_messages.size()); }
    const ChatMessage &at(int index) const { return m_messages.at(index); }
    int indexOf(quint64 id) const;

    // What the user typed. Returns false when nothing was done (empty, or a turn is running).
    bool submit(const QString &input);
    void stop();
    bool isBusy() const { return !m_turn.isNull(); }
    // After a dropped stream: the timeline is read now and then to see whether the agent carried on.
    bool isWatching() const;
    TimelineWatch *watch() const;
    void stopWatching();
    QString status() const { return m_status; }
    qint64 elapsedMs() const;

    ChatMessage &addNotice(const QString &text);
    ChatMessage &addError(const ApiError &error, const QString &text = QString());
    // Replaces the transcript (a project being opened). Messages that were streaming become interrupted.
    void restore(const QList<ChatMessage> &messages);
    void clear();

signals:
    void messageAdded(int index);
    void messageChanged(int index);
    void messageRemoved(int index);
    void reset();
    void busyChanged(bool busy);
    void statusChanged(const QString &status);
    void heartbeat();
    void stillWorking();
    // The user asked for something the window does (open export, pick files, show the timeline).
    void intentRequested(nemo::core::Intent intent);
    // A turn ended; the timeline may have changed.
    void turnFinished(const nemo::core::DraftDiff &changes);
    void watchingChanged(bool watching);
    // The watch after a dropped stream moved on (a read made or due).
    void watchProgressed();

private:
    ChatMessage &append(ChatMessage::Role role, const QString &text);
    void changed(quint64 id);
    void runTurn(const QString &text);
    void showCredits();
    void showTimeline();
    void startWatch(const ProjectState &baseline);
    void dropWatch();

    Service *m_service;
    QList<ChatMessage> m_messages;
    QPointer<ChatTurn> m_turn;
    QPointer<TimelineWatch> m_watch;
    QString m_status;
    quint64 m_nextId = 1;
};

} // namespace nemo::core
