#pragma once

// A secret store for tests: in memory, and able to fail as a locked keychain would (a switch that has no
// place in the product's own stores).

#include "auth/memorysecretstore.h"
#include "auth/secretstore.h"

namespace nemo::test {

class TestSecretStore : public auth::MemorySecretStore
{
public:
    // Makes every following operation fail, as a locked keychain would.
    void setFailing(bool failing) { m_failing = failing; }

    void read(const QString &key, QObject *context, Callback done) override
    {
        if (m_failing)
            reply(context, std::move(done), locked());
        else
            MemorySecretStore::read(key, context, std::move(done));
    }
    void write(const QString &key, const QString &value, QObject *context, Callback done) override
    {
        if (m_failing)
            reply(context, std::move(done), locked());
        else
            MemorySecretStore::write(key, value, context, std::move(done));
    }
    void remove(const QString &key, QObject *context, Callback done) override
    {
        if (m_failing)
            reply(context, std::move(done), locked());
        else
            MemorySecretStore::remove(key, context, std::move(done));
    }

private:
    static auth::SecretResult locked()
    {
        auth::SecretResult result;
        result.ok = false;
        result.error = QStringLiteral("The keychain is locked or unavailable.");
        return result;
    }

    bool m_failing = false;
};

} // namespace nemo::test
