#include "session.h"

#include "apicall.h"
#include "service.h"

namespace nemo::core {

Session::Session(Service *service)
    : QObject(service)
    , m_service(service)
{ }

void Session::restore(const SessionInfo &info)
{
    m_info = info;
    emit changed(m_info);
}

void Session::clear()
{
    m_info = SessionInfo();
    emit changed(m_info);
}

void Session::ensure(QObject *context, Callback done)
{
    if (m_info.isValid() && !m_busy) {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            this,
            [guard, done = std::move(done)] {
                if (guard)
                    done(ApiError());
            },
            Qt::QueuedConnection);
        return;
    }
    m_waiters.append({context, std::move(done)});
    if (!m_busy)
        create();
}

void Session::replace(const QString &failedSessionId, QObject *context, Callback done)
{
    if (m_info.isValid() && m_info.sessionId != failedSessionId && !m_busy) {
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
    m_busy = true;
    const QString language = m_service->config().effectiveLanguage();
    auto *call = new ApiCall(m_service, ServiceJob::Needs::Token, "POST",
                             QStringLiteral("/api/tasks/me/with-session/nemo_agent"),
                             QJsonObject{{QStringLiteral("task_name"), QStringLiteral("project")},
                                         {QStringLiteral("language"), language}},
                             this);
    connect(call, &ServiceJob::finished, this, [this, call, language] {
        if (call->error()) {
            settle(call->error());
            return;
        }
        SessionInfo info = SessionInfo::fromJson(call->data());
        info.language = language;
        if (!info.isValid()) {
            settle(ApiError(ApiError::Kind::BadResponse));
            return;
        }
        m_info = info;
        emit changed(m_info);
        if (!m_replacing.isEmpty()) {
            emit replaced(m_replacing, m_info.sessionId);
            m_replacing.clear();
        }
        settle(ApiError());
    });
    call->start();
}

void Session::settle(const ApiError &error)
{
    m_busy = false;
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.done(error);
    }
}

} // namespace nemo::core
