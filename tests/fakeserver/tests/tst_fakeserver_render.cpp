// Render jobs on the local server: status progression, both poll shapes, failure, the MP4 and Range.
#include "fakeserverthread.h"
#include "rawhttp.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTest>
#include <QThread>

using namespace nemo::fake;
using namespace nemo::fake::test;

namespace {

QByteArray testFile(const char *name)
{
    QFile file(QStringLiteral(NEMO_TEST_DATA_DIR "/") + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Scenario quick(int renderMs = 1500)
{
    Scenario scenario;
    scenario.eventDelayMs = 1;
    scenario.noTextRatio = 0;
    scenario.renderMs = renderMs;
    scenario.renderSize = QSize(320, 180);
    return scenario;
}

struct Project
{
    RawHttp::Login login;
    QJsonObject draft;
};

Project makeProject(RawHttp &http)
{
    Project project;
    project.login = http.login();
    http.upload(project.login,
                {{QStringLiteral("photo1.jpg"), testFile("photo1.jpg")},
                 {QStringLiteral("photo2.png"), testFile("photo2.png")},
                 {QStringLiteral("music.mp3"), testFile("music.mp3")}});
    http.chat(project.login, QStringLiteral("make a 4-second video"));
    project.draft = http.state(project.login).value(QLatin1String("draft")).toObject();
    return project;
}

RawResponse startRender(RawHttp &http, const Project &project, const QString &id, const Headers &headers)
{
    const QJsonObject body{{QStringLiteral("id"), id},
                           {QStringLiteral("sessionId"), project.login.sessionId},
                           {QStringLiteral("draft"), project.draft},
                           {QStringLiteral("output"),
                            QJsonObject{{QStringLiteral("format"), QStringLiteral("mp4")},
                                        {QStringLiteral("quality"), QStringLiteral("high")}}}};
    return http.request("POST", "/api/render/proxy/lambda", headers,
                        QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QJsonObject poll(RawHttp &http, const Project &project, const QString &id)
{
    return http
        .request("GET", "/api/render/proxy/lambda/" + id.toLatin1(), RawHttp::auth(project.login.token))
        .json();
}

// Polls until the job leaves pending/processing; returns every status seen in order.
QList<QJsonObject> pollToEnd(RawHttp &http, const Project &project, const QString &id)
{
    QList<QJsonObject> seen;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 30000) {
        const QJsonObject response = poll(http, project, id);
        seen.append(response);
        const QJsonObject flat = response.contains(QLatin1String("data"))
            ? response.value(QLatin1String("data")).toObject()
            : response;
        const QString status = flat.value(QLatin1String("status")).toString();
        if (status == QLatin1String("completed") || status == QLatin1String("failed"))
            break;
        QThread::msleep(150); // a poll interval, as a client would wait between polls
    }
    return seen;
}

QString statusOf(const QJsonObject &response)
{
    const QJsonObject flat = response.contains(QLatin1String("data"))
        ? response.value(QLatin1String("data")).toObject()
        : response;
    return flat.value(QLatin1String("status")).toString();
}

int progressOf(const QJsonObject &response)
{
    const QJsonObject flat = response.contains(QLatin1String("data"))
        ? response.value(QLatin1String("data")).toObject()
        : response;
    return flat.value(QLatin1String("progress")).toInt();
}

} // namespace

class TestFakeServerRender final : public QObject
{
    Q_OBJECT

private slots:
    void exportNeedsAttribution()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        const Project project = makeProject(http);
        Headers partial = RawHttp::auth(project.login.token);
        partial.removeIf([](const auto &header) { return header.first == "X-Skill-Platform"; });
        const RawResponse blocked = startRender(http, project, QStringLiteral("render_1"), partial);
        QCOMPARE(blocked.status, 402);
        QCOMPARE(
            startRender(http, project, QStringLiteral("render_1"), RawHttp::auth(project.login.token)).status,
            200);
    }

    void freePlanBlocksExport()
    {
        Scenario scenario = quick();
        scenario.exportBlocked = true;
        FakeServerThread server(scenario);
        RawHttp http(server.port());
        const Project project = makeProject(http);
        QCOMPARE(
            startRender(http, project, QStringLiteral("render_2"), RawHttp::auth(project.login.token)).status,
            402);
    }

    void progressesToCompletedTopLevelShape()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        const Project project = makeProject(http);
        const RawResponse started =
            startRender(http, project, QStringLiteral("render_100"), RawHttp::auth(project.login.token));
        QCOMPARE(started.json().value(QLatin1String("success")).toBool(), true);
        QCOMPARE(started.data().value(QLatin1String("id")).toString(), QStringLiteral("render_100"));
        QCOMPARE(started.data().value(QLatin1String("status")).toString(), QStringLiteral("pending"));
        const QList<QJsonObject> seen = pollToEnd(http, project, QStringLiteral("render_100"));
        QCOMPARE(statusOf(seen.first()), QStringLiteral("pending"));
        QCOMPARE(statusOf(seen.last()), QStringLiteral("completed"));
        bool sawProcessing = false;
        for (qsizetype i = 1; i < seen.size(); ++i) {
            QVERIFY(progressOf(seen.at(i)) >= progressOf(seen.at(i - 1)));
            sawProcessing |= statusOf(seen.at(i)) == QLatin1String("processing");
        }
        QVERIFY(sawProcessing);
        const QJsonObject last = seen.last();
        QCOMPARE(last.value(QLatin1String("taskId")).toString(), QStringLiteral("render_100"));
        QCOMPARE(last.value(QLatin1String("progress")).toInt(), 100);
        const QJsonObject output = last.value(QLatin1String("output")).toObject();
        QVERIFY(output.value(QLatin1String("size")).toDouble() > 1000);
        const QUrl url(output.value(QLatin1String("url")).toString());
        QCOMPARE(url.port(), int(server.port()));

        const RawResponse file = http.request("GET", url.path().toLatin1());
        QCOMPARE(file.status, 200);
        QCOMPARE(file.header("accept-ranges"), QByteArray("bytes"));
        QCOMPARE(double(file.body.size()), output.value(QLatin1String("size")).toDouble());
        QCOMPARE(file.body.mid(4, 4), QByteArray("ftyp"));
        QVERIFY(file.body.contains("avc1"));
        const QString ffprobe = QStandardPaths::findExecutable(QStringLiteral("ffprobe"));
        if (!ffprobe.isEmpty()) {
            QTemporaryFile mp4;
            QVERIFY(mp4.open());
            mp4.write(file.body);
            mp4.flush();
            QProcess probe;
            probe.start(ffprobe,
                        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
                         QStringLiteral("v:0"), QStringLiteral("-show_entries"),
                         QStringLiteral("stream=codec_name,width,height"), QStringLiteral("-of"),
                         QStringLiteral("csv=p=0"), mp4.fileName()});
            QVERIFY(probe.waitForFinished(10000));
            QCOMPARE(QString::fromLatin1(probe.readAllStandardOutput()).trimmed(),
                     QStringLiteral("h264,320,180"));
        }

        // Range requests give exact byte slices.
        const RawResponse slice = http.request("GET", url.path().toLatin1(), {{"Range", "bytes=100-299"}});
        QCOMPARE(slice.status, 206);
        QCOMPARE(slice.body, file.body.mid(100, 200));
        QCOMPARE(slice.header("content-range"), "bytes 100-299/" + QByteArray::number(file.body.size()));
        const RawResponse tail = http.request("GET", url.path().toLatin1(), {{"Range", "bytes=500-"}});
        QCOMPARE(tail.body, file.body.mid(500));
        const RawResponse suffix = http.request("GET", url.path().toLatin1(), {{"Range", "bytes=-10"}});
        QCOMPARE(suffix.body, file.body.right(10));
        QCOMPARE(http.request("GET", url.path().toLatin1(), {{"Range", "bytes=999999999-"}}).status, 416);

        // The fallback download serves the same file.
        const RawResponse fallback =
            http.request("GET", "/api/render/proxy/render_100/download", RawHttp::auth(project.login.token));
        QCOMPARE(fallback.status, 200);
        QCOMPARE(fallback.body, file.body);
    }

    void pollShapes_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::newRow("render_id") << QStringLiteral("top_render_id");
        QTest::newRow("wrapped") << QStringLiteral("wrapped");
    }

    void pollShapes()
    {
        QFETCH(QString, shape);
        Scenario scenario = quick(600);
        scenario.pollShape = shape;
        scenario.useFfmpeg = false;
        FakeServerThread server(scenario);
        RawHttp http(server.port());
        const Project project = makeProject(http);
        startRender(http, project, QStringLiteral("render_7"), RawHttp::auth(project.login.token));
        const QJsonObject last = pollToEnd(http, project, QStringLiteral("render_7")).last();
        QCOMPARE(statusOf(last), QStringLiteral("completed"));
        if (shape == QLatin1String("wrapped")) {
            QCOMPARE(last.value(QLatin1String("success")).toBool(), true);
            const QJsonObject data = last.value(QLatin1String("data")).toObject();
            QCOMPARE(data.value(QLatin1String("id")).toString(), QStringLiteral("render_7"));
            QVERIFY(!data.value(QLatin1String("outputUrl")).toString().isEmpty());
            QVERIFY(!data.value(QLatin1String("createdAt")).toString().isEmpty());
            QVERIFY(!data.value(QLatin1String("completedAt")).toString().isEmpty());
        } else {
            QCOMPARE(last.value(QLatin1String("render_id")).toString(), QStringLiteral("render_7"));
            QVERIFY(!last.value(QLatin1String("output"))
                         .toObject()
                         .value(QLatin1String("url"))
                         .toString()
                         .isEmpty());
        }
    }

    void outputUrlMissing()
    {
        Scenario scenario = quick(400);
        scenario.outputUrl = QStringLiteral("none");
        scenario.useFfmpeg = false;
        FakeServerThread server(scenario);
        RawHttp http(server.port());
        const Project project = makeProject(http);
        startRender(http, project, QStringLiteral("render_8"), RawHttp::auth(project.login.token));
        const QJsonObject last = pollToEnd(http, project, QStringLiteral("render_8")).last();
        QVERIFY(!last.value(QLatin1String("output")).toObject().contains(QLatin1String("url")));
        QCOMPARE(
            http.request("GET", "/api/render/proxy/render_8/download", RawHttp::auth(project.login.token))
                .status,
            200);
    }

    void failedRender()
    {
        Scenario scenario = quick(600);
        scenario.renderFails = true;
        FakeServerThread server(scenario);
        RawHttp http(server.port());
        const Project project = makeProject(http);
        startRender(http, project, QStringLiteral("render_9"), RawHttp::auth(project.login.token));
        const QJsonObject last = pollToEnd(http, project, QStringLiteral("render_9")).last();
        QCOMPARE(statusOf(last), QStringLiteral("failed"));
        QCOMPARE(last.value(QLatin1String("error")).toString(), scenario.renderError);
        QCOMPARE(
            http.request("GET", "/api/render/proxy/render_9/download", RawHttp::auth(project.login.token))
                .status,
            409);
    }

    void reusedIdIsAnError()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        const Project project = makeProject(http);
        QCOMPARE(
            startRender(http, project, QStringLiteral("render_5"), RawHttp::auth(project.login.token)).status,
            200);
        const RawResponse again =
            startRender(http, project, QStringLiteral("render_5"), RawHttp::auth(project.login.token));
        QCOMPARE(again.status, 409);
        QCOMPARE(again.json().value(QLatin1String("success")).toBool(true), false);
        QCOMPARE(poll(http, project, QStringLiteral("render_unknown"))
                     .value(QLatin1String("success"))
                     .toBool(true),
                 false);
    }

    void emptyDraftIsRefused()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        Project project;
        project.login = http.login();
        project.draft = QJsonObject{
            {QStringLiteral("t"),
             QJsonArray{QJsonObject{{QStringLiteral("tt"), 0}, {QStringLiteral("sg"), QJsonArray()}}}}};
        QCOMPARE(
            startRender(http, project, QStringLiteral("render_6"), RawHttp::auth(project.login.token)).status,
            400);
    }
};

QTEST_GUILESS_MAIN(TestFakeServerRender)
#include "tst_fakeserver_render.moc"
