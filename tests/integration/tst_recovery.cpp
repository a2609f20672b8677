// Nothing lost across a crash: the app's core (nemo-studio-driver: Workspace + ProjectKeeper, as in the
// app) is killed with SIGKILL mid-upload, mid-stream, mid-render and mid-download, and started again on
// the same projects folder. Every message shown is still there, nothing is sent again, an upload shows
// as interrupted with Retry, the render is polled again, and the download resumes with Range into a file
// byte-identical to the server's.
#include "auth/memorysecretstore.h"
#include "client/workspace.h"
#include "fakeserverthread.h"
#include "faultmatrix.h"
#include "harness.h"
#include "project/projectkeeper.h"
#include "project/projectstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace nemo;
using test::data;

namespace {

// One run of the driver, with its output collected line by line.
class Driver
{
public:
    Driver(const QUrl &server, const QString &home, const QStringList &arguments)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] {
            while (m_process.canReadLine())
                m_lines.append(QString::fromUtf8(m_process.readLine()).trimmed());
        });
        m_process.start(QStringLiteral(NEMO_DRIVER_EXE),
                        QStringList{QStringLiteral("--base-url"), server.toString(),
                                    QStringLiteral("--projects"), home + QStringLiteral("/projects"),
                                    QStringLiteral("--secrets-file"),
                                    home + QStringLiteral("/secrets.json")} +
                            arguments);
    }
    ~Driver()
    {
        if (m_process.state() != QProcess::NotRunning)
            kill();
    }

    // The index of the first line from `from` on that matches, or -1.
    int find(const QString &pattern, int from = 0) const
    {
        const QRegularExpression re(pattern);
        for (int i = from; i < m_lines.size(); ++i) {
            if (re.match(m_lines.at(i)).hasMatch())
                return i;
        }
        return -1;
    }
    bool waitFor(const QString &pattern, int from = 0, int timeoutMs = 30000)
    {
        return QTest::qWaitFor([&] { return find(pattern, from) >= 0; }, timeoutMs);
    }
    // SIGKILL: no chance to save anything on the way out.
    void kill()
    {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
    bool finished(int timeoutMs = 60000)
    {
        return QTest::qWaitFor([&] { return m_process.state() == QProcess::NotRunning; }, timeoutMs) &&
            m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }
    const QStringList &lines() const { return m_lines; }
    QString output() const { return m_lines.join(QLatin1Char('\n')); }
    QString line(int index) const { return m_lines.value(index); }

private:
    QProcess m_process;
    QStringList m_lines;
};

int number(const QString &line, int field)
{
    return line.split(QLatin1Char(' ')).value(field).toInt();
}

} // namespace

class TestRecovery final : public QObject
{
    Q_OBJECT

private:
    fake::Scenario scenario()
    {
        fake::Scenario s = test::quickScenario();
        s.eventDelayMs = 120; // a reply streams for a few seconds: long enough to be killed in the middle
        return s;
    }
    int calls(fake::FakeServerThread &server, const char *endpoint)
    {
        return server.stats().value(QLatin1String("calls")).toObject().value(QLatin1String(endpoint)).toInt();
    }

    // Starts the app on a chat turn and an export, waits for `phase` to be saved, and kills it;
    // returns the render job's id.
    QString killDuringExport(fake::FakeServerThread &server, const test::ScratchDir &home,
                             const QString &target, const QString &phase)
    {
        Driver app(server.baseUrl(), home.path(),
                   {QStringLiteral("--say"), QStringLiteral("make a travel video"),
                    QStringLiteral("--export"), target});
        if (!app.waitFor(phase))
            return QString();
        const int seen = app.find(phase);
        if (!app.waitFor(QStringLiteral("^saved"), seen) || !QTest::qWaitFor([&] {
                return QFileInfo(target + QStringLiteral(".part")).size() > 0 ||
                    !phase.contains(QLatin1String("Downloading"));
            }))
            return QString();
        app.kill();
        return app.line(seen).split(QLatin1Char(' ')).value(2);
    }

private slots:
    void aProjectIsWrittenByOneProcessAtATime()
    {
        test::ScratchDir home;
        fake::FakeServerThread server(scenario());
        const QString folder = home.filePath(QStringLiteral("projects"));
        // Busy for as long as the test needs it: its upload is held by the server.
        fake::Fault hold = test::fault("upload", 1);
        hold.delayMs = 120000;
        server.addFault(hold);
        Driver app(server.baseUrl(), home.path(), {QStringLiteral("--add"), data("photo1.jpg")});
        QVERIFY(app.waitFor(QStringLiteral("^opened ")));
        const QString id = app.line(app.find(QStringLiteral("^opened "))).split(QLatin1Char(' ')).value(1);
        QVERIFY(project::ProjectStore::isValidId(id));
        const QString lockFile = folder + QLatin1Char('/') + id + QStringLiteral(".nemo.lock");
        QVERIFY(QFile::exists(lockFile));
        const project::ProjectStore look(folder);
        auto messagesOnDisk = [&look, &id] {
            const project::ProjectStore::Loaded saved = look.load(id);
            QStringList texts;
            for (const agent::ChatMessage &m :
                 saved.project ? saved.project->messages : QList<agent::ChatMessage>())
                texts.append(m.text);
            return saved.project ? texts : QStringList{QStringLiteral("unreadable: ") + saved.error};
        };
        // Written by its owner (a reader may find it while it is being made).
        QTRY_VERIFY(look.load(id).project);
        const QStringList before = messagesOnDisk();

        // Another process (this one) starting on the same profile: the project is not opened for
        // writing here; a new one is, and the reason is on record.
        auth::MemorySecretStore secrets;
        {
            client::Workspace other(test::quickConfig(server.baseUrl()), &secrets);
            project::ProjectStore store(folder);
            project::ProjectKeeper keeper(&other, &store);
            keeper.readLastAhead(); // as the app starts
            QCOMPARE(keeper.openLast(), project::ProjectKeeper::Opened::LastInUse);
            QVERIFY(keeper.projectId() != id);
            QVERIFY2(keeper.lastProblem().contains(QLatin1String("is open in")),
                     qPrintable(keeper.lastProblem()));
            QVERIFY(!keeper.open(id));
            // Read-only, as nemo-cli's look-only commands are: it opens, and writes nothing.
            client::Workspace looking(test::quickConfig(server.baseUrl()), &secrets);
            project::ProjectKeeper reader(&looking, &store);
            reader.setReadOnly(true);
            QVERIFY(reader.open(id));
            looking.conversation()->addNotice(QStringLiteral("seen read-only"));
            QVERIFY(reader.flush());
            // The lock file deleted (by hand, by a cleaner): the lock the operating system holds on the
            // database itself still keeps a second writer out.
            QVERIFY(QFile::remove(lockFile));
            project::ProjectKeeper second(&other, &store);
            QVERIFY(!second.open(id));
            QVERIFY2(second.lastProblem().contains(QLatin1String("is open in")),
                     qPrintable(second.lastProblem()));
            test::FaultMatrix::record(
                QStringLiteral("the lock file of an open project deleted"),
                QStringLiteral("still not opened for writing: the database's own lock holds"));
        }
        QCOMPARE(messagesOnDisk(), before); // untouched by anyone but its owner

        // The owner killed: its lock (the operating system's, and the file where there is one) ends with
        // it, and the next start takes it over.
        app.kill();
        client::Workspace next(test::quickConfig(server.baseUrl()), &secrets);
        project::ProjectStore store(folder);
        project::ProjectKeeper keeper(&next, &store);
        QVERIFY2(keeper.open(id), qPrintable(keeper.lastProblem()));
        QCOMPARE(keeper.projectId(), id);
        // Its database too: the dead process's SQLite locks ended with it, its journal is taken over, and
        // the project is written here.
        next.conversation()->addNotice(QStringLiteral("written after the takeover"));
        QVERIFY(keeper.flush());
        QCOMPARE(messagesOnDisk(), before + QStringList{QStringLiteral("written after the takeover")});
        test::FaultMatrix::record(QStringLiteral("a project database locked by a crashed process"),
                                  QStringLiteral("its locks end with it; the project opens and is written"));
        test::FaultMatrix::record(
            QStringLiteral("a project open in another process"),
            QStringLiteral("not opened for writing; a new project, and the reason said"));
        test::FaultMatrix::record(QStringLiteral("a project locked by a crashed process"),
                                  QStringLiteral("the stale lock is taken over; the project opens"));
    }

    void killedMidUpload()
    {
        test::ScratchDir home;
        fake::FakeServerThread server(scenario());
        fake::Fault hold = test::fault("upload", 1);
        hold.delayMs = 120000; // the server takes the file and does not answer
        server.addFault(hold);
        {
            Driver app(server.baseUrl(), home.path(), {QStringLiteral("--add"), data("photo1.jpg")});
            QVERIFY(app.waitFor(QStringLiteral("^media photo1.jpg uploading")));
            const int uploading = app.find(QStringLiteral("^media photo1.jpg uploading"));
            QVERIFY(app.waitFor(QStringLiteral("^saved"), uploading));
            app.kill();
        }
        QCOMPARE(calls(server, "upload"), 1);
        {
            Driver app(server.baseUrl(), home.path(), {});
            QVERIFY(app.finished());
            QVERIFY2(app.find(QStringLiteral("^opened .* media=1$")) >= 0, qPrintable(app.output()));
            QVERIFY(app.find(QStringLiteral("^media photo1.jpg interrupted$")) >= 0);
        }
        QCOMPARE(calls(server, "upload"), 1); // never uploaded again behind the user's back
        {
            Driver app(server.baseUrl(), home.path(), {QStringLiteral("--retry-uploads")});
            QVERIFY(app.finished());
            QVERIFY2(app.find(QStringLiteral("^media photo1.jpg uploaded")) >= 0, qPrintable(app.output()));
        }
        QCOMPARE(calls(server, "upload"), 2);
        test::FaultMatrix::record(QStringLiteral("SIGKILL mid-upload"),
                                  QStringLiteral("shown as interrupted; Retry uploads it once"));
    }

    void killedMidStream()
    {
        test::ScratchDir home;
        fake::FakeServerThread server(scenario());
        int savedLength = 0;
        {
            Driver app(server.baseUrl(), home.path(),
                       {QStringLiteral("--say"), QStringLiteral("make a travel video")});
            QVERIFY(app.waitFor(QStringLiteral("^agent streaming [1-9]")));
            const int streaming = app.find(QStringLiteral("^agent streaming [1-9]"));
            QVERIFY(app.waitFor(QStringLiteral("^saved"), streaming));
            // The longest reply text that was shown before the last save we know of.
            const int saved = app.find(QStringLiteral("^saved"), streaming);
            for (int i = 0; i < saved; ++i) {
                if (app.line(i).startsWith(QLatin1String("agent ")))
                    savedLength = qMax(savedLength, number(app.line(i), 2));
            }
            app.kill();
        }
        QVERIFY(savedLength > 0);
        QCOMPARE(server.chatMessages().size(), 1);
        {
            Driver app(server.baseUrl(), home.path(), {});
            QVERIFY(app.finished());
            const QString all = app.output();
            QVERIFY2(app.find(QStringLiteral("^message user done 19$")) >= 0, qPrintable(all));
            const int agent = app.find(QStringLiteral("^message agent interrupted "));
            QVERIFY2(agent >= 0, qPrintable(all));
            QVERIFY2(number(app.line(agent), 3) >= savedLength, qPrintable(all));
        }
        QCOMPARE(server.chatMessages().size(), 1); // nothing was sent again
        test::FaultMatrix::record(QStringLiteral("SIGKILL mid-stream"),
                                  QStringLiteral("reply kept as interrupted; message not re-sent"));
    }

    void killedMidRender()
    {
        test::ScratchDir home;
        QTemporaryDir media;
        fake::Scenario s = scenario();
        s.eventDelayMs = 2;
        s.renderMs = 4000;
        fake::FakeServerThread server(s, media.path());
        const QString target = home.filePath(QStringLiteral("Travel.mp4"));
        const QString jobId =
            killDuringExport(server, home, target, QStringLiteral("^export Rendering render_"));
        QVERIFY(!jobId.isEmpty());
        QCOMPARE(calls(server, "render"), 1);
        {
            Driver app(server.baseUrl(), home.path(), {});
            QVERIFY(app.finished());
            const QString all = app.output();
            QVERIFY2(app.find(QStringLiteral("^export Rendering ") + jobId) >= 0, qPrintable(all));
            QVERIFY2(app.find(QStringLiteral("^export Done ") + jobId) >= 0, qPrintable(all));
        }
        QCOMPARE(calls(server, "render"), 1); // the same job, polled again: no second render
        QVERIFY(QFile::exists(target));
        QCOMPARE(test::sha256(target),
                 test::sha256(media.filePath(QStringLiteral("renders/") + jobId + QStringLiteral(".mp4"))));
        test::FaultMatrix::record(QStringLiteral("SIGKILL mid-render"),
                                  QStringLiteral("same job polled again and downloaded; file identical"));
    }

    void killedMidDownload()
    {
        test::ScratchDir home;
        QTemporaryDir media;
        fake::Scenario s = scenario();
        s.eventDelayMs = 2;
        fake::FakeServerThread server(s, media.path());
        for (const char *endpoint : {"media", "render_download"}) {
            fake::Fault stall = test::fault(endpoint, 1);
            stall.pathContains = QStringLiteral("render"); // the video, not a clip the agent generated
            stall.stallAfterBytes = 40000;
            server.addFault(stall);
        }
        const QString target = home.filePath(QStringLiteral("Travel.mp4"));
        const QString jobId =
            killDuringExport(server, home, target, QStringLiteral("^export Downloading render_\\S+ [1-9]"));
        QVERIFY(!jobId.isEmpty());
        QVERIFY(!QFile::exists(target));
        const qint64 partial = QFileInfo(target + QStringLiteral(".part")).size();
        QVERIFY(partial > 0);
        {
            Driver app(server.baseUrl(), home.path(), {});
            QVERIFY(app.finished());
            QVERIFY2(app.find(QStringLiteral("^export Done ") + jobId) >= 0, qPrintable(app.output()));
        }
        // The second run asked for the rest only.
        const QJsonArray starts = server.stats().value(QLatin1String("fileRangeStarts")).toArray();
        QVERIFY(!starts.isEmpty());
        QCOMPARE(qint64(starts.last().toDouble()), partial);
        QCOMPARE(calls(server, "render"), 1);
        QCOMPARE(test::sha256(target),
                 test::sha256(media.filePath(QStringLiteral("renders/") + jobId + QStringLiteral(".mp4"))));
        QVERIFY(!QFile::exists(target + QStringLiteral(".part")));
        test::FaultMatrix::record(QStringLiteral("SIGKILL mid-download"),
                                  QStringLiteral("resumed with Range from the partial file; file identical"));
    }
};

QTEST_GUILESS_MAIN(TestRecovery)
#include "tst_recovery.moc"
