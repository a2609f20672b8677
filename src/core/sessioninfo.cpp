#include "sessioninfo.h"

#include "jsonnumbers.h"

namespace nemo::core {

QJsonObject SessionInfo::toJson() const
{
    return {{QStringLiteral("session_id"), sessionId},
            {QStringLiteral("task_id"), taskId},
            {QStringLiteral("user_id"), userId},
            {QStringLiteral("language"), language}};
}

SessionInfo SessionInfo::fromJson(const QJsonObject &object)
{
    SessionInfo info;
    // Session ids are numeric strings, but accept numbers too.
    const QJsonValue id = object.value(QLatin1String("session_id"));
    info.sessionId = id.isDouble() ? QString::number(clampToInt64(id.toDouble())) : id.toString();
    info.taskId = object.value(QLatin1String("task_id")).toString();
    info.userId = object.value(QLatin1String("user_id")).toString();
    info.language = object.value(QLatin1String("language")).toString();
    return info;
}

} // namespace nemo::core
