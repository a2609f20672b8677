#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace nemo::auth {

struct SecretResult
{
    bool ok = true;
    bool notFound = false;
    QString value;
    QString error; // for a person; never contains the secret
};

// Where the user's secrets live (token, user id, expiry, client id). Operations are asynchronous,
// as the OS keychain's are; callbacks are dropped when their context object is gone.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult &)>;

    explicit SecretStore(QObject *parent = nullptr)
        : QObject(parent)
    { }

    virtual void read(const QString &key, QObject *context, Callback done) = 0;
    virtual void write(const QString &key, const QString &value, QObject *context, Callback done) = 0;
    virtual void remove(const QString &key, QObject *context, Callback done) = 0;
    // Whether secrets survive a restart of the app (false for the in-memory store).
    virtual bool isPersistent() const = 0;
    // Shown to the user, e.g. "system keychain".
    virtual QString displayName() const = 0;
    // Waits (running the event loop) until queued operations are done; call before the program exits.
    virtual bool flush(int milliseconds = 5000)
    {
        Q_UNUSED(milliseconds)
        return true;
    }
};

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
