// Nothing lost when the disk, the folder or the file fights back: the real nemo-cli against the local
// server, with real signals to its melt child, real full (tmpfs) and read-only (bind) mounts, and byte
// checks that what was there before is still there. Each case adds a row to the fault matrix.
#include "clirunner.h"
#include "fakeserverthread.h"
#include "faultmatrix.h"
#include "files.h"
#include "harness.h"
#include "media/mp4file.h"
#include "mounts.h"
#include "requirements.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

#include <memory>

#if defined(Q_OS_UNIX)
#include <csignal>
#include <unistd.h>
#endif

using namespace nemo;
using namespace nemo::fake;
using nemo::test::CliRun;
using nemo::test::data;
using nemo::test::writeFile;

namespace {

// The process `parent` started whose program is melt (the local render), or 0.
qint64 meltChildOf(qint64 parent)
{
#if defined(Q_OS_LINUX)
    QDirIterator processes(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (processes.hasNext()) {
        const QString folder = processes.next();
        bool number = false;
        const qint64 pid = QFileInfo(folder).fileName().toLongLong(&number);
        if (!number)
            continue;
        const QByteArray stat = test::readFile(folder + QStringLiteral("/stat"));
        const qsizetype open = stat.indexOf('('), close = stat.lastIndexOf(')');
        if (open < 0 || close < open)
            continue;
        const QByteArray name = stat.mid(open + 1, close - open - 1);
        const QList<QByteArray> rest = stat.mid(close + 2).split(' ');
        if (rest.size() > 1 && rest.at(1).toLongLong() == parent && name.startsWith("melt"))
            return pid;
    }
#else
    Q_UNUSED(parent)
#endif
    return 0;
}

QJsonObject jsonError(const CliRun &run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object().value(QLatin1String("error")).toObject();
}

// What nemo-cli said of the failure (its "nemo-cli: " line, not the log), for the fault matrix.
QString told(const CliRun &run)
{
    const QStringList lines = run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const qsizetype at = it->indexOf(QLatin1String("nemo-cli: "));
        if (at >= 0)
            return it->mid(at + 10).trimmed().left(110);
    }
    return {};
}

} // namespace

class TestDataSafety final : public QObject
{
    Q_OBJECT

private:
    CliRun cli(const QUrl &server, const QStringList &arguments, int timeoutMs = 90000)
    {
        return m_cli->run(server, arguments, timeoutMs);
    }

    static QString describe(const CliRun &run) { return test::CliRunner::describe(run); }

    static Scenario quickScenario()
    {
        Scenario scenario;
        scenario.eventDelayMs = 1;
        scenario.noTextRatio = 0;
        scenario.renderMs = 600;
        scenario.renderSize = QSize(320, 180);
        return scenario;
    }

    // Two photos uploaded and a video made of them: a timeline to export.
    bool prepareTimeline(const QUrl &server)
    {
        return cli(server, {QStringLiteral("upload"), data("photo1.jpg"), data("photo2.png")}).exitCode ==
            0 &&
            cli(server, {QStringLiteral("chat"), QStringLiteral("make a video")}).exitCode == 0;
    }

    QString home(const QString &name) const { return m_cli->home.filePath(name); }
    QString projectsFolder() const
    {
        return (m_cli->dataHome.isEmpty() ? home(QStringLiteral("data")) : m_cli->dataHome) +
            QStringLiteral("/NemoStudio/NemoStudio/projects");
    }

private slots:
    void initTestCase() { NEMO_REQUIRE_CLI_KEYCHAIN(); }

    void init()
    {
        // Every case starts from a new home: its own projects, settings and sign-in.
        m_cli = std::make_unique<test::CliRunner>();
        QVERIFY(m_cli->home.isValid());
        m_cli->keychainService =
            QStringLiteral("NemoStudioSafetyTest-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    void cleanup()
    {
        QVERIFY(!m_cli->everything.contains(QLatin1String("nmv_usr_")));
        m_cli.reset();
    }

    // 1 and 8: melt stopped by a signal halfway through `export --local --force` over a good video; a full
    // disk under it; a folder that does not exist yet.
    void aStoppedLocalExportKeepsTheOldVideo()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("finding and signalling the melt child is done through /proc");
#else
        FakeServerThread server(quickScenario());
        QVERIFY(prepareTimeline(server.baseUrl()));
        const QString good = home(QStringLiteral("out/good.mp4"));
        // A folder that does not exist yet is made, as for the cloud export.
        const CliRun first =
            cli(server.baseUrl(),
                {QStringLiteral("export"), QStringLiteral("--local"), QStringLiteral("--out"), good});
        QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
        const QByteArray before = test::readFile(good);
        QVERIFY(media::Mp4File::inspect(good).complete);
        test::FaultMatrix::record(QStringLiteral("export --local into a folder that does not exist"),
                                  QStringLiteral("the folder made; the video complete"));

        for (const int signal : {SIGTERM, SIGINT, SIGKILL}) {
            QProcess process;
            m_cli->start(process, server.baseUrl(),
                         {QStringLiteral("export"), QStringLiteral("--local"), QStringLiteral("--force"),
                          QStringLiteral("--out"), good});
            QVERIFY(process.waitForStarted());
            qint64 melt = 0;
            // Midway: melt running and some of the new video written beside the old one.
            QTRY_VERIFY_WITH_TIMEOUT((melt = meltChildOf(process.processId())) > 0 &&
                                         QFileInfo(good + QStringLiteral(".part")).size() > 0,
                                     30000);
            QCOMPARE(::kill(pid_t(melt), signal), 0);
            const CliRun stopped = m_cli->finish(process);
            QVERIFY2(stopped.exitCode != 0 && stopped.exitCode != -2, qPrintable(describe(stopped)));
            QVERIFY2(test::readFile(good) == before, "the good video was changed");
            QVERIFY(!QFileInfo::exists(good + QStringLiteral(".part")));
            // melt ends on SIGTERM and SIGINT as if done, with a short video: caught by its length.
            QVERIFY2((stopped.err.contains(QLatin1String("melt was stopped")) ||
                      stopped.err.contains(QLatin1String("melt stopped early"))) &&
                         stopped.err.contains(QLatin1String("good.mp4 was left as it was")) &&
                         !stopped.err.contains(QLatin1String("server")),
                     qPrintable(describe(stopped)));
            QVERIFY2(!told(stopped).isEmpty(), qPrintable(describe(stopped))); // one human line, always
            test::FaultMatrix::record(
                QStringLiteral("melt sent signal %1 during export --local --force").arg(signal),
                QStringLiteral("exit %1; old video byte-identical; told: %2")
                    .arg(stopped.exitCode)
                    .arg(told(stopped)));
        }

        // A disk with room for the old video and not for the new one.
        QString why;
        const QString small = home(QStringLiteral("small"));
        const std::unique_ptr<test::Mount> disk =
            test::Mount::tmpfs(small, int(before.size() / 1024) + 24, &why);
        if (!disk)
            QSKIP(qPrintable(why));
        const QString onSmall = small + QStringLiteral("/good.mp4");
        QVERIFY(writeFile(onSmall, before));
        const CliRun full = cli(server.baseUrl(),
                                {QStringLiteral("export"), QStringLiteral("--local"),
                                 QStringLiteral("--force"), QStringLiteral("--out"), onSmall});
        QVERIFY2(full.exitCode == 10, qPrintable(describe(full)));
        QVERIFY2(test::readFile(onSmall) == before, "the good video was changed");
        QVERIFY2(full.err.contains(QLatin1String("is full")) && !full.err.contains(QLatin1String("server")),
                 qPrintable(describe(full)));
        QCOMPARE(QDir(small).entryList(QDir::Files), QStringList{QStringLiteral("good.mp4")});
        QVERIFY2(!told(full).isEmpty(), qPrintable(describe(full))); // one human line, always
        test::FaultMatrix::record(
            QStringLiteral("export --local --force onto a full disk"),
            QStringLiteral("exit 10; old video byte-identical; told: %1").arg(told(full)));
#endif
    }

    // 2: `export --mlt` and `--otio` never overwrite without --force, and with it only with a whole file.
    void projectHandOffsKeepWhatIsThere()
    {
        FakeServerThread server(quickScenario());
        QVERIFY(prepareTimeline(server.baseUrl()));
        const QString video = home(QStringLiteral("video.mp4"));
        const QString edited = home(QStringLiteral("edited.mlt"));
        QVERIFY(writeFile(video, QByteArrayLiteral("a finished video")));
        QVERIFY(writeFile(edited, QByteArrayLiteral("<mlt><!-- edited by hand --></mlt>")));
        const QString otio = home(QStringLiteral("edited.otio"));
        QVERIFY(writeFile(otio, QByteArrayLiteral("{\"OTIO_SCHEMA\": \"Timeline.1\"}")));
        const QList<std::pair<QString, QString>> refusals{{QStringLiteral("--mlt"), video},
                                                          {QStringLiteral("--mlt"), edited},
                                                          {QStringLiteral("--otio"), otio}};
        for (const auto &[option, target] : refusals) {
            const QByteArray before = test::readFile(target);
            const CliRun refused = cli(server.baseUrl(), {QStringLiteral("export"), option, target});
            QVERIFY2(refused.exitCode == 6 && refused.err.contains(QLatin1String("--force")),
                     qPrintable(describe(refused)));
            QCOMPARE(test::readFile(target), before);
        }
        test::FaultMatrix::record(QStringLiteral("export --mlt/--otio over an existing file, no --force"),
                                  QStringLiteral("exit 6; file byte-identical; told to add --force"));
        const CliRun forced =
            cli(server.baseUrl(),
                {QStringLiteral("export"), QStringLiteral("--force"), QStringLiteral("--mlt"), edited});
        QVERIFY2(forced.exitCode == 0, qPrintable(describe(forced)));
        QVERIFY(test::readFile(edited).contains("<tractor"));

        QString why;
        const QString small = home(QStringLiteral("small"));
        const std::unique_ptr<test::Mount> disk = test::Mount::tmpfs(small, 16, &why);
        if (!disk)
            QSKIP(qPrintable(why));
        const QString onSmall = small + QStringLiteral("/edit.mlt");
        const QByteArray good = test::readFile(edited);
        QVERIFY(writeFile(onSmall, good));
        QVERIFY(!test::fillDisk(small).isEmpty());
        const CliRun full =
            cli(server.baseUrl(),
                {QStringLiteral("export"), QStringLiteral("--force"), QStringLiteral("--mlt"), onSmall});
        QVERIFY2(full.exitCode == 10, qPrintable(describe(full)));
        QCOMPARE(test::readFile(onSmall), good);
        QVERIFY2(full.err.contains(QLatin1String("full")), qPrintable(describe(full)));
        QVERIFY2(!told(full).isEmpty(), qPrintable(describe(full))); // one human line, always
        test::FaultMatrix::record(
            QStringLiteral("export --mlt --force onto a full disk"),
            QStringLiteral("exit 10; old .mlt byte-identical; told: %1").arg(told(full)));
    }

    // 4: the disk with the projects full: nothing moves to a new project, and the work is there after.
    void aFullDataDiskKeepsTheProject()
    {
        QString why;
        const std::unique_ptr<test::Mount> disk =
            test::Mount::tmpfs(home(QStringLiteral("disk")), 2048, &why);
        if (!disk)
            QSKIP(qPrintable(why));
        m_cli->dataHome = home(QStringLiteral("disk"));
        FakeServerThread server(quickScenario());
        QVERIFY(prepareTimeline(server.baseUrl()));
        const CliRun before = cli(server.baseUrl(), {QStringLiteral("state")});
        QVERIFY2(before.exitCode == 0 && before.out.contains(QLatin1String("photo2.png")),
                 qPrintable(describe(before)));
        const QStringList projects = QDir(projectsFolder()).entryList(QDir::Files, QDir::Name);
        const QByteArray last = test::readFile(projectsFolder() + QStringLiteral("/last"));
        QVERIFY(!last.isEmpty());
        const QString filler = test::fillDisk(m_cli->dataHome);
        QVERIFY(!filler.isEmpty());
        const int turns = server.chatMessages().size();

        const CliRun chat =
            cli(server.baseUrl(), {QStringLiteral("chat"), QStringLiteral("make it shorter")});
        QVERIFY2(chat.exitCode == 10, qPrintable(describe(chat)));
        QVERIFY2(chat.err.contains(QLatin1String("disk is full")), qPrintable(describe(chat)));
        QCOMPARE(server.chatMessages().size(), turns); // not sent: its answer would be kept nowhere
        QCOMPARE(test::readFile(projectsFolder() + QStringLiteral("/last")), last);
        const CliRun state = cli(server.baseUrl(), {QStringLiteral("state")});
        QVERIFY2(state.exitCode == 0 && state.out.contains(QLatin1String("photo2.png")),
                 qPrintable(describe(state)));

        // Space back: the same project, written again.
        QVERIFY(QFile::remove(filler));
        const CliRun again =
            cli(server.baseUrl(), {QStringLiteral("chat"), QStringLiteral("make it shorter")});
        QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
        QCOMPARE(test::readFile(projectsFolder() + QStringLiteral("/last")), last);
        QStringList after = QDir(projectsFolder()).entryList(QDir::Files, QDir::Name);
        after.removeAll(QStringLiteral("last"));
        QStringList expected = projects;
        expected.removeAll(QStringLiteral("last"));
        QCOMPARE(after, expected);
        test::FaultMatrix::record(
            QStringLiteral("chat with the projects' disk full"),
            QStringLiteral("exit 10, not sent; `last` unchanged; state shows the project; "
                           "chat works once space is back"));
    }

    // 5: a read-only projects folder: the real project shown, and changes refused.
    void aReadOnlyProjectsFolderShowsTheRealProject()
    {
        FakeServerThread server(quickScenario());
        QVERIFY(prepareTimeline(server.baseUrl()));
        const QStringList projects = QDir(projectsFolder()).entryList(QDir::Files, QDir::Name);
        QString why;
        const std::unique_ptr<test::Mount> readOnly = test::Mount::readOnly(projectsFolder(), &why);
        if (!readOnly)
            QSKIP(qPrintable(why));
        const CliRun state = cli(server.baseUrl(), {QStringLiteral("state")});
        QVERIFY2(state.exitCode == 0 && state.out.contains(QLatin1String("photo2.png")),
                 qPrintable(describe(state)));
        const int turns = server.chatMessages().size();
        const CliRun chat =
            cli(server.baseUrl(), {QStringLiteral("chat"), QStringLiteral("make it shorter")});
        QVERIFY2(chat.exitCode == 10 && chat.err.contains(QLatin1String("read-only")),
                 qPrintable(describe(chat)));
        const CliRun json =
            cli(server.baseUrl(),
                {QStringLiteral("--json"), QStringLiteral("chat"), QStringLiteral("make it shorter")});
        QCOMPARE(json.exitCode, 10);
        QCOMPARE(jsonError(json).value(QLatin1String("kind")).toString(), QStringLiteral("storage"));
        QCOMPARE(server.chatMessages().size(), turns);
        QCOMPARE(QDir(projectsFolder()).entryList(QDir::Files, QDir::Name), projects);
        QVERIFY2(!told(chat).isEmpty(), qPrintable(describe(chat))); // one human line, always
        test::FaultMatrix::record(
            QStringLiteral("a read-only projects folder"),
            QStringLiteral("state shows the real project; chat exit 10: %1").arg(told(chat)));
    }

    // 7: a session that cannot be made, and a service that never answers: said, with the right code.
    void failuresToReachTheServiceSpeak()
    {
        FakeServerThread server(quickScenario());
        Fault noSession;
        noSession.endpoint = QStringLiteral("session");
        noSession.httpStatus = 503;
        noSession.times = 100;
        server.addFault(noSession);
        const CliRun chat = cli(server.baseUrl(), {QStringLiteral("chat"), QStringLiteral("make a video")});
        QVERIFY2(chat.exitCode == 8 && !chat.err.trimmed().isEmpty(), qPrintable(describe(chat)));
        const CliRun json =
            cli(server.baseUrl(),
                {QStringLiteral("--json"), QStringLiteral("chat"), QStringLiteral("make a video")});
        QCOMPARE(json.exitCode, 8);
        QCOMPARE(jsonError(json).value(QLatin1String("kind")).toString(), QStringLiteral("server"));
        QVERIFY(!jsonError(json).value(QLatin1String("message")).toString().isEmpty());
        QVERIFY2(!told(chat).isEmpty(), qPrintable(describe(chat))); // one human line, always
        test::FaultMatrix::record(QStringLiteral("chat when no session can be made"),
                                  QStringLiteral("exit 8; told: %1").arg(told(chat)));

        // A service that takes the connection and never says a word.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = silent.nextPendingConnection())
                held.append(socket);
        });
        QProcess process;
        m_cli->start(process, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())),
                     {QStringLiteral("chat"), QStringLiteral("make a video")});
        QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 90000);
        const CliRun quiet = m_cli->finish(process);
        QVERIFY2(quiet.exitCode == 7 && quiet.err.contains(QLatin1String("did not answer in 30 s")) &&
                     !quiet.err.contains(QLatin1String("QIODevice")),
                 qPrintable(describe(quiet)));
        qDeleteAll(held);
        QVERIFY2(!told(quiet).isEmpty(), qPrintable(describe(quiet))); // one human line, always
        test::FaultMatrix::record(QStringLiteral("chat against a service that never answers"),
                                  QStringLiteral("exit 7; told: %1").arg(told(quiet)));
    }

    // 9: every failure with --json gives {"error":{"kind","message"}} on stdout.
    void jsonErrorsForEveryFailure()
    {
        FakeServerThread server(quickScenario());
        QVERIFY(prepareTimeline(server.baseUrl()));
        const QString empty = home(QStringLiteral("empty.jpg"));
        QVERIFY(writeFile(empty, {}));
        const QString existing = home(QStringLiteral("existing.mp4"));
        QVERIFY(writeFile(existing, QByteArrayLiteral("kept")));
        struct Case
        {
            QStringList arguments;
            int exitCode;
            QString kind;
        };
        QList<Case> cases{
            {{QStringLiteral("upload"), empty}, 6, QStringLiteral("invalid-input")},
            {{QStringLiteral("export"), QStringLiteral("--out"), existing},
             6,
             QStringLiteral("invalid-input")},
        };
        QString why;
        const QString folder = home(QStringLiteral("ro"));
        QDir().mkpath(folder);
        const std::unique_ptr<test::Mount> readOnly = test::Mount::readOnly(folder, &why);
        if (readOnly) {
            cases.append({{QStringLiteral("export"), QStringLiteral("--local"), QStringLiteral("--out"),
                           folder + QStringLiteral("/x.mp4")},
                          10,
                          QStringLiteral("storage")});
            cases.append(
                {{QStringLiteral("export"), QStringLiteral("--mlt"), folder + QStringLiteral("/y.mlt")},
                 10,
                 QStringLiteral("storage")});
        }
        for (const Case &c : cases) {
            const CliRun run = cli(server.baseUrl(), QStringList{QStringLiteral("--json")} + c.arguments);
            QVERIFY2(run.exitCode == c.exitCode, qPrintable(describe(run)));
            const QJsonObject error = jsonError(run);
            QVERIFY2(error.value(QLatin1String("kind")).toString() == c.kind &&
                         !error.value(QLatin1String("message")).toString().isEmpty(),
                     qPrintable(describe(run)));
            QVERIFY(!run.err.trimmed().isEmpty()); // and the human line
        }
        QCOMPARE(test::readFile(existing), QByteArrayLiteral("kept"));
        test::FaultMatrix::record(
            QStringLiteral("--json errors (upload empty, export over a file, read-only folder)"),
            readOnly ? QStringLiteral("each {\"error\":{kind,message}} with its exit code")
                     : QStringLiteral("each {\"error\":{kind,message}}; read-only cases "
                                      "skipped: ") +
                    why);
    }

    // 10: a 503 or a malformed state answer falls back to the saved timeline; a cloud download onto a
    // full disk says so and leaves nothing; a symlink loop is called what it is.
    void smallerCases()
    {
        FakeServerThread server(quickScenario());
        QVERIFY(prepareTimeline(server.baseUrl()));
        for (const bool malformed : {false, true}) {
            Fault broken;
            broken.endpoint = QStringLiteral("state");
            broken.times = 100;
            if (malformed)
                broken.malformedJson = true;
            else
                broken.httpStatus = 503;
            server.addFault(broken);
            const QString mlt = home(malformed ? QStringLiteral("a.mlt") : QStringLiteral("b.mlt"));
            const CliRun handOff =
                cli(server.baseUrl(), {QStringLiteral("export"), QStringLiteral("--mlt"), mlt});
            QVERIFY2(handOff.exitCode == 0 && test::readFile(mlt).contains("photo2.png"),
                     qPrintable(describe(handOff)));
            server.setScenario(quickScenario()); // the faults gone
        }
        test::FaultMatrix::record(
            QStringLiteral("export --mlt with the state answering 503 / malformed JSON"),
            QStringLiteral("the saved timeline used; file written"));

        const QString first = home(QStringLiteral("loop-a.jpg")), second = home(QStringLiteral("loop-b.jpg"));
        QVERIFY(QFile::link(second, first) && QFile::link(first, second));
        const CliRun loop = cli(server.baseUrl(), {QStringLiteral("upload"), first});
        QVERIFY2(loop.exitCode == 6 && loop.err.contains(QLatin1String("leads back to itself")),
                 qPrintable(describe(loop)));
        QVERIFY2(!told(loop).isEmpty(), qPrintable(describe(loop))); // one human line, always
        test::FaultMatrix::record(QStringLiteral("upload of a symlink loop"),
                                  QStringLiteral("exit 6; told: %1").arg(told(loop)));

        QString why;
        const QString small = home(QStringLiteral("small"));
        const std::unique_ptr<test::Mount> disk = test::Mount::tmpfs(small, 8, &why);
        if (!disk)
            QSKIP(qPrintable(why));
        const CliRun download =
            cli(server.baseUrl(),
                {QStringLiteral("export"), QStringLiteral("--out"), small + QStringLiteral("/v.mp4")});
        QVERIFY2(download.exitCode == 10 && download.err.contains(QLatin1String("full")),
                 qPrintable(describe(download)));
        QCOMPARE(QDir(small).entryList(QDir::Files), QStringList());
        QVERIFY2(!told(download).isEmpty(), qPrintable(describe(download))); // one human line, always
        test::FaultMatrix::record(QStringLiteral("cloud export downloaded onto a full disk"),
                                  QStringLiteral("exit 10; no file left; told: %1").arg(told(download)));
    }

private:
    std::unique_ptr<test::CliRunner> m_cli;
};

QTEST_GUILESS_MAIN(TestDataSafety)
#include "tst_datasafety.moc"
