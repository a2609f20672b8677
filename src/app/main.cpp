#include "auth/authenticator.h"
#include "auth/secretstorage.h"
#include "client/appinstance.h"
#include "client/workspace.h"
#include "common/appsettings.h"
#include "common/mediawarmup.h"
#include "common/theme.h"
#include "media/mediabinpanel.h"
#include "project/projectkeeper.h"
#include "project/projectstore.h"
#include "settings/signinchoice.h"
#include "shell/mainwindow.h"
#include "shell/startupprobe.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"
#include "util/environment.h"
#include "util/nemoversion.h"
#include "util/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFileOpenEvent>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <functional>
#include <utility>

namespace {

// Files opened from the desktop while running or at launch on macOS arrive as QFileOpenEvent
// ("Open With" in Finder, a drop on the Dock icon), not as arguments.
class StudioApplication : public QApplication
{
public:
    using QApplication::QApplication;
    // Once set, files are handed over as they come; before that they wait in takePending().
    std::function<void(const QString &)> openFile;
    QStringList takePending() { return std::exchange(m_pending, {}); }

protected:
    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::FileOpen) {
            const QString file = static_cast<QFileOpenEvent *>(event)->file();
            if (openFile && !file.isEmpty())
                openFile(file);
            else if (!file.isEmpty())
                m_pending.append(file);
            return true;
        }
        return QApplication::event(event);
    }

private:
    QStringList m_pending;
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer clock;
    clock.start();
    // --version works without a display (over ssh, in package checks): answer before the GUI starts.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("Nemo Studio %s\n", NEMO_VERSION_STRING);
            return 0;
        }
    }
    nemo::app::chooseVideoOutput();
    StudioApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("NemoStudio"));
    QApplication::setApplicationName(QStringLiteral("NemoStudio"));
    QApplication::setApplicationDisplayName(QStringLiteral("Nemo Studio"));
    QApplication::setApplicationVersion(QStringLiteral(NEMO_VERSION_STRING));
    QApplication::setDesktopFileName(QStringLiteral("com.nemovideo.NemoStudio"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/nemo-studio.svg")));

    nemo::app::AppSettings settings;
    nemo::util::Translations translations;
    translations.apply(settings.language());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Nemo Studio: make videos with the NemoVideo AI agent."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption baseUrl(
        QStringLiteral("base-url"),
        QCoreApplication::translate("main", "The server to talk to (default: NEMO_API_BASE, else Settings)."),
        QStringLiteral("URL"));
    const QCommandLineOption benchmark(
        QStringLiteral("benchmark-startup"),
        QCoreApplication::translate(
            "main",
            "Start as usual, print the time until the last project's timeline is painted, and quit."));
    parser.addOptions({baseUrl, benchmark});
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QCoreApplication::translate("main", "Photos, videos or music to add."),
                                 QStringLiteral("[files…]"));
    parser.process(app);

    // One window per profile: a later start hands its files to the running one and ends here.
    // (The startup benchmark takes this path too: it is part of every start.)
    nemo::client::AppInstance instance(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    {
        QStringList files;
        for (const QString &file : parser.positionalArguments())
            files.append(QFileInfo(file).absoluteFilePath());
        QString instanceProblem;
        if (!instance.claim(files, &instanceProblem))
            return 0;
        if (!instanceProblem.isEmpty())
            std::fprintf(stderr, "nemo-studio: %s\n", qPrintable(instanceProblem));
    }

    nemo::app::Theme::apply(settings.theme());

    nemo::net::ServiceConfig config = settings.serviceConfig(parser.value(baseUrl));
    const QString problem = nemo::net::ServiceConfig::checkServiceUrl(config.baseUrl);
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "nemo-studio: %s\n", qPrintable(problem));
        config.baseUrl = nemo::net::ServiceConfig::defaultBaseUrl();
    }
    nemo::auth::SecretStorage storage(nemo::util::Environment::keychainService());
    const nemo::auth::SecretStorage::Kind keptIn = settings.secretStorage();
    nemo::client::Workspace workspace(config, storage.store(keptIn));
    workspace.service()->auth()->setEnvironmentToken(nemo::util::Environment::token());

    nemo::project::ProjectStore projects;
    nemo::project::ProjectKeeper keeper(&workspace, &projects);
    keeper.readLastAhead(); // on another core while the window is built

    nemo::app::MainWindow window(&workspace, &settings);
    window.setTranslations(&translations);
    window.setProjectKeeper(&keeper);
    window.setSecretStorage(&storage);
    // The benchmark takes the path a user's start takes: the last project opened, the connection started.
    nemo::app::TimelineView *timeline = window.timelinePanel()->view();
    nemo::app::StartupProbe probe(clock, [&keeper, timeline](QObject *watched) {
        return watched == timeline->viewport() && (!keeper.lastDraft() || timeline->model()->rowCount() > 0);
    });
    if (parser.isSet(benchmark))
        app.installEventFilter(&probe);
    window.show();
    keeper.openLast();
    window.mediaBin()->addPaths(parser.positionalArguments() + app.takePending());
    app.openFile = [&window](const QString &file) { window.mediaBin()->addPaths({file}); };
    QObject::connect(&instance, &nemo::client::AppInstance::argumentsReceived, &window,
                     [&window](const QStringList &files) {
                         window.mediaBin()->addPaths(files);
                         if (window.isMinimized())
                             window.showNormal();
                         window.raise();
                         window.activateWindow();
                     });
    // Kept nowhere: this run's token is asked for first (the connection waits for the answer).
    if (nemo::util::Environment::token().isEmpty() && keptIn == nemo::auth::SecretStorage::Kind::Memory &&
        !parser.isSet(benchmark))
        window.signIn()->askForSessionToken([&workspace](bool) { workspace.connectToService(); });
    else
        workspace.connectToService();
    const int result = app.exec();
    keeper.flush();
    return result;
}
