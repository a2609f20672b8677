#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace nemo::agent {

// The editing session on the service: what every later call names.
struct SessionInfo
{
    QString sessionId;
    QString taskId;
    QString userId;
    QString language;
    QString server; // the service it lives on (scheme://host:port); empty in projects from before

    // Whether this session can be used with the service at `baseUrl` (a session lives on one server).
    bool belongsTo(const QUrl &baseUrl) const;
    static QString serverOf(const QUrl &baseUrl);

    bool isValid() const { return !sessionId.isEmpty(); }
    QJsonObject toJson() const;
    static SessionInfo fromJson(const QJsonObject &object);
    bool operator==(const SessionInfo &other) const = default;
};

} // namespace nemo::agent
