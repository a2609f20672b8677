// Credits and state queries: typed results, and idempotent GETs retried with backoff.
#include "harness.h"

#include <QTcpServer>

using namespace nemo;
using namespace nemo::test;
using core::ApiError;

class TestQueries final : public QObject
{
    Q_OBJECT

private slots:
    void credits()
    {
        Harness h;
        QSignalSpy changed(h.service.get(), &core::Service::creditsChanged);
        auto query = keep(h.service->fetchCredits());
        QVERIFY(finish(query.get()));
        QCOMPARE(query->credits().available, 100);
        QCOMPARE(query->credits().frozen, 0);
        QCOMPARE(query->credits().total, 100);
        QCOMPARE(changed.count(), 1);
        QVERIFY(h.service->lastCredits().has_value());
    }

    void emptyState()
    {
        Harness h;
        auto query = keep(h.service->fetchState());
        QVERIFY(finish(query.get()));
        QVERIFY(!query->error());
        QVERIFY(query->state().draft.isEmpty());
        QCOMPARE(query->state().canvas.value(QLatin1String("width")).toInt(), 1920);
        QCOMPARE(query->state().sessionId, h.service->session()->info().sessionId);
        QVERIFY(h.service->lastState().has_value());
    }

    void transientFailuresAreRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("malformed");
        QTest::addColumn<bool>("truncated");
        QTest::newRow("500") << 500 << false << false;
        QTest::newRow("502") << 502 << false << false;
        QTest::newRow("503") << 503 << false << false;
        QTest::newRow("malformed json") << 0 << true << false;
        QTest::newRow("truncated json") << 0 << false << true;
    }

    void transientFailuresAreRetried()
    {
        QFETCH(int, status);
        QFETCH(bool, malformed);
        QFETCH(bool, truncated);
        Harness h;
        fake::Fault f = fault("credits", 1, 2);
        f.httpStatus = status;
        f.malformedJson = malformed;
        f.truncatedJson = truncated;
        h.server.addFault(f);
        auto query = keep(h.service->fetchCredits());
        QVERIFY(finish(query.get()));
        QVERIFY2(!query->error(), qPrintable(query->error().message()));
        QCOMPARE(query->attempts(), 3);
    }

    void persistentFailureIsReported()
    {
        Harness h;
        fake::Fault f = fault("credits", 0);
        f.httpStatus = 503;
        h.server.addFault(f);
        auto query = keep(h.service->fetchCredits());
        QVERIFY(finish(query.get()));
        QCOMPARE(query->error().kind(), ApiError::Kind::Server);
        QCOMPARE(query->attempts(), h.service->config().getRetries + 1);
        QVERIFY(!query->error().message().contains(QLatin1String("<html>")));
    }

    void slowServerTimesOut()
    {
        Harness h;
        h.reconfigure([](core::ServiceConfig &config) {
            config.inactivityTimeout = std::chrono::milliseconds(300);
            config.getRetries = 1;
        });
        QVERIFY(finish(keep(h.service->fetchCredits()).get()));
        fake::Fault slow = fault("credits", 0);
        slow.delayMs = 2000;
        h.server.addFault(slow);
        auto query = keep(h.service->fetchCredits());
        QVERIFY(finish(query.get()));
        QCOMPARE(query->error().kind(), ApiError::Kind::Timeout);
    }

    void connectionRefused()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        core::MemorySecretStore secrets;
        core::ServiceConfig config = quickConfig(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        core::Service service(config, &secrets);
        auto query = keep(service.fetchCredits());
        QVERIFY(finish(query.get()));
        QCOMPARE(query->error().kind(), ApiError::Kind::Network);
        QVERIFY(query->error().message().contains(QLatin1String("Can't reach")));
    }

    void plainHttpToARemoteHostIsNeverSent()
    {
        QCOMPARE(
            core::ServiceConfig::checkServiceUrl(QUrl(QStringLiteral("http://mega-api-prod.nemovideo.ai")))
                .isEmpty(),
            false);
    }
};

QTEST_GUILESS_MAIN(TestQueries)
#include "tst_queries.moc"
