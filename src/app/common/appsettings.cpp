#include "common/appsettings.h"

#include "util/environment.h"

#include <QDir>
#include <QStandardPaths>

namespace nemo::app {

QString AppSettings::defaultDownloadFolder()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    if (base.isEmpty())
        base = QDir::homePath();
    return QDir(base).filePath(QStringLiteral("Nemo Studio"));
}

QString AppSettings::downloadFolder() const
{
    const QString folder = m_settings.value(QStringLiteral("export/folder")).toString();
    return folder.isEmpty() ? defaultDownloadFolder() : folder;
}

void AppSettings::setDownloadFolder(const QString &folder)
{
    m_settings.setValue(QStringLiteral("export/folder"), folder);
}

auth::SecretStorage::Kind AppSettings::secretStorage() const
{
    return auth::SecretStorage::fromName(
        m_settings.value(QStringLiteral("security/secretStorage")).toString());
}

void AppSettings::setSecretStorage(auth::SecretStorage::Kind kind)
{
    m_settings.setValue(QStringLiteral("security/secretStorage"), auth::SecretStorage::name(kind));
}

AppSettings::Theme AppSettings::theme() const
{
    const QString name = m_settings.value(QStringLiteral("ui/theme")).toString();
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

void AppSettings::setTheme(Theme theme)
{
    m_settings.setValue(QStringLiteral("ui/theme"),
                        theme == Theme::Light      ? QStringLiteral("light")
                            : theme == Theme::Dark ? QStringLiteral("dark")
                                                   : QStringLiteral("system"));
}

QString AppSettings::language() const
{
    return m_settings.value(QStringLiteral("ui/language")).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings.setValue(QStringLiteral("ui/language"), language);
}

QString AppSettings::savedBaseUrl() const
{
    return m_settings.value(QStringLiteral("service/baseUrl")).toString();
}

net::ServiceConfig AppSettings::serviceConfig(const QString &commandLineBaseUrl) const
{
    net::ServiceConfig config;
    config.load(m_settings);
    config.baseUrl =
        net::ServiceConfig::resolveBaseUrl(commandLineBaseUrl, util::Environment::baseUrl(), savedBaseUrl());
    return config;
}

void AppSettings::saveServiceConfig(const net::ServiceConfig &config)
{
    config.save(m_settings);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(QStringLiteral("window/geometry")).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(QStringLiteral("window/state")).toByteArray();
}

void AppSettings::saveWindow(const QByteArray &geometry, const QByteArray &state)
{
    m_settings.setValue(QStringLiteral("window/geometry"), geometry);
    m_settings.setValue(QStringLiteral("window/state"), state);
}

} // namespace nemo::app
