// Chat turns over SSE against the local server: streaming, both event forms, every framing,
// silent turns, dropped streams (never re-sent), agent errors, limits, stop, and refusals.
#include "agent/chatturn.h"
#include "client/conversation.h"
#include "client/timelinewatch.h"
#include "harness.h"

using namespace nemo;
using namespace nemo::test;
using agent::ChatTurn;
using net::ApiError;

namespace {

const QString Intro = QStringLiteral("Sure, working on your video now.");

void upload(Harness &h)
{
    auto job = keep(h.service->upload({QStringLiteral(NEMO_TEST_DATA_DIR "/photo1.jpg"),
                                       QStringLiteral(NEMO_TEST_DATA_DIR "/photo2.png"),
                                       QStringLiteral(NEMO_TEST_DATA_DIR "/music.mp3")}));
    QVERIFY(finish(job.get()));
    QVERIFY2(!job->error(), qPrintable(job->error().message()));
}

struct Recorded
{
    QString appended;
    int changes = 0;
    int replacements = 0;
    int heartbeats = 0;
    QStringList statuses;
};

std::unique_ptr<ChatTurn> send(Harness &h, const QString &message, Recorded *recorded)
{
    auto turn = keep(h.service->sendMessage(message));
    QObject::connect(turn.get(), &ChatTurn::textChanged,
                     [recorded](const QString &, const QString &appended) {
                         recorded->appended += appended;
                         ++recorded->changes;
                         if (appended.isEmpty())
                             ++recorded->replacements;
                     });
    QObject::connect(turn.get(), &ChatTurn::heartbeat, [recorded] { ++recorded->heartbeats; });
    QObject::connect(turn.get(), &ChatTurn::statusChanged,
                     [recorded](const QString &status) { recorded->statuses.append(status); });
    return turn;
}

int sends(const Harness &h)
{
    return int(h.server.chatMessages().size());
}

} // namespace

class TestChatTurn final : public QObject
{
    Q_OBJECT

private slots:
    void streamsTheReplyOnce_data()
    {
        QTest::addColumn<QString>("form");
        QTest::addColumn<QString>("framing");
        QTest::addColumn<int>("chunkBytes");
        QTest::addColumn<bool>("chunked");
        QTest::newRow("adk lf") << QStringLiteral("adk") << QStringLiteral("lf") << 0 << true;
        QTest::newRow("adk crlf") << QStringLiteral("adk") << QStringLiteral("crlf") << 0 << true;
        QTest::newRow("adk cr") << QStringLiteral("adk") << QStringLiteral("cr") << 0 << true;
        QTest::newRow("adk close-delimited") << QStringLiteral("adk") << QStringLiteral("lf") << 0 << false;
        QTest::newRow("adk every byte") << QStringLiteral("adk") << QStringLiteral("crlf") << 1 << true;
        QTest::newRow("adk 5-byte pieces") << QStringLiteral("adk") << QStringLiteral("cr") << 5 << true;
        QTest::newRow("simple lf") << QStringLiteral("simple") << QStringLiteral("lf") << 0 << true;
        QTest::newRow("simple every byte")
            << QStringLiteral("simple") << QStringLiteral("crlf") << 1 << false;
    }

    void streamsTheReplyOnce()
    {
        QFETCH(QString, form);
        QFETCH(QString, framing);
        QFETCH(int, chunkBytes);
        QFETCH(bool, chunked);
        fake::Scenario scenario = quickScenario();
        scenario.sseForm = form;
        scenario.framing = framing;
        scenario.chunkBytes = chunkBytes;
        scenario.sseChunked = chunked;
        scenario.multilineData = framing != QLatin1String("lf");
        scenario.eventIds = framing == QLatin1String("cr");
        Harness h(scenario);
        upload(h);
        Recorded recorded;
        auto turn = send(h, QStringLiteral("make a 6-second promo titled \"Urban Dreams\""), &recorded);
        QVERIFY(finish(turn.get(), 60000));
        QVERIFY2(!turn->error(), qPrintable(turn->outcomeMessage()));
        QCOMPARE(turn->outcome(), ChatTurn::Outcome::Replied);
        const QString text = turn->text();
        QVERIFY(text.startsWith(Intro.left(20)));
        QVERIFY(text.contains(QLatin1String("Urban Dreams")));
        QCOMPARE(text.count(QLatin1String("Done!")), 1); // the final event did not repeat it
        QCOMPARE(text.count(QLatin1String("Sure, working")), 1);
        QCOMPARE(recorded.appended, text); // what was streamed adds up to the reply
        QVERIFY(recorded.changes >= 4);
        QCOMPARE(recorded.replacements, 0);
        QVERIFY(recorded.heartbeats >= 1);
        QVERIFY(recorded.statuses.contains(QStringLiteral("editing the timeline")));
        QVERIFY(turn->outcomeMessage().isEmpty());
        QVERIFY(turn->hasStateAfter());
        QCOMPARE(turn->stateAfter().draft.tracks().size(), 3);
        QVERIFY(turn->changes().describe().contains(QLatin1String("added track Video")));
        QCOMPARE(turn->guiActions(),
                 (QList<agent::GuiAction>{agent::GuiAction::ShowTimeline, agent::GuiAction::OpenExport}));
        QCOMPARE(sends(h), 1);
        QVERIFY(turn->wasDelivered());
    }

    void silentTurnReportsWhatChanged()
    {
        fake::Scenario scenario = quickScenario();
        scenario.noTextRatio = 1.0;
        Harness h(scenario);
        upload(h);
        Recorded recorded;
        auto turn = send(h, QStringLiteral("make a video"), &recorded);
        QVERIFY(finish(turn.get()));
        QCOMPARE(turn->outcome(), ChatTurn::Outcome::NoText);
        QVERIFY(!turn->error());
        QVERIFY(turn->text().isEmpty());
        QVERIFY(turn->hasStateAfter());
        const QString message = turn->outcomeMessage();
        QVERIFY2(message.contains(
                     QLatin1String("What changed: added track Video, added track BGM, added track Title")),
                 qPrintable(message));
        // A second silent turn that changes the volume names exactly that.
        auto second = send(h, QStringLiteral("set the music volume to 60%"), &recorded);
        QVERIFY(finish(second.get()));
        QCOMPARE(second->changes().describe(), QStringLiteral("BGM volume 35% → 60%"));
    }

    void droppedStreamIsNeverResent_data()
    {
        QTest::addColumn<bool>("reset");
        QTest::addColumn<bool>("chunked");
        QTest::addColumn<int>("events");
        QTest::newRow("reset, chunked") << true << true << 4;
        QTest::newRow("clean close, chunked") << false << true << 4;
        // Close-delimited, a cut is visible only inside a message (its final event never came).
        QTest::newRow("reset, close-delimited") << true << false << 2;
        QTest::newRow("clean close, close-delimited") << false << false << 10;
    }

    void droppedStreamIsNeverResent()
    {
        QFETCH(bool, reset);
        QFETCH(bool, chunked);
        QFETCH(int, events);
        fake::Scenario scenario = quickScenario();
        scenario.sseChunked = chunked;
        Harness h(scenario);
        upload(h);
        fake::Fault drop = fault("sse", 1);
        drop.dropAfterEvents = events;
        drop.reset = reset;
        h.server.addFault(drop);
        Recorded recorded;
        auto turn = send(h, QStringLiteral("make a video"), &recorded);
        QVERIFY(finish(turn.get()));
        QCOMPARE(turn->outcome(), ChatTurn::Outcome::Dropped);
        QCOMPARE(turn->error().kind(), ApiError::Kind::Network);
        QVERIFY(!turn->text().isEmpty()); // the partial reply is kept
        QCOMPARE(recorded.appended, turn->text());
        QCOMPARE(sends(h), 1);
        QCOMPARE(h.server.callCount(QStringLiteral("sse")), 1);
        QVERIFY(turn->hasStateAfter());
        QVERIFY(turn->outcomeMessage().contains(QLatin1String("not sent again")));
        QVERIFY(turn->outcomeMessage().contains(QLatin1String("added track Video")));
    }

    void streamCutAtEveryPlace()
    {
        // Whatever byte the stream is cut at, the turn ends cleanly, keeps what it showed, and sends once.
        for (int bytes : {0, 1, 17, 100, 333, 700, 1500}) {
            Harness h;
            fake::Fault drop = fault("sse", 1);
            drop.dropAfterBytes = bytes;
            h.server.addFault(drop);
            Recorded recorded;
            auto turn = send(h, QStringLiteral("make a video"), &recorded);
            QVERIFY(finish(turn.get()));
            QVERIFY2(turn->outcome() == ChatTurn::Outcome::Dropped, qPrintable(QString::number(bytes)));
            QCOMPARE(recorded.appended, turn->text());
            QCOMPARE(sends(h), 1);
        }
    }

    void agentErrorKeepsThePartialReply()
    {
        Harness h;
        fake::Fault error = fault("sse", 1);
        error.sseError = QStringLiteral("model overloaded");
        h.server.addFault(error);
        Recorded recorded;
        auto turn = send(h, QStringLiteral("make a video"), &recorded);
        QVERIFY(finish(turn.get()));
        QCOMPARE(turn->outcome(), ChatTurn::Outcome::Failed);
        QVERIFY(turn->text().startsWith(Intro));
        QVERIFY(turn->outcomeMessage().contains(QLatin1String("model overloaded")));
        QCOMPARE(sends(h), 1);
    }

    void heartbeatsOnlyTimesOut()
    {
        Harness h;
        h.reconfigure([](net::ServiceConfig &config) {
            config.heartbeatOnlyLimit = std::chrono::milliseconds(700);
            config.stillWorkingInterval = std::chrono::milliseconds(150);
        });
        fake::Fault beats = fault("sse", 1);
        beats.heartbeatsOnly = true;
        h.server.addFault(beats);
        Recorded recorded;
        auto turn = send(h, QStringLiteral("make a video"), &recorded);
        QSignalSpy stillWorking(turn.get(), &ChatTurn::stillWorking);
        QVERIFY(finish(turn.get()));
        QCOMPARE(turn->outcome(), ChatTurn::Outcome::TimedOut);
        QCOMPARE(turn->error().kind(), ApiError::Kind::Timeout);
        QVERIFY(recorded.heartbeats >= 5);
        QVERIFY(stillWorking.count() >= 2);
        QCOMPARE(sends(h), 1);
        QVERIFY(turn->hasStateAfter());
    }

    void turnLimit()
    {
        fake::Scenario scenario = quickScenario();
        scenario.eventDelayMs = 150;
        Harness h(scenario);
        h.reconfigure([](net::ServiceConfig &config) { config.turnLimit = std::chrono::milliseconds(600); });
        Recorded recorded;
        auto turn = send(h, QStringLiteral("make a video"), &recorded);
        QVERIFY(finish(turn.get()));
        QCOMPARE(turn->outcome(), ChatTurn::Outcome::TimedOut);
        QCOMPARE(recorded.appended, turn->text());
        QCOMPARE(sends(h), 1);
    }

    void stopKeepsTextAndChecksTheState()
    {
        fake::Scenario scenario = quickScenario();
        scenario.eventDelayMs = 80;
        Harness h(scenario);
        Recorded recorded;
        auto turn = send(h, QStringLiteral("make a video"), &recorded);
        QSignalSpy text(turn.get(), &ChatTurn::textChanged);
        QVERIFY(text.wait(10000));
        turn->stop();
        QVERIFY(finish(turn.get()));
        QCOMPARE(turn->outcome(), ChatTurn::Outcome::Cancelled);
        QVERIFY(!turn->text().isEmpty());
        QVERIFY(turn->hasStateAfter());
        QCOMPARE(sends(h), 1);
    }

    void outOfCreditsIsRefused()
    {
        Harness h;
        QVERIFY(finish(keep(h.service->fetchCredits()).get()));
        h.server.setCredits(0);
        Recorded recorded;
        auto turn = send(h, QStringLiteral("make a video"), &recorded);
        QVERIFY(finish(turn.get()));
        QCOMPARE(turn->outcome(), ChatTurn::Outcome::Refused);
        QCOMPARE(turn->error().kind(), ApiError::Kind::NoCredits);
        QVERIFY(turn->error().actionUrl().toString().startsWith(
            QLatin1String("https://nemovideo.com/register?bind=anon_")));
        QVERIFY(!turn->wasDelivered());
        QCOMPARE(sends(h), 0);
    }

    void refusalsBeforeStreamingAreReplayed_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("status");
        QTest::newRow("1001") << 1001 << 0;
        QTest::newRow("1002") << 1002 << 0;
        QTest::newRow("1001 as 401") << 1001 << 401;
        QTest::newRow("429") << 0 << 429;
    }

    void refusalsBeforeStreamingAreReplayed()
    {
        QFETCH(int, code);
        QFETCH(int, status);
        Harness h;
        fake::Fault refusal = fault("sse", 1);
        refusal.code = code;
        refusal.httpStatus = status;
        h.server.addFault(refusal);
        Recorded recorded;
        auto turn = send(h, QStringLiteral("make a video"), &recorded);
        QVERIFY(finish(turn.get()));
        QVERIFY2(turn->outcome() == ChatTurn::Outcome::Replied, qPrintable(turn->outcomeMessage()));
        QCOMPARE(h.server.callCount(QStringLiteral("sse")), 2);
        QCOMPARE(sends(h), 1);
    }

    void serverErrorIsNotRetried()
    {
        Harness h;
        fake::Fault broken = fault("sse", 1);
        broken.httpStatus = 502;
        h.server.addFault(broken);
        Recorded recorded;
        auto turn = send(h, QStringLiteral("make a video"), &recorded);
        QVERIFY(finish(turn.get()));
        QCOMPARE(turn->outcome(), ChatTurn::Outcome::Refused);
        QCOMPARE(turn->error().kind(), ApiError::Kind::Server);
        QCOMPARE(h.server.callCount(QStringLiteral("sse")), 1);
    }

    void trailingTemporaryIssueIsIgnored_data()
    {
        QTest::addColumn<QString>("form");
        QTest::newRow("adk") << QStringLiteral("adk");
        QTest::newRow("simple") << QStringLiteral("simple");
    }

    void trailingTemporaryIssueIsIgnored()
    {
        QFETCH(QString, form);
        fake::Scenario scenario = quickScenario();
        scenario.trailingTemporaryIssue = true;
        scenario.sseForm = form;
        Harness h(scenario);
        Recorded recorded;
        auto turn = send(h, QStringLiteral("make a video"), &recorded);
        QVERIFY(finish(turn.get()));
        QCOMPARE(turn->outcome(), ChatTurn::Outcome::Replied);
        QVERIFY(turn->text().contains(QLatin1String("Export")));
        QVERIFY(!turn->text().contains(QLatin1String("temporary issue")));
        QCOMPARE(recorded.appended, turn->text());
    }

    void hugeLinesAreCut()
    {
        Harness h;
        fake::Fault huge = fault("sse", 1);
        huge.hugeLine = true;
        h.server.addFault(huge);
        Recorded recorded;
        auto turn = send(h, QStringLiteral("make a video"), &recorded);
        QVERIFY(finish(turn.get(), 60000));
        QVERIFY(turn->text().size() <= ChatTurn::MaxReplyCharacters + 200);
        QVERIFY(turn->text().contains(QLatin1String("too long")));
        QCOMPARE(sends(h), 1);
    }

    void invalidUtf8EventsAreSkipped()
    {
        Harness h;
        fake::Fault bad = fault("sse", 1);
        bad.invalidUtf8 = true;
        h.server.addFault(bad);
        Recorded recorded;
        auto turn = send(h, QStringLiteral("make a video"), &recorded);
        QVERIFY(finish(turn.get()));
        QCOMPARE(turn->outcome(), ChatTurn::Outcome::Replied);
        QCOMPARE(turn->malformedEvents(), 1);
        QVERIFY(!turn->text().contains(QLatin1String("bad ")));
    }

    // After a dropped stream the agent may carry on: the timeline is looked at on the vendor's cadence
    // (first after droppedStreamFirstCheck, then every droppedStreamInterval), each change is told, and
    // the looking stops after droppedStreamQuietReads looks without one. Nothing is ever sent again.
    void droppedStreamIsFollowedOnTheVendorsCadence()
    {
        using namespace std::chrono_literals;
        fake::Scenario scenario = quickScenario();
        scenario.lateEditMs = 530; // the edit lands after the first look, before the second
        Harness h(scenario);
        h.reconfigure([](net::ServiceConfig &config) {
            config.droppedStreamFirstCheck = 400ms;
            config.droppedStreamInterval = 250ms;
            config.droppedStreamQuietReads = 3;
        });
        upload(h);
        fake::Fault drop = fault("sse", 1);
        drop.dropAfterEvents = 3;
        h.server.addFault(drop);
        client::Conversation conversation(h.service.get());
        QSignalSpy watching(&conversation, &client::Conversation::watchingChanged);
        QSignalSpy turns(&conversation, &client::Conversation::turnFinished);
        QVERIFY(conversation.submit(QStringLiteral("make a video")));
        QVERIFY(watching.wait(10000));
        QCOMPARE(watching.last().first().toBool(), true);
        QVERIFY(conversation.isWatching());
        int readsAtChange = -1;
        connect(conversation.watch(), &client::TimelineWatch::changed, this,
                [&] { readsAtChange = conversation.watch()->reads(); });
        const int statesBefore = h.server.callCount(QStringLiteral("state"));
        const qint64 droppedAt = h.server.callTimes(QStringLiteral("state")).last();
        QVERIFY(watching.wait(15000));
        QCOMPARE(watching.last().first().toBool(), false);
        QVERIFY(!conversation.isWatching());
        QCOMPARE(sends(h), 1); // never sent again

        // What the server saw: the first look after 400 ms, then one every 250 ms until the change
        // (usually the second look: the edit lands at 530 ms), then three quiet looks.
        QStringList notices;
        for (const agent::ChatMessage &message : conversation.messages())
            notices.append(message.text);
        const QString all = notices.join(QLatin1Char('\n'));
        const QList<qint64> times = h.server.callTimes(QStringLiteral("state")).mid(statesBefore);
        QVERIFY2(readsAtChange >= 1, qPrintable(all));
        QVERIFY2(times.size() == readsAtChange + 3,
                 qPrintable(QString::number(times.size()) + QLatin1Char('\n') + all));
        QVERIFY2(times.first() - droppedAt >= 390, qPrintable(QString::number(times.first() - droppedAt)));
        for (qsizetype i = 1; i < times.size(); ++i)
            QVERIFY2(times.at(i) - times.at(i - 1) >= 240,
                     qPrintable(QString::number(times.at(i) - times.at(i - 1))));
        QVERIFY2(all.contains(QLatin1String("The agent may still be working on it")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("The agent carried on. What changed: added track Video")),
                 qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("Nothing changed in 3 look")), qPrintable(all));
        QCOMPARE(turns.count(), 2); // the dropped turn, and the change found later
        const auto state = h.service->lastState();
        QVERIFY(state && state->draft.isExportable());
    }

    void stopWaitingEndsTheLooks()
    {
        using namespace std::chrono_literals;
        fake::Scenario scenario = quickScenario();
        Harness h(scenario);
        h.reconfigure([](net::ServiceConfig &config) {
            config.droppedStreamFirstCheck = 300ms;
            config.droppedStreamInterval = 300ms;
        });
        upload(h);
        fake::Fault drop = fault("sse", 1);
        drop.dropAfterEvents = 3;
        h.server.addFault(drop);
        client::Conversation conversation(h.service.get());
        QSignalSpy watching(&conversation, &client::Conversation::watchingChanged);
        QVERIFY(conversation.submit(QStringLiteral("make a video")));
        QVERIFY(watching.wait(10000));
        QVERIFY(conversation.watch()->secondsToNextRead() >= 0);
        conversation.stopWatching();
        QCOMPARE(watching.last().first().toBool(), false);
        const int states = h.server.callCount(QStringLiteral("state"));
        QTest::qWait(900); // three looks would have come by now
        QCOMPARE(h.server.callCount(QStringLiteral("state")), states);
        QVERIFY(
            conversation.messages().last().text.startsWith(QLatin1String("Stopped waiting for the agent")));
    }

    void sandboxPathsAreShownByFileName()
    {
        fake::Scenario scenario = quickScenario();
        scenario.sandboxPaths = true;
        Harness h(scenario);
        upload(h);
        Recorded recorded;
        auto turn = send(h, QStringLiteral("make a video with music"), &recorded);
        QVERIFY(finish(turn.get()));
        const draft::Draft draft = turn->stateAfter().draft;
        QVERIFY(draft.isExportable());
        QVERIFY(draft.tracks().first().segments.first().source.startsWith(QLatin1String("/mnt/userdata/")));
        const QString summary = draft.summary();
        QVERIFY2(!summary.contains(QLatin1String("/mnt/")), qPrintable(summary));
        QVERIFY2(summary.contains(QLatin1String("photo1.jpg")), qPrintable(summary));
        QVERIFY(!turn->outcomeMessage().contains(QLatin1String("/mnt/")));
    }

    void chineseSession()
    {
        Harness h;
        h.reconfigure([](net::ServiceConfig &config) { config.language = QStringLiteral("zh-CN"); });
        Recorded recorded;
        auto turn = send(h, QStringLiteral("做一个视频"), &recorded);
        QVERIFY(finish(turn.get()));
        QVERIFY(turn->text().contains(QStringLiteral("导出")));
        QVERIFY(turn->guiActions().contains(agent::GuiAction::OpenExport));
    }
};

QTEST_GUILESS_MAIN(TestChatTurn)
#include "auth/creditsquery.h"
#include "tst_chatturn.moc"
