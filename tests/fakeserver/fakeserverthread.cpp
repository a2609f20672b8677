#include "fakeserverthread.h"

namespace nemo::fake {

FakeServerThread::FakeServerThread(const Scenario &scenario, const QString &mediaDir)
{
    m_server = new FakeServer;
    m_server->setScenario(scenario);
    if (!mediaDir.isEmpty())
        m_server->setMediaDir(mediaDir);
    m_server->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_server, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_server,
        [this] {
            if (m_server->listen())
                m_baseUrl = m_server->baseUrl();
        },
        Qt::BlockingQueuedConnection);
}

FakeServerThread::~FakeServerThread()
{
    m_thread.quit();
    m_thread.wait();
}

void FakeServerThread::setScenario(const Scenario &scenario)
{
    run([&](FakeServer &server) { server.setScenario(scenario); });
}

void FakeServerThread::addFault(const Fault &fault)
{
    run([&](FakeServer &server) { server.addFault(fault); });
}

QJsonObject FakeServerThread::stats()
{
    QJsonObject result;
    run([&](FakeServer &server) { result = server.stats(); });
    return result;
}

QStringList FakeServerThread::chatMessages()
{
    QStringList result;
    run([&](FakeServer &server) { result = server.chatMessages(); });
    return result;
}

} // namespace nemo::fake
