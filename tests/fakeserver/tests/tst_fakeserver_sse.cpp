// Chat turns from the local server: ADK and simplified events, heartbeats, framing, the scripted agent.
#include "fakeserverthread.h"
#include "rawhttp.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace nemo::fake;
using namespace nemo::fake::test;

namespace {

QByteArray testFile(const char *name)
{
    QFile file(QStringLiteral(NEMO_TEST_DATA_DIR "/") + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Scenario quick()
{
    Scenario scenario;
    scenario.eventDelayMs = 1;
    scenario.noTextRatio = 0;
    return scenario;
}

struct Turn
{
    QStringList partialTexts;
    QStringList finalTexts;
    QStringList toolCalls;
    QStringList toolResults;
    int commentHeartbeats = 0;
    int emptyDataHeartbeats = 0;
    int typedHeartbeats = 0;
    QStringList simpleTexts;
    QStringList errors;
};

Turn decode(const QByteArray &body)
{
    Turn turn;
    for (const RawEvent &event : RawHttp::events(body)) {
        if (event.comment && event.fields.isEmpty()) {
            ++turn.commentHeartbeats;
            continue;
        }
        if (event.data.isEmpty()) {
            if (event.fields.contains("data"))
                ++turn.emptyDataHeartbeats;
            continue;
        }
        const QJsonObject object = QJsonDocument::fromJson(event.data).object();
        if (object.contains(QLatin1String("error"))) {
            turn.errors.append(object.value(QLatin1String("error")).toString());
            continue;
        }
        const QString type = object.value(QLatin1String("type")).toString();
        if (type == QLatin1String("heartbeat")) {
            ++turn.typedHeartbeats;
        } else if (type == QLatin1String("text")) {
            turn.simpleTexts.append(object.value(QLatin1String("content")).toString());
        } else if (type == QLatin1String("tool_call")) {
            turn.toolCalls.append(object.value(QLatin1String("name")).toString());
        } else if (type == QLatin1String("tool_result")) {
            turn.toolResults.append(object.value(QLatin1String("name")).toString());
        }
        const bool partial = object.value(QLatin1String("partial")).toBool();
        for (const QJsonValue &partValue :
             object.value(QLatin1String("content")).toObject().value(QLatin1String("parts")).toArray()) {
            const QJsonObject part = partValue.toObject();
            if (part.contains(QLatin1String("text")))
                (partial ? turn.partialTexts : turn.finalTexts)
                    .append(part.value(QLatin1String("text")).toString());
            if (part.contains(QLatin1String("functionCall")))
                turn.toolCalls.append(part.value(QLatin1String("functionCall"))
                                          .toObject()
                                          .value(QLatin1String("name"))
                                          .toString());
            if (part.contains(QLatin1String("functionResponse")))
                turn.toolResults.append(part.value(QLatin1String("functionResponse"))
                                            .toObject()
                                            .value(QLatin1String("name"))
                                            .toString());
        }
    }
    return turn;
}

QJsonArray tracksOf(const QJsonObject &state)
{
    return state.value(QLatin1String("draft")).toObject().value(QLatin1String("t")).toArray();
}

} // namespace

class TestFakeServerSse final : public QObject
{
    Q_OBJECT

private slots:
    void adkEventsPartialThenFinal()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        http.upload(login, {{QStringLiteral("photo1.jpg"), testFile("photo1.jpg")}});
        const RawResponse response = http.chat(login, QStringLiteral("make a promo video"));
        QCOMPARE(response.status, 200);
        QVERIFY(response.header("content-type").startsWith("text/event-stream"));
        QVERIFY(response.complete);
        const Turn turn = decode(response.body);
        QCOMPARE(turn.finalTexts.size(), 2);
        // The partial chunks of each message add up to its final event.
        QCOMPARE(turn.partialTexts.join(QString()), turn.finalTexts.join(QString()));
        QVERIFY(turn.finalTexts.last().contains(QLatin1String("Export")));
        QCOMPARE(turn.toolCalls, QStringList{QStringLiteral("edit_multitrack")});
        QCOMPARE(turn.toolResults, QStringList{QStringLiteral("edit_multitrack")});
        QVERIFY(turn.commentHeartbeats >= 1);
        QVERIFY(turn.emptyDataHeartbeats >= 1);
    }

    void simplifiedForm()
    {
        Scenario scenario = quick();
        scenario.sseForm = QStringLiteral("simple");
        FakeServerThread server(scenario);
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        const Turn turn = decode(http.chat(login, QStringLiteral("make a video")).body);
        QVERIFY(turn.simpleTexts.size() >= 2);
        QVERIFY(turn.finalTexts.isEmpty());
        QVERIFY(turn.toolCalls.contains(QStringLiteral("edit_multitrack")));
        QVERIFY(turn.toolResults.contains(QStringLiteral("edit_multitrack")));
        QVERIFY(turn.typedHeartbeats >= 1);
    }

    void agentBuildsDraftFromMedia()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        http.upload(login,
                    {{QStringLiteral("photo1.jpg"), testFile("photo1.jpg")},
                     {QStringLiteral("photo2.png"), testFile("photo2.png")},
                     {QStringLiteral("music.mp3"), testFile("music.mp3")}});
        QVERIFY(http.state(login).value(QLatin1String("draft")).isNull());
        http.chat(login, QStringLiteral("make a 12-second promo titled \"Urban Dreams\""));
        const QJsonObject draft = http.state(login).value(QLatin1String("draft")).toObject();
        QCOMPARE(draft.value(QLatin1String("d")).toInt(), 12000);
        QCOMPARE(draft.value(QLatin1String("m")).toObject().value(QLatin1String("title")).toString(),
                 QStringLiteral("Urban Dreams"));
        const QJsonArray tracks = draft.value(QLatin1String("t")).toArray();
        QCOMPARE(tracks.size(), 3);
        QCOMPARE(tracks.at(0).toObject().value(QLatin1String("tt")).toInt(), 0);
        QCOMPARE(tracks.at(0).toObject().value(QLatin1String("sg")).toArray().size(), 2);
        QCOMPARE(tracks.at(1).toObject().value(QLatin1String("tt")).toInt(), 1);
        const QJsonObject bgm =
            tracks.at(1).toObject().value(QLatin1String("sg")).toArray().first().toObject();
        QCOMPARE(bgm.value(QLatin1String("m")).toObject().value(QLatin1String("volume")).toDouble(), 0.35);
        QCOMPARE(tracks.at(2).toObject().value(QLatin1String("tt")).toInt(), 7);

        http.chat(login, QStringLiteral("set the music volume to 50%"));
        const QJsonArray after = tracksOf(http.state(login));
        QCOMPARE(after.at(1)
                     .toObject()
                     .value(QLatin1String("sg"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("m"))
                     .toObject()
                     .value(QLatin1String("volume"))
                     .toDouble(),
                 0.5);
        http.chat(login, QStringLiteral("remove the title"));
        QCOMPARE(tracksOf(http.state(login)).size(), 2);
    }

    void noAudioTrackWithoutAudio()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        http.upload(login, {{QStringLiteral("photo1.jpg"), testFile("photo1.jpg")}});
        http.chat(login, QStringLiteral("make a video with music"));
        const QJsonArray tracks = tracksOf(http.state(login));
        QCOMPARE(tracks.size(), 2);
        for (const QJsonValue &track : tracks)
            QVERIFY(track.toObject().value(QLatin1String("tt")).toInt() != 1);
    }

    void generatesAClipWithoutMedia()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        const Turn turn = decode(http.chat(login, QStringLiteral("generate a short clip of a sunrise")).body);
        QVERIFY(turn.toolCalls.contains(QStringLiteral("generate_video_with_seedance")));
        const QJsonObject state = http.state(login);
        QCOMPARE(state.value(QLatin1String("generated_media")).toArray().size(), 1);
        QVERIFY(!tracksOf(state).isEmpty());
    }

    void chineseReplies()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        const RawHttp::Login login = http.login(QStringLiteral("zh-CN"));
        const Turn turn = decode(http.chat(login, QStringLiteral("做一个视频")).body);
        QVERIFY(turn.finalTexts.last().contains(QStringLiteral("导出")));
    }

    void silentTurnsHaveNoText()
    {
        Scenario scenario = quick();
        scenario.noTextRatio = 1.0;
        FakeServerThread server(scenario);
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        const Turn turn = decode(http.chat(login, QStringLiteral("make a video")).body);
        QVERIFY(turn.finalTexts.isEmpty());
        QVERIFY(turn.partialTexts.isEmpty());
        QVERIFY(turn.toolCalls.contains(QStringLiteral("edit_multitrack")));
        QVERIFY(!tracksOf(http.state(login)).isEmpty());
    }

    void aboutThirtyPercentOfEditTurnsAreSilent()
    {
        Scenario scenario = quick();
        scenario.noTextRatio = 0.3;
        scenario.initialCredits = 10000;
        FakeServerThread server(scenario);
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        int silent = 0;
        const int turns = 30;
        for (int i = 0; i < turns; ++i) {
            if (decode(http.chat(login, QStringLiteral("tweak it %1").arg(i)).body).finalTexts.isEmpty())
                ++silent;
        }
        QVERIFY2(silent >= 3 && silent <= 18, qPrintable(QString::number(silent)));
    }

    void questionsAreAnsweredWithoutEdits()
    {
        Scenario scenario = quick();
        scenario.noTextRatio = 1.0;
        FakeServerThread server(scenario);
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        const Turn turn = decode(http.chat(login, QStringLiteral("what can you do?")).body);
        QCOMPARE(turn.finalTexts.size(), 1);
        QVERIFY(turn.toolCalls.isEmpty());
    }

    void framingVariants_data()
    {
        QTest::addColumn<QString>("framing");
        QTest::addColumn<QByteArray>("terminator");
        QTest::newRow("lf") << QStringLiteral("lf") << QByteArray("\n\n");
        QTest::newRow("crlf") << QStringLiteral("crlf") << QByteArray("\r\n\r\n");
        QTest::newRow("cr") << QStringLiteral("cr") << QByteArray("\r\r");
    }

    void framingVariants()
    {
        QFETCH(QString, framing);
        QFETCH(QByteArray, terminator);
        Scenario scenario = quick();
        scenario.framing = framing;
        scenario.eventIds = true;
        scenario.multilineData = true;
        FakeServerThread server(scenario);
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        const RawResponse response = http.chat(login, QStringLiteral("make a video"));
        QVERIFY(response.body.contains(terminator));
        if (framing != QLatin1String("lf"))
            QVERIFY(!response.body.contains(QByteArray("}\n\n")));
        QVERIFY(response.body.contains("retry: 3000"));
        const QList<RawEvent> events = RawHttp::events(response.body);
        bool sawId = false;
        bool sawMultiline = false;
        for (const RawEvent &event : events) {
            sawId |= event.fields.contains("id");
            sawMultiline |= event.fields.count("data") > 1;
        }
        QVERIFY(sawId);
        QVERIFY(sawMultiline);
        QCOMPARE(decode(response.body).finalTexts.size(), 2);
    }

    void splitAtEveryByte()
    {
        Scenario scenario = quick();
        scenario.chunkBytes = 1;
        FakeServerThread server(scenario);
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        const RawResponse response = http.chat(login, QStringLiteral("what can you do?"));
        QVERIFY(response.complete);
        // Every byte went out as its own chunk.
        QCOMPARE(response.chunkSizes.size(), response.body.size());
        QVERIFY(std::all_of(response.chunkSizes.cbegin(), response.chunkSizes.cend(),
                            [](qint64 size) { return size == 1; }));
        QCOMPARE(decode(response.body).finalTexts.size(), 1);
    }

    void closeDelimitedStream()
    {
        Scenario scenario = quick();
        scenario.sseChunked = false;
        FakeServerThread server(scenario);
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        const RawResponse response = http.chat(login, QStringLiteral("make a video"));
        QVERIFY(response.header("transfer-encoding").isEmpty());
        QCOMPARE(response.header("connection"), QByteArray("close"));
        QCOMPARE(decode(response.body).finalTexts.size(), 2);
    }

    void trailingTemporaryIssue()
    {
        Scenario scenario = quick();
        scenario.trailingTemporaryIssue = true;
        FakeServerThread server(scenario);
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        const Turn turn = decode(http.chat(login, QStringLiteral("make a video")).body);
        QVERIFY(turn.finalTexts.last().startsWith(QLatin1String("I encountered a temporary issue")));
    }

    void emptyMessageIsRefused()
    {
        FakeServerThread server(quick());
        RawHttp http(server.port());
        const RawHttp::Login login = http.login();
        QCOMPARE(http.chat(login, QStringLiteral("  ")).status, 400);
        QVERIFY(server.chatMessages().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFakeServerSse)
#include "tst_fakeserver_sse.moc"
