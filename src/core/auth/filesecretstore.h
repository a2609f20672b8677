#pragma once

#include "auth/secretstore.h"

#include <QHash>

namespace nemo::auth {

// Keeps secrets in a file readable by the user only, NOT encrypted: only for people who chose it
// because no keychain service is available (a headless machine, a keyring that cannot be unlocked).
// The app never falls back to it on its own.
class FileSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit FileSecretStore(const QString &path, QObject *parent = nullptr);

    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QString &value, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;
    bool isPersistent() const override { return true; }
    QString displayName() const override;
    QString path() const { return m_path; }

    // <AppConfigLocation>/secrets.json
    static QString defaultPath();

private:
    bool load(QHash<QString, QString> *values, QString *error) const;
    bool store(const QHash<QString, QString> &values, QString *error) const;

    QString m_path;
};

} // namespace nemo::auth
