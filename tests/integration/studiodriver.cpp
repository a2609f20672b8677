// Nemo Studio's core without its window, for the restart tests: the same Workspace and ProjectKeeper the
// app runs, on a projects folder and a file secret store, doing what the command line asks and printing
// what a person would see, one line each. tst_recovery kills it with SIGKILL in every phase and starts it
// again.
#include "auth/filesecretstore.h"
#include "client/workspace.h"
#include "harness.h"
#include "project/projectkeeper.h"
#include "project/projectstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

using namespace nemo;

namespace {

void say(const QString &line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption base(QStringLiteral("base-url"), QString(), QStringLiteral("URL"));
    const QCommandLineOption projects(QStringLiteral("projects"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption secretsFile(QStringLiteral("secrets-file"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption add(QStringLiteral("add"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption message(QStringLiteral("say"), QString(), QStringLiteral("TEXT"));
    const QCommandLineOption exportTo(QStringLiteral("export"), QString(), QStringLiteral("PATH"));
    const QCommandLineOption retry(QStringLiteral("retry-uploads"));
    parser.addOptions({base, projects, secretsFile, add, message, exportTo, retry});
    parser.process(app);

    auth::FileSecretStore secrets(parser.value(secretsFile));
    client::Workspace workspace(test::quickConfig(QUrl(parser.value(base))), &secrets);
    project::ProjectStore store(parser.value(projects));
    project::ProjectKeeper keeper(&workspace, &store);
    client::Conversation *chat = workspace.conversation();
    media::UploadQueue *uploads = workspace.uploads();
    render::Exporter *exporter = workspace.exporter();

    QObject::connect(&keeper, &project::ProjectKeeper::problem,
                     [](const QString &text) { say(QStringLiteral("problem ") + text); });
    keeper.openLast();
    say(QStringLiteral("opened %1 messages=%2 media=%3")
            .arg(keeper.projectId())
            .arg(chat->size())
            .arg(uploads->size()));
    for (const agent::ChatMessage &m : chat->messages())
        say(QStringLiteral("message %1 %2 %3")
                .arg(m.roleName(m.role), m.stateName(m.state))
                .arg(m.text.size()));
    for (const media::MediaItem &item : uploads->items())
        say(QStringLiteral("media %1 %2").arg(item.name, item.stateName(item.state)));

    QObject::connect(chat, &client::Conversation::messageChanged, [chat](int index) {
        const agent::ChatMessage &m = chat->at(index);
        if (m.role == agent::ChatMessage::Role::Agent)
            say(QStringLiteral("agent %1 %2").arg(m.stateName(m.state)).arg(m.text.size()));
    });
    QObject::connect(&keeper, &project::ProjectKeeper::saved, [] { say(QStringLiteral("saved")); });
    QObject::connect(uploads, &media::UploadQueue::changed, [uploads](int index) {
        const media::MediaItem &item = uploads->at(index);
        say(QStringLiteral("media %1 %2 %3").arg(item.name, item.stateName(item.state)).arg(item.sent));
    });
    QObject::connect(exporter, &render::Exporter::changed, [exporter] {
        say(QStringLiteral("export %1 %2 %3")
                .arg(QLatin1String(
                         QMetaEnum::fromType<render::Exporter::Phase>().valueToKey(int(exporter->phase()))),
                     exporter->jobId())
                .arg(exporter->received()));
    });
    const QString exportPath = parser.value(exportTo);
    QObject::connect(chat, &client::Conversation::turnFinished, [&workspace, exporter, exportPath] {
        const auto state = workspace.state();
        if (!exportPath.isEmpty() && state && state->draft.isExportable())
            exporter->start(state->draft, render::RenderOptions(), exportPath);
    });

    bool started = false;
    QObject::connect(&workspace, &client::Workspace::connectionChanged, [&](client::Workspace::Connection c) {
        say(QStringLiteral("connection %1").arg(int(c)));
        if (c != client::Workspace::Connection::Ready || started)
            return;
        started = true;
        if (parser.isSet(add))
            uploads->add(parser.values(add));
        if (parser.isSet(retry))
            uploads->retryFailed();
        if (parser.isSet(message))
            chat->submit(parser.value(message));
    });
    // Quits once there is nothing left to do (the test kills it earlier when it wants to).
    QTimer idle;
    QObject::connect(&idle, &QTimer::timeout, [&] {
        if (started && !chat->isBusy() && !uploads->isBusy() && !exporter->isRunning() &&
            (exportPath.isEmpty() || exporter->phase() != render::Exporter::Phase::Idle)) {
            keeper.flush();
            say(QStringLiteral("idle"));
            QCoreApplication::quit();
        }
    });
    idle.start(100);
    workspace.connectToService();
    return app.exec();
}
