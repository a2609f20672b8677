#include "clistate.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QStandardPaths>

namespace nemo::cli {

CliState::CliState(const QUrl &server)
    : m_settings(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
                     QStringLiteral("/cli-state.ini"),
                 QSettings::IniFormat)
{
    const QByteArray origin = (server.scheme() + QStringLiteral("://") + server.authority()).toUtf8();
    m_group = QStringLiteral("server-") +
        QString::fromLatin1(QCryptographicHash::hash(origin, QCryptographicHash::Sha1).toHex().left(12));
    m_settings.setValue(key("url"), QString::fromUtf8(origin));
}

QString CliState::key(const char *name) const
{
    return m_group + QLatin1Char('/') + QLatin1String(name);
}

core::SessionInfo CliState::session() const
{
    return core::SessionInfo::fromJson(
        QJsonDocument::fromJson(m_settings.value(key("session")).toString().toUtf8()).object());
}

void CliState::setSession(const core::SessionInfo &info)
{
    if (info.isValid())
        m_settings.setValue(key("session"),
                            QString::fromUtf8(QJsonDocument(info.toJson()).toJson(QJsonDocument::Compact)));
    else
        m_settings.remove(key("session"));
    m_settings.sync();
}

QString CliState::pendingRender() const
{
    return m_settings.value(key("pendingRender")).toString();
}

void CliState::setPendingRender(const QString &jobId)
{
    if (jobId.isEmpty())
        m_settings.remove(key("pendingRender"));
    else
        m_settings.setValue(key("pendingRender"), jobId);
    m_settings.sync();
}

} // namespace nemo::cli
