#include "appsettings.h"
#include "authenticator.h"
#include "keychainsecretstore.h"
#include "mainwindow.h"
#include "mediabinpanel.h"
#include "nemoversion.h"
#include "theme.h"
#include "translations.h"
#include "workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTimer>

#include <cstdio>

namespace {

// Prints how long it took from the start of main() to the first painted window, then quits.
class StartupProbe : public QObject
{
public:
    explicit StartupProbe(const QElapsedTimer &clock)
        : m_clock(clock)
    { }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            // Report once this paint has finished.
            QTimer::singleShot(0, qApp, [this] {
                std::printf("startup_ms=%.1f\n", double(m_clock.nsecsElapsed()) / 1e6);
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QElapsedTimer m_clock;
    bool m_done = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("NemoStudio"));
    QApplication::setApplicationName(QStringLiteral("NemoStudio"));
    QApplication::setApplicationDisplayName(QStringLiteral("Nemo Studio"));
    QApplication::setApplicationVersion(QStringLiteral(NEMO_VERSION_STRING));
    QApplication::setDesktopFileName(QStringLiteral("nemo-studio"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/nemo-studio.svg")));

    nemo::app::AppSettings settings;
    nemo::app::Translations translations;
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
        QCoreApplication::translate("main", "Print the time to the first painted window and quit."));
    parser.addOptions({baseUrl, benchmark});
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QCoreApplication::translate("main", "Photos, videos or music to add."),
                                 QStringLiteral("[files…]"));
    parser.process(app);

    nemo::app::Theme::apply(settings.theme());

    nemo::core::ServiceConfig config = settings.serviceConfig(parser.value(baseUrl));
    const QString problem = nemo::core::ServiceConfig::checkServiceUrl(config.baseUrl);
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "nemo-studio: %s\n", qPrintable(problem));
        config.baseUrl = nemo::core::ServiceConfig::defaultBaseUrl();
    }
    nemo::core::KeychainSecretStore secrets(
        qEnvironmentVariable("NEMO_KEYCHAIN_SERVICE", QStringLiteral("NemoStudio")));
    nemo::core::Workspace workspace(config, &secrets);
    workspace.service()->auth()->setEnvironmentToken(qEnvironmentVariable("NEMO_TOKEN"));

    nemo::app::MainWindow window(&workspace, &settings);
    QObject::connect(&window, &nemo::app::MainWindow::settingsApplied, &app, [&] {
        translations.apply(settings.language());
        nemo::app::Theme::apply(settings.theme());
    });
    StartupProbe probe(clock);
    if (parser.isSet(benchmark))
        window.installEventFilter(&probe);
    window.show();
    if (!parser.isSet(benchmark)) {
        window.mediaBin()->addPaths(parser.positionalArguments());
        workspace.connectToService();
    }
    const int result = app.exec();
    secrets.flush(3000);
    return result;
}
