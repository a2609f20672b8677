// Projects on disk: what is saved, how fast, reopening, switching, and damaged or foreign files.
#include "auth/memorysecretstore.h"
#include "client/workspace.h"
#include "faultmatrix.h"
#include "harness.h"
#include "project/projectkeeper.h"
#include "project/projectstore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace nemo;
using agent::ChatMessage;
using project::Project;
using project::ProjectKeeper;
using project::ProjectStore;
using test::data;

namespace {

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

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QJsonObject();
    return QJsonDocument::fromJson(file.readAll()).object();
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
            QTRY_VERIFY(!studio.keeper.drafts().isEmpty());
            messages = studio.workspace.conversation()->messages();
            // On disk within a second of the last change, without anyone asking.
            QTRY_VERIFY_WITH_TIMEOUT(!studio.keeper.hasUnsavedChanges(), 1000);
        }
        const QJsonObject saved = readJson(dir.filePath(id + QStringLiteral(".json")));
        QCOMPARE(saved.value(QLatin1String("format")).toString(), QStringLiteral("nemo-studio-project"));
        QCOMPARE(saved.value(QLatin1String("messages")).toArray().size(), messages.size());
        QCOMPARE(saved.value(QLatin1String("media")).toArray().size(), 1);
        QVERIFY(!saved.value(QLatin1String("session"))
                     .toObject()
                     .value(QLatin1String("session_id"))
                     .toString()
                     .isEmpty());

        Studio again(server, dir.path(), &keychain);
        again.keeper.openLast();
        QCOMPARE(again.keeper.projectId(), id);
        QCOMPARE(again.keeper.projectName(), QStringLiteral("make a travel video"));
        QCOMPARE(again.workspace.conversation()->size(), messages.size());
        for (int i = 0; i < messages.size(); ++i) {
            QCOMPARE(again.workspace.conversation()->at(i).text, messages.at(i).text);
            QCOMPARE(again.workspace.conversation()->at(i).role, messages.at(i).role);
            QCOMPARE(again.workspace.conversation()->at(i).time, messages.at(i).time);
        }
        QCOMPARE(again.workspace.uploads()->at(0).state, media::MediaItem::State::Uploaded);
        QVERIFY(!again.workspace.uploads()->at(0).uploaded.hash.isEmpty());
        QVERIFY(again.keeper.drafts().size() >= 1);
        // The timeline is there before the service is asked.
        QVERIFY(again.workspace.state() && !again.workspace.state()->draft.isEmpty());
        // And the session goes on where it was: the next turn needs no new session.
        const int sessions = server.callCount(QStringLiteral("session"));
        QVERIFY(again.connect());
        QVERIFY(again.turn(QStringLiteral("make it shorter")));
        QCOMPARE(server.callCount(QStringLiteral("session")), sessions);
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
        QVERIFY(studio.turn(QStringLiteral("second project")));
        QVERIFY(studio.keeper.flush());

        const QList<ProjectStore::Entry> recent = studio.keeper.recent();
        QCOMPARE(recent.size(), 2);
        QCOMPARE(recent.at(0).name, QStringLiteral("second project"));
        QCOMPARE(recent.at(1).name, QStringLiteral("first project"));

        QVERIFY(studio.keeper.open(first));
        QCOMPARE(studio.workspace.conversation()->at(0).text, QStringLiteral("first project"));
        QCOMPARE(studio.store.lastProjectId(), first);
        QCOMPARE(server.chatMessages().size(), 2); // switching sends nothing
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
        QCOMPARE(problems.size(), 1);
        QVERIFY(studio.keeper.hasUnsavedChanges());
        studio.workspace.conversation()->addNotice(QStringLiteral("still here"));
        QCOMPARE(problems.size(), 1); // said once, not on every change
        QVERIFY(QFile::remove(blocked));
        QVERIFY(studio.keeper.flush());
        const QJsonObject saved = readJson(studio.keeper.projectPath());
        QCOMPARE(saved.value(QLatin1String("messages"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("text"))
                     .toString(),
                 QStringLiteral("still here"));
    }

    void noSecretsInProjectFiles()
    {
        test::ScratchDir dir;
        fake::FakeServer server;
        QVERIFY(startServer(server));
        Studio studio(server, dir.path());
        QVERIFY(studio.startWith(QStringLiteral("make a video")));
        QVERIFY(studio.keeper.flush());
        QFile file(studio.keeper.projectPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
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
