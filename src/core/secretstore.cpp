#include "secretstore.h"

#include <QCoreApplication>
#include <QTimer>

namespace nemo::core {

void MemorySecretStore::reply(QObject *context, Callback done, const SecretResult &result)
{
    // Asynchronous like a real keychain, so callers never depend on re-entrancy.
    QPointer<QObject> guard(context);
    QTimer::singleShot(0, this, [guard, done = std::move(done), result] {
        if (guard && done)
            done(result);
    });
}

void MemorySecretStore::read(const QString &key, QObject *context, Callback done)
{
    SecretResult result;
    if (m_failing) {
        result.ok = false;
        result.error =
            QCoreApplication::translate("nemo::core::SecretStore", "The keychain is locked or unavailable.");
    } else if (!m_values.contains(key)) {
        result.notFound = true;
    } else {
        result.value = m_values.value(key);
    }
    reply(context, std::move(done), result);
}

void MemorySecretStore::write(const QString &key, const QString &value, QObject *context, Callback done)
{
    SecretResult result;
    if (m_failing) {
        result.ok = false;
        result.error =
            QCoreApplication::translate("nemo::core::SecretStore", "The keychain is locked or unavailable.");
    } else {
        m_values.insert(key, value);
    }
    reply(context, std::move(done), result);
}

void MemorySecretStore::remove(const QString &key, QObject *context, Callback done)
{
    SecretResult result;
    if (m_failing) {
        result.ok = false;
        result.error =
            QCoreApplication::translate("nemo::core::SecretStore", "The keychain is locked or unavailable.");
    } else {
        m_values.remove(key);
    }
    reply(context, std::move(done), result);
}

QString MemorySecretStore::displayName() const
{
    return QCoreApplication::translate("nemo::core::SecretStore",
                                       "memory only (forgotten when the app closes)");
}

} // namespace nemo::core
