// Where the client talks to: base URL precedence, the loopback-only rule for http, languages.
#include "net/attribution.h"
#include "net/serviceconfig.h"
#include "render/renderjob.h"
#include "util/filenames.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace nemo;

class TestServiceConfig final : public QObject
{
    Q_OBJECT

private slots:
    void baseUrlPrecedence()
    {
        QCOMPARE(net::ServiceConfig::resolveBaseUrl({}, {}, {}),
                 QUrl(QStringLiteral("https://mega-api-prod.nemovideo.ai")));
        QCOMPARE(net::ServiceConfig::resolveBaseUrl({}, {}, QStringLiteral("https://saved.example/")),
                 QUrl(QStringLiteral("https://saved.example")));
        QCOMPARE(net::ServiceConfig::resolveBaseUrl({}, QStringLiteral("https://env.example"),
                                                    QStringLiteral("https://saved.example")),
                 QUrl(QStringLiteral("https://env.example")));
        QCOMPARE(net::ServiceConfig::resolveBaseUrl(QStringLiteral("http://127.0.0.1:8080"),
                                                    QStringLiteral("https://env.example"), {}),
                 QUrl(QStringLiteral("http://127.0.0.1:8080")));
    }

    void urlPolicy_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << QStringLiteral("https://mega-api-prod.nemovideo.ai") << true;
        QTest::newRow("http loopback v4") << QStringLiteral("http://127.0.0.1:9000") << true;
        QTest::newRow("http loopback 127/8") << QStringLiteral("http://127.1.2.3:9000") << true;
        QTest::newRow("http localhost") << QStringLiteral("http://localhost:9000") << true;
        QTest::newRow("http loopback v6") << QStringLiteral("http://[::1]:9000") << true;
        QTest::newRow("http remote") << QStringLiteral("http://mega-api-prod.nemovideo.ai") << false;
        QTest::newRow("http lan") << QStringLiteral("http://192.168.1.10") << false;
        QTest::newRow("http localhost lookalike") << QStringLiteral("http://localhost.evil.example") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://example.com") << false;
        QTest::newRow("no host") << QStringLiteral("https://") << false;
        QTest::newRow("garbage") << QStringLiteral("not a url") << false;
    }

    void urlPolicy()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        QCOMPARE(net::ServiceConfig::checkServiceUrl(QUrl(url)).isEmpty(), allowed);
    }

    void languages_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("language");
        QTest::newRow("en_US") << QStringLiteral("en_US") << QStringLiteral("en");
        QTest::newRow("en_GB") << QStringLiteral("en_GB") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("zh-CN");
        QTest::newRow("zh_SG") << QStringLiteral("zh_SG") << QStringLiteral("zh-CN");
        QTest::newRow("zh_TW") << QStringLiteral("zh_TW") << QStringLiteral("zh-TW");
        QTest::newRow("zh_HK") << QStringLiteral("zh_HK") << QStringLiteral("zh-TW");
        QTest::newRow("ja_JP") << QStringLiteral("ja_JP") << QStringLiteral("ja");
        QTest::newRow("pt_BR") << QStringLiteral("pt_BR") << QStringLiteral("pt-BR");
        QTest::newRow("de_DE") << QStringLiteral("de_DE") << QStringLiteral("de");
        QTest::newRow("C") << QStringLiteral("C") << QStringLiteral("en");
    }

    void languages()
    {
        QFETCH(QString, locale);
        QFETCH(QString, language);
        QCOMPARE(net::ServiceConfig::languageFor(QLocale(locale)), language);
    }

    void attributionProfiles()
    {
        const QList<net::AttributionProfile> profiles = net::AttributionProfile::builtIn();
        QCOMPARE(profiles.size(), 4);
        QStringList sources;
        for (const net::AttributionProfile &profile : profiles) {
            sources.append(profile.source);
            QVERIFY(profile.isComplete());
            QCOMPARE(profile.platform, QStringLiteral("unknown"));
        }
        QCOMPARE(sources,
                 QStringList({QStringLiteral("ai-video-maker-ai"),
                              QStringLiteral("free-video-generation-automatic"),
                              QStringLiteral("image-to-video-json-prompt"),
                              QStringLiteral("free-video-generation-api")}));
        QCOMPARE(net::AttributionProfile::bySource(QStringLiteral("nope")),
                 net::AttributionProfile::defaultProfile());
    }

    void settingsRoundTrip()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        net::ServiceConfig config;
        config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1234"));
        config.profile = net::AttributionProfile::bySource(QStringLiteral("free-video-generation-api"));
        config.profile.platform = QStringLiteral("cursor");
        config.maxUploadBytes = 500LL * 1024 * 1024;
        config.save(settings);
        net::ServiceConfig loaded;
        loaded.load(settings);
        QCOMPARE(loaded.baseUrl, config.baseUrl);
        QCOMPARE(loaded.profile, config.profile);
        QCOMPARE(loaded.maxUploadBytes, config.maxUploadBytes);
    }

    void fileNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("clean");
        QTest::newRow("plain") << QStringLiteral("Urban Dreams.mp4") << QStringLiteral("Urban Dreams.mp4");
        QTest::newRow("separators") << QStringLiteral("a/b\\c.mp4") << QStringLiteral("a_b_c.mp4");
        QTest::newRow("traversal") << QStringLiteral("../../etc/passwd") << QStringLiteral("_.._etc_passwd");
        QTest::newRow("dots only") << QStringLiteral("..") << QStringLiteral("video");
        QTest::newRow("reserved") << QStringLiteral("CON.mp4") << QStringLiteral("_CON.mp4");
        QTest::newRow("reserved lower") << QStringLiteral("lpt1") << QStringLiteral("_lpt1");
        QTest::newRow("controls") << QStringLiteral("a\nb\tc.mp4") << QStringLiteral("a_b_c.mp4");
        QTest::newRow("windows chars")
            << QStringLiteral("what?<now>|\"*:.mp4") << QStringLiteral("what__now_____.mp4");
        QTest::newRow("empty") << QString() << QStringLiteral("video");
        QTest::newRow("trailing dots") << QStringLiteral("clip. . .") << QStringLiteral("clip");
        QTest::newRow("unicode") << QStringLiteral("城市之梦.mp4") << QStringLiteral("城市之梦.mp4");
    }

    void fileNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, clean);
        QCOMPARE(util::FileNames::sanitize(name), clean);
    }

    void longFileNames()
    {
        const QString clean =
            util::FileNames::sanitize(QString(500, QLatin1Char('a')) + QStringLiteral(".mp4"));
        QVERIFY(clean.size() <= 120);
        QVERIFY(clean.endsWith(QLatin1String(".mp4")));
    }

    void uniquePaths()
    {
        QTemporaryDir dir;
        const QString first = util::FileNames::uniquePath(dir.path(), QStringLiteral("video.mp4"));
        QCOMPARE(first, dir.filePath(QStringLiteral("video.mp4")));
        QFile(first).open(QIODevice::WriteOnly);
        QCOMPARE(util::FileNames::uniquePath(dir.path(), QStringLiteral("video.mp4")),
                 dir.filePath(QStringLiteral("video (2).mp4")));
        QFile(dir.filePath(QStringLiteral("video (2).mp4.part"))).open(QIODevice::WriteOnly);
        QCOMPARE(util::FileNames::uniquePath(dir.path(), QStringLiteral("video.mp4")),
                 dir.filePath(QStringLiteral("video (3).mp4")));
        const QString evil = util::FileNames::uniquePath(dir.path(), QStringLiteral("../../escape.mp4"));
        QVERIFY(util::FileNames::isInside(dir.path(), evil));
    }

    void renderStatusShapes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("progress");
        QTest::addColumn<QString>("url");
        QTest::newRow("top taskId")
            << QByteArray("{\"taskId\":\"render_1\",\"status\":\"completed\",\"progress\":100,\"output\":{"
                          "\"url\":\"https://cdn/x.mp4\",\"duration\":12.5,\"size\":1024}}")
            << QStringLiteral("render_1") << QStringLiteral("completed") << 100
            << QStringLiteral("https://cdn/x.mp4");
        QTest::newRow("top render_id")
            << QByteArray("{\"render_id\":\"render_2\",\"status\":\"processing\",\"progress\":40}")
            << QStringLiteral("render_2") << QStringLiteral("processing") << 40 << QString();
        QTest::newRow("wrapped")
            << QByteArray(
                   "{\"success\":true,\"data\":{\"id\":\"render_3\",\"status\":\"completed\",\"progress\":"
                   "100,\"outputUrl\":\"/media/r.mp4\",\"createdAt\":\"x\",\"completedAt\":\"y\"}}")
            << QStringLiteral("render_3") << QStringLiteral("completed") << 100
            << QStringLiteral("/media/r.mp4");
        QTest::newRow("wrapped pending")
            << QByteArray(
                   "{\"success\":true,\"data\":{\"id\":\"render_4\",\"status\":\"pending\",\"progress\":5}}")
            << QStringLiteral("render_4") << QStringLiteral("pending") << 5 << QString();
        QTest::newRow("failed")
            << QByteArray("{\"taskId\":\"render_5\",\"status\":\"failed\",\"error\":\"out of memory\"}")
            << QStringLiteral("render_5") << QStringLiteral("failed") << 0 << QString();
        QTest::newRow("odd values") << QByteArray(
                                           "{\"taskId\":7,\"status\":\"RUNNING\",\"progress\":\"250\"}")
                                    << QStringLiteral("7") << QStringLiteral("processing") << 100
                                    << QString();
        QTest::newRow("nothing") << QByteArray("{}") << QString() << QStringLiteral("unknown") << 0
                                 << QString();
    }

    void renderStatusShapes()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, id);
        QFETCH(QString, state);
        QFETCH(int, progress);
        QFETCH(QString, url);
        const render::RenderStatus status =
            render::RenderStatus::fromJson(QJsonDocument::fromJson(json).object());
        QCOMPARE(status.id, id);
        QCOMPARE(render::RenderStatus::stateName(status.state), state);
        QCOMPARE(status.progress, progress);
        QCOMPARE(status.outputUrl, url);
    }

    void renderFailureAndSize()
    {
        const render::RenderStatus failed = render::RenderStatus::fromJson(
            QJsonDocument::fromJson("{\"taskId\":\"r\",\"status\":\"failed\",\"error\":\"out of memory\"}")
                .object());
        QCOMPARE(failed.error, QStringLiteral("out of memory"));
        const render::RenderStatus done = render::RenderStatus::fromJson(
            QJsonDocument::fromJson("{\"taskId\":\"r\",\"status\":\"completed\",\"output\":{\"url\":\"u\","
                                    "\"size\":1024,\"duration\":12.5}}")
                .object());
        QCOMPARE(done.size, 1024);
        QCOMPARE(done.duration, 12.5);
        QVERIFY(render::RenderJob::newJobId().startsWith(QLatin1String("render_")));
        const qint64 future = QDateTime::currentMSecsSinceEpoch() + 100000;
        QCOMPARE(render::RenderJob::newJobId(future).mid(7).toLongLong(), future + 1);
    }
};

QTEST_GUILESS_MAIN(TestServiceConfig)
#include "tst_serviceconfig.moc"
