// Proxies: a manual HTTP or SOCKS5 proxy with a user name and password carries every request (sign-in,
// chat stream, upload, queries); a wrong password gets a plain message; "no proxy" and the system
// setting leave this computer's own server alone; the password never reaches the settings file.
#include "harness.h"
#include "testproxies.h"

#include <QScopeGuard>
#include <QSettings>
#include <QTemporaryDir>

using namespace nemo;
using namespace nemo::test;
using net::ProxySettings;

namespace {

bool storePassword(auth::SecretStore &secrets, const QString &password)
{
    bool done = false;
    QObject context;
    secrets.write(ProxySettings::passwordKey(), password, &context,
                  [&](const auth::SecretResult &) { done = true; });
    return QTest::qWaitFor([&] { return done; });
}

void useProxy(Harness &h, ProxySettings::Mode mode, quint16 port, const QString &user)
{
    h.reconfigure([&](net::ServiceConfig &config) {
        config.proxy.mode = mode;
        config.proxy.host = QStringLiteral("127.0.0.1");
        config.proxy.port = port;
        config.proxy.user = user;
    });
}

// Sign-in, credits, an upload and a streamed chat turn: one of each kind of request.
bool workThrough(Harness &h, QString *problem)
{
    auto credits = keep(h.service->fetchCredits());
    if (!finish(credits.get()) || credits->error()) {
        *problem = credits->error().message();
        return false;
    }
    auto upload = keep(h.service->upload({data("photo1.jpg")}));
    if (!finish(upload.get()) || upload->error()) {
        *problem = upload->error().message();
        return false;
    }
    auto turn = keep(h.service->sendMessage(QStringLiteral("make a video")));
    if (!finish(turn.get()) || turn->outcome() != agent::ChatTurn::Outcome::Replied) {
        *problem = turn->outcomeMessage();
        return false;
    }
    return true;
}

} // namespace

Q_DECLARE_METATYPE(nemo::net::ProxySettings::Mode)

class TestProxy final : public QObject
{
    Q_OBJECT

private slots:
    void httpProxyCarriesEveryRequest()
    {
        Harness h;
        HttpProxy proxy(QStringLiteral("alice"), QStringLiteral("s3cret"));
        QVERIFY(proxy.listen());
        QVERIFY(storePassword(h.secrets, QStringLiteral("s3cret")));
        useProxy(h, ProxySettings::Mode::Http, proxy.port(), QStringLiteral("alice"));
        QString problem;
        QVERIFY2(workThrough(h, &problem), qPrintable(problem));
        // Every request the server saw came through the proxy.
        const int served = h.server.stats().value(QLatin1String("requests")).toInt();
        QVERIFY(served >= 5);
        QCOMPARE(proxy.requests(), served);
    }

    void socks5ProxyCarriesEveryRequest()
    {
        Harness h;
        Socks5Proxy proxy(QStringLiteral("bob"), QStringLiteral("p@ss word"));
        QVERIFY(proxy.listen());
        QVERIFY(storePassword(h.secrets, QStringLiteral("p@ss word")));
        useProxy(h, ProxySettings::Mode::Socks5, proxy.port(), QStringLiteral("bob"));
        QString problem;
        QVERIFY2(workThrough(h, &problem), qPrintable(problem));
        QVERIFY(proxy.tunnels() >= 1);
        QCOMPARE(proxy.refused(), 0);
    }

    void wrongPasswordIsExplained_data()
    {
        QTest::addColumn<bool>("socks");
        QTest::newRow("http") << false;
        QTest::newRow("socks5") << true;
    }
    void wrongPasswordIsExplained()
    {
        QFETCH(bool, socks);
        Harness h;
        std::unique_ptr<RelayProxy> proxy;
        if (socks)
            proxy = std::make_unique<Socks5Proxy>(QStringLiteral("carol"), QStringLiteral("right"));
        else
            proxy = std::make_unique<HttpProxy>(QStringLiteral("carol"), QStringLiteral("right"));
        QVERIFY(proxy->listen());
        QVERIFY(storePassword(h.secrets, QStringLiteral("wrong")));
        useProxy(h, socks ? ProxySettings::Mode::Socks5 : ProxySettings::Mode::Http, proxy->port(),
                 QStringLiteral("carol"));
        auto credits = keep(h.service->fetchCredits());
        QVERIFY(finish(credits.get()));
        QCOMPARE(credits->error().kind(), net::ApiError::Kind::Network);
        QVERIFY2(credits->error().message().contains(QLatin1String("proxy")),
                 qPrintable(credits->error().message()));
        QVERIFY(proxy->refused() >= 1);
        QCOMPARE(h.server.stats().value(QLatin1String("requests")).toInt(), 0); // nothing got past it
    }

    void unreachableProxyIsExplained()
    {
        Harness h;
        quint16 deadPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            deadPort = probe.serverPort();
        }
        useProxy(h, ProxySettings::Mode::Http, deadPort, QString());
        auto credits = keep(h.service->fetchCredits());
        QVERIFY(finish(credits.get()));
        QVERIFY2(credits->error().message().contains(QLatin1String("proxy")),
                 qPrintable(credits->error().message()));
        QCOMPARE(h.server.stats().value(QLatin1String("requests")).toInt(), 0);
    }

    void systemAndNoneLeaveThisComputerAlone_data()
    {
        QTest::addColumn<ProxySettings::Mode>("mode");
        QTest::newRow("system") << ProxySettings::Mode::System;
        QTest::newRow("none") << ProxySettings::Mode::None;
    }
    void systemAndNoneLeaveThisComputerAlone()
    {
        QFETCH(ProxySettings::Mode, mode);
        // A system proxy that does not exist: loopback never goes through it, and "none" never uses it.
        qputenv("http_proxy", "http://127.0.0.1:9");
        const auto restore = qScopeGuard([] { qunsetenv("http_proxy"); });
        Harness h;
        h.reconfigure([mode](net::ServiceConfig &config) { config.proxy.mode = mode; });
        auto credits = keep(h.service->fetchCredits());
        QVERIFY(finish(credits.get()));
        QVERIFY2(!credits->error(), qPrintable(credits->error().message()));
    }

    void passwordNeverInTheSettingsFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("settings.ini"));
        net::ServiceConfig config;
        config.proxy.mode = ProxySettings::Mode::Socks5;
        config.proxy.host = QStringLiteral("proxy.example.com");
        config.proxy.port = 1080;
        config.proxy.user = QStringLiteral("dave");
        {
            QSettings settings(path, QSettings::IniFormat);
            config.save(settings);
        }
        QSettings settings(path, QSettings::IniFormat);
        net::ServiceConfig loaded;
        loaded.load(settings);
        QVERIFY(loaded.proxy == config.proxy);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().toLower().contains("password"));
        // A damaged setting falls back to the system's, never to a half-filled proxy.
        settings.setValue(QStringLiteral("proxy/host"), QString());
        net::ServiceConfig damaged;
        damaged.load(settings);
        QCOMPARE(damaged.proxy.mode, ProxySettings::Mode::System);
        QVERIFY(config.proxy.check().isEmpty());
        ProxySettings bad = config.proxy;
        bad.host = QStringLiteral("http://proxy/");
        QVERIFY(!bad.check().isEmpty());
        bad.host = QStringLiteral("proxy");
        bad.port = 0;
        QVERIFY(!bad.check().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProxy)
#include "tst_proxy.moc"
