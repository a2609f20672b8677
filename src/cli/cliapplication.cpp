#include "cliapplication.h"

#include "apicall.h"
#include "authenticator.h"
#include "chatturn.h"
#include "claimtokenquery.h"
#include "clistate.h"
#include "interruptnotifier.h"
#include "creditsquery.h"
#include "downloadjob.h"
#include "exitcodes.h"
#include "exporter.h"
#include "filenames.h"
#include "intentrouter.h"
#include "keychainsecretstore.h"
#include "localrenderjob.h"
#include "mediacache.h"
#include "mediavalidator.h"
#include "nemoversion.h"
#include "renderjob.h"
#include "session.h"
#include "transport.h"
#include "uploadjob.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaEnum>
#include <QProcess>
#include <QSettings>
#include <QTimer>

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

using namespace nemo::core;

namespace {


QString jsonKind(const ApiError &error)
{
    return ApiError::kindName(error.kind());
}

// A progress line on stderr, at most a few times a second.
class Throttle
{
public:
    bool ready()
    {
        if (m_clock.isValid() && m_clock.elapsed() < 250)
            return false;
        m_clock.start();
        return true;
    }

private:
    QElapsedTimer m_clock;
};

} // namespace

CliApplication::CliApplication(const QStringList &arguments, QObject *parent)
    : QObject(parent)
    , m_arguments(arguments)
    , m_out(stdout)
    , m_err(stderr)
    , m_stdoutIsTerminal(NEMO_ISATTY(NEMO_FILENO(stdout)) != 0)
{ }

CliApplication::~CliApplication() = default;

QList<CliApplication::Command> CliApplication::commands()
{
    return {
        {QStringLiteral("login"), tr("Sign in (a free anonymous account if needed) and open a session."),
         QString()},
        {QStringLiteral("logout"), tr("Forget the stored sign-in for this server."), QString()},
        {QStringLiteral("credits"), tr("Show the credit balance."), QString()},
        {QStringLiteral("upload"), tr("Upload photos, videos or music to the session."),
         tr("FILE… | --url URL")},
        {QStringLiteral("chat"), tr("Send a message to the agent; the reply streams to stdout."),
         tr("\"MESSAGE\"")},
        {QStringLiteral("state"), tr("Show the timeline (the draft as JSON with --json)."), QString()},
        {QStringLiteral("export"), tr("Render the timeline and download the MP4."), tr("--out FILE.mp4")},
        {QStringLiteral("session"), tr("Show the session, or start a new one with --new."), QString()},
        {QStringLiteral("web"), tr("Continue this project in the NemoVideo web app (opens the browser)."),
         QString()},
    };
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
           "  7 network (offline, timeout, insecure), 8 service error (including failed renders), 130 "
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
    bool known = false;
    QString usage;
    QString summary;
    for (const Command &command : commands()) {
        if (command.name == m_command) {
            known = true;
            usage = command.usage;
            summary = command.summary;
        }
    }
    if (!known) {
        printError(tr("Unknown command \"%1\".").arg(m_command));
        m_err << globalHelp();
        *exitCode = Usage;
        return false;
    }
    QStringList arguments = m_arguments;
    arguments.removeAt(commandIndex);
    m_parser.setApplicationDescription(summary);
    addGlobalOptions(m_parser);
    if (m_command == QLatin1String("upload")) {
        m_parser.addPositionalArgument(
            QStringLiteral("files"), tr("Photos, videos or music (%1).").arg(MediaValidator::acceptedList()),
            tr("FILE…"));
        m_parser.addOption(
            {QStringLiteral("url"), tr("Upload from a link instead (repeatable)."), tr("URL")});
    } else if (m_command == QLatin1String("chat")) {
        m_parser.addPositionalArgument(
            QStringLiteral("message"),
            tr("What you want, e.g. \"turn these images into a 30-second promo video\"."));
        m_parser.addOption(
            {QStringLiteral("no-route"), tr("Always send to the agent, even \"export\" or \"credits\".")});
    } else if (m_command == QLatin1String("export")) {
        m_parser.addOption({QStringLiteral("out"), tr("Where to save the MP4."), tr("FILE.mp4")});
        m_parser.addOption({QStringLiteral("quality"), tr("Render quality (default: high)."), tr("QUALITY"),
                            QStringLiteral("high")});
        m_parser.addOption({QStringLiteral("poll-interval"),
                            tr("The longest wait between status checks, in seconds (2 or more; default: 30). "
                               "Checks come sooner when the render's progress says it will finish sooner."),
                            tr("SECONDS")});
        m_parser.addOption(
            {QStringLiteral("cancel"), tr("Stop the export that is running for this session.")});
        m_parser.addOption(
            {QStringLiteral("local"),
             tr("Render on this computer with MLT's melt instead of the service (works offline "
                "once the media is here).")});
        m_parser.addOption(
            {QStringLiteral("mlt"),
             tr("Write the edit as an MLT project for Shotcut or melt, with every source on this "
                "computer."),
             tr("FILE.mlt")});
        m_parser.addOption({QStringLiteral("allow-missing"),
                            tr("With --local: render even when some media is missing (with gaps there).")});
        m_parser.addOption({QStringLiteral("force"), tr("Overwrite FILE.mp4 if it exists.")});
        m_parser.addOption(
            {QStringLiteral("resume"), tr("Continue the export an earlier run left unfinished.")});
    } else if (m_command == QLatin1String("session")) {
        m_parser.addOption({QStringLiteral("new"), tr("Start a new session (the timeline starts empty).")});
    } else if (m_command == QLatin1String("web")) {
        m_parser.addOption({QStringLiteral("print"), tr("Only print the link; don't open the browser.")});
    }
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
    ServiceConfig config;
    config.load(settings);
    config.baseUrl = ServiceConfig::resolveBaseUrl(
        m_parser.value(QStringLiteral("base-url")), qEnvironmentVariable("NEMO_API_BASE"),
        settings.value(QStringLiteral("service/baseUrl")).toString());
    const QString problem = ServiceConfig::checkServiceUrl(config.baseUrl);
    if (!problem.isEmpty()) {
        printError(problem);
        *exitCode = Usage;
        return false;
    }
    if (m_parser.isSet(QStringLiteral("profile"))) {
        const QString source = m_parser.value(QStringLiteral("profile"));
        bool found = false;
        for (const AttributionProfile &profile : AttributionProfile::builtIn())
            found = found || profile.source == source;
        if (!found) {
            QStringList names;
            for (const AttributionProfile &profile : AttributionProfile::builtIn())
                names.append(profile.source);
            printError(tr("Unknown profile \"%1\". Known profiles: %2.")
                           .arg(source, names.join(QStringLiteral(", "))));
            *exitCode = Usage;
            return false;
        }
        config.profile = AttributionProfile::bySource(source);
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
    const QString keychainService =
        qEnvironmentVariable("NEMO_KEYCHAIN_SERVICE", QStringLiteral("NemoStudio"));
    if (m_parser.isSet(QStringLiteral("secrets-file")))
        m_secrets = std::make_unique<FileSecretStore>(m_parser.value(QStringLiteral("secrets-file")));
    else
        m_secrets = std::make_unique<KeychainSecretStore>(keychainService);
    m_service = std::make_unique<Service>(config, m_secrets.get());
    m_service->auth()->setEnvironmentToken(qEnvironmentVariable("NEMO_TOKEN"));
    connect(m_service->auth(), &Authenticator::storageProblem, this, [this](const QString &message) {
        if (m_storageWarning.isEmpty()) {
            m_storageWarning = message;
            printStatus(
                tr("Warning: the sign-in couldn't be saved (%1). It works for this run but won't be "
                   "remembered; set NEMO_TOKEN to reuse a token, or choose --secrets-file FILE to keep it "
                   "in a file that is not encrypted.")
                    .arg(message));
        }
    });
    m_state = std::make_unique<CliState>(config.baseUrl);
    m_service->session()->restore(m_state->session());
    connect(m_service->session(), &Session::changed, this,
            [this](const SessionInfo &info) { m_state->setSession(info); });
    connect(m_service->session(), &Session::replaced, this, [this] {
        printStatus(tr("The service no longer knew the previous session; a new one was started (its timeline "
                       "is empty)."));
    });
    return true;
}

int CliApplication::run()
{
    int exitCode = Ok;
    if (!parse(&exitCode))
        return exitCode;
    if (!setUpService(&exitCode))
        return exitCode;
    QEventLoop loop;
    connect(this, &QObject::destroyed, &loop, &QEventLoop::quit);
    InterruptNotifier ctrlC;
    connect(&ctrlC, &InterruptNotifier::interrupted, this, &CliApplication::interrupt);
    QMetaObject::invokeMethod(this, &CliApplication::dispatch, Qt::QueuedConnection);
    while (!m_done)
        loop.processEvents(QEventLoop::WaitForMoreEvents);
    // A sign-in obtained during this run must reach the keychain before the process ends.
    if (!m_secrets->flush())
        printStatus(tr("Warning: the keychain did not finish saving the sign-in."));
    m_out.flush();
    m_err.flush();
    return m_exitCode;
}

void CliApplication::dispatch()
{
    if (m_command == QLatin1String("login"))
        login();
    else if (m_command == QLatin1String("logout"))
        logout();
    else if (m_command == QLatin1String("credits"))
        credits();
    else if (m_command == QLatin1String("upload"))
        upload();
    else if (m_command == QLatin1String("chat"))
        chat();
    else if (m_command == QLatin1String("state"))
        state();
    else if (m_command == QLatin1String("export"))
        exportVideo();
    else if (m_command == QLatin1String("session"))
        session();
    else if (m_command == QLatin1String("web"))
        web();
}

void CliApplication::finish(int exitCode)
{
    if (m_done)
        return;
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
    for (const QPointer<ServiceJob> &job : std::as_const(m_jobs)) {
        if (job)
            job->abort();
    }
    if (m_exporter && m_exporter->isRunning())
        m_exporter->disconnect(this);
    if (!m_state->pendingRender().isEmpty())
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

void CliApplication::fail(const ApiError &error)
{
    if (m_json) {
        QJsonObject body{{QStringLiteral("kind"), jsonKind(error)},
                         {QStringLiteral("message"), error.message()}};
        if (error.actionUrl().isValid())
            body.insert(QStringLiteral("action_url"), error.actionUrl().toString());
        printJson({{QStringLiteral("error"), body}});
    } else {
        printError(error.message());
    }
    finish(exitCodeFor(error));
}

QString CliApplication::describeCredits(const Credits &credits) const
{
    return tr("%1 credits available, %2 frozen (%3 in total)")
        .arg(credits.available)
        .arg(credits.frozen)
        .arg(credits.total);
}

void CliApplication::login()
{
    m_service->session()->ensure(this, [this](const ApiError &error) {
        if (error) {
            fail(error);
            return;
        }
        CreditsQuery *query = m_service->fetchCredits(this);
        connect(query, &ServiceJob::finished, this, [this, query] {
            Authenticator *auth = m_service->auth();
            const SessionInfo info = m_service->session()->info();
            const bool anonymous = auth->source() != Authenticator::Source::Environment &&
                auth->userId().startsWith(QLatin1String("anon_"));
            if (m_json) {
                QJsonObject body{
                    {QStringLiteral("user_id"), auth->userId().isEmpty() ? info.userId : auth->userId()},
                    {QStringLiteral("anonymous"), anonymous},
                    {QStringLiteral("days_left"), auth->daysLeft()},
                    {QStringLiteral("session_id"), info.sessionId},
                    {QStringLiteral("server"), m_service->transport()->baseUrl().toString()}};
                if (!query->error())
                    body.insert(QStringLiteral("credits"), double(query->credits().available));
                printJson(body);
            } else {
                const QString who = auth->userId().isEmpty() ? info.userId : auth->userId();
                m_out << tr("Signed in as %1").arg(who.isEmpty() ? tr("the account of NEMO_TOKEN") : who);
                if (anonymous)
                    m_out << tr(" (free anonymous account)");
                if (auth->daysLeft() >= 0)
                    m_out << tr(", %n day(s) left on the sign-in", nullptr, auth->daysLeft());
                m_out << '.' << Qt::endl;
                m_out << tr("Session %1 on %2.")
                             .arg(info.sessionId, m_service->transport()->baseUrl().toString())
                      << Qt::endl;
                if (!query->error())
                    m_out << describeCredits(query->credits()) << '.' << Qt::endl;
            }
            finish(query->error() ? exitCodeFor(query->error()) : Ok);
        });
    });
}

void CliApplication::logout()
{
    m_service->auth()->signOut(this, [this](const ApiError &error) {
        m_state->setSession(SessionInfo());
        m_state->setPendingRender(QString());
        if (error) {
            fail(error);
            return;
        }
        if (m_json)
            printJson({{QStringLiteral("signed_out"), true}});
        else
            m_out << tr("Signed out. The next command signs in again with a new free account.") << Qt::endl;
        finish(Ok);
    });
}

void CliApplication::credits()
{
    CreditsQuery *query = m_service->fetchCredits(this);
    m_jobs.append(query);
    connect(query, &ServiceJob::finished, this, [this, query] {
        if (query->error()) {
            fail(query->error());
            return;
        }
        const Credits c = query->credits();
        if (m_json)
            printJson({{QStringLiteral("available"), double(c.available)},
                       {QStringLiteral("frozen"), double(c.frozen)},
                       {QStringLiteral("total"), double(c.total)}});
        else
            m_out << describeCredits(c) << '.' << Qt::endl;
        finish(Ok);
    });
}

void CliApplication::upload()
{
    const QStringList files = m_parser.positionalArguments();
    const QStringList urlTexts = m_parser.values(QStringLiteral("url"));
    if (files.isEmpty() && urlTexts.isEmpty()) {
        printError(tr("Give one or more files, or --url URL."));
        finish(Usage);
        return;
    }
    if (!files.isEmpty() && !urlTexts.isEmpty()) {
        printError(tr("Upload files or URLs, not both at once."));
        finish(Usage);
        return;
    }
    QStringList accepted;
    QList<QUrl> urls;
    int refused = 0;
    for (const QString &file : files) {
        const MediaCheck check = MediaValidator::check(file, m_service->config().maxUploadBytes);
        if (check.ok()) {
            accepted.append(QFileInfo(file).absoluteFilePath());
        } else {
            printError(check.message());
            ++refused;
        }
    }
    for (const QString &text : urlTexts) {
        const QUrl url(text, QUrl::StrictMode);
        const QString problem = UploadJob::checkUrl(url);
        if (problem.isEmpty()) {
            urls.append(url);
        } else {
            printError(problem);
            ++refused;
        }
    }
    if (accepted.isEmpty() && urls.isEmpty()) {
        finish(BadInput);
        return;
    }
    UploadJob *job = urls.isEmpty() ? m_service->upload(accepted, this) : m_service->uploadUrls(urls, this);
    m_jobs.append(job);
    auto throttle = std::make_shared<Throttle>();
    connect(job, &UploadJob::progress, this, [this, throttle](qint64 sent, qint64 total) {
        if (!m_json && throttle->ready() && total > 0)
            m_err << '\r' << tr("Uploading… %1%").arg(sent * 100 / total) << Qt::flush;
    });
    connect(job, &ServiceJob::finished, this, [this, job, refused, accepted] {
        if (!m_json)
            m_err << '\r' << QString(30, QLatin1Char(' ')) << '\r' << Qt::flush;
        if (job->error()) {
            fail(job->error());
            return;
        }
        m_state->noteUploads(job->files(), accepted);
        if (m_json) {
            QJsonArray list;
            for (const UploadedFile &file : job->files())
                list.append(file.raw);
            printJson({{QStringLiteral("files"), list}, {QStringLiteral("refused"), refused}});
        } else {
            for (const UploadedFile &file : job->files()) {
                QString details = file.fileType;
                if (file.width > 0 && file.height > 0)
                    details += QStringLiteral(" %1×%2").arg(file.width).arg(file.height);
                if (file.duration > 0)
                    details += QStringLiteral(" %1 s").arg(file.duration, 0, 'f', 1);
                m_out << tr("Uploaded %1 (%2)").arg(file.filename, details) << Qt::endl;
            }
        }
        finish(refused > 0 ? BadInput : Ok);
    });
}

void CliApplication::chat()
{
    const QString message = m_parser.positionalArguments().join(QLatin1Char(' ')).trimmed();
    if (message.isEmpty()) {
        printError(
            tr("Say what you want, e.g. nemo-cli chat \"turn these images into a 30-second promo video\"."));
        finish(Usage);
        return;
    }
    if (!m_parser.isSet(QStringLiteral("no-route"))) {
        switch (IntentRouter::route(message)) {
        case Intent::Credits:
            printStatus(tr("(handled here, not sent to the agent: credits)"));
            credits();
            return;
        case Intent::State:
            printStatus(tr("(handled here, not sent to the agent: timeline)"));
            state();
            return;
        case Intent::Export:
            printError(tr("To export, run: nemo-cli export --out FILE.mp4 (add --no-route to send this to "
                          "the agent instead)."));
            finish(Usage);
            return;
        case Intent::Upload:
            printError(tr(
                "To upload, run: nemo-cli upload FILE… (add --no-route to send this to the agent instead)."));
            finish(Usage);
            return;
        case Intent::Chat:
            break;
        }
    }
    ChatTurn *turn = m_service->sendMessage(message, this);
    m_turn = turn;
    connect(turn, &ChatTurn::textChanged, this, [this](const QString &, const QString &appended) {
        if (!m_json && !appended.isEmpty()) {
            m_out << appended << Qt::flush;
            m_midLine = !appended.endsWith(QLatin1Char('\n'));
        }
    });
    connect(turn, &ChatTurn::toolStarted, this,
            [this](const QString &description) { printStatus(QStringLiteral("… ") + description); });
    connect(turn, &ChatTurn::stillWorking, this, [this] { printStatus(tr("⏳ Still working…")); });
    connect(turn, &ServiceJob::finished, this, [this, turn] {
        const QString reply = turn->text();
        if (!m_json && !reply.isEmpty())
            m_out << Qt::endl;
        if (m_json) {
            QJsonObject body{
                {QStringLiteral("reply"), reply},
                {QStringLiteral("outcome"),
                 QString::fromLatin1(
                     QMetaEnum::fromType<ChatTurn::Outcome>().valueToKey(int(turn->outcome())))
                     .toLower()},
                {QStringLiteral("changes"), turn->hasStateAfter() ? turn->changes().describe() : QString()}};
            if (turn->hasStateAfter())
                body.insert(QStringLiteral("timeline"), turn->stateAfter().draft.summary());
            if (turn->error())
                body.insert(QStringLiteral("error"),
                            QJsonObject{{QStringLiteral("kind"), jsonKind(turn->error())},
                                        {QStringLiteral("message"), turn->outcomeMessage()}});
            printJson(body);
            finish(exitCodeFor(turn->error()));
            return;
        }
        if (turn->outcome() == ChatTurn::Outcome::Refused) {
            fail(turn->error());
            return;
        }
        const QString note = turn->outcomeMessage();
        if (!note.isEmpty())
            (turn->error() ? m_err : m_out) << note.trimmed() << Qt::endl;
        if (turn->hasStateAfter() && turn->outcome() != ChatTurn::Outcome::Replied)
            m_out << turn->stateAfter().draft.summary() << Qt::endl;
        finish(exitCodeFor(turn->error()));
    });
}

void CliApplication::state()
{
    StateQuery *query = m_service->fetchState(this);
    m_jobs.append(query);
    connect(query, &ServiceJob::finished, this, [this, query] {
        if (query->error()) {
            fail(query->error());
            return;
        }
        const ProjectState &s = query->state();
        if (m_json) {
            printJson({{QStringLiteral("session_id"), s.sessionId},
                       {QStringLiteral("summary"), s.draft.summary()},
                       {QStringLiteral("draft"), s.draft.toJson()},
                       {QStringLiteral("video_infos"), s.videoInfos},
                       {QStringLiteral("generated_media"), s.generatedMedia},
                       {QStringLiteral("generated"), generatedJson(s.generated)},
                       {QStringLiteral("canvas_config"), s.canvas}});
        } else {
            m_out << s.draft.summary() << Qt::endl;
            if (!s.videoInfos.isEmpty())
                m_out << tr("%n uploaded file(s) in this session.", nullptr, int(s.videoInfos.size()))
                      << Qt::endl;
            if (!s.generated.isEmpty())
                m_out << tr("Generated by the agent:") << Qt::endl;
            for (const GeneratedClip &clip : s.generated) {
                QString line = QStringLiteral("  ") + clip.name + QStringLiteral(" (") +
                    MediaValidator::kindName(clip.kind);
                if (clip.duration > 0)
                    line += QStringLiteral(", ") +
                        tr("%1 s").arg(Draft::formatSeconds(qint64(clip.duration * 1000)));
                line += QStringLiteral(") ") + clip.url.toString();
                if (!clip.prompt.isEmpty())
                    line += QStringLiteral("\n    ") + tr("Prompt: %1").arg(clip.prompt);
                m_out << line << Qt::endl;
            }
        }
        finish(Ok);
    });
}

void CliApplication::cancelExport()
{
    const QString pending = m_state->pendingRender();
    if (pending.isEmpty()) {
        printError(tr("There is no export running for this session."));
        finish(BadInput);
        return;
    }
    ApiCall *call = m_service->cancelRender(pending, this);
    m_jobs.append(call);
    connect(call, &ServiceJob::finished, this, [this, call, pending] {
        const ApiError &error = call->error();
        if (!error) {
            m_state->setPendingRender(QString());
            if (m_json)
                printJson({{QStringLiteral("render_id"), pending}, {QStringLiteral("cancelled"), true}});
            else
                m_out << tr("Export %1 cancelled.").arg(pending) << Qt::endl;
            finish(Ok);
            return;
        }
        if (error.kind() == ApiError::Kind::NotFound || error.httpStatus() == 405 ||
            error.httpStatus() == 501) {
            // The job goes on: it can still be fetched with --resume.
            if (m_json)
                printJson({{QStringLiteral("render_id"), pending},
                           {QStringLiteral("cancelled"), false},
                           {QStringLiteral("error"), QStringLiteral("not_cancellable")}});
            printError(tr("This export can't be stopped; it will finish on its own. Fetch it with: nemo-cli "
                          "export --resume --out FILE.mp4"));
            finish(Server);
            return;
        }
        fail(error);
    });
}

void CliApplication::exportVideo()
{
    if (m_parser.isSet(QStringLiteral("cancel"))) {
        cancelExport();
        return;
    }
    if (m_parser.isSet(QStringLiteral("mlt"))) {
        exportProject(QFileInfo(m_parser.value(QStringLiteral("mlt"))).absoluteFilePath());
        return;
    }
    const QString out = m_parser.value(QStringLiteral("out"));
    if (out.isEmpty()) {
        printError(tr("Say where to save the video: nemo-cli export --out FILE.mp4"));
        finish(Usage);
        return;
    }
    const QString target = QFileInfo(out).absoluteFilePath();
    if (QFileInfo(target).isDir()) {
        printError(
            tr("%1 is a folder; give a file name, e.g. %1/video.mp4").arg(QDir::toNativeSeparators(out)));
        finish(BadInput);
        return;
    }
    if (QFileInfo::exists(target) && !m_parser.isSet(QStringLiteral("force"))) {
        printError(tr("%1 already exists; add --force to overwrite it.").arg(QDir::toNativeSeparators(out)));
        finish(BadInput);
        return;
    }
    if (m_parser.isSet(QStringLiteral("local"))) {
        renderLocally(target);
        return;
    }
    auto *exporter = new Exporter(m_service.get(), this);
    auto throttle = std::make_shared<Throttle>();
    auto lastState = std::make_shared<RenderStatus::State>(RenderStatus::State::Unknown);
    auto lastProgress = std::make_shared<int>(-1);
    connect(exporter, &Exporter::jobIdAssigned, this,
            [this](const QString &id) { m_state->setPendingRender(id); });
    connect(exporter, &Exporter::changed, this, [this, exporter, throttle, lastState, lastProgress] {
        if (m_json)
            return;
        if (exporter->phase() == Exporter::Phase::Rendering) {
            const RenderStatus status = exporter->status();
            if (status.state != *lastState || status.progress != *lastProgress) {
                *lastState = status.state;
                *lastProgress = status.progress;
                printStatus(tr("Export %1: %2, %3%")
                                .arg(exporter->jobId(), RenderStatus::stateName(status.state))
                                .arg(status.progress));
            }
        } else if (exporter->phase() == Exporter::Phase::Downloading && throttle->ready()) {
            if (exporter->total() > 0)
                m_err << '\r' << tr("Downloading… %1%").arg(exporter->received() * 100 / exporter->total())
                      << Qt::flush;
            else
                m_err << '\r' << tr("Downloading… %1 KB").arg(exporter->received() / 1024) << Qt::flush;
        }
    });
    connect(exporter, &Exporter::finished, this, [this, exporter] {
        if (!m_json)
            m_err << '\r' << QString(30, QLatin1Char(' ')) << '\r' << Qt::flush;
        if (exporter->phase() == Exporter::Phase::Cancelled) {
            m_state->setPendingRender(QString());
            printError(tr("The export was cancelled; nothing was saved."));
            finish(Interrupted);
            return;
        }
        if (exporter->phase() == Exporter::Phase::Failed) {
            const ApiError::Kind kind = exporter->error().kind();
            if (kind == ApiError::Kind::RenderFailed || kind == ApiError::Kind::NotFound)
                m_state->setPendingRender(QString());
            fail(exporter->error());
            return;
        }
        m_state->setPendingRender(QString());
        if (m_json) {
            printJson({{QStringLiteral("file"), exporter->targetPath()},
                       {QStringLiteral("render_id"), exporter->jobId()},
                       {QStringLiteral("bytes"), double(exporter->received())}});
        } else {
            m_out << QDir::toNativeSeparators(exporter->targetPath()) << Qt::endl;
        }
        finish(Ok);
    });
    if (m_parser.isSet(QStringLiteral("resume"))) {
        const QString pending = m_state->pendingRender();
        if (pending.isEmpty()) {
            printError(tr("There is no unfinished export to resume."));
            finish(BadInput);
            return;
        }
        printStatus(tr("Resuming export %1…").arg(pending));
        exporter->resume(pending, target);
        return;
    }
    StateQuery *query = m_service->fetchState(this);
    m_jobs.append(query);
    connect(query, &ServiceJob::finished, this, [this, query, exporter, target] {
        if (query->error()) {
            fail(query->error());
            return;
        }
        const Draft draft = query->state().draft;
        if (!draft.isExportable()) {
            ApiError error(ApiError::Kind::InvalidInput);
            error.setDetail(
                tr("The timeline is empty, so there is nothing to export yet. Upload media and ask the agent "
                   "for a video first."));
            fail(error);
            return;
        }
        RenderOptions options;
        options.quality = m_parser.value(QStringLiteral("quality"));
        exporter->start(draft, options, target);
    });
    m_exporter = exporter;
}

void CliApplication::withState(const std::function<void(const ProjectState &)> &use)
{
    StateQuery *query = m_service->fetchState(this);
    m_jobs.append(query);
    connect(query, &ServiceJob::finished, this, [this, query, use] {
        ProjectState state;
        if (query->error()) {
            const ApiError::Kind kind = query->error().kind();
            const QJsonObject saved = m_state->lastState();
            if ((kind != ApiError::Kind::Network && kind != ApiError::Kind::Timeout) || saved.isEmpty()) {
                fail(query->error());
                return;
            }
            printStatus(tr("The service can't be reached; using the timeline as it was last seen."));
            state = ProjectState::fromJson(saved);
        } else {
            m_state->setLastState(query->data());
            state = query->state();
        }
        if (!state.draft.isExportable()) {
            ApiError error(ApiError::Kind::InvalidInput);
            error.setDetail(
                tr("The timeline is empty, so there is nothing to export yet. Upload media and ask "
                   "the agent for a video first."));
            fail(error);
            return;
        }
        use(state);
    });
}

void CliApplication::exportProject(const QString &path)
{
    withState([this, path](const ProjectState &state) {
        m_cache = std::make_unique<MediaCache>(m_service.get());
        Exporter::writeProject(state, m_state->originals(), m_cache.get(), path, this,
                               [this, path](const QString &error, const QList<MissingSource> &missing) {
                                   if (!error.isEmpty()) {
                                       printError(error);
                                       finish(BadInput);
                                       return;
                                   }
                                   for (const MissingSource &source : missing)
                                       printStatus(tr("Left empty: %1").arg(source.message()));
                                   if (m_json)
                                       printJson({{QStringLiteral("file"), path},
                                                  {QStringLiteral("missing"), int(missing.size())}});
                                   else
                                       m_out << QDir::toNativeSeparators(path) << Qt::endl;
                                   finish(Ok);
                               });
    });
}

void CliApplication::renderLocally(const QString &target)
{
    if (LocalRenderJob::meltProgram().isEmpty()) {
        printError(LocalRenderJob::missingMeltMessage());
        finish(Failure);
        return;
    }
    withState([this, target](const ProjectState &state) {
        m_cache = std::make_unique<MediaCache>(m_service.get());
        auto *exporter = new Exporter(m_service.get(), this);
        m_exporter = exporter;
        auto throttle = std::make_shared<Throttle>();
        connect(exporter, &Exporter::changed, this, [this, exporter, throttle] {
            if (m_json || exporter->phase() != Exporter::Phase::Rendering || !throttle->ready())
                return;
            if (exporter->status().state == RenderStatus::State::Processing)
                m_err << '\r' << tr("Rendering on this computer… %1%").arg(exporter->status().progress)
                      << Qt::flush;
        });
        connect(exporter, &Exporter::finished, this, [this, exporter] {
            if (!m_json)
                m_err << '\r' << QString(40, QLatin1Char(' ')) << '\r' << Qt::flush;
            if (exporter->phase() != Exporter::Phase::Done) {
                const ApiError &error = exporter->error();
                printError(error.message());
                if (!exporter->missing().isEmpty())
                    printStatus(tr("Add --allow-missing to render with gaps where that media was."));
                finish(error.kind() == ApiError::Kind::InvalidInput ? BadInput : Failure);
                return;
            }
            if (m_json)
                printJson({{QStringLiteral("file"), exporter->targetPath()},
                           {QStringLiteral("engine"), QStringLiteral("local")},
                           {QStringLiteral("bytes"), double(QFileInfo(exporter->targetPath()).size())}});
            else
                m_out << QDir::toNativeSeparators(exporter->targetPath()) << Qt::endl;
            finish(Ok);
        });
        exporter->startLocal(state, m_state->originals(), m_cache.get(), target,
                             m_parser.isSet(QStringLiteral("allow-missing")));
    });
}

QJsonArray CliApplication::generatedJson(const QList<GeneratedClip> &clips)
{
    QJsonArray array;
    for (const GeneratedClip &clip : clips)
        array.append(QJsonObject{{QStringLiteral("name"), clip.name},
                                 {QStringLiteral("url"), clip.url.toString()},
                                 {QStringLiteral("kind"), MediaValidator::kindName(clip.kind)},
                                 {QStringLiteral("duration"), clip.duration},
                                 {QStringLiteral("prompt"), clip.prompt}});
    return array;
}

void CliApplication::web()
{
    ClaimTokenQuery *query = m_service->claimWebLink(this);
    m_jobs.append(query);
    connect(query, &ServiceJob::finished, this, [this, query] {
        if (query->error()) {
            fail(query->error());
            return;
        }
        const QUrl url = query->webUrl();
        if (m_json)
            printJson({{QStringLiteral("url"), url.toString()}});
        else
            m_out << url.toString() << Qt::endl;
        if (!m_parser.isSet(QStringLiteral("print")) && !openInBrowser(url))
            printStatus(tr("Couldn't start a web browser; open the link above yourself."));
        finish(Ok);
    });
}

bool CliApplication::openInBrowser(const QUrl &url)
{
    // No GUI library in the CLI: the desktop's own opener does it.
#if defined(Q_OS_WIN)
    return QProcess::startDetached(QStringLiteral("rundll32"),
                                   {QStringLiteral("url.dll,FileProtocolHandler"), url.toString()});
#elif defined(Q_OS_MACOS)
    return QProcess::startDetached(QStringLiteral("open"), {url.toString()});
#else
    return QProcess::startDetached(QStringLiteral("xdg-open"), {url.toString()});
#endif
}

void CliApplication::session()
{
    auto show = [this] {
        const SessionInfo info = m_service->session()->info();
        if (m_json)
            printJson(info.toJson());
        else
            m_out << tr("Session %1 (language %2) on %3.")
                         .arg(info.sessionId, info.language, m_service->transport()->baseUrl().toString())
                  << Qt::endl;
        finish(Ok);
    };
    if (m_parser.isSet(QStringLiteral("new")))
        m_service->session()->clear();
    m_service->session()->ensure(this, [this, show](const ApiError &error) {
        if (error) {
            fail(error);
            return;
        }
        show();
    });
}

} // namespace nemo::cli
