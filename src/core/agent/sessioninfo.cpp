#include "agent/sessioninfo.h"

#include "util/jsonnumbers.h"

namespace nemo::agent {

QJsonObject SessionInfo::toJson() const
{
    return {{QStringLiteral("session_id"), sessionId},
            {QStringLiteral("task_id"), taskId},
            {QStringLiteral("user_id"), userId},
            {QStringLiteral("language"), language},
            {QStringLiteral("server"), server}};
}

QString SessionInfo::serverOf(const QUrl &baseUrl)
{
    return baseUrl.scheme() + QStringLiteral("://") + baseUrl.authority();
}

bool SessionInfo::belongsTo(const QUrl &baseUrl) const
{
    return server.isEmpty() || server == serverOf(baseUrl);
}

SessionInfo SessionInfo::fromJson(const QJsonObject &object)
{
    SessionInfo info;
    // Session ids are numeric strings, but accept numbers too.
    const QJsonValue id = object.value(QLatin1String("session_id"));
    info.sessionId = id.isDouble() ? QString::number(util::clampToInt64(id.toDouble())) : id.toString();
    info.taskId = object.value(QLatin1String("task_id")).toString();
    info.userId = object.value(QLatin1String("user_id")).toString();
    info.language = object.value(QLatin1String("language")).toString();
    info.server = object.value(QLatin1String("server")).toString();
    return info;
}

} // namespace nemo::agent
