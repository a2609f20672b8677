#include "auth/secretstorage.h"

#include "auth/filesecretstore.h"
#include "auth/keychainsecretstore.h"
#include "auth/memorysecretstore.h"

namespace nemo::auth {

SecretStorage::SecretStorage(const QString &keychainService, const QString &filePath)
    : m_keychainService(keychainService)
    , m_filePath(filePath.isEmpty() ? FileSecretStore::defaultPath() : filePath)
{ }

SecretStorage::~SecretStorage()
{
    // A sign-in written just before the app closes must reach the keychain.
    if (m_keychain)
        m_keychain->flush(3000);
}

SecretStore *SecretStorage::store(Kind kind)
{
    switch (kind) {
    case Kind::File:
        if (!m_file)
            m_file = std::make_unique<FileSecretStore>(m_filePath);
        return m_file.get();
    case Kind::Memory:
        if (!m_memory)
            m_memory = std::make_unique<MemorySecretStore>();
        return m_memory.get();
    case Kind::Keychain:
        break;
    }
    if (!m_keychain)
        m_keychain = std::make_unique<KeychainSecretStore>(m_keychainService);
    return m_keychain.get();
}

QString SecretStorage::filePath() const
{
    return m_filePath;
}

QString SecretStorage::name(Kind kind)
{
    switch (kind) {
    case Kind::File:
        return QStringLiteral("file");
    case Kind::Memory:
        return QStringLiteral("memory");
    case Kind::Keychain:
        break;
    }
    return QStringLiteral("keychain");
}

SecretStorage::Kind SecretStorage::fromName(const QString &name)
{
    if (name == QLatin1String("file"))
        return Kind::File;
    if (name == QLatin1String("memory"))
        return Kind::Memory;
    return Kind::Keychain;
}

} // namespace nemo::auth
