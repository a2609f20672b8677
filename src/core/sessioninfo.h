#pragma once

#include <QJsonObject>
#include <QString>

namespace nemo::core {

// The editing session on the service: what every later call names.
struct SessionInfo
{
    QString sessionId;
    QString taskId;
    QString userId;
    QString language;

    bool isValid() const { return !sessionId.isEmpty(); }
    QJsonObject toJson() const;
    static SessionInfo fromJson(const QJsonObject &object);
    bool operator==(const SessionInfo &other) const = default;
};

} // namespace nemo::core
