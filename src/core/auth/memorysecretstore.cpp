#include "auth/memorysecretstore.h"

#include <QCoreApplication>

namespace nemo::auth {

void MemorySecretStore::reply(QObject *context, Callback done, const SecretResult &result)
{
    replyLater(context, std::move(done), result);
}

void MemorySecretStore::read(const QString &key, QObject *context, Callback done)
{
    SecretResult result;
    if (!m_values.contains(key)) {
        result.notFound = true;
    } else {
        result.value = m_values.value(key);
    }
    reply(context, std::move(done), result);
}

void MemorySecretStore::write(const QString &key, const QString &value, QObject *context, Callback done)
{
    m_values.insert(key, value);
    reply(context, std::move(done), SecretResult());
}

void MemorySecretStore::remove(const QString &key, QObject *context, Callback done)
{
    m_values.remove(key);
    reply(context, std::move(done), SecretResult());
}

QString MemorySecretStore::displayName() const
{
    return QCoreApplication::translate("nemo::auth::SecretStore",
                                       "memory only (forgotten when the app closes)");
}

} // namespace nemo::auth
