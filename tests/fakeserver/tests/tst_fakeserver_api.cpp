// The local server's endpoints, spoken to in raw HTTP: tokens, sessions, credits, state and uploads.
#include "fakeserverthread.h"
#include "rawhttp.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace nemo::fake;
using namespace nemo::fake::test;

namespace {

QByteArray testFile(const char *name)
{
    QFile file(QStringLiteral(NEMO_TEST_DATA_DIR "/") + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Headers withClientId(const QByteArray &id)
{
    Headers headers = RawHttp::attribution();
    headers.append({"X-Client-Id", id});
    return headers;
}

QByteArray newClientId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
}

} // namespace

class TestFakeServerApi final : public QObject
{
    Q_OBJECT

private slots:
    void anonymousTokenNeedsClientId()
    {
        FakeServerThread server;
        RawHttp http(server.port());
        const RawResponse missing = http.request("POST", "/api/auth/anonymous-token", RawHttp::attribution());
        QCOMPARE(missing.status, 400);
        QVERIFY(!missing.json().value(QLatin1String("message")).toString().isEmpty());
        QCOMPARE(http.request("POST", "/api/auth/anonymous-token", withClientId("not-a-uuid")).status, 400);
        QCOMPARE(http.request("POST", "/api/auth/anonymous-token", withClientId(QByteArray(70, 'a'))).status,
                 400);
    }

    void anonymousTokenShape()
    {
        FakeServerThread server;
        RawHttp http(server.port());
        const RawResponse response =
            http.request("POST", "/api/auth/anonymous-token", withClientId(newClientId()));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.code(), 0);
        const QJsonObject data = response.data();
        QVERIFY(data.value(QLatin1String("token")).toString().startsWith(QLatin1String("nmv_usr_")));
        QVERIFY(data.value(QLatin1String("user_id")).toString().startsWith(QLatin1String("anon_")));
        QCOMPARE(data.value(QLatin1String("credits")).toInt(), 100);
        const QDateTime expires =
            QDateTime::fromString(data.value(QLatin1String("expires_at")).toString(), Qt::ISODate);
        QVERIFY(expires.isValid());
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 7 * 24 * 3600) < 60);
    }

    void oneTokenPerClientPerWindow()
    {
        FakeServerThread server;
        RawHttp http(server.port());
        const QByteArray client = newClientId();
        const RawResponse first = http.request("POST", "/api/auth/anonymous-token", withClientId(client));
        QCOMPARE(first.code(), 0);
        const RawResponse second = http.request("POST", "/api/auth/anonymous-token", withClientId(client));
        QCOMPARE(second.status, 429);
        // Seven days later the token has expired and the same client may have a new one, for the same user.
        server.run([](FakeServer &s) { s.advanceClock(7 * 24 * 3600 + 1); });
        const RawResponse later = http.request("POST", "/api/auth/anonymous-token", withClientId(client));
        QCOMPARE(later.code(), 0);
        QCOMPARE(later.data().value(QLatin1String("user_id")), first.data().value(QLatin1String("user_id")));
    }

    void tokensPerAddressAreLimited()
    {
        Scenario scenario;
        scenario.tokensPerIp = 3;
        FakeServerThread server(scenario);
        RawHttp http(server.port());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(http.request("POST", "/api/auth/anonymous-token", withClientId(newClientId())).code(),
                     0);
        QCOMPARE(http.request("POST", "/api/auth/anonymous-token", withClientId(newClientId())).status, 429);
    }

    void expiredTokenAnswers1001()
    {
        FakeServerThread server;
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        QCOMPARE(http.request("GET", "/api/credits/balance/simple", RawHttp::auth(login.token)).code(), 0);
        server.run([](FakeServer &s) { s.advanceClock(7 * 24 * 3600 + 5); });
        const RawResponse expired =
            http.request("GET", "/api/credits/balance/simple", RawHttp::auth(login.token));
        QCOMPARE(expired.status, 200);
        QCOMPARE(expired.code(), 1001);
        QCOMPARE(http.request("GET", "/api/credits/balance/simple", RawHttp::attribution()).code(), 1001);
    }

    void businessCodesAsHttpStatus()
    {
        Scenario scenario;
        scenario.codesAsHttpStatus = true;
        FakeServerThread server(scenario);
        RawHttp http(server.port());
        const RawResponse response =
            http.request("GET", "/api/credits/balance/simple", RawHttp::auth(QStringLiteral("nope")));
        QCOMPARE(response.status, 401);
        QCOMPARE(response.code(), 1001);
    }

    void sessionCreation()
    {
        FakeServerThread server;
        RawHttp http(server.port());
        const RawHttp::Login login = http.login(QStringLiteral("zh-CN"));
        QVERIFY(!login.sessionId.isEmpty());
        bool numeric = false;
        login.sessionId.toULongLong(&numeric);
        QVERIFY(numeric);
        const RawResponse state =
            http.request("GET", "/api/state/nemo_agent/me/" + login.sessionId.toLatin1() + "/latest",
                         RawHttp::auth(login.token));
        QCOMPARE(state.code(), 0);
        QCOMPARE(state.data().value(QLatin1String("session_id")).toString(), login.sessionId);
        QVERIFY(state.data().value(QLatin1String("task_id")).toString().startsWith(QLatin1String("task_")));
    }

    void unknownSessionAnswers1002()
    {
        FakeServerThread server;
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        QCOMPARE(
            http.request("GET", "/api/state/nemo_agent/me/123/latest", RawHttp::auth(login.token)).code(),
            1002);
        RawHttp::Login other = login;
        other.sessionId = QStringLiteral("999");
        QCOMPARE(http.chat(other, QStringLiteral("hello")).code(), 1002);
        QCOMPARE(http.upload(other, {{QStringLiteral("a.jpg"), testFile("photo1.jpg")}}).code(), 1002);
        // Another user's session is not yours either.
        const RawHttp::Login stranger = http.login();
        RawHttp::Login borrowed = stranger;
        borrowed.sessionId = login.sessionId;
        QCOMPARE(http.request("GET", "/api/state/nemo_agent/me/" + login.sessionId.toLatin1() + "/latest",
                              RawHttp::auth(stranger.token))
                     .code(),
                 1002);
    }

    void stateShape()
    {
        FakeServerThread server;
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        const QJsonObject state = http.state(login);
        QVERIFY(state.contains(QLatin1String("draft")));
        QVERIFY(state.value(QLatin1String("video_infos")).isArray());
        QVERIFY(state.value(QLatin1String("generated_media")).isArray());
        QCOMPARE(state.value(QLatin1String("canvas_config")).toObject().value(QLatin1String("width")).toInt(),
                 1920);
    }

    void creditsGoDownPerTurnAnd2001AtZero()
    {
        Scenario scenario;
        scenario.initialCredits = 25;
        scenario.creditsPerTurn = 10;
        scenario.eventDelayMs = 1;
        FakeServerThread server(scenario);
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        auto available = [&] {
            return http.request("GET", "/api/credits/balance/simple", RawHttp::auth(login.token))
                .data()
                .value(QLatin1String("available"))
                .toInt();
        };
        const RawResponse balance =
            http.request("GET", "/api/credits/balance/simple", RawHttp::auth(login.token));
        QCOMPARE(balance.data().value(QLatin1String("available")).toInt(), 25);
        QCOMPARE(balance.data().value(QLatin1String("frozen")).toInt(), 0);
        QCOMPARE(balance.data().value(QLatin1String("total")).toInt(), 25);
        QVERIFY(http.chat(login, QStringLiteral("make a video")).complete);
        QCOMPARE(available(), 15);
        QVERIFY(http.chat(login, QStringLiteral("make it shorter")).complete);
        QCOMPARE(available(), 5);
        QVERIFY(http.chat(login, QStringLiteral("add a title")).complete);
        QCOMPARE(available(), 0);
        const RawResponse refused = http.chat(login, QStringLiteral("one more"));
        QCOMPARE(refused.code(), 2001);
        QCOMPARE(refused.data().value(QLatin1String("user_id")).toString(), login.userId);
        QCOMPARE(server.chatMessages().size(), 3);
    }

    void attributionHeadersAreCounted()
    {
        FakeServerThread server;
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        QCOMPARE(server.stats().value(QLatin1String("missingAttribution")).toInt(), 0);
        http.request("GET", "/api/credits/balance/simple",
                     {{"Authorization", "Bearer " + login.token.toLatin1()}});
        QCOMPARE(server.stats().value(QLatin1String("missingAttribution")).toInt(), 1);
    }

    void uploadSeveralFiles()
    {
        FakeServerThread server;
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        const RawResponse response = http.upload(login,
                                                 {{QStringLiteral("photo1.jpg"), testFile("photo1.jpg")},
                                                  {QStringLiteral("photo2.png"), testFile("photo2.png")},
                                                  {QStringLiteral("music.mp3"), testFile("music.mp3")}});
        QCOMPARE(response.code(), 0);
        const QJsonArray files = response.data().value(QLatin1String("files")).toArray();
        QCOMPARE(files.size(), 3);
        const QJsonObject photo = files.at(0).toObject();
        QCOMPARE(photo.value(QLatin1String("filename")).toString(), QStringLiteral("photo1.jpg"));
        QCOMPARE(photo.value(QLatin1String("file_type")).toString(), QStringLiteral("image"));
        QCOMPARE(photo.value(QLatin1String("width")).toInt(), 640);
        QCOMPARE(photo.value(QLatin1String("height")).toInt(), 360);
        QVERIFY(!photo.value(QLatin1String("hash")).toString().isEmpty());
        QCOMPARE(files.at(1).toObject().value(QLatin1String("height")).toInt(), 640);
        const QJsonObject music = files.at(2).toObject();
        QCOMPARE(music.value(QLatin1String("file_type")).toString(), QStringLiteral("audio"));
        QVERIFY(music.value(QLatin1String("duration")).toDouble() > 0);
        QVERIFY(response.data().value(QLatin1String("session_state_applied")).toBool());
        // The CDN URL serves the same bytes.
        const QUrl cdn(photo.value(QLatin1String("cdn_url")).toString());
        const RawResponse media = http.request("GET", cdn.path().toLatin1());
        QCOMPARE(media.status, 200);
        QCOMPARE(media.body, testFile("photo1.jpg"));
        QCOMPARE(http.state(login).value(QLatin1String("video_infos")).toArray().size(), 3);
    }

    void uploadRejectsUnsupportedType()
    {
        FakeServerThread server;
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        const RawResponse response = http.upload(
            login,
            {{QStringLiteral("ok.jpg"), testFile("photo1.jpg")}, {QStringLiteral("tool.exe"), "MZ binary"}});
        QCOMPARE(response.code(), 4001);
        QVERIFY(
            response.json().value(QLatin1String("message")).toString().contains(QLatin1String("mp4, mov")));
        QCOMPARE(http.state(login).value(QLatin1String("video_infos")).toArray().size(), 0);
    }

    void uploadRejectsTooLarge()
    {
        Scenario scenario;
        scenario.maxUploadBytes = 1000;
        FakeServerThread server(scenario);
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        QCOMPARE(http.upload(login, {{QStringLiteral("big.mp4"), QByteArray(5000, 'x')}}).code(), 4002);
        QCOMPARE(http.upload(login, {{QStringLiteral("small.jpg"), testFile("photo1.jpg").left(900)}}).code(),
                 0);
    }

    void uploadIsStreamedNotBuffered()
    {
        QTemporaryDir media;
        FakeServerThread server(Scenario(), media.path());
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        const QByteArray big = QByteArray(48 * 1024 * 1024, 'v');
        const RawResponse response = http.upload(login, {{QStringLiteral("big.mp4"), big}});
        QCOMPARE(response.code(), 0);
        // Let the server register the closed connection's figures.
        QTRY_VERIFY(server.stats().value(QLatin1String("peakBufferedBodyBytes")).toDouble() > 0);
        const double peak = server.stats().value(QLatin1String("peakBufferedBodyBytes")).toDouble();
        QVERIFY2(peak < 4 * 1024 * 1024, qPrintable(QStringLiteral("peak buffered %1 bytes").arg(peak)));
    }

    void uploadByUrl()
    {
        FakeServerThread server;
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        const QByteArray path = "/api/upload-video/nemo_agent/me/" + login.sessionId.toLatin1();
        const RawResponse ok =
            http.request("POST", path, RawHttp::auth(login.token),
                         "{\"urls\":[\"https://example.com/clips/beach.mp4\"],\"source_type\":\"url\"}");
        QCOMPARE(ok.code(), 0);
        const QJsonObject file = ok.data().value(QLatin1String("files")).toArray().first().toObject();
        QCOMPARE(file.value(QLatin1String("filename")).toString(), QStringLiteral("beach.mp4"));
        QCOMPARE(file.value(QLatin1String("file_type")).toString(), QStringLiteral("video"));
        QCOMPARE(file.value(QLatin1String("cdn_url")).toString(),
                 QStringLiteral("https://example.com/clips/beach.mp4"));
        const QByteArray pdf = "{\"urls\":[\"https://example.com/doc.pdf\"],\"source_type\":\"url\"}";
        const QByteArray ftp = "{\"urls\":[\"ftp://example.com/a.mp4\"],\"source_type\":\"url\"}";
        QCOMPARE(http.request("POST", path, RawHttp::auth(login.token), pdf).code(), 4001);
        QCOMPARE(http.request("POST", path, RawHttp::auth(login.token), ftp).status, 400);
    }

    void chunkedRequestBody()
    {
        FakeServerThread server;
        RawHttp http(server.port());
        const QByteArray raw =
            "POST /api/auth/anonymous-token HTTP/1.1\r\nHost: x\r\nX-Client-Id: " + newClientId() +
            "\r\nX-Skill-Source: a\r\nX-Skill-Version: 1\r\nX-Skill-Platform: unknown\r\n"
            "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
        QCOMPARE(http.send(raw).code(), 0);
    }

    void keepAliveServesSeveralRequests()
    {
        FakeServerThread server;
        RawHttp http(server.port());
        const QByteArray one = "GET /api/credits/balance/simple HTTP/1.1\r\nHost: x\r\n\r\n";
        const QByteArray two =
            "GET /api/credits/balance/simple HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        const RawResponse response = http.send(one + two);
        QCOMPARE(response.code(), 1001);
        QTRY_COMPARE(server.stats().value(QLatin1String("requests")).toInt(), 2);
    }

    void unknownEndpointAndMethod()
    {
        FakeServerThread server;
        RawHttp http(server.port());
        QCOMPARE(http.request("GET", "/nothing/here").status, 404);
        QCOMPARE(http.request("GET", "/api/auth/anonymous-token").status, 405);
        QCOMPARE(http.request("GET", "/media/../etc/passwd").status, 404);
        QCOMPARE(http.send("garbage\r\n\r\n").status, 400);
    }
};

QTEST_GUILESS_MAIN(TestFakeServerApi)
#include "tst_fakeserver_api.moc"
