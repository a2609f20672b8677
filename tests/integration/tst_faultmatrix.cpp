// The fault matrix: the whole workspace (chat, project on disk, export) against each fault the local
// server can inject. Every row asserts the same invariants — no text that was shown is lost (on screen
// or on disk), the message reached the service at most once, no damaged file is left where the video
// should be, and the user gets a plain message (never JSON, never a token) — and records its outcome for
// the suite's summary. The crash rows (SIGKILL in each phase) are in tst_recovery.
#include "auth/memorysecretstore.h"
#include "client/workspace.h"
#include "faultmatrix.h"
#include "harness.h"
#include "project/projectkeeper.h"
#include "project/projectstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace nemo;
using agent::ChatMessage;

Q_DECLARE_METATYPE(nemo::fake::Fault)

namespace {

struct Studio
{
    explicit Studio(fake::FakeServer &server, const QString &folder)
        : workspace(test::quickConfig(server.baseUrl()), &secrets)
        , store(folder)
        , keeper(&workspace, &store)
    {
        keeper.newProject();
    }

    auth::MemorySecretStore secrets;
    client::Workspace workspace;
    project::ProjectStore store;
    project::ProjectKeeper keeper;
};

// Watches every text the chat shows while a turn runs (an empty placeholder shows nothing).
struct Shown
{
    explicit Shown(client::Conversation *chat)
    {
        auto note = [this, chat](int index) {
            if (!chat->at(index).text.isEmpty())
                texts[chat->at(index).id] = chat->at(index).text;
        };
        QObject::connect(chat, &client::Conversation::messageChanged, &context, note);
        QObject::connect(chat, &client::Conversation::messageAdded, &context, note);
    }
    QObject context;
    QHash<quint64, QString> texts;
};

fake::Fault fault(const char *endpoint, const std::function<void(fake::Fault &)> &set, int times = 1)
{
    fake::Fault f = test::fault(endpoint, 1, times);
    set(f);
    return f;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// What the user is told must be for a person: no JSON, no envelope, no secret.
bool plain(const QString &text)
{
    return !text.trimmed().isEmpty() && !text.contains(QLatin1String("{\"")) &&
        !text.contains(QLatin1String("\"code\"")) && !text.contains(QLatin1String("nmv_usr_")) &&
        !text.contains(QLatin1String("Bearer"));
}

} // namespace

class TestFaultMatrix final : public QObject
{
    Q_OBJECT

private slots:
    // Each row says what must come of it (the start of what the matrix records): a row that ends any
    // other way fails, even when the invariants hold.
    void chatTurn_data()
    {
        QTest::addColumn<fake::Fault>("fault");
        QTest::addColumn<int>("heartbeatLimitMs");
        QTest::addColumn<bool>("serverDown"); // nothing listens at all
        QTest::addColumn<QString>("expected");
        const QString watching = QStringLiteral("The agent may still be working on it");
        const QString serviceProblem = QStringLiteral("sent 0×; told: The NemoVideo service had a problem");
        const QString unreadable =
            QStringLiteral("sent 0×; told: The service sent an answer Nemo Studio couldn't read");
        const QString complete = QStringLiteral("sent 1×; reply complete");
        QRandomGenerator random(20261121);
        for (int i = 0; i < 3; ++i) {
            const int bytes = random.bounded(1, 1200);
            // Cut before the reply's first words (the first two seeds' bytes), or after some of them.
            QTest::addRow("stream dropped at byte %d", bytes)
                << fault("sse", [bytes](fake::Fault &f) { f.dropAfterBytes = bytes; }) << 0 << false
                << (bytes < 600 ? QStringLiteral("sent 1×; told: ") + watching
                                : QStringLiteral("sent 1×; partial reply kept; told: ") + watching);
        }
        QTest::newRow("stream closed cleanly mid-reply")
            << fault("sse", [](fake::Fault &f) { f.dropAfterEvents = 3, f.reset = false; }) << 0 << false
            << QStringLiteral("sent 1×; partial reply kept; told: ") + watching;
        QTest::newRow("heartbeats only, longer than the limit")
            << fault("sse", [](fake::Fault &f) { f.heartbeatsOnly = true; }) << 600 << false
            << QStringLiteral("sent 1×; told: The agent took too long, so Nemo Studio stopped waiting");
        QTest::newRow("1001 token expired at the turn")
            << fault("sse", [](fake::Fault &f) { f.code = 1001; }) << 0 << false << complete;
        QTest::newRow("1002 session lost at the turn")
            << fault("sse", [](fake::Fault &f) { f.code = 1002; }) << 0 << false << complete;
        QTest::newRow("429 rate limited")
            << fault("sse", [](fake::Fault &f) { f.httpStatus = 429; }) << 0 << false << complete;
        for (int status : {500, 502, 503})
            QTest::addRow("HTTP %d", status)
                << fault("sse", [status](fake::Fault &f) { f.httpStatus = status; }) << 0 << false
                << serviceProblem;
        QTest::newRow("connection closed without an answer")
            << fault("sse", [](fake::Fault &f) { f.refuse = true; }) << 0 << false << complete;
        QTest::newRow("connection refused (the service is down)")
            << fake::Fault() << 0 << true
            << QStringLiteral("sent 0×; told: Can't reach the NemoVideo service");
        QTest::newRow("slow server (2 s before answering)")
            << fault("sse", [](fake::Fault &f) { f.delayMs = 2000; }) << 0 << false << complete;
        QTest::newRow("agent error event mid-reply")
            << fault("sse", [](fake::Fault &f) { f.sseError = QStringLiteral("model overloaded"); }) << 0
            << false
            << QStringLiteral(
                   "sent 1×; partial reply kept; told: The agent reported a problem: model overloaded");
        QTest::newRow("truncated JSON from the session endpoint")
            << fault("session", [](fake::Fault &f) { f.truncatedJson = true; }) << 0 << false << unreadable;
        QTest::newRow("malformed JSON from the session endpoint")
            << fault("session", [](fake::Fault &f) { f.malformedJson = true; }) << 0 << false << unreadable;
        QTest::newRow("truncated JSON from the state endpoint")
            << fault(
                   "state", [](fake::Fault &f) { f.truncatedJson = true; }, 5)
            << 0 << false << complete;
        QTest::newRow("huge line in the stream")
            << fault("sse", [](fake::Fault &f) { f.hugeLine = true; }) << 0 << false << complete;
        QTest::newRow("invalid UTF-8 in the stream")
            << fault("sse", [](fake::Fault &f) { f.invalidUtf8 = true; }) << 0 << false << complete;
    }

    void chatTurn()
    {
        QFETCH(fake::Fault, fault);
        QFETCH(int, heartbeatLimitMs);
        QFETCH(bool, serverDown);
        QFETCH(QString, expected);
        test::ScratchDir dir;
        fake::FakeServer server;
        server.setScenario(test::quickScenario());
        QVERIFY(server.listen());
        server.addFault(fault);
        if (serverDown)
            server.close();
        Studio studio(server, dir.path());
        net::ServiceConfig config = studio.workspace.service()->config();
        config.inactivityTimeout = std::chrono::milliseconds(1500);
        if (heartbeatLimitMs > 0)
            config.heartbeatOnlyLimit = std::chrono::milliseconds(heartbeatLimitMs);
        studio.workspace.service()->setConfig(config);
        client::Conversation *chat = studio.workspace.conversation();
        Shown shown(chat);

        const QString request = QStringLiteral("make a travel video");
        QVERIFY(chat->submit(request));
        QTRY_VERIFY_WITH_TIMEOUT(!chat->isBusy(), 30000);
        QVERIFY(studio.keeper.flush());

        // Nothing that was shown is gone: every message is still there, with at least the text it showed.
        for (auto it = shown.texts.cbegin(); it != shown.texts.cend(); ++it) {
            const int index = chat->indexOf(it.key());
            QVERIFY2(index >= 0, "a message that was shown disappeared");
            QVERIFY2(chat->at(index).text.startsWith(it.value()), qPrintable(chat->at(index).text));
        }
        // And the same on disk.
        const project::ProjectStore::Loaded loaded = studio.store.load(studio.keeper.projectId());
        QVERIFY(loaded.project);
        QCOMPARE(loaded.project->messages.size(), chat->size());
        for (int i = 0; i < chat->size(); ++i)
            QCOMPARE(loaded.project->messages.at(i).text, chat->at(i).text);
        // Sent at most once, whatever happened.
        QVERIFY(server.chatMessages().count(request) <= 1);
        // A plain outcome for the user.
        QString outcome;
        for (const ChatMessage &message : chat->messages()) {
            if (message.role == ChatMessage::Role::User)
                continue;
            QVERIFY2(plain(message.text), qPrintable(message.text));
            if (message.role == ChatMessage::Role::Error || message.role == ChatMessage::Role::Notice)
                outcome = message.text.simplified().section(QLatin1Char('.'), 0, 0).left(70);
        }
        const int agent = [&] {
            for (int i = chat->size() - 1; i >= 0; --i) {
                if (chat->at(i).role == ChatMessage::Role::Agent)
                    return i;
            }
            return -1;
        }();
        const bool replied = agent >= 0 && chat->at(agent).state == ChatMessage::State::Done;
        QVERIFY2(replied || !outcome.isEmpty(), "a turn that did not finish must say so");
        const QString result = replied ? QStringLiteral("reply complete")
            : agent >= 0 && !chat->at(agent).text.isEmpty()
            ? QStringLiteral("partial reply kept; told: ") + outcome
            : QStringLiteral("told: ") + outcome;
        const QString recorded =
            QStringLiteral("sent %1×; %2").arg(server.chatMessages().count(request)).arg(result);
        QVERIFY2(recorded.startsWith(expected),
                 qPrintable(QStringLiteral("expected \"%1…\", got \"%2\"").arg(expected, recorded)));
        test::FaultMatrix::record(QLatin1String(QTest::currentDataTag()), recorded);
    }

    void exportFile_data()
    {
        QTest::addColumn<QList<fake::Fault>>("faults");
        QTest::addColumn<bool>("renderFails");
        QTest::addColumn<bool>("mustSucceed");
        QTest::addColumn<QString>("expected");
        const QString whole = QStringLiteral("file complete and identical");
        QRandomGenerator random(1121);
        for (int i = 0; i < 2; ++i) {
            const int bytes = random.bounded(1, 60000);
            QTest::addRow("download cut at byte %d", bytes)
                << QList<fake::Fault>{fault("media", [bytes](fake::Fault &f) { f.dropAfterBytes = bytes; })}
                << false << true << whole;
        }
        QTest::newRow("download cut again and again")
            << QList<fake::Fault>{fault(
                                      "media", [](fake::Fault &f) { f.dropAfterBytes = 5000; }, 50),
                                  fault(
                                      "render_download", [](fake::Fault &f) { f.dropAfterBytes = 5000; }, 50)}
            << false << false << QStringLiteral("no file; told: Can't reach the NemoVideo service");
        QTest::newRow("render failed") << QList<fake::Fault>() << true << false
                                       << QStringLiteral("no file; told: The export failed on the server");
        QTest::newRow("render poll answers 503 twice")
            << QList<fake::Fault>{fault(
                   "render_poll", [](fake::Fault &f) { f.httpStatus = 503; }, 2)}
            << false << true << whole;
        QTest::newRow("render poll malformed JSON")
            << QList<fake::Fault>{fault("render_poll", [](fake::Fault &f) { f.malformedJson = true; })}
            << false << true << whole;
    }

    void exportFile()
    {
        QFETCH(QList<fake::Fault>, faults);
        QFETCH(bool, renderFails);
        QFETCH(bool, mustSucceed);
        QFETCH(QString, expected);
        test::ScratchDir dir;
        QTemporaryDir media;
        fake::Scenario scenario = test::quickScenario();
        scenario.renderFails = renderFails;
        fake::FakeServer server;
        server.setScenario(scenario);
        server.setMediaDir(media.path());
        QVERIFY(server.listen());
        Studio studio(server, dir.path());
        QSignalSpy turned(studio.workspace.conversation(), &client::Conversation::turnFinished);
        QVERIFY(studio.workspace.conversation()->submit(QStringLiteral("make a travel video")));
        QVERIFY(turned.wait(30000));
        QTRY_VERIFY(studio.workspace.state() && studio.workspace.state()->draft.isExportable());
        for (const fake::Fault &f : faults)
            server.addFault(f);

        render::Exporter *exporter = studio.workspace.exporter();
        const QString target = dir.filePath(QStringLiteral("video.mp4"));
        QSignalSpy finished(exporter, &render::Exporter::finished);
        exporter->start(studio.workspace.state()->draft, render::RenderOptions(), target);
        QVERIFY(finished.wait(60000));
        QVERIFY(studio.keeper.flush());

        const QString serverCopy =
            media.filePath(QStringLiteral("renders/") + exporter->jobId() + QStringLiteral(".mp4"));
        QString outcome;
        if (exporter->phase() == render::Exporter::Phase::Done) {
            // Never a damaged file where the video should be.
            QCOMPARE(fileBytes(target), fileBytes(serverCopy));
            QVERIFY(!QFile::exists(target + QStringLiteral(".part")));
            outcome = QStringLiteral("file complete and identical");
        } else {
            QVERIFY(!mustSucceed);
            QVERIFY(!QFile::exists(target)); // a partial download stays .part, ready to resume
            QVERIFY2(plain(exporter->error().message()), qPrintable(exporter->error().message()));
            outcome = QStringLiteral("no file; told: ") +
                exporter->error().message().simplified().section(QLatin1Char('.'), 0, 0).left(70);
        }
        QVERIFY(mustSucceed ? exporter->phase() == render::Exporter::Phase::Done : true);
        // The project knows how the export ended.
        QVERIFY(!studio.keeper.renders().isEmpty());
        QCOMPARE(studio.keeper.renders().constLast().jobId, exporter->jobId());
        QVERIFY(!studio.keeper.renders().constLast().isRunning());
        QCOMPARE(server.chatMessages().size(), 1);
        QVERIFY2(outcome.startsWith(expected),
                 qPrintable(QStringLiteral("expected \"%1…\", got \"%2\"").arg(expected, outcome)));
        test::FaultMatrix::record(QLatin1String(QTest::currentDataTag()), outcome);
    }
};

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
