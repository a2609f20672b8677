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

protected:
    // Calls back from the event loop, as a real keychain does, so callers never depend on re-entrancy.
    void replyLater(QObject *context, Callback done, const SecretResult &result);
};

} // namespace nemo::auth
