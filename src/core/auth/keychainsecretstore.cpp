#include "auth/keychainsecretstore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <qt6keychain/keychain.h>

namespace nemo::auth {

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service)
{ }

KeychainSecretStore::~KeychainSecretStore()
{
    if (!m_queue.isEmpty())
        qWarning("keychain: %d operation(s) were still queued when the store closed", int(m_queue.size()));
}

bool KeychainSecretStore::flush(int milliseconds)
{
    const QDeadlineTimer deadline(milliseconds);
    while ((m_busy || !m_queue.isEmpty()) && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents | QEventLoop::ExcludeUserInputEvents,
                                        50);
    return !m_busy && m_queue.isEmpty();
}

QString KeychainSecretStore::displayName() const
{
    return QCoreApplication::translate("nemo::auth::SecretStore", "system keychain");
}

void KeychainSecretStore::read(const QString &key, QObject *context, Callback done)
{
    enqueue({Operation::Read, key, QString(), context, std::move(done)});
}

void KeychainSecretStore::write(const QString &key, const QString &value, QObject *context, Callback done)
{
    enqueue({Operation::Write, key, value, context, std::move(done)});
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Callback done)
{
    enqueue({Operation::Remove, key, QString(), context, std::move(done)});
}

void KeychainSecretStore::enqueue(const Pending &pending)
{
    m_queue.enqueue(pending);
    if (!m_busy)
        runNext();
}

void KeychainSecretStore::runNext()
{
    if (m_queue.isEmpty()) {
        m_busy = false;
        return;
    }
    m_busy = true;
    const Pending pending = m_queue.head();
    QKeychain::Job *job = nullptr;
    switch (pending.operation) {
    // No parent: the backend calls back into the job, so it must live until it finishes.
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setTextData(pending.value);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a silent plaintext fallback
    job->setKey(pending.key);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *finished) {
        const Pending done = m_queue.dequeue();
        SecretResult result;
        if (finished->error() == QKeychain::EntryNotFound) {
            result.notFound = true;
        } else if (finished->error() != QKeychain::NoError) {
            result.ok = false;
            result.error = finished->errorString();
        } else if (done.operation == Operation::Read) {
            result.value = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
        }
        if (done.context && done.done)
            done.done(result);
        runNext();
    });
    job->start();
}

} // namespace nemo::auth
