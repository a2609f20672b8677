// Projects on disk: what is saved, how fast, reopening, switching, and damaged or foreign files.
#include "auth/memorysecretstore.h"
#include "client/workspace.h"
#include "edit/editor.h"
#include "edit/handedits.h"
#include "faultmatrix.h"
#include "harness.h"
#include "mounts.h"
#include "project/projectkeeper.h"
#include "project/projectstore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace nemo;
using agent::ChatMessage;
using project::Project;
using project::ProjectDatabase;
using project::ProjectKeeper;
using project::ProjectStore;
using project::RenderRecord;
using test::data;

namespace {

// A project with `count` messages of some length, the user's and the agent's in turn.
Project manyMessages(const QString &id, int count)
{
    Project project;
    project.id = id;
    for (int i = 0; i < count; ++i) {
        ChatMessage message;
        message.role = i % 2 ? ChatMessage::Role::Agent : ChatMessage::Role::User;
        message.text = QStringLiteral("message %1 ").arg(i).repeated(20);
        project.messages.append(message);
    }
    return project;
}

// A workspace on the local server with its keeper, as the app sets them up.
struct Studio
{
    // `keychain`: the sign-in that outlives one run of the app (default: this run's own).
    Studio(fake::FakeServer &server, const QString &folder, auth::SecretStore *keychain = nullptr)
        : workspace(test::quickConfig(server.baseUrl()), keychain ? keychain : &secrets)
        , store(folder)
        , keeper(&workspace, &store)
    { }

    bool connect()
    {
        workspace.connectToService();
        return QTest::qWaitFor(
            [this] { return workspace.connection() == client::Workspace::Connection::Ready; }, 10000);
    }
    bool turn(const QString &text)
    {
        QSignalSpy finished(workspace.conversation(), &client::Conversation::turnFinished);
        if (!workspace.conversation()->submit(text))
            return false;
        return finished.wait(30000);
    }

    // Opens the last project, connects and runs a first turn.
    bool startWith(const QString &text)
    {
        keeper.openLast();
        return connect() && turn(text);
    }

    auth::MemorySecretStore secrets;
    client::Workspace workspace;
    ProjectStore store;
    ProjectKeeper keeper;
};

bool startServer(fake::FakeServer &server)
{
    server.setScenario(test::quickScenario());
    return server.listen();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestProject final : public QObject
{
    Q_OBJECT

private slots:
    void savesEverythingAndReopensIt()
    {
        test::ScratchDir dir;
        fake::FakeServer server;
        QVERIFY(startServer(server));
        QString id;
        QList<ChatMessage> messages;
        auth::MemorySecretStore keychain;
        {
            Studio studio(server, dir.path(), &keychain);
            studio.keeper.openLast();
            id = studio.keeper.projectId();
            QVERIFY(ProjectStore::isValidId(id));
            QVERIFY(studio.connect());
            studio.workspace.uploads()->add({data("photo1.jpg")});
            QTRY_VERIFY_WITH_TIMEOUT(studio.workspace.uploads()->size() == 1 &&
                                         studio.workspace.uploads()->at(0).state ==
                                             media::MediaItem::State::Uploaded,
                                     20000);
            QVERIFY(studio.turn(QStringLiteral("make a travel video")));
            QVERIFY(studio.turn(QStringLiteral("add some music")));
            QTRY_VERIFY(studio.keeper.lastDraft());
            messages = studio.workspace.conversation()->messages();
            // On disk within a second of the last change, without anyone asking.
            QTRY_VERIFY_WITH_TIMEOUT(!studio.keeper.hasUnsavedChanges(), 1000);
        }
        QVERIFY(QFile::exists(dir.filePath(id + QStringLiteral(".nemo"))));
        const ProjectStore::Loaded saved = ProjectStore(dir.path()).load(id, ProjectDatabase::Drafts::All);
        QVERIFY2(saved.project, qPrintable(saved.error));
        QCOMPARE(saved.project->messages.size(), messages.size());
        QCOMPARE(saved.project->media.size(), 1);
        QVERIFY(saved.project->session.isValid());
        // One snapshot of the timeline per turn.
        QCOMPARE(saved.project->drafts.size(), 2);
        QCOMPARE(saved.project->drafts.at(0).turn, 1);
        QCOMPARE(saved.project->drafts.at(1).turn, 2);
        QVERIFY(!saved.project->drafts.at(1).draft.isEmpty());

        // Read ahead on another thread, as the app does while its window is built.
        Studio again(server, dir.path(), &keychain);
        again.keeper.readLastAhead();
        QCOMPARE(again.keeper.openLast(), ProjectKeeper::Opened::Last);
        QCOMPARE(again.keeper.projectId(), id);
        // Named after the video's title in the agent's draft (kept in the project), not the first prompt.
        QCOMPARE(again.keeper.projectName(), QStringLiteral("My Video"));
        QCOMPARE(again.workspace.conversation()->size(), messages.size());
        for (int i = 0; i < messages.size(); ++i) {
            QCOMPARE(again.workspace.conversation()->at(i).text, messages.at(i).text);
            QCOMPARE(again.workspace.conversation()->at(i).role, messages.at(i).role);
            QCOMPARE(again.workspace.conversation()->at(i).time, messages.at(i).time);
        }
        QCOMPARE(again.workspace.uploads()->at(0).state, media::MediaItem::State::Uploaded);
        QVERIFY(!again.workspace.uploads()->at(0).uploaded.hash.isEmpty());
        QVERIFY(again.keeper.lastDraft());
        QCOMPARE(again.keeper.lastDraft()->turn, 2);
        // The timeline is there before the service is asked.
        QVERIFY(again.workspace.state() && !again.workspace.state()->draft.isEmpty());
        // And the session goes on where it was: the next turn needs no new session.
        const int sessions = server.callCount(QStringLiteral("session"));
        QVERIFY(again.connect());
        QVERIFY(again.turn(QStringLiteral("make it shorter")));
        QCOMPARE(server.callCount(QStringLiteral("session")), sessions);
    }

    // Hand edits are saved with the turn they were made on; reopened, they are all there, applied to the
    // project's timeline and still undoable; the next message tells the agent about the new ones only.
    void handEditsAreKeptAndStillUndoable()
    {
        fake::FakeServer server;
        QVERIFY(startServer(server));
        QTemporaryDir folder;
        QByteArray agentBytes;
        QByteArray editedBytes;
        {
            Studio studio(server, folder.path());
            QVERIFY(studio.startWith(QStringLiteral("make a short video titled \"Trip\"")));
            edit::HandEdits *edits = studio.workspace.handEdits();
            QTRY_VERIFY(edits->document().clipCount() >= 2);
            agentBytes = edits->document().agent().bytes();
            QString problem;
            const QString title = edits->document().resolve(QStringLiteral("Title:1"), &problem);
            QVERIFY2(!title.isEmpty(), qPrintable(problem));
            const QString first = edits->document().resolve(QStringLiteral("Video:1"), &problem);
            QVERIFY2(!first.isEmpty(), qPrintable(problem));
            QVERIFY(edits->push(
                edit::Editor(edits->document()).setTitle(title, QStringLiteral("Edited"), 0).edit));
            QVERIFY(edits->push(edit::Editor(edits->document())
                                    .trimOut(first, edits->document().clip(first)->end() - 3, false)
                                    .edit));
            QVERIFY(edits->push(edit::Editor(edits->document()).nudge({title}, 1).edit));
            QVERIFY(edits->undo()); // the nudge: undone, kept as redoable
            editedBytes = studio.workspace.state()->draft.bytes();
            QVERIFY(editedBytes != agentBytes);
            QVERIFY(studio.keeper.flush());
        }
        const int expected = 3;
        const project::ProjectStore::Loaded loaded =
            ProjectStore(folder.path()).load(ProjectStore(folder.path()).lastProjectId());
        QVERIFY(loaded.project);
        QCOMPARE(loaded.project->handEdits.edits.size(), expected);
        QCOMPARE(loaded.project->handEdits.done, expected - 1);
        QCOMPARE(loaded.project->handEdits.edits.first().turn, 1);
        {
            Studio studio(server, folder.path());
            QCOMPARE(studio.keeper.openLast(), ProjectKeeper::Opened::Last);
            edit::HandEdits *edits = studio.workspace.handEdits();
            QCOMPARE(edits->entries().size(), expected);
            QCOMPARE(edits->doneCount(), expected - 1);
            QCOMPARE(studio.workspace.state()->draft.bytes(), editedBytes);
            QVERIFY(edits->redo());
            QVERIFY(edits->undo());
            while (edits->canUndo())
                QVERIFY(edits->undo());
            QCOMPARE(studio.workspace.state()->draft.bytes(), agentBytes);
            QVERIFY(studio.keeper.flush());
        }
        QCOMPARE(ProjectStore(folder.path())
                     .load(ProjectStore(folder.path()).lastProjectId())
                     .project->handEdits.done,
                 0);
    }

    // A stored edit that can't be read is left out with a plain message; the others are kept and applied.
    void aDamagedHandEditIsToldAndTheRestKept()
    {
        fake::FakeServer server;
        QVERIFY(startServer(server));
        QTemporaryDir folder;
        QString id;
        {
            Studio studio(server, folder.path());
            QVERIFY(studio.startWith(QStringLiteral("make a short video titled \"Trip\"")));
            edit::HandEdits *edits = studio.workspace.handEdits();
            QTRY_VERIFY(edits->document().clipCount() >= 2);
            const QString first = edits->document().resolve(QStringLiteral("Video:1"), nullptr);
            const QString second = edits->document().resolve(QStringLiteral("Title:1"), nullptr);
            QVERIFY(!first.isEmpty() && !second.isEmpty());
            QVERIFY(edits->push(edit::Editor(edits->document())
                                    .trimOut(first, edits->document().clip(first)->end() - 5, false)
                                    .edit));
            QVERIFY(edits->push(edit::Editor(edits->document()).remove({second}, false).edit));
            // A third, undone: after the damaged one is left out it must still count as undone.
            QVERIFY(edits->push(edit::Editor(edits->document())
                                    .trimOut(first, edits->document().clip(first)->end() - 5, false)
                                    .edit));
            QVERIFY(edits->undo());
            QCOMPARE(edits->doneCount(), 2);
            QVERIFY(studio.keeper.flush());
            id = studio.keeper.projectId();
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("damage"));
            db.setDatabaseName(folder.filePath(id + QStringLiteral(".nemo")));
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(
                QStringLiteral("UPDATE hand_edits SET edit = '{\"kind\":\"change\",\"ops\":[{\"op\":\"set\"' "
                               "WHERE pos = 0")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("damage"));
        Studio studio(server, folder.path());
        QSignalSpy problems(&studio.keeper, &ProjectKeeper::problem);
        QCOMPARE(studio.keeper.openLast(), ProjectKeeper::Opened::Last);
        QCOMPARE(problems.count(), 1);
        QVERIFY2(problems.first().first().toString().contains(QLatin1String("could not be read")),
                 qPrintable(problems.first().first().toString()));
        edit::HandEdits *edits = studio.workspace.handEdits();
        QCOMPARE(edits->entries().size(), 2);
        QCOMPARE(edits->doneCount(), 1); // the lift done, the last trim still undone
        QVERIFY(edits->entries().first().edit.name.startsWith(QLatin1String("Lift")));
        QVERIFY(edits->document().isEdited());
        // Written back without it.
        QVERIFY(studio.keeper.flush());
        QCOMPARE(ProjectStore(folder.path()).load(id).project->handEdits.edits.size(), 2);
        QCOMPARE(ProjectStore(folder.path()).load(id).project->handEdits.done, 1);
        test::FaultMatrix::record(
            QStringLiteral("a damaged hand edit in the project"),
            QStringLiteral("told in plain words; left out; the others kept and applied"));
    }

    // A project from before hand edits (schema 1) opens, is brought up to date and takes edits.
    void aProjectFromBeforeHandEditsIsMigrated()
    {
        fake::FakeServer server;
        QVERIFY(startServer(server));
        QTemporaryDir folder;
        QString id;
        {
            Studio studio(server, folder.path());
            QVERIFY(studio.startWith(QStringLiteral("make a short video")));
            QVERIFY(studio.keeper.flush());
            id = studio.keeper.projectId();
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(folder.filePath(id + QStringLiteral(".nemo")));
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("DROP TABLE hand_edits")));
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("DELETE FROM meta WHERE key LIKE 'edits_%'")));
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 1")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        Studio studio(server, folder.path());
        QCOMPARE(studio.keeper.openLast(), ProjectKeeper::Opened::Last);
        edit::HandEdits *edits = studio.workspace.handEdits();
        QTRY_VERIFY(edits->document().clipCount() >= 1);
        QVERIFY(edits->push(edit::Editor(edits->document())
                                .remove({edits->document().tracks().first().clips.first().key}, false)
                                .edit));
        QVERIFY(studio.keeper.flush());
        QCOMPARE(ProjectStore(folder.path()).load(id).project->handEdits.edits.size(), 1);
    }

    void newAndRecentProjects()
    {
        test::ScratchDir dir;
        fake::FakeServer server;
        QVERIFY(startServer(server));
        Studio studio(server, dir.path());
        QVERIFY(studio.startWith(QStringLiteral("first project")));
        const QString first = studio.keeper.projectId();

        QSignalSpy changed(&studio.keeper, &ProjectKeeper::projectChanged);
        studio.keeper.newProject();
        QVERIFY(!changed.isEmpty());
        QVERIFY(studio.keeper.projectId() != first);
        QCOMPARE(studio.workspace.conversation()->size(), 0);
        QVERIFY(!studio.workspace.state() || studio.workspace.state()->draft.isEmpty());
        QCOMPARE(studio.keeper.projectName(), QStringLiteral("Untitled project"));
        QTRY_VERIFY(studio.workspace.connection() == client::Workspace::Connection::Ready);
        // An empty project is never kept: a second New Project leaves no file for the first one.
        const QString empty = studio.keeper.projectId();
        studio.keeper.newProject();
        QVERIFY(studio.keeper.flush());
        QVERIFY(!studio.store.exists(empty));
        QVERIFY(!QFile::exists(studio.store.pathFor(empty)));
        QCOMPARE(studio.keeper.recent().size(), 1);
        QVERIFY(studio.turn(QStringLiteral("second project, titled \"Harbour Lights\"")));
        QVERIFY(studio.keeper.flush());

        // Each is named after its video's title once the agent gave it one ("My Video" for the first).
        QList<ProjectStore::Entry> recent = studio.keeper.recent();
        QCOMPARE(recent.size(), 2);
        QCOMPARE(recent.at(0).name, QStringLiteral("Harbour Lights"));
        QCOMPARE(recent.at(1).name, QStringLiteral("My Video"));
        // Renamed by the user, the name stays over the agent's next titles; emptied, the title is back.
        QSignalSpy renamed(&studio.keeper, &ProjectKeeper::projectChanged);
        studio.keeper.rename(QStringLiteral("  Lisbon   weekend "));
        QCOMPARE(studio.keeper.projectName(), QStringLiteral("Lisbon weekend"));
        QCOMPARE(renamed.size(), 1);
        QVERIFY(studio.turn(QStringLiteral("make the title \"Something Else\"")));
        QVERIFY(studio.keeper.flush());
        QCOMPARE(studio.keeper.recent().at(0).name, QStringLiteral("Lisbon weekend"));
        studio.keeper.rename(QString());
        QVERIFY(studio.keeper.flush());
        QVERIFY(studio.keeper.projectName() != QLatin1String("Lisbon weekend"));
        QCOMPARE(studio.keeper.recent().at(0).name, studio.keeper.projectName());
        recent = studio.keeper.recent();

        QVERIFY(studio.keeper.open(first));
        QCOMPARE(studio.workspace.conversation()->at(0).text, QStringLiteral("first project"));
        QCOMPARE(studio.store.lastProjectId(), first);
        QCOMPARE(server.chatMessages().size(), 3); // switching sends nothing
    }

    void damagedProjectIsKeptAside_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("truncated") << QByteArray(
            R"({"format":"nemo-studio-project","version":1,"id":"p1","messages":[{"id":"1")");
        QTest::newRow("not json") << QByteArray("\x00\x01garbage\xff", 11);
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array") << QByteArray("[1,2,3]");
        QTest::newRow("foreign") << QByteArray(R"({"format":"something-else","version":1,"id":"p1"})");
        QTest::newRow("other id") << QByteArray(R"({"format":"nemo-studio-project","version":1,"id":"p2"})");
    }
    void damagedProjectIsKeptAside()
    {
        QFETCH(QByteArray, bytes);
        test::ScratchDir dir;
        fake::FakeServer server;
        QVERIFY(server.listen());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("p1.json")), bytes));
        ProjectStore(dir.path()).setLastProjectId(QStringLiteral("p1"));

        Studio studio(server, dir.path());
        QSignalSpy problems(&studio.keeper, &ProjectKeeper::problem);
        studio.keeper.openLast();
        // Reported, a new project started, the damaged file kept byte for byte beside it.
        QCOMPARE(problems.size(), 1);
        const QString message = problems.at(0).at(0).toString();
        QVERIFY2(message.contains(QLatin1String("could not be opened")), qPrintable(message));
        QVERIFY(studio.keeper.projectId() != QLatin1String("p1"));
        QCOMPARE(studio.workspace.conversation()->size(), 1);
        QCOMPARE(studio.workspace.conversation()->at(0).role, ChatMessage::Role::Notice);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("p1.json"))));
        const QStringList aside = QDir(dir.path()).entryList({QStringLiteral("p1.json.corrupt-*")});
        QCOMPARE(aside.size(), 1);
        QVERIFY(message.contains(aside.at(0)));
        QFile kept(dir.filePath(aside.at(0)));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), bytes);
        test::FaultMatrix::record(
            QStringLiteral("damaged project file (%1)").arg(QLatin1String(QTest::currentDataTag())),
            QStringLiteral("reported; kept aside; new project"));
    }

    void newerProjectIsLeftAlone()
    {
        test::ScratchDir dir;
        const QByteArray newer = R"({"format":"nemo-studio-project","version":99,"id":"p1"})";
        QVERIFY(writeFile(dir.filePath(QStringLiteral("p1.json")), newer));
        const ProjectStore::Loaded loaded = ProjectStore(dir.path()).load(QStringLiteral("p1"));
        QVERIFY(!loaded.project);
        QVERIFY(loaded.error.contains(QLatin1String("newer version")));
        QVERIFY(loaded.keptAside.isEmpty());
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("p1.json"))));
    }

    void importsAProjectFileOnce()
    {
        test::ScratchDir dir;
        fake::FakeServer server;
        QVERIFY(server.listen());
        // A project as the versions before databases kept it: one JSON file.
        const QByteArray legacy =
            "{\"format\":\"nemo-studio-project\",\"version\":1,\"id\":\"p1\",\"name\":\"\","
            "\"created\":\"2026-05-01T10:00:00.000Z\",\"modified\":\"2026-05-01T10:05:00.000Z\","
            "\"session\":{},"
            "\"messages\":[{\"id\":\"1\",\"role\":\"user\",\"state\":\"done\",\"text\":\"old trip\","
            "\"time\":\"2026-05-01T10:00:00.000Z\"},{\"id\":\"2\",\"role\":\"agent\",\"state\":"
            "\"streaming\",\"text\":\"Working on\",\"time\":\"2026-05-01T10:00:01.000Z\"}],"
            "\"media\":[{\"id\":\"1\",\"path\":\"/home/me/a.jpg\",\"name\":\"a.jpg\",\"size\":10,"
            "\"state\":\"uploading\"}],"
            "\"drafts\":[{\"turn\":1,\"time\":\"2026-05-01T10:00:02.000Z\",\"draft\":{\"t\":[{\"tt\":0,"
            "\"sg\":[{\"s\":\"a.jpg\",\"st\":0,\"et\":1000}]}]}},{\"turn\":2,\"time\":"
            "\"2026-05-01T10:01:02.000Z\",\"draft\":{\"t\":[{\"tt\":0,\"sg\":[{\"s\":\"a.jpg\",\"st\":0,"
            "\"et\":2000}]}]}}],"
            "\"renders\":[{\"id\":\"r1\",\"state\":\"done\",\"target\":\"/home/me/v.mp4\","
            "\"started\":\"2026-05-01T10:02:00.000Z\"}]}";
        QVERIFY(writeFile(dir.filePath(QStringLiteral("p1.json")), legacy));
        ProjectStore(dir.path()).setLastProjectId(QStringLiteral("p1"));
        {
            Studio studio(server, dir.path());
            QCOMPARE(studio.keeper.openLast(), ProjectKeeper::Opened::Last);
            QCOMPARE(studio.keeper.projectName(), QStringLiteral("old trip"));
            QCOMPARE(studio.workspace.conversation()->size(), 2);
            QCOMPARE(studio.workspace.conversation()->at(1).state, ChatMessage::State::Interrupted);
            QCOMPARE(studio.workspace.uploads()->at(0).state, media::MediaItem::State::Interrupted);
            QVERIFY(studio.keeper.lastDraft());
            QCOMPARE(studio.keeper.lastDraft()->draft.durationMs(), 2000);
            QVERIFY(studio.keeper.flush());
        }
        // Imported: the database holds it, the file is kept as it was under another name.
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("p1.nemo"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("p1.json"))));
        QFile kept(dir.filePath(QStringLiteral("p1.json.imported")));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), legacy);
        const ProjectStore::Loaded loaded =
            ProjectStore(dir.path()).load(QStringLiteral("p1"), ProjectDatabase::Drafts::All);
        QVERIFY2(loaded.project, qPrintable(loaded.error));
        QVERIFY(loaded.importedFrom.isEmpty()); // once
        QCOMPARE(loaded.project->drafts.size(), 2);
        QCOMPARE(loaded.project->renders.size(), 1);
        QCOMPARE(loaded.project->renders.at(0).jobId, QStringLiteral("r1"));
        // What opening marked as interrupted was written back.
        QCOMPARE(loaded.project->messages.at(1).state, ChatMessage::State::Interrupted);
        QCOMPARE(loaded.project->media.at(0).state, media::MediaItem::State::Interrupted);
        QCOMPARE(ProjectStore(dir.path()).recent().size(), 1);
    }

    // Open Recent right after New Project, while the new project's session is still being made: the
    // project opened keeps its own session and its timeline (the session made meanwhile for the empty
    // project never replaces it, and nothing of the project is lost to an empty timeline).
    void openingRightAfterNewKeepsTheProjectsSession()
    {
        test::ScratchDir dir;
        fake::FakeServer server;
        QVERIFY(startServer(server));
        Studio studio(server, dir.path());
        QVERIFY(studio.startWith(QStringLiteral("make a travel video")));
        const QString first = studio.keeper.projectId();
        const QString session = studio.workspace.service()->session()->info().sessionId;
        QVERIFY(studio.workspace.state() && studio.workspace.state()->draft.isExportable());
        const int sessionsMade = server.callCount(QStringLiteral("session"));
        const int statesRead = server.callCount(QStringLiteral("state"));
        studio.keeper.newProject(); // asks the service for a session for the new project
        QVERIFY(studio.keeper.open(first));
        // Ready once that session's answer is in (both connections waited for it); then the timeline is read.
        QTRY_COMPARE(server.callCount(QStringLiteral("session")), sessionsMade + 1);
        QTRY_COMPARE(studio.workspace.connection(), client::Workspace::Connection::Ready);
        QTRY_VERIFY(server.callCount(QStringLiteral("state")) > statesRead);
        QCOMPARE(studio.workspace.service()->session()->info().sessionId, session);
        QVERIFY(studio.workspace.state() && studio.workspace.state()->draft.isExportable());
        QVERIFY(studio.keeper.flush());
        QCOMPARE(studio.store.load(first).project->session.sessionId, session);
    }

    // The app stopped (killed) before anything was in its new project: the file its lock made is empty.
    // The next start is a new project, without a word about damage, and the empty file is gone.
    void aProjectNeverWrittenIsNotReportedAsDamaged()
    {
        test::ScratchDir dir;
        fake::FakeServer server;
        QVERIFY(startServer(server));
        QString empty;
        {
            Studio studio(server, dir.path());
            QCOMPARE(studio.keeper.openLast(), ProjectKeeper::Opened::New);
            empty = studio.keeper.projectId();
            QVERIFY(studio.keeper.flush());
            QCOMPARE(QFileInfo(studio.store.pathFor(empty)).size(), 0); // the lock's file, nothing written
            QCOMPARE(studio.store.lastProjectId(), empty);
        }
        // Gone with a normal exit; as a process killed would leave it: the empty file and the lock's note
        // naming a process that no longer runs.
        QVERIFY(!QFile::exists(ProjectStore(dir.path()).pathFor(empty)));
        const QString path = ProjectStore(dir.path()).pathFor(empty);
        QVERIFY(writeFile(path, QByteArray()));
        QVERIFY(writeFile(path + QStringLiteral(".lock"),
                          "999999\nnemo-studio\n" + QSysInfo::machineHostName().toUtf8() + "\n"));
        Studio again(server, dir.path());
        QSignalSpy problems(&again.keeper, &ProjectKeeper::problem);
        again.keeper.readLastAhead();
        QCOMPARE(again.keeper.openLast(), ProjectKeeper::Opened::New);
        QVERIFY(problems.isEmpty());
        QCOMPARE(again.workspace.conversation()->size(), 0); // no notice of damage either
        QVERIFY(!QFile::exists(path));
        QVERIFY(QDir(dir.path()).entryList({QStringLiteral("*.corrupt-*")}).isEmpty());
    }

    void damagedDatabaseIsKeptAside_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("not a database") << QStringLiteral("garbage");
        QTest::newRow("empty") << QStringLiteral("empty");
        QTest::newRow("truncated") << QStringLiteral("truncated");
        QTest::newRow("pages overwritten") << QStringLiteral("overwritten");
        QTest::newRow("another program's database") << QStringLiteral("foreign");
    }
    void damagedDatabaseIsKeptAside()
    {
        QFETCH(QString, damage);
        test::ScratchDir dir;
        fake::FakeServer server;
        QVERIFY(startServer(server));
        const QString path = dir.filePath(QStringLiteral("p1.nemo"));
        Project project = manyMessages(QStringLiteral("p1"), 400);
        QString error;
        QVERIFY2(ProjectStore(dir.path()).save(project, &error), qPrintable(error));
        QFile::remove(path + QStringLiteral("-wal")); // checkpointed on close: the file is all there is
        QFile file(path);
        if (damage == QLatin1String("garbage")) {
            QVERIFY(writeFile(path, QByteArray("\x00\x01garbage\xff", 11).repeated(500)));
        } else if (damage == QLatin1String("empty")) {
            QVERIFY(writeFile(path, QByteArray()));
        } else if (damage == QLatin1String("truncated")) {
            QVERIFY(file.resize(file.size() / 3));
        } else if (damage == QLatin1String("overwritten")) {
            QVERIFY(file.open(QIODevice::ReadWrite));
            file.seek(4096); // the first page after the header: the schema and the tables' roots
            file.write(QByteArray(8192, '\xA5'));
            file.close();
        } else {
            QVERIFY(QFile::remove(path));
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)"));
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        }
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();
        ProjectStore(dir.path()).setLastProjectId(QStringLiteral("p1"));

        Studio studio(server, dir.path());
        QSignalSpy problems(&studio.keeper, &ProjectKeeper::problem);
        studio.keeper.readLastAhead(); // the app's start: read on another thread, reported on this one
        QCOMPARE(studio.keeper.openLast(), ProjectKeeper::Opened::LastUnreadable);
        QCOMPARE(problems.size(), 1);
        const QString message = problems.at(0).at(0).toString();
        QVERIFY2(message.contains(QLatin1String("could not be opened")), qPrintable(message));
        QVERIFY(studio.keeper.projectId() != QLatin1String("p1"));
        QVERIFY(!QFile::exists(path));
        const QStringList aside = QDir(dir.path()).entryList({QStringLiteral("p1.nemo.corrupt-*")});
        QCOMPARE(aside.size(), 1);
        QVERIFY2(message.contains(aside.at(0)), qPrintable(message));
        QFile keptFile(dir.filePath(aside.at(0)));
        QVERIFY(keptFile.open(QIODevice::ReadOnly));
        QCOMPARE(keptFile.readAll(), bytes);
        test::FaultMatrix::record(
            QStringLiteral("damaged project database (%1)").arg(QLatin1String(QTest::currentDataTag())),
            QStringLiteral("reported; kept aside; new project"));
    }

    // One broken page inside a 400-message project: found on open (SQLite's quick check), the file kept
    // aside, what can be read — the messages up to the damage, the media bin, the timeline — recovered
    // into a fresh database under the project's own name, the user told what was kept, and the
    // project written again from there.
    void damageInsideTheDatabaseIsRecovered()
    {
        test::ScratchDir dir;
        fake::FakeServer server;
        QVERIFY(startServer(server));
        const QString path = dir.filePath(QStringLiteral("p1.nemo"));
        Project project = manyMessages(QStringLiteral("p1"), 400);
        project.name = QStringLiteral("Trip");
        project.drafts.append(nemo::project::DraftSnapshot{
            1, QDateTime::currentDateTime(),
            draft::Draft::fromBytes(
                QByteArrayLiteral("{\"t\":[{\"tt\":0,\"sg\":[{\"st\":0,\"d\":1000,\"src\":\"a.jpg\"}]}]}"))});
        QString error;
        QVERIFY2(ProjectStore(dir.path()).save(project, &error), qPrintable(error));
        QFile::remove(path + QStringLiteral("-wal"));
        // A page two thirds of the way into the messages' pages, overwritten.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 page = 4096;
        file.seek((file.size() * 2 / 3) / page * page);
        file.write(QByteArray(page, '\xA5'));
        file.close();
        ProjectStore(dir.path()).setLastProjectId(QStringLiteral("p1"));

        Studio studio(server, dir.path());
        QSignalSpy problems(&studio.keeper, &ProjectKeeper::problem);
        QCOMPARE(studio.keeper.openLast(), ProjectKeeper::Opened::Last);
        QCOMPARE(studio.keeper.projectId(), QStringLiteral("p1"));
        QCOMPARE(problems.size(), 1);
        const QString message = problems.at(0).at(0).toString();
        QVERIFY2(message.contains(QLatin1String("recovered")), qPrintable(message));
        const QStringList aside = QDir(dir.path()).entryList({QStringLiteral("p1.nemo.corrupt-*")});
        QCOMPARE(aside.size(), 1);
        QVERIFY2(message.contains(aside.at(0)), qPrintable(message));
        // What was kept: messages up to the damage, the timeline.
        const int kept = int(studio.workspace.conversation()->size());
        QVERIFY2(kept > 10 && kept < 400, qPrintable(QString::number(kept)));
        QVERIFY(studio.workspace.service()->lastState());
        // The fresh database is whole, and written from here on.
        studio.workspace.conversation()->addNotice(QStringLiteral("written after the recovery"));
        QVERIFY(studio.keeper.flush());
        ProjectDatabase check(path);
        QCOMPARE(check.open(), ProjectDatabase::Status::Ok);
        QVERIFY(check.isIntact());
        const std::optional<Project> reread = check.read(ProjectDatabase::Drafts::Last);
        QVERIFY(reread);
        QCOMPARE(reread->messages.last().text, QStringLiteral("written after the recovery"));
        test::FaultMatrix::record(
            QStringLiteral("a broken page inside a project's database"),
            QStringLiteral("found on open; kept aside; what could be read recovered and said"));
    }

    // The disk with the projects fills up: said once, the work kept in memory and in a copy saved
    // elsewhere, the project itself written on its own once there is room again — and never swapped for
    // a new one.
    void aFullDiskKeepsTheWorkInMemory()
    {
        QTemporaryDir base;
        const QString folder = base.filePath(QStringLiteral("disk"));
        QString why;
        const std::unique_ptr<test::Mount> disk = test::Mount::tmpfs(folder, 512, &why);
        if (!disk)
            QSKIP(qPrintable(why));
        fake::FakeServer server;
        QVERIFY(startServer(server));
        Studio studio(server, folder);
        QSignalSpy problems(&studio.keeper, &ProjectKeeper::problem);
        studio.keeper.openLast();
        const QString id = studio.keeper.projectId();
        QVERIFY(!id.isEmpty());
        studio.workspace.conversation()->addNotice(QStringLiteral("before the disk filled"));
        QVERIFY(studio.keeper.flush());
        const QByteArray last = [&] {
            QFile file(folder + QStringLiteral("/last"));
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }();
        QCOMPARE(last, id.toUtf8());

        const QString filler = test::fillDisk(folder);
        QVERIFY(!filler.isEmpty());
        for (int i = 0; i < 40; ++i) {
            studio.workspace.conversation()->addNotice(QStringLiteral("while full %1 ").arg(i).repeated(60));
            QVERIFY(!studio.keeper.flush());
        }
        QVERIFY(studio.keeper.isUnsaved());
        QCOMPARE(problems.size(), 1); // said once
        const QString message = problems.at(0).at(0).toString();
        QVERIFY2(message.contains(QLatin1String("the disk is full")) &&
                     message.contains(QLatin1String("Save a Copy")),
                 qPrintable(message));
        QCOMPARE(studio.keeper.projectId(), id); // never another project

        // Save a Copy As… elsewhere: everything, the unsaved messages included.
        QTemporaryDir elsewhere;
        const QString copy = elsewhere.filePath(QStringLiteral("copy.nemo"));
        QString error;
        QVERIFY2(studio.keeper.saveCopy(copy, &error), qPrintable(error));
        {
            ProjectDatabase check(copy);
            QCOMPARE(check.open(), ProjectDatabase::Status::Ok);
            const std::optional<Project> copied = check.read(ProjectDatabase::Drafts::Last);
            QVERIFY(copied);
            QCOMPARE(copied->messages.size(), studio.workspace.conversation()->size());
            QVERIFY(copied->messages.last().text.startsWith(QLatin1String("while full 39")));
        }

        // Room again: written on its own, to the same project.
        QVERIFY(QFile::remove(filler));
        QTRY_VERIFY_WITH_TIMEOUT(!studio.keeper.isUnsaved(), ProjectKeeper::RetryDelayMs * 2);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                ProjectDatabase check(folder + QLatin1Char('/') + id + QStringLiteral(".nemo"));
                if (check.open() != ProjectDatabase::Status::Ok)
                    return false;
                const std::optional<Project> saved = check.read(ProjectDatabase::Drafts::Last);
                return saved && !saved->messages.isEmpty() &&
                    saved->messages.last().text.startsWith(QLatin1String("while full 39"));
            }(),
            5000);
        QFile lastFile(folder + QStringLiteral("/last"));
        QVERIFY(lastFile.open(QIODevice::ReadOnly));
        QCOMPARE(lastFile.readAll(), last);
        test::FaultMatrix::record(
            QStringLiteral("the projects' disk full while the window works"),
            QStringLiteral("said once; kept in memory; Save a Copy As… has it all; written on "
                           "its own when there is room; same project"));
    }

    void newerDatabaseIsLeftAlone()
    {
        test::ScratchDir dir;
        Project project;
        project.id = QStringLiteral("p1");
        QVERIFY(ProjectStore(dir.path()).save(project));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            db.setDatabaseName(dir.filePath(QStringLiteral("p1.nemo")));
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 99")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        const ProjectStore::Loaded loaded = ProjectStore(dir.path()).load(QStringLiteral("p1"));
        QVERIFY(!loaded.project);
        QVERIFY2(loaded.error.contains(QLatin1String("newer version")), qPrintable(loaded.error));
        QVERIFY(loaded.keptAside.isEmpty());
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("p1.nemo"))));
    }

    void theDatabaseIsVersionedAndJournaled()
    {
        test::ScratchDir dir;
        Project project;
        project.id = QStringLiteral("p1");
        QVERIFY(ProjectStore(dir.path()).save(project));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("look"));
            db.setDatabaseName(dir.filePath(QStringLiteral("p1.nemo")));
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
            QCOMPARE(query.value(0).toInt(), ProjectDatabase::SchemaVersion);
            QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
            QVERIFY(query.exec(
                QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")));
            QStringList tables;
            while (query.next())
                tables.append(query.value(0).toString());
            QCOMPARE(
                tables,
                QStringList({QStringLiteral("drafts"), QStringLiteral("hand_edits"), QStringLiteral("media"),
                             QStringLiteral("messages"), QStringLiteral("meta"), QStringLiteral("renders")}));
            query.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("look"));
    }

    // A project file whose database says it is another project (copied, renamed) is not opened as this one.
    void aProjectThatIsAnotherIsNotOpened()
    {
        fake::FakeServer server;
        QVERIFY(startServer(server));
        QTemporaryDir folder;
        QString id;
        {
            Studio studio(server, folder.path());
            QVERIFY(studio.startWith(QStringLiteral("make a short video")));
            QVERIFY(studio.keeper.flush());
            id = studio.keeper.projectId();
        }
        QVERIFY(QFile::copy(folder.filePath(id + QStringLiteral(".nemo")),
                            folder.filePath(QStringLiteral("p2.nemo"))));
        const ProjectStore::Loaded loaded = ProjectStore(folder.path()).load(QStringLiteral("p2"));
        QVERIFY(!loaded.project);
        QVERIFY2(loaded.error.contains(QLatin1String("belongs to another project")),
                 qPrintable(loaded.error));
        QVERIFY(ProjectStore(folder.path()).load(id).project);
    }

    // An export left running is resumed only against the server (and session) it was started on.
    void anExportIsResumedOnlyWhereItRuns()
    {
        fake::FakeServer server;
        QVERIFY(startServer(server));
        fake::FakeServer other;
        QVERIFY(startServer(other));
        QTemporaryDir folder;
        {
            Studio studio(server, folder.path());
            QVERIFY(studio.startWith(QStringLiteral("make a short video")));
            studio.keeper.noteRender(QStringLiteral("render_elsewhere"), RenderRecord::State::Rendering,
                                     folder.filePath(QStringLiteral("x.mp4")));
            QCOMPARE(studio.keeper.pendingRender(), QStringLiteral("render_elsewhere"));
            QVERIFY(studio.keeper.flush());
        }
        Studio here(other, folder.path());
        here.keeper.setResumesExports(false);
        QCOMPARE(here.keeper.openLast(), ProjectKeeper::Opened::Last);
        QCOMPARE(here.keeper.pendingRender(), QString());
        const QString id = here.keeper.projectId();
        here.keeper.newProject(); // lets go of the project's lock
        Studio there(server, folder.path());
        there.keeper.setResumesExports(false);
        QVERIFY(there.keeper.open(id));
        QCOMPARE(there.keeper.pendingRender(), QStringLiteral("render_elsewhere"));
        there.keeper.newProject();

        // A record that names its server but no session (kept before its session was known): the
        // server alone decides.
        Project project;
        project.id = QStringLiteral("p-server-only");
        RenderRecord record;
        record.jobId = QStringLiteral("render_server_only");
        record.state = RenderRecord::State::Rendering;
        record.server = agent::SessionInfo::serverOf(server.baseUrl());
        record.targetPath = folder.filePath(QStringLiteral("y.mp4"));
        project.renders.append(record);
        QString error;
        QVERIFY2(ProjectStore(folder.path()).save(project, &error), qPrintable(error));
        Studio onOther(other, folder.path());
        onOther.keeper.setResumesExports(false);
        QVERIFY(onOther.keeper.open(project.id));
        QCOMPARE(onOther.keeper.pendingRender(), QString());
        onOther.keeper.newProject();
        Studio onItsOwn(server, folder.path());
        onItsOwn.keeper.setResumesExports(false);
        QVERIFY(onItsOwn.keeper.open(project.id));
        QCOMPARE(onItsOwn.keeper.pendingRender(), QStringLiteral("render_server_only"));
    }

    // When the chat gets shorter (a project replaced by another's, a message removed), the rows after
    // its end go from the database too.
    void aShorterChatLeavesNoRowsBehind()
    {
        fake::FakeServer server;
        QVERIFY(startServer(server));
        QTemporaryDir folder;
        Studio studio(server, folder.path());
        QVERIFY(studio.startWith(QStringLiteral("make a short video")));
        QVERIFY(studio.turn(QStringLiteral("make it longer")));
        QVERIFY(studio.keeper.flush());
        const int before =
            int(ProjectStore(folder.path()).load(studio.keeper.projectId()).project->messages.size());
        QVERIFY(before >= 4);
        QList<ChatMessage> fewer = studio.workspace.conversation()->messages().mid(0, 2);
        studio.workspace.conversation()->restore(fewer);
        QVERIFY(studio.keeper.flush());
        const std::optional<Project> after =
            ProjectStore(folder.path()).load(studio.keeper.projectId()).project;
        QVERIFY(after);
        QCOMPARE(after->messages.size(), 2);
        QCOMPARE(after->messages.at(0).text, fewer.at(0).text);
    }

    void aLocalRenderIsRecorded()
    {
        test::ScratchDir dir;
        fake::FakeServer server;
        QVERIFY(server.listen());
        Studio studio(server, dir.path());
        studio.keeper.newProject();
        QFile brief(data("draft_brief.json"));
        QVERIFY(brief.open(QIODevice::ReadOnly));
        agent::ProjectState state;
        state.draft = draft::Draft::fromBytes(brief.readAll());
        QVERIFY(state.draft.isExportable());
        render::Exporter *exporter = studio.workspace.exporter();
        // Its media are nowhere on this computer: it starts, then stops and names them.
        exporter->startLocal(state, {}, studio.workspace.mediaCache(),
                             dir.filePath(QStringLiteral("Trip.mp4")));
        QTRY_COMPARE(studio.keeper.renders().size(), 1);
        QVERIFY(studio.keeper.renders().at(0).local);
        QVERIFY(studio.keeper.renders().at(0).jobId.startsWith(QLatin1String("local-")));
        QTRY_VERIFY_WITH_TIMEOUT(!exporter->isRunning(), 20000);
        QVERIFY(studio.keeper.flush());
        const ProjectStore::Loaded loaded = ProjectStore(dir.path()).load(studio.keeper.projectId());
        QVERIFY2(loaded.project, qPrintable(loaded.error));
        QCOMPARE(loaded.project->renders.size(), 1);
        QVERIFY(loaded.project->renders.at(0).local);
        QVERIFY(!loaded.project->renders.at(0).isRunning());
        QCOMPARE(loaded.project->renders.at(0).targetPath, dir.filePath(QStringLiteral("Trip.mp4")));
    }

    void aLocalRenderCutShortIsNotResumed()
    {
        test::ScratchDir dir;
        fake::FakeServer server;
        QVERIFY(server.listen());
        // Killed while rendering on this computer: there is no job anywhere to pick up again.
        Project project;
        project.id = QStringLiteral("p1");
        RenderRecord local;
        local.jobId = QStringLiteral("local-1764662400000");
        local.local = true;
        local.state = RenderRecord::State::Rendering;
        local.targetPath = dir.filePath(QStringLiteral("Trip.mp4"));
        local.startedAt = QDateTime::currentDateTime();
        project.renders.append(local);
        QVERIFY(ProjectStore(dir.path()).save(project));
        ProjectStore(dir.path()).setLastProjectId(project.id);
        {
            Studio studio(server, dir.path());
            QCOMPARE(studio.keeper.openLast(), ProjectKeeper::Opened::Last);
            QVERIFY(studio.keeper.pendingRender().isEmpty());
            QCOMPARE(studio.workspace.exporter()->phase(), render::Exporter::Phase::Idle);
            QCOMPARE(studio.keeper.renders().size(), 1);
            QCOMPARE(studio.keeper.renders().at(0).state, RenderRecord::State::Failed);
            QVERIFY(studio.keeper.flush());
        }
        const ProjectStore::Loaded loaded = ProjectStore(dir.path()).load(project.id);
        QVERIFY2(loaded.project, qPrintable(loaded.error));
        QCOMPARE(loaded.project->renders.size(), 1);
        QVERIFY(loaded.project->renders.at(0).local);
        QCOMPARE(loaded.project->renders.at(0).state, RenderRecord::State::Failed);
        QVERIFY(loaded.project->renders.at(0).error.contains(QLatin1String("Export again")));
    }

    void idsCannotLeaveTheFolder()
    {
        test::ScratchDir dir;
        const ProjectStore store(dir.path());
        for (const char *id : {"../evil", "a/b", "", "..", "C:\\x", "x.json"}) {
            QVERIFY(!ProjectStore::isValidId(QLatin1String(id)));
            QVERIFY(!store.load(QLatin1String(id)).project);
        }
        Project project;
        project.id = QStringLiteral("../outside");
        QString error;
        QVERIFY(!store.save(project, &error));
        QVERIFY(!error.isEmpty());
    }

    void saveFailureIsReportedAndRetried()
    {
        test::ScratchDir dir;
        fake::FakeServer server;
        QVERIFY(server.listen());
        // The projects "folder" is a file: nothing can be written there.
        const QString blocked = dir.filePath(QStringLiteral("blocked"));
        QVERIFY(writeFile(blocked, "x"));
        Studio studio(server, blocked);
        QSignalSpy problems(&studio.keeper, &ProjectKeeper::problem);
        studio.keeper.newProject();
        // Nothing to keep yet, so nothing fails; the first content can't be written and is said.
        QVERIFY(problems.isEmpty());
        studio.workspace.conversation()->addNotice(QStringLiteral("still here"));
        QTRY_COMPARE(problems.size(), 1);
        QVERIFY(studio.keeper.hasUnsavedChanges());
        QVERIFY(!studio.keeper.flush());
        QCOMPARE(problems.size(), 1); // said once, not on every change
        QVERIFY(studio.keeper.hasUnsavedChanges());
        QVERIFY(QFile::remove(blocked));
        QVERIFY(studio.keeper.flush());
        QTRY_VERIFY(!studio.keeper.hasUnsavedChanges());
        // Everything from before the failure is there: the header and the message.
        const ProjectStore::Loaded saved = ProjectStore(blocked).load(studio.keeper.projectId());
        QVERIFY2(saved.project, qPrintable(saved.error));
        QCOMPARE(saved.project->messages.size(), 1);
        QCOMPARE(saved.project->messages.at(0).text, QStringLiteral("still here"));
    }

    void noSecretsInProjectFiles()
    {
        test::ScratchDir dir;
        fake::FakeServer server;
        QVERIFY(startServer(server));
        Studio studio(server, dir.path());
        QVERIFY(studio.startWith(QStringLiteral("make a video")));
        QVERIFY(studio.keeper.flush());
        // The database and its journal, byte for byte.
        QByteArray bytes;
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile file(studio.keeper.projectPath() + suffix);
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        QVERIFY(bytes.contains("make a video"));
        QVERIFY(!bytes.contains("nmv_usr_"));
        QVERIFY(!bytes.contains("Bearer"));
        int checked = 0;
        for (const QString &key : studio.secrets.keys()) {
            if (!key.contains(QLatin1String("token")) && !key.contains(QLatin1String("client")))
                continue; // the user id is not a secret: sessions carry it
            QSignalSpy read(this, &TestProject::secretRead);
            studio.secrets.read(key, this, [this](const auth::SecretResult &r) { emit secretRead(r.value); });
            QVERIFY(read.wait(2000));
            const QString secret = read.at(0).at(0).toString();
            QVERIFY(secret.size() >= 8);
            QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(key));
            ++checked;
        }
        QCOMPARE(checked, 2); // the token and the client id
    }

signals:
    void secretRead(const QString &value);
};

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
