#pragma once

#include "auth/filesecretstore.h"
#include "auth/memorysecretstore.h"
#include "auth/secretstore.h"

#include <memory>

namespace nemo::auth {

class KeychainSecretStore;

// Where the sign-in is kept, as the user chose: the system keychain (the default), an unencrypted
// owner-only file, or nowhere (memory only: the token is entered again each run). Owns the stores so
// that the choice can change while the app runs.
class SecretStorage
{
public:
    enum class Kind
    {
        Keychain,
        File,
        Memory
    };

    explicit SecretStorage(const QString &keychainService, const QString &filePath = QString());
    ~SecretStorage();

    SecretStore *store(Kind kind);
    QString filePath() const;

    static QString name(Kind kind);
    static Kind fromName(const QString &name);

private:
    QString m_keychainService;
    QString m_filePath;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<FileSecretStore> m_file;
    std::unique_ptr<MemorySecretStore> m_memory;
};

} // namespace nemo::auth
