#pragma once

#include "client/service.h"
#include "media/generatedclip.h"
#include "net/apierror.h"

#include <QCommandLineParser>
#include <QObject>
#include <QPointer>
#include <QTextStream>

#include <functional>
#include <memory>

namespace nemo::net {
class ServiceJob;
} // namespace nemo::net

namespace nemo::auth {
class SecretStorage;
class SecretStore;
} // namespace nemo::auth

namespace nemo::media {
class MediaCache;
} // namespace nemo::media

namespace nemo::agent {
class ChatTurn;
} // namespace nemo::agent

namespace nemo::render {
class Exporter;
} // namespace nemo::render

namespace nemo::client {
class Workspace;
} // namespace nemo::client

namespace nemo::project {
class ProjectKeeper;
class ProjectStore;
} // namespace nemo::project

namespace nemo::cli {

// nemo-cli: the service from a terminal, on the same core as the app. One command per run, on the
// project the window last had open (the same store: chat, media, timeline and exports are shared both
// ways); every error class has its own exit code.
class CliApplication : public QObject
{
    Q_OBJECT
public:
    explicit CliApplication(const QStringList &arguments, QObject *parent = nullptr);
    ~CliApplication() override;

    // Runs the command to completion and returns the exit code.
    int run();

private:
    struct Command
    {
        QString name;
        QString summary;
        QString usage;
        void (CliApplication::*options)(QCommandLineParser &parser) const; // its own options, if any
        void (CliApplication::*run)();
    };
    static const QList<Command> &commands();
    static const Command *find(const QString &name);

    bool parse(int *exitCode);
    void addGlobalOptions(QCommandLineParser &parser) const;
    QString globalHelp() const;
    bool setUpService(int *exitCode);
    // Whether this run's command changes the project (and so takes its lock).
    bool writesProject() const;
    void dispatch();
    void finish(int exitCode);
    void fail(const net::ApiError &error);
    void interrupt();

    // The commands (commands/*.cpp) and their options.
    void addUploadOptions(QCommandLineParser &parser) const;
    void addChatOptions(QCommandLineParser &parser) const;
    void addExportOptions(QCommandLineParser &parser) const;
    void addSessionOptions(QCommandLineParser &parser) const;
    void addWebOptions(QCommandLineParser &parser) const;
    void addEditOptions(QCommandLineParser &parser) const;
    void login();
    void logout();
    void credits();
    void upload();
    void chat();
    void state();
    void edit();
    void exportVideo();
    void cancelExport();
    void renderLocally(const QString &target);
    void exportProject(const QString &path);
    // The state for a render here: from the service, or as last seen when it can't be reached.
    void withState(const std::function<void(const agent::ProjectState &)> &use);
    void session();
    void web();
    static bool openInBrowser(const QUrl &url);
    static QJsonArray generatedJson(const QList<media::GeneratedClip> &clips);

    void printJson(const QJsonObject &object);
    void printError(const QString &message);
    void printStatus(const QString &message);
    QString describeCredits(const auth::Credits &credits) const;

    QStringList m_arguments;
    QString m_command;
    QCommandLineParser m_parser;
    bool m_json = false;
    QString m_lastError;             // what the command said went wrong (for --json and the last word)
    bool m_jsonErrorPrinted = false; // {"error": …} is on stdout already
    int m_exitCode = 0;
    bool m_done = false;
    QTextStream m_out;
    QTextStream m_err;
    bool m_stdoutIsTerminal = false;
    bool m_midLine = false;
    std::unique_ptr<auth::SecretStorage> m_storage;
    auth::SecretStore *m_secrets = nullptr; // one of m_storage's
    std::unique_ptr<client::Workspace> m_workspace;
    client::Service *m_service = nullptr; // the workspace's
    std::unique_ptr<project::ProjectStore> m_projects;
    std::unique_ptr<project::ProjectKeeper> m_keeper;
    QPointer<agent::ChatTurn> m_turn;
    QPointer<render::Exporter> m_exporter;
    QList<QPointer<net::ServiceJob>> m_jobs;
    QString m_storageWarning;
};

} // namespace nemo::cli
