#pragma once

#include "auth/secretstorage.h"
#include "net/serviceconfig.h"

#include <QSettings>
#include <QString>

namespace nemo::app {

// The app's preferences, in the platform's settings store (never secrets: those are in the keychain).
class AppSettings
{
public:
    enum class Theme
    {
        System,
        Light,
        Dark
    };

    AppSettings() = default;

    QString downloadFolder() const;
    void setDownloadFolder(const QString &folder);
    Theme theme() const;
    void setTheme(Theme theme);
    // "" follows the system; otherwise a locale name ("en", "zh_CN").
    QString language() const;
    void setLanguage(const QString &language);

    // The service settings, with the base URL from the command line or NEMO_API_BASE winning.
    net::ServiceConfig serviceConfig(const QString &commandLineBaseUrl = QString()) const;
    void saveServiceConfig(const net::ServiceConfig &config);
    QString savedBaseUrl() const;

    // Where the sign-in is kept (the system keychain unless the user chose otherwise).
    auth::SecretStorage::Kind secretStorage() const;
    void setSecretStorage(auth::SecretStorage::Kind kind);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void saveWindow(const QByteArray &geometry, const QByteArray &state);

    static QString defaultDownloadFolder();

private:
    mutable QSettings m_settings;
};

} // namespace nemo::app
