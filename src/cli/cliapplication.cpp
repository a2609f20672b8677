#include "cliapplication.h"

#include "agent/chatturn.h"
#include "agent/session.h"
#include "auth/authenticator.h"
#include "auth/secretstorage.h"
#include "client/workspace.h"
#include "clisupport.h"
#include "exitcodes.h"
#include "interruptnotifier.h"
#include "media/mediacache.h"
#include "net/transport.h"
#include "project/projectkeeper.h"
#include "project/projectstore.h"
#include "render/exporter.h"
#include "util/environment.h"
#include "util/nemoversion.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QSettings>

#include <cstdio>

#if defined(Q_OS_WIN)
#include <io.h>
#define NEMO_ISATTY _isatty
#define NEMO_FILENO _fileno
#else
#include <unistd.h>
#define NEMO_ISATTY isatty
#define NEMO_FILENO fileno
#endif

namespace nemo::cli {

using namespace nemo;

CliApplication::CliApplication(const QStringList &arguments, QObject *parent)
    : QObject(parent)
    , m_arguments(arguments)
    , m_out(stdout)
    , m_err(stderr)
    , m_stdoutIsTerminal(NEMO_ISATTY(NEMO_FILENO(stdout)) != 0)
{ }

CliApplication::~CliApplication() = default;

// The commands: name, what it does, how it is called, its own options, and what runs it (one file each
// under commands/).
const QList<CliApplication::Command> &CliApplication::commands()
{
    static const QList<Command> table{
        {QStringLiteral("login"), tr("Sign in (a free anonymous account if needed) and open a session."),
         QString(), nullptr, &CliApplication::login},
        {QStringLiteral("logout"), tr("Forget the stored sign-in for this server."), QString(), nullptr,
         &CliApplication::logout},
        {QStringLiteral("credits"), tr("Show the credit balance."), QString(), nullptr,
         &CliApplication::credits},
        {QStringLiteral("upload"), tr("Upload photos, videos or music to the session."),
         tr("FILE… | --url URL"), &CliApplication::addUploadOptions, &CliApplication::upload},
        {QStringLiteral("chat"), tr("Send a message to the agent; the reply streams to stdout."),
         tr("\"MESSAGE\""), &CliApplication::addChatOptions, &CliApplication::chat},
        {QStringLiteral("state"), tr("Show the timeline (the draft as JSON with --json)."), QString(),
         nullptr, &CliApplication::state},
        {QStringLiteral("edit"), tr("Edit the timeline by hand, undo or redo (no credits, no network)."),
         tr("list|undo|redo|discard|delete|move|trim|split|title|volume …"), &CliApplication::addEditOptions,
         &CliApplication::edit},
        {QStringLiteral("export"), tr("Render the timeline and download the MP4."), tr("--out FILE.mp4"),
         &CliApplication::addExportOptions, &CliApplication::exportVideo},
        {QStringLiteral("session"), tr("Show the session, or start a new one with --new."), QString(),
         &CliApplication::addSessionOptions, &CliApplication::session},
        {QStringLiteral("web"), tr("Continue this project in the NemoVideo web app (opens the browser)."),
         QString(), &CliApplication::addWebOptions, &CliApplication::web},
    };
    return table;
}

const CliApplication::Command *CliApplication::find(const QString &name)
{
    for (const Command &command : commands()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

void CliApplication::addGlobalOptions(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("base-url"),
                      tr("Server to talk to (default: NEMO_API_BASE, else the app's setting, else the "
                         "NemoVideo service)."),
                      tr("URL")});
    parser.addOption({QStringLiteral("json"), tr("Print machine-readable JSON on stdout.")});
    parser.addOption(
        {QStringLiteral("secrets-file"),
         tr("Keep the sign-in in FILE (readable by you only, NOT encrypted) instead of the system "
            "keychain; for machines without one."),
         tr("FILE")});
    parser.addOption({QStringLiteral("profile"),
                      tr("Attribution source to send (one of the built-in profiles)."), tr("SOURCE")});
    parser.addHelpOption();
    parser.addVersionOption();
}

QString CliApplication::globalHelp() const
{
    QString text = tr("Usage: nemo-cli [--base-url URL] [--json] [--secrets-file FILE] <command> [options]") +
        QStringLiteral("\n\n");
    text += tr("Commands:") + QLatin1Char('\n');
    for (const Command &command : commands())
        text += QStringLiteral("  %1  %2\n").arg(command.name.leftJustified(8), command.summary);
    text += QLatin1Char('\n') + tr("Run 'nemo-cli <command> --help' for a command's options.") +
        QLatin1Char('\n');
    text += QLatin1Char('\n') +
        tr("Environment: NEMO_TOKEN (use this token, never stored), NEMO_API_BASE (server).") +
        QLatin1Char('\n');
    text += QLatin1Char('\n') + tr("Exit codes:") + QLatin1Char('\n');
    text +=
        tr("  0 success, 1 other failure, 2 usage error, 3 sign-in problem (token, rate limit, keychain),\n"
           "  4 out of credits, 5 export not in your plan, 6 bad input (file type, size, empty timeline),\n"
           "  7 network (offline, timeout, insecure), 8 service error (including failed renders),\n"
           "  9 the project is open in Nemo Studio or another nemo-cli run,\n"
           "  10 a file can't be written or kept (a full or read-only disk, a local render stopped), 130 "
           "interrupted.\n");
    return text;
}

bool CliApplication::parse(int *exitCode)
{
    // The command is the first argument that is not an option or an option's value.
    const QStringList valued = {QStringLiteral("--base-url"), QStringLiteral("--profile"),
                                QStringLiteral("--secrets-file")};
    int commandIndex = -1;
    for (int i = 1; i < m_arguments.size(); ++i) {
        const QString &argument = m_arguments.at(i);
        if (valued.contains(argument)) {
            ++i;
            continue;
        }
        if (!argument.startsWith(QLatin1Char('-'))) {
            commandIndex = i;
            break;
        }
    }
    if (commandIndex < 0) {
        QCommandLineParser global;
        addGlobalOptions(global);
        global.parse(m_arguments);
        if (global.isSet(QStringLiteral("version"))) {
            m_out << "nemo-cli " << NEMO_VERSION_STRING << Qt::endl;
            *exitCode = Ok;
            return false;
        }
        if (global.isSet(QStringLiteral("help")) || m_arguments.size() == 1) {
            m_out << globalHelp();
            *exitCode = m_arguments.size() == 1 ? Usage : Ok;
            return false;
        }
        printError(global.errorText().isEmpty() ? tr("No command given.") : global.errorText());
        m_err << globalHelp();
        *exitCode = Usage;
        return false;
    }
    m_command = m_arguments.at(commandIndex);
    if (m_command == QLatin1String("help")) {
        m_out << globalHelp();
        *exitCode = Ok;
        return false;
    }
    const Command *command = find(m_command);
    if (!command) {
        printError(tr("Unknown command \"%1\".").arg(m_command));
        m_err << globalHelp();
        *exitCode = Usage;
        return false;
    }
    QStringList arguments = m_arguments;
    arguments.removeAt(commandIndex);
    m_parser.setApplicationDescription(command->summary);
    const QString usage = command->usage;
    addGlobalOptions(m_parser);
    if (command->options)
        (this->*command->options)(m_parser);
    if (!m_parser.parse(arguments)) {
        printError(m_parser.errorText());
        *exitCode = Usage;
        return false;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        m_out << m_parser.helpText().replace(QStringLiteral("[options]"),
                                             m_command + QStringLiteral(" [options]"));
        if (!usage.isEmpty())
            m_out << QLatin1Char('\n') << tr("Usage: nemo-cli %1 %2").arg(m_command, usage) << Qt::endl;
        *exitCode = Ok;
        return false;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        m_out << "nemo-cli " << NEMO_VERSION_STRING << Qt::endl;
        *exitCode = Ok;
        return false;
    }
    m_json = m_parser.isSet(QStringLiteral("json"));
    return true;
}

bool CliApplication::setUpService(int *exitCode)
{
    QSettings settings;
    net::ServiceConfig config;
    config.load(settings);
    config.baseUrl = net::ServiceConfig::resolveBaseUrl(
        m_parser.value(QStringLiteral("base-url")), util::Environment::baseUrl(),
        settings.value(QStringLiteral("service/baseUrl")).toString());
    const QString problem = net::ServiceConfig::checkServiceUrl(config.baseUrl);
    if (!problem.isEmpty()) {
        printError(problem);
        *exitCode = Usage;
        return false;
    }
    if (m_parser.isSet(QStringLiteral("profile"))) {
        const QString source = m_parser.value(QStringLiteral("profile"));
        bool found = false;
        for (const net::AttributionProfile &profile : net::AttributionProfile::builtIn())
            found = found || profile.source == source;
        if (!found) {
            QStringList names;
            for (const net::AttributionProfile &profile : net::AttributionProfile::builtIn())
                names.append(profile.source);
            printError(tr("Unknown profile \"%1\". Known profiles: %2.")
                           .arg(source, names.join(QStringLiteral(", "))));
            *exitCode = Usage;
            return false;
        }
        config.profile = net::AttributionProfile::bySource(source);
    }
    if (m_command == QLatin1String("export") && m_parser.isSet(QStringLiteral("poll-interval"))) {
        bool ok = false;
        const double seconds = m_parser.value(QStringLiteral("poll-interval")).toDouble(&ok);
        // The contract: never check more often than every 2 s.
        if (!ok || seconds < 2 || seconds > 3600) {
            printError(tr("--poll-interval takes a number of seconds between 2 and 3600."));
            *exitCode = Usage;
            return false;
        }
        config.renderLongestPoll = std::chrono::milliseconds(qint64(seconds * 1000));
    }
    // Where the sign-in is kept, chosen as the window chooses it: the keychain, or the file the user named.
    const bool inFile = m_parser.isSet(QStringLiteral("secrets-file"));
    m_storage = std::make_unique<auth::SecretStorage>(util::Environment::keychainService(),
                                                      inFile ? m_parser.value(QStringLiteral("secrets-file"))
                                                             : QString());
    m_secrets =
        m_storage->store(inFile ? auth::SecretStorage::Kind::File : auth::SecretStorage::Kind::Keychain);
    // The same workspace and project store as the window: this run continues the project the window
    // last had open, and what it does is there when the window opens it.
    m_workspace = std::make_unique<client::Workspace>(config, m_secrets);
    m_workspace->setBackgroundWork(false);
    m_service = m_workspace->service();
    m_service->auth()->setEnvironmentToken(util::Environment::token());
    connect(m_service->auth(), &auth::Authenticator::storageProblem, this, [this](const QString &message) {
        if (m_storageWarning.isEmpty()) {
            m_storageWarning = message;
            printStatus(
                tr("Warning: the sign-in couldn't be saved (%1). It works for this run but won't be "
                   "remembered; set NEMO_TOKEN to reuse a token, or choose --secrets-file FILE to keep it "
                   "in a file that is not encrypted.")
                    .arg(message));
        }
    });
    m_projects = std::make_unique<project::ProjectStore>();
    m_keeper = std::make_unique<project::ProjectKeeper>(m_workspace.get(), m_projects.get());
    m_keeper->setResumesExports(false); // only `export --resume` picks an export up
    connect(m_keeper.get(), &project::ProjectKeeper::problem, this,
            [this](const QString &message) { printStatus(tr("Warning: %1").arg(message)); });
    // Commands that change the project take its lock; those that only look read it as it is on disk.
    // While Nemo Studio (or another nemo-cli run) has the project open, commands that would change it
    // refuse, and those that only look read it as it is on disk without writing.
    QString inUse;
    if (m_keeper->isInUse(m_projects->lastProjectId(), &inUse)) {
        if (writesProject()) {
            printError(tr("%1 Commands that only look (state, credits, web, export --cancel) work meanwhile.")
                           .arg(inUse));
            *exitCode = ProjectInUse;
            return false;
        }
        m_keeper->setReadOnly(true);
    }
    m_keeper->openLast();
    // A command that changes the project refuses when the project can't be saved (a full or read-only
    // disk) rather than do work that would be kept nowhere.
    if (writesProject() && !m_keeper->checkWritable()) {
        printError(tr("%1 Nothing was done.").arg(m_keeper->lastProblem()));
        *exitCode = Storage;
        return false;
    }
    connect(m_service->session(), &agent::Session::replaced, this, [this] {
        printStatus(tr("The service no longer knew the previous session; a new one was started (its timeline "
                       "is empty)."));
    });
    return true;
}

bool CliApplication::writesProject() const
{
    static const QStringList lookOnly{QStringLiteral("credits"), QStringLiteral("state"),
                                      QStringLiteral("web")};
    if (lookOnly.contains(m_command))
        return false;
    if (m_command == QLatin1String("export"))
        return !m_parser.isSet(QStringLiteral("cancel")) && !m_parser.isSet(QStringLiteral("mlt")) &&
            !m_parser.isSet(QStringLiteral("otio"));
    return true;
}

int CliApplication::run()
{
    int exitCode = Ok;
    // A refusal before the command runs (usage, a project open elsewhere or one that can't be saved)
    // speaks as every failure does, with --json too.
    if (!parse(&exitCode) || !setUpService(&exitCode)) {
        finish(exitCode);
        return exitCode;
    }
    QEventLoop loop;
    connect(this, &QObject::destroyed, &loop, &QEventLoop::quit);
    InterruptNotifier ctrlC;
    connect(&ctrlC, &InterruptNotifier::interrupted, this, &CliApplication::interrupt);
    QMetaObject::invokeMethod(this, &CliApplication::dispatch, Qt::QueuedConnection);
    while (!m_done)
        loop.processEvents(QEventLoop::WaitForMoreEvents);
    // What this run changed in the project is on disk before the process ends.
    m_keeper->flush();
    // A sign-in obtained during this run must reach the keychain before the process ends.
    if (!m_secrets->flush())
        printStatus(tr("Warning: the keychain did not finish saving the sign-in."));
    m_out.flush();
    m_err.flush();
    return m_exitCode;
}

void CliApplication::dispatch()
{
    if (const Command *command = find(m_command))
        (this->*command->run)();
}

namespace {

// The `kind` of a --json error that is not the service's: named for its exit code.
QString kindForExit(int exitCode)
{
    switch (exitCode) {
    case Usage:
        return QStringLiteral("usage");
    case Auth:
        return QStringLiteral("auth");
    case NoCredits:
        return QStringLiteral("no-credits");
    case ExportBlocked:
        return QStringLiteral("export-blocked");
    case BadInput:
        return QStringLiteral("invalid-input");
    case Network:
        return QStringLiteral("network");
    case Server:
        return QStringLiteral("server");
    case ProjectInUse:
        return QStringLiteral("project-in-use");
    case Storage:
        return QStringLiteral("storage");
    case Interrupted:
        return QStringLiteral("cancelled");
    default:
        return QStringLiteral("other");
    }
}

} // namespace

void CliApplication::finish(int exitCode)
{
    if (m_done)
        return;
    // Every failure speaks: with --json as {"error": …} on stdout (unless it was printed already), and
    // never with no word at all.
    if (exitCode != Ok && exitCode != Interrupted) {
        if (m_lastError.isEmpty()) {
            m_lastError = tr("The command failed (exit code %1).").arg(exitCode);
            m_err << "nemo-cli: " << m_lastError << Qt::endl;
        }
        if (m_json && !m_jsonErrorPrinted)
            printJson({{QStringLiteral("error"),
                        QJsonObject{{QStringLiteral("kind"), kindForExit(exitCode)},
                                    {QStringLiteral("message"), m_lastError}}}});
    }
    m_exitCode = exitCode;
    m_done = true;
}

void CliApplication::interrupt()
{
    if (m_done)
        return;
    if (m_turn) {
        printStatus(tr("Stopping… (the state is checked so nothing is lost)"));
        m_turn->stop();
        return;
    }
    for (const QPointer<net::ServiceJob> &job : std::as_const(m_jobs)) {
        if (job)
            job->abort();
    }
    if (m_exporter && m_exporter->isRunning())
        m_exporter->disconnect(this);
    if (!m_keeper->pendingRender().isEmpty())
        printStatus(tr("The export keeps running on the server; 'nemo-cli export --resume --out FILE.mp4' "
                       "picks it up."));
    finish(Interrupted);
}

void CliApplication::printJson(const QJsonObject &object)
{
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    m_out.flush();
}

void CliApplication::printError(const QString &message)
{
    m_err << "nemo-cli: " << message << Qt::endl;
    m_lastError = m_lastError.isEmpty() ? message : m_lastError + QLatin1Char(' ') + message;
}

void CliApplication::printStatus(const QString &message)
{
    // On a terminal the reply and the status lines share the screen: keep statuses on their own line.
    if (m_midLine && m_stdoutIsTerminal) {
        m_out << Qt::endl;
        m_midLine = false;
    }
    m_err << message << Qt::endl;
}

void CliApplication::fail(const net::ApiError &error)
{
    if (m_json) {
        QJsonObject body{{QStringLiteral("kind"), jsonKind(error)},
                         {QStringLiteral("message"), error.message()}};
        if (error.actionUrl().isValid())
            body.insert(QStringLiteral("action_url"), error.actionUrl().toString());
        printJson({{QStringLiteral("error"), body}});
        m_jsonErrorPrinted = true;
        m_lastError = error.message();
    } else {
        printError(error.message());
    }
    finish(exitCodeFor(error));
}

QString CliApplication::describeCredits(const auth::Credits &credits) const
{
    return tr("%1 credits available, %2 frozen (%3 in total)")
        .arg(credits.available)
        .arg(credits.frozen)
        .arg(credits.total);
}

} // namespace nemo::cli
