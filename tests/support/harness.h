#pragma once

// Shared by the integration tests: the local server in-process plus a Service pointed at it, with the
// contract's timings shrunk so that recovery paths run in milliseconds.

#include "agent/chatturn.h"
#include "agent/session.h"
#include "auth/authenticator.h"
#include "auth/creditsquery.h"
#include "auth/secretstore.h"
#include "client/service.h"
#include "fakeserver.h"
#include "media/uploadjob.h"
#include "net/downloadjob.h"
#include "net/servicejob.h"
#include "render/renderjob.h"
#include "testsecretstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace nemo::test {

inline fake::Scenario quickScenario()
{
    fake::Scenario scenario;
    scenario.eventDelayMs = 2;
    scenario.noTextRatio = 0;
    scenario.renderMs = 800;
    scenario.renderSize = QSize(320, 180);
    scenario.heartbeatMs = 50;
    return scenario;
}

// A private folder for what a test writes (settings, projects, downloads). Under ./scripts/test's
// release stage (NEMO_TEST_SCRATCH set) it is kept afterwards, so that the secrets scan can read
// everything the app wrote.
class ScratchDir : public QTemporaryDir
{
public:
    ScratchDir()
        : QTemporaryDir(location())
    {
        setAutoRemove(qEnvironmentVariableIsEmpty("NEMO_TEST_SCRATCH"));
    }

private:
    static QString location()
    {
        const QString root = qEnvironmentVariable("NEMO_TEST_SCRATCH");
        if (root.isEmpty())
            return QDir::tempPath() + QStringLiteral("/nemo-test-XXXXXX");
        QDir().mkpath(root);
        return root + QStringLiteral("/XXXXXX");
    }
};

// A file in tests/data.
inline QString data(const char *name)
{
    return QStringLiteral(NEMO_TEST_DATA_DIR "/") + QLatin1String(name);
}

// A fault on the nth request to an endpoint, repeated `times` times.
// The file's SHA-256 (hex), or empty when it cannot be read.
inline QByteArray sha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

inline fake::Fault fault(const char *endpoint, int nth, int times = 1)
{
    fake::Fault f;
    f.endpoint = QLatin1String(endpoint);
    f.nth = nth;
    f.times = times;
    return f;
}

inline net::ServiceConfig quickConfig(const QUrl &baseUrl)
{
    using namespace std::chrono_literals;
    net::ServiceConfig config;
    config.baseUrl = baseUrl;
    config.language = QStringLiteral("en");
    config.rateLimitDelay = 200ms;
    config.renderFirstCheck = 150ms;
    config.renderShortestPoll = 100ms;
    config.renderLongestPoll = 300ms;
    config.droppedStreamFirstCheck = 150ms;
    config.droppedStreamInterval = 150ms;
    config.retryBackoff = 30ms;
    config.reconnectInterval = 100ms;
    config.turnLimit = 60s;
    config.heartbeatOnlyLimit = 30s;
    config.stillWorkingInterval = 60s;
    config.inactivityTimeout = 20s;
    return config;
}

struct Harness
{
    explicit Harness(const fake::Scenario &scenario = quickScenario())
    {
        server.setScenario(scenario);
        if (!server.listen())
            qFatal("cannot start the local server");
        service = std::make_unique<client::Service>(quickConfig(server.baseUrl()), &secrets);
    }

    void reconfigure(const std::function<void(net::ServiceConfig &)> &change)
    {
        net::ServiceConfig config = service->config();
        change(config);
        service->setConfig(config);
    }

    fake::FakeServer server;
    TestSecretStore secrets;
    std::unique_ptr<client::Service> service;
};

// Keeps a job alive after it finishes, so the test can read its results.
template<typename Job>
std::unique_ptr<Job> keep(Job *job)
{
    job->setAutoDelete(false);
    return std::unique_ptr<Job>(job);
}

// Waits until the job has finished (or the timeout passes); false on timeout.
inline bool finish(net::ServiceJob *job, int timeoutMs = 20000)
{
    if (job->isFinished())
        return true;
    QSignalSpy spy(job, &net::ServiceJob::finished);
    return spy.wait(timeoutMs) || job->isFinished();
}

} // namespace nemo::test
