// nemo-cli end to end: the real binary against the local server — sign in, upload two images, chat,
// state, export to a playable MP4 — and an exit code for each class of error.
#include "auth/memorysecretstore.h"
#include "client/workspace.h"
#include "clirunner.h"
#include "fakeserverthread.h"
#include "harness.h"
#include "otioreader.h"
#include "project/project.h"
#include "project/projectkeeper.h"
#include "project/projectstore.h"
#include "requirements.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

#if defined(Q_OS_UNIX)
#include <csignal>
#include <sys/types.h>
#endif

#if defined(NEMO_HAVE_MULTIMEDIA)
#include <QGuiApplication>
#include <QMediaPlayer>
#include <QSignalSpy>
#include <QVideoFrame>
#include <QVideoSink>
#endif

using namespace nemo;
using namespace nemo::fake;
using nemo::test::data;

using Run = nemo::test::CliRun;

class TestCli final : public QObject
{
    Q_OBJECT

private:
    Run cli(const QUrl &server, const QStringList &arguments, int timeoutMs = 60000,
            const QString &input = QString())
    {
        return m_cli.run(server, arguments, timeoutMs, input);
    }

    // Starts nemo-cli as a person's terminal would, without waiting for it (a second terminal).
    void start(QProcess &process, const QUrl &server, const QStringList &arguments)
    {
        m_cli.start(process, server, arguments);
    }

    // A session whose timeline can be exported, on a server whose renders take `renderMs`.
    static Scenario exportScenario(int renderMs)
    {
        Scenario scenario;
        scenario.eventDelayMs = 1;
        scenario.noTextRatio = 0;
        scenario.renderMs = renderMs;
        scenario.renderSize = QSize(320, 180);
        return scenario;
    }

    bool prepareTimeline(const QUrl &server)
    {
        return cli(server, {QStringLiteral("upload"), data("photo1.jpg")}).exitCode == 0 &&
            cli(server, {QStringLiteral("chat"), QStringLiteral("make a video")}).exitCode == 0;
    }

    static int calls(FakeServerThread &server, const char *endpoint)
    {
        return server.stats().value(QLatin1String("calls")).toObject().value(QLatin1String(endpoint)).toInt();
    }

    static QString describe(const Run &run) { return test::CliRunner::describe(run); }

private slots:
    void initTestCase()
    {
        NEMO_REQUIRE_CLI_KEYCHAIN();
        QVERIFY(m_home.isValid());
        m_keychainService =
            QStringLiteral("NemoStudioCliTest-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    void cleanupTestCase()
    {
        // The whole run: no token ever reached the terminal.
        QVERIFY(!m_everything.contains(QLatin1String("nmv_usr_")));
    }

    void sharesTheProjectWithTheWindow()
    {
        FakeServerThread server(exportScenario(600));
        // The store the window uses (the same folder under the same XDG_DATA_HOME).
        const project::ProjectStore store(
            m_home.filePath(QStringLiteral("data/NemoStudio/NemoStudio/projects")));

        // A chat started in the terminal is in the project the window opens next.
        const Run chat = cli(server.baseUrl(), {QStringLiteral("chat"), QStringLiteral("make a video")});
        QVERIFY2(chat.exitCode == 0, qPrintable(describe(chat)));
        const QString id = store.lastProjectId();
        QVERIFY(!id.isEmpty());
        std::optional<project::Project> seen = store.load(id).project;
        QVERIFY(seen);
        QVERIFY(seen->messages.size() >= 2);
        const agent::ChatMessage &asked = seen->messages.at(seen->messages.size() - 2);
        QCOMPARE(asked.role, agent::ChatMessage::Role::User);
        QCOMPARE(asked.text, QStringLiteral("make a video"));
        QCOMPARE(seen->messages.constLast().role, agent::ChatMessage::Role::Agent);
        QVERIFY(chat.out.contains(seen->messages.constLast().text.left(20)));
        QVERIFY(seen->session.isValid());
        QVERIFY(!seen->drafts.isEmpty()); // the timeline after the turn

        // What the window adds is what the terminal continues from: its messages stay, its session is used.
        agent::ChatMessage fromWindow;
        fromWindow.id = 9000;
        fromWindow.role = agent::ChatMessage::Role::User;
        fromWindow.text = QStringLiteral("typed in the window");
        fromWindow.time = QDateTime::currentDateTime();
        seen->messages.append(fromWindow);
        QVERIFY(store.save(*seen));
        const int sessionsBefore = calls(server, "session");
        const Run more = cli(server.baseUrl(), {QStringLiteral("chat"), QStringLiteral("make it shorter")});
        QVERIFY2(more.exitCode == 0, qPrintable(describe(more)));
        QCOMPARE(calls(server, "session"), sessionsBefore); // the project's session, not a new one
        const std::optional<project::Project> after = store.load(id).project;
        QVERIFY(after);
        QCOMPARE(after->session.sessionId, seen->session.sessionId);
        QStringList texts;
        for (const agent::ChatMessage &message : after->messages)
            texts.append(message.text);
        QVERIFY2(texts.contains(QStringLiteral("typed in the window")),
                 qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(texts.contains(QStringLiteral("make it shorter")));

        // Uploads from the terminal are in the window's media bin, with the file on this computer.
        const Run upload = cli(server.baseUrl(), {QStringLiteral("upload"), data("photo2.png")});
        QVERIFY2(upload.exitCode == 0, qPrintable(describe(upload)));
        const std::optional<project::Project> withMedia = store.load(id).project;
        QVERIFY(withMedia);
        const QString photo = data("photo2.png");
        QVERIFY(std::any_of(
            withMedia->media.cbegin(), withMedia->media.cend(), [&](const media::MediaItem &item) {
                return item.path == photo && item.state == media::MediaItem::State::Uploaded &&
                    !item.uploaded.cdnUrl.isEmpty();
            }));
    }

    // nemo-cli edit: the same hand edits as the window's (same core, same project file), by the names
    // `state` prints; refused edits say why and change nothing; the export renders the edited timeline.
    void editsTheTimelineByHand()
    {
        FakeServerThread server(exportScenario(600));
        const project::ProjectStore store(
            m_home.filePath(QStringLiteral("data/NemoStudio/NemoStudio/projects")));
        QVERIFY(cli(server.baseUrl(), {QStringLiteral("upload"), data("photo1.jpg"), data("photo2.png")})
                    .exitCode == 0);
        const Run chat =
            cli(server.baseUrl(),
                {QStringLiteral("chat"), QStringLiteral("make a 6-second video titled \"Trip\"")});
        QVERIFY2(chat.exitCode == 0, qPrintable(describe(chat)));
        const Run state = cli(server.baseUrl(), {QStringLiteral("state")});
        QVERIFY2(state.out.contains(QLatin1String("Video:1  photo1.jpg")), qPrintable(state.out));
        QVERIFY(state.out.contains(QLatin1String("Video:2  photo2.png")));

        const Run remove = cli(server.baseUrl(),
                               {QStringLiteral("edit"), QStringLiteral("delete"),
                                QStringLiteral("Video:photo1.jpg"), QStringLiteral("--ripple")});
        QVERIFY2(remove.exitCode == 0, qPrintable(describe(remove)));
        QVERIFY(remove.out.contains(QLatin1String("Done: Delete photo1.jpg")));
        const Run title = cli(server.baseUrl(),
                              {QStringLiteral("edit"), QStringLiteral("title"), QStringLiteral("Title:1"),
                               QStringLiteral("--text"), QStringLiteral("Road Trip"),
                               QStringLiteral("--duration"), QStringLiteral("2")});
        QVERIFY2(title.exitCode == 0, qPrintable(describe(title)));
        const Run after = cli(server.baseUrl(), {QStringLiteral("--json"), QStringLiteral("state")});
        const QJsonObject json = QJsonDocument::fromJson(after.out.toUtf8()).object();
        QVERIFY2(json.value(QLatin1String("summary")).toString().contains(QLatin1String("Road Trip")),
                 qPrintable(after.out));
        QCOMPARE(json.value(QLatin1String("hand_edits")).toInt(), 2);
        // The window's project holds them, with undo.
        std::optional<project::Project> project = store.load(store.lastProjectId()).project;
        QVERIFY(project);
        QCOMPARE(project->handEdits.edits.size(), 2);
        QCOMPARE(project->handEdits.done, 2);
        QVERIFY(cli(server.baseUrl(), {QStringLiteral("edit"), QStringLiteral("undo")}).exitCode == 0);
        const Run list = cli(server.baseUrl(), {QStringLiteral("edit"), QStringLiteral("list")});
        QVERIFY2(list.out.contains(QLatin1String("2. Edit Title")) &&
                     list.out.contains(QLatin1String("(undone)")),
                 qPrintable(list.out));
        QCOMPARE(store.load(store.lastProjectId()).project->handEdits.done, 1);
        QVERIFY(cli(server.baseUrl(), {QStringLiteral("edit"), QStringLiteral("redo")}).exitCode == 0);
        // Refused, with words and its exit code, nothing changed.
        const Run gone =
            cli(server.baseUrl(),
                {QStringLiteral("edit"), QStringLiteral("delete"), QStringLiteral("Video:photo1.jpg")});
        QCOMPARE(gone.exitCode, 6);
        QVERIFY2(gone.err.contains(QLatin1String("no segment called")), qPrintable(describe(gone)));
        const Run badTime = cli(server.baseUrl(),
                                {QStringLiteral("edit"), QStringLiteral("split"), QStringLiteral("Video:1"),
                                 QStringLiteral("soon")});
        QCOMPARE(badTime.exitCode, 2);
        const Run outside = cli(server.baseUrl(),
                                {QStringLiteral("edit"), QStringLiteral("split"), QStringLiteral("Video:1"),
                                 QStringLiteral("30")});
        QCOMPARE(outside.exitCode, 6);
        QVERIFY2(outside.err.contains(QLatin1String("not inside")), qPrintable(describe(outside)));
        QCOMPARE(store.load(store.lastProjectId()).project->handEdits.edits.size(), 2);
        // The cloud export renders what the user sees: one segment fewer, the rest's ids kept, from 0.
        const QString out = m_home.filePath(QStringLiteral("edited.mp4"));
        const Run exported = cli(server.baseUrl(), {QStringLiteral("export"), QStringLiteral("--out"), out});
        QVERIFY2(exported.exitCode == 0, qPrintable(describe(exported)));
        QJsonObject draft;
        server.run([&draft](fake::FakeServer &running) {
            draft = running.renderDraft(running.renderIds().constLast());
        });
        const QJsonArray tracks = draft.value(QLatin1String("t")).toArray();
        QJsonArray video;
        for (const QJsonValue &track : tracks) {
            if (track.toObject().value(QLatin1String("tt")).toInt(-1) == 0)
                video = track.toObject().value(QLatin1String("sg")).toArray();
        }
        QCOMPARE(video.size(), 1);
        QCOMPARE(video.first().toObject().value(QLatin1String("st")).toDouble(), 0.0);
        QVERIFY(video.first()
                    .toObject()
                    .value(QLatin1String("src"))
                    .toString()
                    .contains(QLatin1String("photo2")));
        // The discard takes it back, as one more step.
        QVERIFY(cli(server.baseUrl(), {QStringLiteral("edit"), QStringLiteral("discard")}).exitCode == 0);
        QCOMPARE(store.load(store.lastProjectId()).project->handEdits.edits.size(), 3);
    }

    void leavesAProjectOpenElsewhereAlone()
    {
        FakeServerThread server(exportScenario(600));
        const Run first = cli(server.baseUrl(), {QStringLiteral("chat"), QStringLiteral("make a video")});
        QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
        project::ProjectStore store(m_home.filePath(QStringLiteral("data/NemoStudio/NemoStudio/projects")));
        QFile file(store.pathFor(store.lastProjectId()));
        {
            // This process is Nemo Studio with the project open.
            auth::MemorySecretStore secrets;
            client::Workspace window(test::quickConfig(server.baseUrl()), &secrets);
            project::ProjectKeeper keeper(&window, &store);
            QCOMPARE(keeper.openLast(), project::ProjectKeeper::Opened::Last);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray before = file.readAll();
            file.close();

            const Run chat =
                cli(server.baseUrl(), {QStringLiteral("chat"), QStringLiteral("make it shorter")});
            QCOMPARE(chat.exitCode, 9);
            QVERIFY2(chat.err.contains(QLatin1String("is open in")), qPrintable(describe(chat)));
            const Run upload = cli(server.baseUrl(), {QStringLiteral("upload"), data("photo2.png")});
            QCOMPARE(upload.exitCode, 9);
            // Looking is fine, and writes nothing.
            const Run state = cli(server.baseUrl(), {QStringLiteral("state")});
            QVERIFY2(state.exitCode == 0, qPrintable(describe(state)));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), before);
            file.close();
        }
        // Closed there: the terminal may change it again.
        const Run again = cli(server.baseUrl(), {QStringLiteral("chat"), QStringLiteral("make it shorter")});
        QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
    }

    void fromImagesToAPlayableVideo()
    {
        Scenario scenario;
        scenario.eventDelayMs = 2;
        scenario.noTextRatio = 0;
        scenario.renderMs = 800;
        scenario.renderSize = QSize(320, 180);
        FakeServerThread server(scenario);

        const Run login = cli(server.baseUrl(), {QStringLiteral("login")});
        QVERIFY2(login.exitCode == 0, qPrintable(describe(login)));
        QVERIFY(login.out.contains(QLatin1String("Signed in as anon_")));
        QVERIFY(login.out.contains(QLatin1String("100 credits available")));

        const Run upload =
            cli(server.baseUrl(), {QStringLiteral("upload"), data("photo1.jpg"), data("photo2.png")});
        QVERIFY2(upload.exitCode == 0, qPrintable(describe(upload)));
        QVERIFY(upload.out.contains(QStringLiteral("Uploaded photo1.jpg (image 640×360)")));
        QVERIFY(upload.out.contains(QLatin1String("Uploaded photo2.png")));

        const Run chat =
            cli(server.baseUrl(),
                {QStringLiteral("chat"),
                 QStringLiteral("turn these images into a 4-second promo titled \"Urban Dreams\"")});
        QVERIFY2(chat.exitCode == 0, qPrintable(describe(chat)));
        QVERIFY(chat.out.contains(QLatin1String("Done!")));
        QCOMPARE(chat.out.count(QLatin1String("Done!")), 1);
        QVERIFY(chat.err.contains(QLatin1String("editing the timeline")));

        const Run state = cli(server.baseUrl(), {QStringLiteral("state")});
        QVERIFY2(state.exitCode == 0, qPrintable(describe(state)));
        QVERIFY2(state.out.startsWith(QLatin1String("Timeline (2 tracks): 1. Video: photo1.jpg, photo2.png "
                                                    "(0-4s) 2. Title: \"Urban Dreams\" (0-3s)")),
                 qPrintable(state.out));
        const Run json = cli(server.baseUrl(), {QStringLiteral("state"), QStringLiteral("--json")});
        const QJsonObject draft =
            QJsonDocument::fromJson(json.out.toUtf8()).object().value(QLatin1String("draft")).toObject();
        QCOMPARE(draft.value(QLatin1String("t")).toArray().size(), 2);

        // The same session all along: one token, one session on the server.
        QCOMPARE(server.stats().value(QLatin1String("tokensIssued")).toInt(), 1);
        QCOMPARE(server.stats().value(QLatin1String("sessions")).toInt(), 1);

        const QString out = m_home.filePath(QStringLiteral("promo.mp4"));
        const Run exported = cli(server.baseUrl(),
                                 {QStringLiteral("export"), QStringLiteral("--out"), out,
                                  QStringLiteral("--poll-interval"), QStringLiteral("2")});
        QVERIFY2(exported.exitCode == 0, qPrintable(describe(exported)));
        QCOMPARE(exported.out.trimmed(), QDir::toNativeSeparators(out));
        QVERIFY(exported.err.contains(QLatin1String("completed, 100%")));
        QVERIFY(QFileInfo(out).size() > 1000);
        verifyPlayable(out);

        const Run again = cli(server.baseUrl(), {QStringLiteral("export"), QStringLiteral("--out"), out});
        QVERIFY2(again.exitCode == 6, qPrintable(describe(again)));
        QVERIFY(again.err.contains(QLatin1String("--force")));
    }

    void exitCodes()
    {
        Scenario scenario;
        scenario.eventDelayMs = 1;
        scenario.exportBlocked = true;
        FakeServerThread server(scenario);
        QVERIFY(cli(server.baseUrl(), {QStringLiteral("login")}).exitCode == 0);

        // 6: bad input refused at the door, nothing uploaded.
        const Run bad = cli(server.baseUrl(),
                            {QStringLiteral("upload"), QStringLiteral(NEMO_SOURCE_DIR "/CMakeLists.txt")});
        QCOMPARE(bad.exitCode, 6);
        QVERIFY(bad.err.contains(QLatin1String("Accepted: mp4")));
        QCOMPARE(
            server.stats().value(QLatin1String("calls")).toObject().value(QLatin1String("upload")).toInt(),
            0);
        // 6: an empty timeline has nothing to export.
        QCOMPARE(
            cli(server.baseUrl(),
                {QStringLiteral("export"), QStringLiteral("--out"), m_home.filePath(QStringLiteral("x.mp4"))})
                .exitCode,
            6);
        // 5: export blocked by the plan (not a credits problem).
        cli(server.baseUrl(), {QStringLiteral("chat"), QStringLiteral("generate a short clip of a sunrise")});
        const Run blocked = cli(
            server.baseUrl(),
            {QStringLiteral("export"), QStringLiteral("--out"), m_home.filePath(QStringLiteral("y.mp4"))});
        QCOMPARE(blocked.exitCode, 5);
        QVERIFY(blocked.err.contains(QLatin1String("Register or upgrade your plan to unlock export")));
        // 4: no credits left, with the registration link.
        server.run([](FakeServer &s) { s.setCredits(0); });
        const Run broke = cli(server.baseUrl(), {QStringLiteral("chat"), QStringLiteral("make it shorter")});
        QCOMPARE(broke.exitCode, 4);
        QVERIFY(broke.err.contains(QLatin1String("https://nemovideo.com/register?bind=anon_")));
        // 8: the service keeps failing.
        Fault broken;
        broken.endpoint = QStringLiteral("credits");
        broken.httpStatus = 500;
        server.addFault(broken);
        QCOMPARE(cli(server.baseUrl(), {QStringLiteral("credits")}, 120000).exitCode, 8);
        // 7: nothing listens there.
        QCOMPARE(
            cli(QUrl(QStringLiteral("http://127.0.0.1:9")), {QStringLiteral("credits")}, 120000).exitCode, 7);
        // 2: usage errors.
        QCOMPARE(cli(QUrl(), {QStringLiteral("fly")}).exitCode, 2);
        QCOMPARE(cli(QUrl(), {QStringLiteral("chat")}).exitCode, 2);
        QCOMPARE(cli(QUrl(),
                     {QStringLiteral("--base-url"), QStringLiteral("http://example.com"),
                      QStringLiteral("credits")})
                     .exitCode,
                 2);
        QCOMPARE(cli(QUrl(), {QStringLiteral("export")}).exitCode, 2);
    }

    void jsonOutput()
    {
        FakeServerThread server;
        const Run credits = cli(server.baseUrl(), {QStringLiteral("--json"), QStringLiteral("credits")});
        QCOMPARE(credits.exitCode, 0);
        QCOMPARE(
            QJsonDocument::fromJson(credits.out.toUtf8()).object().value(QLatin1String("available")).toInt(),
            100);
        Fault broken;
        broken.endpoint = QStringLiteral("credits");
        broken.code = 2001;
        server.addFault(broken);
        const Run failed = cli(server.baseUrl(), {QStringLiteral("credits"), QStringLiteral("--json")});
        QCOMPARE(failed.exitCode, 4);
        const QJsonObject error =
            QJsonDocument::fromJson(failed.out.toUtf8()).object().value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("kind")).toString(), QStringLiteral("no-credits"));
    }

    void secretsFileInsteadOfTheKeychain()
    {
        // For machines without a keychain: an explicit, owner-only file; the second run signs in from it.
        FakeServerThread server;
        const QString file = m_home.filePath(QStringLiteral("cli-secrets/secrets.json"));
        const QStringList args{QStringLiteral("--secrets-file"), file, QStringLiteral("credits")};
        QCOMPARE(cli(server.baseUrl(), args).exitCode, 0);
        QVERIFY(QFileInfo(file).size() > 0);
        QCOMPARE(QFileInfo(file).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        const Run again = cli(server.baseUrl(), args);
        QCOMPARE(again.exitCode, 0);
        QVERIFY(!again.out.contains(QLatin1String("nmv_usr_")) &&
                !again.err.contains(QLatin1String("nmv_usr_")));
        QCOMPARE(server.stats().value(QLatin1String("tokensIssued")).toInt(), 1);
    }

    void routedMessagesStayLocal()
    {
        FakeServerThread server;
        const Run credits =
            cli(server.baseUrl(), {QStringLiteral("chat"), QStringLiteral("how many credits do I have")});
        QCOMPARE(credits.exitCode, 0);
        QVERIFY(credits.out.contains(QLatin1String("credits available")));
        const Run exportIntent = cli(server.baseUrl(), {QStringLiteral("chat"), QStringLiteral("export")});
        QCOMPARE(exportIntent.exitCode, 2);
        QVERIFY(exportIntent.err.contains(QLatin1String("nemo-cli export --out")));
        const Run zhExport =
            cli(server.baseUrl(), {QStringLiteral("chat"), QStringLiteral("请帮我导出一下")});
        QCOMPARE(zhExport.exitCode, 2);
        QCOMPARE(server.chatMessages().size(), 0);
        // A request with more than the command goes to the agent, in either language.
        for (const QString &request :
             {QStringLiteral("导出前把音乐调小"), QStringLiteral("Make the title bigger, then export")}) {
            const Run asked = cli(server.baseUrl(), {QStringLiteral("chat"), request});
            QCOMPARE(asked.exitCode, 0);
            QVERIFY2(!asked.err.contains(QLatin1String("nemo-cli export")), qPrintable(asked.err));
            QCOMPARE(server.chatMessages().last(), request);
        }
        QCOMPARE(server.chatMessages().size(), 2);
    }

    void followsTheSystemLanguage()
    {
        m_language = QStringLiteral("zh_CN");
        const Run help = cli(QUrl(), {QStringLiteral("--help")});
        const Run unknown = cli(QUrl(), {QStringLiteral("frobnicate")});
        m_language = QStringLiteral("en_US");
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(QStringLiteral("用法：nemo-cli")), qPrintable(describe(help)));
        QVERIFY2(help.out.contains(QStringLiteral("退出码")), qPrintable(describe(help)));
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("未知命令“frobnicate”")), qPrintable(describe(unknown)));
    }

    void helpForEveryCommand()
    {
        const Run help = cli(QUrl(), {QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QLatin1String("Exit codes")));
        for (const char *command :
             {"login", "logout", "credits", "upload", "chat", "state", "export", "session"}) {
            const Run run = cli(QUrl(), {QLatin1String(command), QStringLiteral("--help")});
            QVERIFY2(run.exitCode == 0, command);
            QVERIFY2(run.out.contains(QLatin1String(command)), command);
        }
        const Run version = cli(QUrl(), {QStringLiteral("--version")});
        QVERIFY(version.out.startsWith(QLatin1String("nemo-cli " NEMO_VERSION)));
    }

    void logoutStartsOver()
    {
        FakeServerThread server;
        QCOMPARE(cli(server.baseUrl(), {QStringLiteral("login")}).exitCode, 0);
        QCOMPARE(cli(server.baseUrl(), {QStringLiteral("logout")}).exitCode, 0);
        QCOMPARE(cli(server.baseUrl(), {QStringLiteral("credits")}).exitCode, 0);
        QCOMPARE(server.stats().value(QLatin1String("tokensIssued")).toInt(), 2);
        cli(server.baseUrl(), {QStringLiteral("logout")});
    }

    void pollIntervalNeverBelowTheContract()
    {
        FakeServerThread server;
        const Run run = cli(server.baseUrl(),
                            {QStringLiteral("export"), QStringLiteral("--out"),
                             m_home.filePath(QStringLiteral("fast.mp4")), QStringLiteral("--poll-interval"),
                             QStringLiteral("0.5")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("between 2 and 3600")));
        QCOMPARE(server.stats().value(QLatin1String("requests")).toInt(), 0);
    }

    void webOpensTheProjectInTheBrowser()
    {
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
        FakeServerThread server;
        // The desktop's opener, standing in: it notes each link it is given, one per line.
        QTemporaryDir bin;
        const QString noted = bin.filePath(QStringLiteral("opened.txt"));
        QFile opener(bin.filePath(QStringLiteral("xdg-open")));
        QVERIFY(opener.open(QIODevice::WriteOnly));
        opener.write("#!/bin/sh\nprintf '%s\\n' \"$1\" >> \"" + QFile::encodeName(noted) + "\"\n");
        opener.close();
        opener.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        m_extraEnvironment.insert(QStringLiteral("PATH"),
                                  bin.path() + QLatin1Char(':') + qEnvironmentVariable("PATH"));
        const auto restore = qScopeGuard([this] { m_extraEnvironment.clear(); });
        auto opened = [&noted] {
            QFile file(noted);
            return file.open(QIODevice::ReadOnly)
                ? QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                : QStringList();
        };
        auto claims = [&server] {
            QStringList tokens;
            server.run([&](FakeServer &s) { tokens = s.claimTokens(); });
            return tokens;
        };

        const Run run = cli(server.baseUrl(), {QStringLiteral("web")});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QUrl url(run.out.trimmed());
        QCOMPARE(url.host(), QStringLiteral("nemovideo.com"));
        QCOMPARE(url.path(), QStringLiteral("/workspace/claim"));
        QCOMPARE(claims().size(), 1);
        QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("ct")), claims().first());
        QTRY_COMPARE_WITH_TIMEOUT(opened(), QStringList{url.toString()}, 10000);

        // --print: the link only, no browser. A later run that does open one shows that nothing came
        // in between.
        const Run printed = cli(server.baseUrl(), {QStringLiteral("web"), QStringLiteral("--print")});
        QVERIFY2(printed.exitCode == 0, qPrintable(describe(printed)));
        const QUrl printedUrl(printed.out.trimmed());
        QCOMPARE(QUrlQuery(printedUrl).queryItemValue(QStringLiteral("ct")), claims().at(1));
        const Run third = cli(server.baseUrl(), {QStringLiteral("web")});
        QVERIFY2(third.exitCode == 0, qPrintable(describe(third)));
        QTRY_COMPARE_WITH_TIMEOUT(opened().size(), 2, 10000);
        QCOMPARE(opened(), (QStringList{url.toString(), QUrl(third.out.trimmed()).toString()}));
#else
        QSKIP("the stand-in browser is a shell script for xdg-open");
#endif
    }

#if defined(Q_OS_UNIX)
    // Ctrl-C reaches the event loop at once (a self-pipe, no polling): the wait ends, the export is left
    // running on the service, and the user is told how to pick it up.
    void ctrlCEndsTheWaitAndSaysHowToResume()
    {
        FakeServerThread server(exportScenario(60000));
        QVERIFY(prepareTimeline(server.baseUrl()));
        const QString out = m_home.filePath(QStringLiteral("interrupted.mp4"));
        QProcess exporting;
        start(exporting, server.baseUrl(),
              {QStringLiteral("export"), QStringLiteral("--out"), out, QStringLiteral("--poll-interval"),
               QStringLiteral("30")});
        QVERIFY(exporting.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(calls(server, "render_poll") >= 1, 15000);
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(::kill(pid_t(exporting.processId()), SIGINT), 0);
        QVERIFY(exporting.waitForFinished(10000));
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(exporting.exitStatus(), QProcess::NormalExit);
        QCOMPARE(exporting.exitCode(), 130);
        const QString err = QString::fromUtf8(exporting.readAllStandardError());
        QVERIFY2(err.contains(QLatin1String("nemo-cli export --resume")), qPrintable(err));
        QVERIFY(!QFile::exists(out));
    }
#endif

    void exportCanBeCancelled()
    {
        FakeServerThread server(exportScenario(60000));
        QVERIFY(prepareTimeline(server.baseUrl()));
        const QString out = m_home.filePath(QStringLiteral("cancelled.mp4"));
        QFile::remove(out);

        // One terminal exports; another stops it.
        QProcess exporting;
        start(exporting, server.baseUrl(),
              {QStringLiteral("export"), QStringLiteral("--out"), out, QStringLiteral("--poll-interval"),
               QStringLiteral("2")});
        QVERIFY(exporting.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(calls(server, "render_poll") >= 1, 15000);
        const Run cancel = cli(server.baseUrl(), {QStringLiteral("export"), QStringLiteral("--cancel")});
        QVERIFY2(cancel.exitCode == 0, qPrintable(describe(cancel)));
        QVERIFY(cancel.out.contains(QLatin1String("cancelled")));
        QVERIFY(exporting.waitForFinished(20000));
        const QString err = QString::fromUtf8(exporting.readAllStandardError());
        QCOMPARE(exporting.exitCode(), 130);
        QVERIFY2(err.contains(QLatin1String("cancelled; nothing was saved")), qPrintable(err));
        QVERIFY(!QFile::exists(out));
        QVERIFY(!QFile::exists(out + QStringLiteral(".part")));
        // Nothing is left to cancel.
        const Run again = cli(server.baseUrl(), {QStringLiteral("export"), QStringLiteral("--cancel")});
        QVERIFY2(again.exitCode == 6, qPrintable(describe(again)));
    }

    void exportThatCannotBeCancelledFinishes()
    {
        Scenario scenario = exportScenario(6000);
        scenario.cancelSupported = false;
        FakeServerThread server(scenario);
        QVERIFY(prepareTimeline(server.baseUrl()));
        const QString out = m_home.filePath(QStringLiteral("uncancellable.mp4"));
        QFile::remove(out);
        QProcess exporting;
        start(exporting, server.baseUrl(), {QStringLiteral("export"), QStringLiteral("--out"), out});
        QVERIFY(exporting.waitForStarted());
        // The job id is written down as soon as the service gives it, before the first check.
        QTRY_VERIFY_WITH_TIMEOUT(calls(server, "render_poll") >= 1, 15000);
        const Run cancel = cli(server.baseUrl(), {QStringLiteral("export"), QStringLiteral("--cancel")});
        QCOMPARE(cancel.exitCode, 8);
        QVERIFY2(cancel.err.contains(QLatin1String("can't be stopped; it will finish on its own")),
                 qPrintable(describe(cancel)));
        QVERIFY(exporting.waitForFinished(60000));
        QCOMPARE(exporting.exitCode(), 0);
        QVERIFY(QFileInfo(out).size() > 1000);
    }

    void rendersOnThisComputer()
    {
        FakeServerThread server(
            exportScenario(60000)); // the service would take a minute: nothing waits for it
        QVERIFY(prepareTimeline(server.baseUrl()));
        const QString out = m_home.filePath(QStringLiteral("local.mp4"));
        QFile::remove(out);
        const Run local =
            cli(server.baseUrl(),
                {QStringLiteral("export"), QStringLiteral("--local"), QStringLiteral("--out"), out});
        QVERIFY2(local.exitCode == 0, qPrintable(describe(local)));
        QCOMPARE(local.out.trimmed(), QDir::toNativeSeparators(out));
        verifyPlayable(out);
        QCOMPARE(calls(server, "render"), 0); // never the service's render
        QCOMPARE(calls(server, "media"), 0);  // the photo that was uploaded from here was used

        // The edit for Shotcut, with absolute paths to the media on this computer.
        const QString project = m_home.filePath(QStringLiteral("edit.mlt"));
        const Run mlt = cli(server.baseUrl(), {QStringLiteral("export"), QStringLiteral("--mlt"), project});
        QVERIFY2(mlt.exitCode == 0, qPrintable(describe(mlt)));
        QFile file(project);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains(QFile::encodeName(data("photo1.jpg"))));
        // And as an OpenTimelineIO timeline (the .otio suffix added when it is left out).
        const Run otio = cli(
            server.baseUrl(),
            {QStringLiteral("export"), QStringLiteral("--otio"), m_home.filePath(QStringLiteral("edit"))});
        QVERIFY2(otio.exitCode == 0, qPrintable(describe(otio)));
        QCOMPARE(otio.out.trimmed(), QDir::toNativeSeparators(m_home.filePath(QStringLiteral("edit.otio"))));
        QFile timelineFile(m_home.filePath(QStringLiteral("edit.otio")));
        QVERIFY(timelineFile.open(QIODevice::ReadOnly));
        const test::OtioReader timeline(timelineFile.readAll());
        QVERIFY2(timeline.ok(), qPrintable(timeline.error()));
        const QString photo = data("photo1.jpg");
        QVERIFY(std::any_of(timeline.clips().cbegin(), timeline.clips().cend(),
                            [&photo](const test::OtioClip &c) { return c.file == photo; }));
        const Run both = cli(server.baseUrl(),
                             {QStringLiteral("export"), QStringLiteral("--otio"), QStringLiteral("a.otio"),
                              QStringLiteral("--mlt"), QStringLiteral("a.mlt")});
        QCOMPARE(both.exitCode, 2);

        // The service gone: the timeline as it was last seen, and the media here, are enough.
        server.run([](FakeServer &s) { s.close(); });
        const QString offline = m_home.filePath(QStringLiteral("offline.mp4"));
        QFile::remove(offline);
        const Run away =
            cli(server.baseUrl(),
                {QStringLiteral("export"), QStringLiteral("--local"), QStringLiteral("--out"), offline});
        QVERIFY2(away.exitCode == 0, qPrintable(describe(away)));
        QVERIFY(away.err.contains(QLatin1String("using the timeline as it was last seen")));
        QVERIFY(QFileInfo(offline).size() > 1000);
    }

    void renderingHereWithoutMeltSaysWhatToInstall()
    {
        FakeServerThread server;
        m_extraEnvironment.insert(QStringLiteral("NEMO_MELT"),
                                  m_home.filePath(QStringLiteral("no/such/melt")));
        const auto restore = qScopeGuard([this] { m_extraEnvironment.clear(); });
        const Run run = cli(server.baseUrl(),
                            {QStringLiteral("export"), QStringLiteral("--local"), QStringLiteral("--out"),
                             m_home.filePath(QStringLiteral("never.mp4"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("sudo apt install melt")), qPrintable(describe(run)));
        QVERIFY(!QFile::exists(m_home.filePath(QStringLiteral("never.mp4"))));
    }

    void stateListsGeneratedMedia()
    {
        Scenario scenario;
        scenario.eventDelayMs = 1;
        scenario.noTextRatio = 0;
        FakeServerThread server(scenario);
        // Nothing uploaded: the agent generates a clip.
        QVERIFY(cli(server.baseUrl(), {QStringLiteral("chat"), QStringLiteral("a sunrise over the sea")})
                    .exitCode == 0);
        const Run state = cli(server.baseUrl(), {QStringLiteral("state")});
        QVERIFY2(state.exitCode == 0, qPrintable(describe(state)));
        QVERIFY2(state.out.contains(QLatin1String("Generated by the agent:")), qPrintable(state.out));
        QVERIFY(state.out.contains(QLatin1String("generated_clip_")));
        QVERIFY(state.out.contains(QLatin1String("Prompt: a sunrise over the sea")));
        const Run json = cli(server.baseUrl(), {QStringLiteral("state"), QStringLiteral("--json")});
        const QJsonArray generated =
            QJsonDocument::fromJson(json.out.toUtf8()).object().value(QLatin1String("generated")).toArray();
        QCOMPARE(generated.size(), 1);
        const QJsonObject clip = generated.first().toObject();
        QVERIFY(clip.value(QLatin1String("url")).toString().startsWith(server.baseUrl().toString()));
        QCOMPARE(clip.value(QLatin1String("duration")).toDouble(), 5.0);
        QCOMPARE(clip.value(QLatin1String("prompt")).toString(), QStringLiteral("a sunrise over the sea"));
    }

private:
    void verifyPlayable(const QString &path)
    {
        const QString ffprobe = QStandardPaths::findExecutable(QStringLiteral("ffprobe"));
        if (!ffprobe.isEmpty()) {
            QProcess probe;
            probe.start(ffprobe,
                        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
                         QStringLiteral("v:0"), QStringLiteral("-count_frames"),
                         QStringLiteral("-show_entries"), QStringLiteral("stream=codec_name,nb_read_frames"),
                         QStringLiteral("-of"), QStringLiteral("csv=p=0"), path});
            QVERIFY(probe.waitForFinished(30000));
            const QStringList fields =
                QString::fromLatin1(probe.readAllStandardOutput()).trimmed().split(QLatin1Char(','));
            QCOMPARE(fields.value(0), QStringLiteral("h264"));
            QVERIFY(fields.value(1).toInt() > 10);
            return;
        }
#if defined(NEMO_HAVE_MULTIMEDIA)
        QMediaPlayer player;
        QVideoSink sink;
        player.setVideoSink(&sink);
        QSignalSpy frames(&sink, &QVideoSink::videoFrameChanged);
        player.setSource(QUrl::fromLocalFile(path));
        player.play();
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() >= 3, 15000);
        QVERIFY(player.error() == QMediaPlayer::NoError);
#else
        QFAIL("neither ffprobe nor Qt Multimedia is available to check the video");
#endif
    }

    test::CliRunner m_cli;
    QTemporaryDir &m_home = m_cli.home;
    QString &m_keychainService = m_cli.keychainService;
    QString &m_language = m_cli.language;
    QString &m_everything = m_cli.everything;
    QHash<QString, QString> &m_extraEnvironment = m_cli.extraEnvironment;
};

int main(int argc, char **argv)
{
#if defined(NEMO_HAVE_MULTIMEDIA)
    // The player fallback needs a GUI platform; without a display, the offscreen one will do.
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    TestCli test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_cli.moc"
