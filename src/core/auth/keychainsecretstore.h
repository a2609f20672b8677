#pragma once

#include "auth/secretstore.h"

#include <QQueue>

namespace nemo::auth {

// Secrets in the OS keychain through QtKeychain (Secret Service, macOS Keychain, Windows Credential
// Manager). QtKeychain jobs are asynchronous and some backends misbehave when several run at once,
// so operations are queued and run one at a time. A job in flight is never deleted under the backend's
// feet: it finishes on its own even if the store goes away.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QString &value, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;
    bool isPersistent() const override { return true; }
    QString displayName() const override;

    QString service() const { return m_service; }
    // Runs the event loop until every queued operation is done (or the time is up), so that a
    // sign-in written just before the program exits is not lost. True when nothing is left.
    bool flush(int milliseconds = 5000) override;

private:
    enum class Operation
    {
        Read,
        Write,
        Remove
    };
    struct Pending
    {
        Operation operation;
        QString key;
        QString value;
        QPointer<QObject> context;
        Callback done;
    };

    void enqueue(const Pending &pending);
    void runNext();

    QString m_service;
    QQueue<Pending> m_queue;
    bool m_busy = false;
};

} // namespace nemo::auth
