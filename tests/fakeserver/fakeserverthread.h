#pragma once

#include "fakeserver.h"

#include <QThread>

namespace nemo::fake {

// Runs a FakeServer on a thread of its own, so that a test may talk to it with blocking sockets
// or run a client that blocks. Every accessor hops onto the server's thread and waits.
class FakeServerThread
{
public:
    explicit FakeServerThread(const Scenario &scenario = Scenario(), const QString &mediaDir = QString());
    ~FakeServerThread();

    FakeServerThread(const FakeServerThread &) = delete;
    FakeServerThread &operator=(const FakeServerThread &) = delete;

    QUrl baseUrl() const { return m_baseUrl; }
    quint16 port() const { return quint16(m_baseUrl.port()); }

    template<typename Function>
    void run(Function &&function)
    {
        QMetaObject::invokeMethod(
            m_server, [&] { function(*m_server); }, Qt::BlockingQueuedConnection);
    }

    void setScenario(const Scenario &scenario);
    void addFault(const Fault &fault);
    QJsonObject stats();
    QStringList chatMessages();

private:
    QThread m_thread;
    FakeServer *m_server = nullptr;
    QUrl m_baseUrl;
};

} // namespace nemo::fake
