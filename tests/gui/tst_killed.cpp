// The real nemo-studio, killed with SIGKILL in the middle of a reply, a render and a download, and
// started again: driven from outside as a person does it (typing through the X server with xdotool, on
// a desktop of its own with a window manager), and checked as a person would see it afterwards: on
// disk, at the service, and in the window.
#include "draft/draft.h"
#include "faultmatrix.h"
#include "guiharness.h"
#include "person.h"
#include "project/projectkeeper.h"
#include "realprogram.h"
#include "requirements.h"
#include "shell/mainwindow.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace nemo;
using agent::ChatMessage;
using project::RenderRecord;
using test::Person;

namespace {

// A reply that streams for a few seconds and a render that takes a few: long enough to be killed in.
fake::Scenario slowScenario()
{
    fake::Scenario s = test::quickScenario();
    s.eventDelayMs = 120;
    s.renderMs = 4000;
    return s;
}

// Three photos for the media bin (each its own file, so each its own segment).
QStringList photos(const QTemporaryDir &folder)
{
    QStringList files;
    for (int i = 1; i <= 3; ++i) {
        const QString file = folder.filePath(QStringLiteral("photo%1.jpg").arg(i));
        QFile::copy(test::data("photo1.jpg"), file);
        files << file;
    }
    return files;
}

// Waits until the project on disk holds the turn's timeline and its uploads, then asks for a video.
bool askForAVideo(Person &person, const QString &window)
{
    return QTest::qWaitFor([&] { return person.uploaded(3); }, 30000) &&
        person.ask(window, QStringLiteral("make a 9-second video")) &&
        QTest::qWaitFor([&] { return person.replied(); }, 30000);
}

// The hand edits on disk: how many there are and how many are done.
std::pair<int, int> editsOnDisk(const Person &person)
{
    const auto project = person.onDisk();
    return project ? std::pair<int, int>{int(project->handEdits.edits.size()), project->handEdits.done}
                   : std::pair<int, int>{-1, -1};
}

void kill(QProcess *app)
{
    app->kill(); // SIGKILL: nothing is saved on the way out
    app->waitForFinished();
}

} // namespace

class TestKilled final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        NEMO_REQUIRE(QSysInfo::kernelType() == QLatin1String("linux"),
                     "the program's profile is placed with the XDG folders, which only Linux has");
    }

    void killedMidStream()
    {
        test::GuiHarness h(slowScenario());
        Person person(h);
        QString why;
        QVERIFY2(person.setUp(&why), qPrintable(why));
        QString shown;
        {
            QProcess app;
            auto stop = qScopeGuard([&] { kill(&app); });
            const QString window = person.start(&app);
            QVERIFY(!window.isEmpty());
            // Started with its new project (which has a file once something is in it).
            QTRY_VERIFY_WITH_TIMEOUT(person.started(), 20000);
            QVERIFY(person.ask(window, QStringLiteral("make a travel video")));
            // Killed while the reply streams, after some of it was on screen and on disk.
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    const auto project = person.onDisk();
                    const ChatMessage *reply = person.reply(project);
                    if (!reply || reply->state != ChatMessage::State::Streaming || reply->text.size() < 10)
                        return false;
                    shown = reply->text;
                    return true;
                }(),
                30000);
        }
        QCOMPARE(h.server.chatMessages(), QStringList{QStringLiteral("make a travel video")});

        // Started again: the reply is there as far as it came, marked interrupted; nothing is sent again.
        {
            QProcess app;
            auto stop = qScopeGuard([&] { kill(&app); });
            const QString window = person.start(&app);
            QVERIFY(!window.isEmpty());
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    const auto project = person.onDisk();
                    const ChatMessage *reply = person.reply(project);
                    return reply && reply->state == ChatMessage::State::Interrupted;
                }(),
                20000);
            // Closed as a person closes it (Ctrl+Q): a normal exit.
            QVERIFY(person.desktop.key(window, QStringLiteral("ctrl+q")));
            QVERIFY(app.waitForFinished(20000));
            QCOMPARE(app.exitStatus(), QProcess::NormalExit);
            QCOMPARE(app.exitCode(), 0);
        }
        QCOMPARE(h.server.chatMessages().size(), 1);
        // What the window shows of it.
        h.openProjects(person.profile.store.folder());
        h.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(h.window.get()));
        const client::Conversation *chat = h.workspace->conversation();
        QCOMPARE(chat->size(), 2);
        QCOMPARE(chat->at(0).text, QStringLiteral("make a travel video"));
        QCOMPARE(chat->at(1).state, ChatMessage::State::Interrupted);
        QVERIFY2(chat->at(1).text.startsWith(shown), qPrintable(chat->at(1).text));
        test::FaultMatrix::record(
            QStringLiteral("SIGKILL of nemo-studio itself mid-stream (typed prompt)"),
            QStringLiteral("reply kept as far as shown, marked interrupted; not re-sent"));
    }

    // The first hour of hand editing, typed: Ctrl+T, Home, X (ripple delete), Ctrl+Z, Ctrl+Shift+Z, a
    // second message, Ctrl+E. The message carries the summary; the cloud render gets the edited draft.
    void handEditsTypedThenExported()
    {
        test::GuiHarness h(test::quickScenario());
        test::ScratchDir media;
        h.server.setMediaDir(media.path());
        Person person(h);
        QString why;
        QVERIFY2(person.setUp(&why), qPrintable(why));
        QTemporaryDir mine;
        QProcess app;
        auto stop = qScopeGuard([&] { kill(&app); });
        const QString window = person.start(&app, photos(mine));
        QVERIFY(!window.isEmpty());
        QVERIFY(askForAVideo(person, window));
        const draft::Draft agent = person.onDisk()->drafts.constLast().draft;
        QCOMPARE(agent.tracks().first().segments.size(), 3);
        QVERIFY(person.desktop.key(window, QStringLiteral("ctrl+t")));
        QVERIFY(person.desktop.key(window, QStringLiteral("Home")));
        QVERIFY(person.desktop.key(window, QStringLiteral("x")));
        QTRY_COMPARE_WITH_TIMEOUT(editsOnDisk(person), (std::pair<int, int>{1, 1}), 10000);
        QVERIFY(person.desktop.key(window, QStringLiteral("ctrl+z")));
        QTRY_COMPARE_WITH_TIMEOUT(editsOnDisk(person), (std::pair<int, int>{1, 0}), 10000);
        QVERIFY(person.desktop.key(window, QStringLiteral("ctrl+shift+z")));
        QTRY_COMPARE_WITH_TIMEOUT(editsOnDisk(person), (std::pair<int, int>{1, 1}), 10000);
        QVERIFY(person.ask(window, QStringLiteral("make it brighter")));
        QTRY_COMPARE_WITH_TIMEOUT(h.server.chatMessages().size(), 2, 20000);
        // The uploads finish in any order, so the first photo on the timeline is whichever the agent
        // put there: the note names that one.
        const QString first = agent.tracks().first().segments.first().label;
        QVERIFY(first.startsWith(QLatin1String("photo")));
        QCOMPARE(h.server.chatMessages().at(1),
                 QStringLiteral("make it brighter\n\n(I edited the timeline by hand: removed %1 and "
                                "closed the gap.)")
                     .arg(first));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto project = person.onDisk();
                const ChatMessage *said = person.reply(project);
                return project && project->messages.size() >= 4 && said &&
                    said->state == ChatMessage::State::Done;
            }(),
            30000);
        QVERIFY(person.exportVideo(window));
        QTRY_VERIFY_WITH_TIMEOUT(person.render() && person.render()->state == RenderRecord::State::Done,
                                 60000);
        // What the service was asked to render: one segment fewer, the rest's ids and names kept, from 0.
        const QJsonObject sent = h.server.renderDraft(person.render()->jobId);
        QJsonArray video;
        for (const QJsonValue &track : sent.value(QLatin1String("t")).toArray()) {
            if (track.toObject().value(QLatin1String("tt")).toInt(-1) == 0)
                video = track.toObject().value(QLatin1String("sg")).toArray();
        }
        QCOMPARE(video.size(), 2);
        const QList<draft::Segment> &before = agent.tracks().first().segments;
        for (int i = 0; i < 2; ++i) {
            const QJsonObject segment = video.at(i).toObject();
            QCOMPARE(segment.value(QLatin1String("id")).toString(), before.at(i + 1).id);
            QCOMPARE(segment.value(QLatin1String("src")).toString(), before.at(i + 1).source);
            QCOMPARE(qint64(segment.value(QLatin1String("st")).toDouble()),
                     before.at(i + 1).startMs - before.first().durationMs);
        }
        QCOMPARE(video.first().toObject().value(QLatin1String("st")).toDouble(), 0.0);
        QVERIFY(QFileInfo(person.render()->targetPath).size() > 1000);
    }

    // Killed in the middle of a drag: the edits made before are all there after a restart and still
    // undoable; the drag that never ended is not.
    void killedMidDrag()
    {
        test::GuiHarness h(test::quickScenario());
        Person person(h);
        QString why;
        QVERIFY2(person.setUp(&why), qPrintable(why));
        QTemporaryDir mine;
        const QStringList files = photos(mine);
        QByteArray editedBefore;
        {
            QProcess app;
            auto stop = qScopeGuard([&] { kill(&app); });
            const QString window = person.start(&app, files);
            QVERIFY(!window.isEmpty());
            QVERIFY(askForAVideo(person, window));
            QVERIFY(person.desktop.key(window, QStringLiteral("ctrl+t")));
            QVERIFY(person.desktop.key(window, QStringLiteral("Home")));
            QVERIFY(person.desktop.key(window, QStringLiteral("x")));
            QTRY_COMPARE_WITH_TIMEOUT(editsOnDisk(person), (std::pair<int, int>{1, 1}), 10000);
            // A drag on the video track, under way when the program is killed.
            const QString geometry = person.desktop.xdotool(
                {QStringLiteral("getwindowgeometry"), QStringLiteral("--shell"), window});
            int x = 0;
            int y = 0;
            int height = 0;
            for (const QString &line : geometry.split(QLatin1Char('\n'))) {
                if (line.startsWith(QLatin1String("X=")))
                    x = line.mid(2).toInt();
                else if (line.startsWith(QLatin1String("Y=")))
                    y = line.mid(2).toInt();
                else if (line.startsWith(QLatin1String("HEIGHT=")))
                    height = line.mid(7).toInt();
            }
            QVERIFY(height > 300);
            const QString px = QString::number(x + 260);
            const QString py = QString::number(y + height - 160);
            bool ok = false;
            person.desktop.xdotool({QStringLiteral("mousemove"), px, py, QStringLiteral("mousedown"),
                                    QStringLiteral("1"), QStringLiteral("mousemove"),
                                    QString::number(x + 300), py, QStringLiteral("mousemove"),
                                    QString::number(x + 360), py},
                                   &ok);
            QVERIFY(ok);
        }
        QCOMPARE(editsOnDisk(person), (std::pair<int, int>{1, 1}));
        {
            QProcess app;
            auto stop = qScopeGuard([&] { kill(&app); });
            const QString window = person.start(&app);
            QVERIFY(!window.isEmpty());
            // Still undoable: Ctrl+Z in the timeline takes the delete back, on disk too.
            QVERIFY(person.desktop.key(window, QStringLiteral("ctrl+t")));
            QVERIFY(person.desktop.key(window, QStringLiteral("ctrl+z")));
            QTRY_COMPARE_WITH_TIMEOUT(editsOnDisk(person), (std::pair<int, int>{1, 0}), 10000);
            QVERIFY(person.desktop.key(window, QStringLiteral("ctrl+shift+z")));
            QTRY_COMPARE_WITH_TIMEOUT(editsOnDisk(person), (std::pair<int, int>{1, 1}), 10000);
        }
        test::FaultMatrix::record(
            QStringLiteral("SIGKILL of nemo-studio itself mid-drag (hand edit)"),
            QStringLiteral("edits made before all there and undoable; the unfinished drag not applied"));
    }

    void killedMidRender()
    {
        test::GuiHarness h(slowScenario());
        test::ScratchDir media;
        h.server.setMediaDir(media.path());
        Person person(h);
        QString why;
        QVERIFY2(person.setUp(&why), qPrintable(why));
        QString jobId;
        {
            QProcess app;
            auto stop = qScopeGuard([&] { kill(&app); });
            const QString window = person.start(&app);
            QVERIFY(!window.isEmpty());
            QVERIFY(person.askAndExport(window, RenderRecord::State::Rendering));
            jobId = person.render()->jobId;
        }
        QCOMPARE(h.server.callCount(QStringLiteral("render")), 1);
        const QString target = person.render()->targetPath;
        QVERIFY(target.startsWith(person.profile.videos));
        QVERIFY(!QFile::exists(target) && !QFile::exists(target + QStringLiteral(".part")));
        const qsizetype polled = h.server.renderPolls(jobId).size();

        // Started again: the same render polled until done, then downloaded. No second render.
        {
            QProcess app;
            auto stop = qScopeGuard([&] { kill(&app); });
            QVERIFY(!person.start(&app).isEmpty());
            QTRY_VERIFY_WITH_TIMEOUT(person.render() && person.render()->state == RenderRecord::State::Done,
                                     60000);
        }
        QCOMPARE(person.render()->jobId, jobId);
        QVERIFY(h.server.renderPolls(jobId).size() > polled); // polled again
        QCOMPARE(h.server.callCount(QStringLiteral("render")), 1);
        QCOMPARE(test::sha256(target),
                 test::sha256(media.filePath(QStringLiteral("renders/") + jobId + QStringLiteral(".mp4"))));
        test::FaultMatrix::record(QStringLiteral("SIGKILL of nemo-studio itself mid-render (typed export)"),
                                  QStringLiteral("same job polled again and downloaded; file identical"));
    }

    void killedMidDownload()
    {
        test::GuiHarness h(slowScenario());
        test::ScratchDir media;
        h.server.setMediaDir(media.path());
        for (const char *endpoint : {"media", "render_download"}) {
            fake::Fault stall = test::fault(endpoint, 1);
            stall.pathContains = QStringLiteral("render"); // the video, not a clip the agent generated
            stall.stallAfterBytes = 40000;
            h.server.addFault(stall);
        }
        Person person(h);
        QString why;
        QVERIFY2(person.setUp(&why), qPrintable(why));
        QString jobId;
        QString target;
        qint64 partial = 0;
        {
            QProcess app;
            auto stop = qScopeGuard([&] { kill(&app); });
            const QString window = person.start(&app);
            QVERIFY(!window.isEmpty());
            QVERIFY(person.askAndExport(window, RenderRecord::State::Downloading));
            jobId = person.render()->jobId;
            target = person.render()->targetPath;
            // All the service sends before it stalls.
            QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(target + QStringLiteral(".part")).size() >= 40000, 20000);
        }
        QVERIFY(!QFile::exists(target));
        partial = QFileInfo(target + QStringLiteral(".part")).size();

        // Started again: the download goes on from where the partial file ends.
        {
            QProcess app;
            auto stop = qScopeGuard([&] { kill(&app); });
            QVERIFY(!person.start(&app).isEmpty());
            QTRY_VERIFY_WITH_TIMEOUT(person.render() && person.render()->state == RenderRecord::State::Done,
                                     60000);
        }
        const QJsonArray starts = h.server.stats().value(QLatin1String("fileRangeStarts")).toArray();
        QVERIFY(!starts.isEmpty());
        QCOMPARE(qint64(starts.last().toDouble()), partial);
        QCOMPARE(h.server.callCount(QStringLiteral("render")), 1);
        QCOMPARE(test::sha256(target),
                 test::sha256(media.filePath(QStringLiteral("renders/") + jobId + QStringLiteral(".mp4"))));
        QVERIFY(!QFile::exists(target + QStringLiteral(".part")));
        test::FaultMatrix::record(QStringLiteral("SIGKILL of nemo-studio itself mid-download (typed export)"),
                                  QStringLiteral("resumed with Range from the partial file; file identical"));
    }
};

QTEST_MAIN(TestKilled)
#include "tst_killed.moc"
