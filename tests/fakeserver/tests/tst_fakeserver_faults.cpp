// Every fault knob of the local server, and the executable with a scenario file.
#include "fakeserverthread.h"
#include "rawhttp.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace nemo::fake;
using namespace nemo::fake::test;

namespace {

Scenario quick()
{
    Scenario scenario;
    scenario.eventDelayMs = 1;
    scenario.noTextRatio = 0;
    return scenario;
}

Fault fault(const QString &endpoint, int nth = 0)
{
    Fault f;
    f.endpoint = endpoint;
    f.nth = nth;
    return f;
}

RawResponse credits(RawHttp &http, const RawHttp::Login &login)
{
    return http.request("GET", "/api/credits/balance/simple", RawHttp::auth(login.token));
}

int dataEvents(const QByteArray &body)
{
    int count = 0;
    for (const RawEvent &event : RawHttp::events(body))
        count += event.data.isEmpty() ? 0 : 1;
    return count;
}

} // namespace

class TestFakeServerFaults final : public QObject
{
    Q_OBJECT

private slots:
    void httpStatusOnNthCall()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        Fault f = fault(QStringLiteral("credits"), 2);
        f.httpStatus = 503;
        f.times = 2;
        server.addFault(f);
        QCOMPARE(credits(http, login).status, 200);
        const RawResponse second = credits(http, login);
        QCOMPARE(second.status, 503);
        QVERIFY(second.header("content-type").startsWith("text/html"));
        QCOMPARE(credits(http, login).status, 503);
        QCOMPARE(credits(http, login).status, 200);
    }

    void businessCodeOnNthCall()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        Fault f = fault(QStringLiteral("state"), 1);
        f.code = 1002;
        server.addFault(f);
        QCOMPARE(http.request("GET", "/api/state/nemo_agent/me/" + login.sessionId.toLatin1() + "/latest",
                              RawHttp::auth(login.token))
                     .code(),
                 1002);
        QCOMPARE(http.request("GET", "/api/state/nemo_agent/me/" + login.sessionId.toLatin1() + "/latest",
                              RawHttp::auth(login.token))
                     .code(),
                 0);
    }

    void injected1001InvalidatesTheToken()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        Fault f = fault(QStringLiteral("credits"), 1);
        f.code = 1001;
        server.addFault(f);
        QCOMPARE(credits(http, login).code(), 1001);
        QCOMPARE(credits(http, login).code(), 1001);
    }

    void delay()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        Fault f = fault(QStringLiteral("credits"));
        f.delayMs = 400;
        server.addFault(f);
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(credits(http, login).code(), 0);
        QVERIFY(clock.elapsed() >= 380);
    }

    void malformedAndTruncatedJson()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        Fault malformed = fault(QStringLiteral("credits"), 1);
        malformed.malformedJson = true;
        Fault truncated = fault(QStringLiteral("credits"), 2);
        truncated.truncatedJson = true;
        server.addFault(malformed);
        server.addFault(truncated);
        for (int i = 0; i < 2; ++i) {
            const RawResponse response = credits(http, login);
            QCOMPARE(response.status, 200);
            QVERIFY(response.complete);
            QJsonParseError error{};
            QJsonDocument::fromJson(response.body, &error);
            QVERIFY(error.error != QJsonParseError::NoError);
        }
        QCOMPARE(credits(http, login).code(), 0);
    }

    void refusedConnection()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        Fault f = fault(QStringLiteral("token"), 1);
        f.refuse = true;
        server.addFault(f);
        const RawResponse response =
            http.request("POST", "/api/auth/anonymous-token", RawHttp::attribution());
        QCOMPARE(response.status, 0);
        QVERIFY(response.connectionLost);
    }

    void jsonCutAfterBytes()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        Fault f = fault(QStringLiteral("state"), 1);
        f.dropAfterBytes = 20;
        server.addFault(f);
        const RawResponse response =
            http.request("GET", "/api/state/nemo_agent/me/" + login.sessionId.toLatin1() + "/latest",
                         RawHttp::auth(login.token));
        QCOMPARE(response.status, 200);
        QVERIFY(response.connectionLost);
        QVERIFY(response.body.size() <= 20);
    }

    void streamDroppedAfterBytes()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        Fault f = fault(QStringLiteral("sse"), 1);
        f.dropAfterBytes = 300;
        f.reset = false;
        server.addFault(f);
        const RawResponse response = http.chat(login, QStringLiteral("make a video"));
        QCOMPARE(response.status, 200);
        QVERIFY(response.connectionLost);
        QCOMPARE(response.body.size(), 300);
        // The agent finished the work on the server regardless.
        QVERIFY(!http.state(login).value(QLatin1String("draft")).toObject().isEmpty());
    }

    void streamDroppedAfterEvents()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        Fault f = fault(QStringLiteral("sse"), 1);
        f.dropAfterEvents = 3;
        f.reset = false;
        server.addFault(f);
        const RawResponse response = http.chat(login, QStringLiteral("make a video"));
        QVERIFY(response.connectionLost);
        QCOMPARE(RawHttp::events(response.body).size(), 3);
        // A second turn is whole again.
        QVERIFY(http.chat(login, QStringLiteral("again")).complete);
    }

    void heartbeatsOnly()
    {
        Scenario scenario = quick();
        scenario.heartbeatMs = 20;
        FakeServerThread server(scenario);
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        Fault f = fault(QStringLiteral("sse"), 1);
        f.heartbeatsOnly = true;
        f.heartbeatsForMs = 500;
        server.addFault(f);
        const RawResponse response = http.chat(login, QStringLiteral("make a video"));
        QVERIFY(response.complete);
        const QList<RawEvent> events = RawHttp::events(response.body);
        QVERIFY(events.size() >= 5);
        for (const RawEvent &event : events) {
            const bool heartbeat = event.comment || event.data.isEmpty() || event.data.contains("heartbeat");
            QVERIFY2(heartbeat, event.data.constData());
        }
    }

    void errorEventMidTurn()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        Fault f = fault(QStringLiteral("sse"), 1);
        f.sseError = QStringLiteral("model overloaded");
        server.addFault(f);
        const RawResponse response = http.chat(login, QStringLiteral("make a video"));
        const QByteArray errorEvent = R"({"error":"model overloaded"})";
        QVERIFY(response.body.contains(errorEvent));
        QVERIFY(!response.body.contains("functionCall"));
    }

    void hugeLineAndInvalidUtf8()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        Fault f = fault(QStringLiteral("sse"), 1);
        f.hugeLine = true;
        f.invalidUtf8 = true;
        server.addFault(f);
        const RawResponse response = http.chat(login, QStringLiteral("make a video"));
        QVERIFY(response.complete);
        QVERIFY(response.body.size() > 2 * 1024 * 1024);
        QVERIFY(response.body.contains("bad \xff\xfe bytes"));
    }

    void mediaCutAfterBytes()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        Fault f = fault(QStringLiteral("media"), 1);
        f.dropAfterBytes = 1000;
        f.reset = false;
        server.addFault(f);
        const RawResponse cut = http.request("GET", "/media/generated/sample.mp4");
        QCOMPARE(cut.status, 200);
        QVERIFY(cut.connectionLost);
        QCOMPARE(cut.body.size(), 1000);
        const RawResponse whole =
            http.request("GET", "/media/generated/sample.mp4", {{"Range", "bytes=1000-"}});
        QCOMPARE(whole.status, 206);
        QVERIFY(whole.complete);
        QFile sample(QStringLiteral(":/nemo/fakeserver/sample.mp4"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        QCOMPARE(cut.body + whole.body, sample.readAll());
    }

    void eventsSplitAcrossReads()
    {
        Scenario scenario = quick();
        scenario.chunkBytes = 7;
        FakeServerThread server(scenario);
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        const RawResponse response = http.chat(login, QStringLiteral("what can you do?"));
        QVERIFY(response.complete);
        QVERIFY(response.reads > 20);
        QVERIFY(dataEvents(response.body) >= 2);
    }

    void controlEndpoints()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        const RawResponse scenario =
            http.request("POST", "/__fake/scenario", {}, R"({"initialCredits":3,"renderMs":100})");
        QCOMPARE(scenario.json().value(QLatin1String("renderMs")).toInt(), 100);
        const QByteArray noCredits = R"({"available":0})";
        const QByteArray badGateway = R"([{"endpoint":"credits","nth":0,"httpStatus":502}])";
        const QByteArray week = R"({"advanceSeconds":700000})";
        QCOMPARE(http.request("POST", "/__fake/credits", {}, noCredits).status, 200);
        QCOMPARE(http.chat(login, QStringLiteral("make a video")).code(), 2001);
        QCOMPARE(http.request("POST", "/__fake/faults", {}, badGateway).status, 200);
        QCOMPARE(credits(http, login).status, 502);
        const QJsonObject stats = http.request("GET", "/__fake/stats").json();
        QVERIFY(stats.value(QLatin1String("calls")).toObject().value(QLatin1String("credits")).toInt() >= 1);
        QCOMPARE(stats.value(QLatin1String("tokensIssued")).toInt(), 1);
        QCOMPARE(http.request("POST", "/__fake/clock", {}, week).status, 200);
        QCOMPARE(http.request("POST", "/__fake/reset").status, 200);
        QCOMPARE(http.request("GET", "/__fake/stats").json().value(QLatin1String("tokensIssued")).toInt(), 0);
    }

    void executableWithScenarioFile()
    {
        QTemporaryDir dir;
        QFile scenario(dir.filePath(QStringLiteral("scenario.json")));
        QVERIFY(scenario.open(QIODevice::WriteOnly));
        scenario.write(
            R"({"initialCredits": 42, "faults": [{"endpoint": "credits", "nth": 2, "code": 1002}]})");
        scenario.close();
        QProcess process;
        process.start(QStringLiteral(NEMO_FAKE_SERVER_EXE),
                      {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--scenario"),
                       scenario.fileName(), QStringLiteral("--media-dir"),
                       dir.filePath(QStringLiteral("media"))});
        QVERIFY(process.waitForStarted());
        QTRY_VERIFY(process.canReadLine());
        const QString line = QString::fromLatin1(process.readLine()).trimmed();
        QVERIFY(line.startsWith(QLatin1String("NEMO_FAKE_SERVER_URL=http://127.0.0.1:")));
        const QUrl url(line.section(QLatin1Char('='), 1));
        RawHttp http(quint16(url.port()));
        const RawHttp::Login login = http.login();
        QCOMPARE(credits(http, login).data().value(QLatin1String("available")).toInt(), 42);
        QCOMPARE(credits(http, login).code(), 1002);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("media"))));
        process.terminate();
        QVERIFY(process.waitForFinished(5000));

        QProcess bad;
        bad.start(QStringLiteral(NEMO_FAKE_SERVER_EXE),
                  {QStringLiteral("--scenario"), dir.filePath(QStringLiteral("missing.json"))});
        QVERIFY(bad.waitForFinished(5000));
        QCOMPARE(bad.exitCode(), 2);
        QVERIFY(bad.readAllStandardError().contains("cannot read"));
    }
};

QTEST_GUILESS_MAIN(TestFakeServerFaults)
#include "tst_fakeserver_faults.moc"
