#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace nemo::net {

// The three attribution headers sent on every request. The service blocks export (HTTP 402)
// when any of them is missing.
struct AttributionProfile
{
    QString source;
    QString version;
    QString platform;

    bool isComplete() const { return !source.isEmpty() && !version.isEmpty() && !platform.isEmpty(); }
    bool operator==(const AttributionProfile &other) const = default;

    // The four seed profiles of the service's briefs, with platform "unknown".
    static QList<AttributionProfile> builtIn();
    static AttributionProfile defaultProfile();
    // Finds a built-in profile by its source name; the default when unknown.
    static AttributionProfile bySource(const QString &source);
    static QStringList platforms();
};

} // namespace nemo::net
