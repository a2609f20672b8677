// Credits and state queries: typed results, idempotent GETs retried with backoff, and TLS that is never
// weakened.
#include "auth/claimtokenquery.h"
#include "auth/memorysecretstore.h"
#include "harness.h"
#include "requirements.h"

#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace nemo;
using namespace nemo::test;
using net::ApiError;

class TestQueries final : public QObject
{
    Q_OBJECT

private slots:
    void credits()
    {
        Harness h;
        QSignalSpy changed(h.service.get(), &client::Service::creditsChanged);
        auto query = keep(h.service->fetchCredits());
        QVERIFY(finish(query.get()));
        QCOMPARE(query->credits().available, 100);
        QCOMPARE(query->credits().frozen, 0);
        QCOMPARE(query->credits().total, 100);
        QCOMPARE(changed.count(), 1);
        QVERIFY(h.service->lastCredits().has_value());
    }

    void claimTokenForTheWebApp()
    {
        Harness h;
        auto query = keep(h.service->claimWebLink());
        QVERIFY(finish(query.get()));
        QVERIFY2(!query->error(), qPrintable(query->error().message()));
        QCOMPARE(h.server.claimTokens().size(), 1);
        QCOMPARE(query->claimToken(), h.server.claimTokens().first());
        const QUrl url = query->webUrl();
        QCOMPARE(url.toString(),
                 QStringLiteral("https://nemovideo.com/workspace/claim?ct=") +
                     h.server.claimTokens().first());
        QVERIFY(!url.toString().contains(QLatin1String("nmv_")));
    }

    void claimTokenOnlyForTheOwnersTask()
    {
        // Another user's session: the service refuses, nothing is opened.
        Harness h;
        auto first = keep(h.service->claimWebLink());
        QVERIFY(finish(first.get()));
        const agent::SessionInfo mine = h.service->session()->info();
        auth::MemorySecretStore otherSecrets;
        client::Service other(quickConfig(h.server.baseUrl()), &otherSecrets);
        auto credits = keep(other.fetchCredits()); // signs the other user in
        QVERIFY(finish(credits.get()));
        other.session()->restore(mine);
        auto stolen = keep(other.claimWebLink());
        QVERIFY(finish(stolen.get()));
        QVERIFY(stolen->error());
        QVERIFY(stolen->webUrl().isEmpty());
        QCOMPARE(h.server.claimTokens().size(), 1);
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
        h.reconfigure([](net::ServiceConfig &config) {
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
        auth::MemorySecretStore secrets;
        net::ServiceConfig config = quickConfig(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        client::Service service(config, &secrets);
        auto query = keep(service.fetchCredits());
        QVERIFY(finish(query.get()));
        QCOMPARE(query->error().kind(), ApiError::Kind::Network);
        QVERIFY(query->error().message().contains(QLatin1String("Can't reach")));
    }

    void untrustedCertificateIsNeverAccepted()
    {
        // A TLS server on this computer with a self-signed certificate, made for this run only: the
        // handshake is refused, nothing is sent through it, and the user is told in plain words.
        QTemporaryDir dir;
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                       QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                       QStringLiteral("-keyout"), dir.filePath(QStringLiteral("key.pem")),
                       QStringLiteral("-out"), dir.filePath(QStringLiteral("cert.pem"))});
        const bool started = openssl.waitForStarted();
        NEMO_REQUIRE(started,
                     "openssl is needed to make a throwaway certificate (./scripts/test installs it)");
        QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
        QFile certFile(dir.filePath(QStringLiteral("cert.pem")));
        QFile keyFile(dir.filePath(QStringLiteral("key.pem")));
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        QVERIFY(!tls.localCertificate().isNull() && !tls.privateKey().isNull());
        QSslServer server;
        server.setSslConfiguration(tls);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QByteArray received;
        connect(&server, &QTcpServer::pendingConnectionAvailable, this, [&] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this,
                        [&received, socket] { received += socket->readAll(); });
            }
        });
        int attempts = 0;
        connect(&server, &QSslServer::startedEncryptionHandshake, this, [&] { ++attempts; });

        auth::MemorySecretStore secrets;
        net::ServiceConfig config =
            quickConfig(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort())));
        client::Service service(config, &secrets);
        auto credits = keep(service.fetchCredits());
        QVERIFY(finish(credits.get()));
        QCOMPARE(credits->error().kind(), ApiError::Kind::Insecure);
        QVERIFY2(credits->error().message().contains(QLatin1String("isn't secure")),
                 qPrintable(credits->error().message()));
        QVERIFY(attempts >= 1);      // the client did try
        QVERIFY(received.isEmpty()); // and sent nothing over the untrusted connection
    }

    void plainHttpToARemoteHostIsNeverSent()
    {
        QCOMPARE(
            net::ServiceConfig::checkServiceUrl(QUrl(QStringLiteral("http://mega-api-prod.nemovideo.ai")))
                .isEmpty(),
            false);
    }
};

QTEST_GUILESS_MAIN(TestQueries)
#include "tst_queries.moc"
