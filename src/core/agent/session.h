#pragma once

#include "agent/sessioninfo.h"
#include "net/apierror.h"
#include "net/waiters.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>

namespace nemo::net {
class Connection;
} // namespace nemo::net

namespace nemo::agent {

// The editing session on the service: created on first need in the user's language, kept (the
// owner persists it), and replaced when the service answers 1002.
class Session : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const net::ApiError &)>;

    explicit Session(net::Connection *connection);

    SessionInfo info() const { return m_info; }
    // Continues a session saved earlier (a project, the CLI's state file).
    void restore(const SessionInfo &info);
    void clear();

    void ensure(QObject *context, Callback done);
    // The service does not know `failedSessionId`: make a new session (once for all who saw it).
    void replace(const QString &failedSessionId, QObject *context, Callback done);

signals:
    void changed(const nemo::agent::SessionInfo &info);
    // A lost session was replaced by a new one; the user should be told.
    void replaced(const QString &oldSessionId, const QString &newSessionId);

private:
    void create();

    net::Connection *m_connection;
    SessionInfo m_info;
    QString m_replacing;
    // Bumped when a project's session is put in place (restore, clear): a session being created for
    // the project before never replaces the one restored meanwhile.
    quint64 m_generation = 0;
    net::Waiters m_waiters;
};

} // namespace nemo::agent
