#include "agent/session.h"

#include "net/apicall.h"
#include "net/connection.h"
#include "net/serviceconfig.h"

namespace nemo::agent {

Session::Session(net::Connection *connection)
    : QObject(connection)
    , m_connection(connection)
{ }

void Session::restore(const SessionInfo &info)
{
    ++m_generation;
    m_info = info;
    emit changed(m_info);
}

void Session::clear()
{
    ++m_generation;
    m_info = SessionInfo();
    emit changed(m_info);
}

void Session::ensure(QObject *context, Callback done)
{
    if (m_info.isValid() && !m_waiters.isWaiting())
        net::Waiters::later(this, context, std::move(done));
    else if (m_waiters.add(context, std::move(done)))
        create();
}

void Session::replace(const QString &failedSessionId, QObject *context, Callback done)
{
    if (m_info.isValid() && m_info.sessionId != failedSessionId && !m_waiters.isWaiting()) {
        ensure(context, std::move(done));
        return;
    }
    if (m_info.sessionId == failedSessionId) {
        m_replacing = failedSessionId;
        m_info = SessionInfo();
    }
    ensure(context, std::move(done));
}

void Session::create()
{
    const QString language = m_connection->config().effectiveLanguage();
    auto *call = new net::ApiCall(m_connection, net::ServiceJob::Needs::Token, "POST",
                                  QStringLiteral("/api/tasks/me/with-session/nemo_agent"),
                                  QJsonObject{{QStringLiteral("task_name"), QStringLiteral("project")},
                                              {QStringLiteral("language"), language}},
                                  this);
    connect(call, &net::ServiceJob::finished, this, [this, call, language, generation = m_generation] {
        // Another project's session was restored while this one was being made (Open Recent right after
        // New Project): the restored one stays, and whoever waited uses it.
        if (generation != m_generation && m_info.isValid()) {
            m_waiters.settle(net::ApiError());
            return;
        }
        if (call->error()) {
            m_waiters.settle(call->error());
            return;
        }
        SessionInfo info = SessionInfo::fromJson(call->data());
        info.language = language;
        info.server = SessionInfo::serverOf(m_connection->config().baseUrl);
        if (!info.isValid()) {
            m_waiters.settle(net::ApiError(net::ApiError::Kind::BadResponse));
            return;
        }
        m_info = info;
        emit changed(m_info);
        if (!m_replacing.isEmpty()) {
            emit replaced(m_replacing, m_info.sessionId);
            m_replacing.clear();
        }
        m_waiters.settle(net::ApiError());
    });
    call->start();
}

} // namespace nemo::agent
