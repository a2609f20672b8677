#pragma once

#include "auth/secretstore.h"

#include <QHash>

namespace nemo::auth {

// Keeps secrets in memory only: for unit tests, and for people who choose to type their token each run.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;

    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QString &value, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;
    bool isPersistent() const override { return false; }
    QString displayName() const override;

    QStringList keys() const { return m_values.keys(); }

protected:
    void reply(QObject *context, Callback done, const SecretResult &result);

private:
    QHash<QString, QString> m_values;
};

} // namespace nemo::auth
