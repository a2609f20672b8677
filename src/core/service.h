#pragma once

#include "connection.h"
#include "credits.h"
#include "projectstate.h"
#include "serviceconfig.h"

#include <QObject>

#include <optional>

namespace nemo::core {

class ApiCall;
class Authenticator;
class ChatTurn;
class ClaimTokenQuery;
class CreditsQuery;
class DownloadJob;
class RenderJob;
class SecretStore;
class Session;
class StateQuery;
class Transport;
class UploadJob;
struct RenderOptions;

// The client of the NemoVideo service that the app, the CLI and the tests share: configuration,
// transport, token and session, and a factory for each operation. Jobs it returns are already
// started (they run from the next event-loop turn) and delete themselves after finished().
class Service : public Connection
{
    Q_OBJECT
public:
    Service(const ServiceConfig &config, SecretStore *secrets, QObject *parent = nullptr);
    ~Service() override;

    const ServiceConfig &config() const override { return m_config; }
    // Applies a new configuration; moving to another server forgets the session and token in use.
    void setConfig(const ServiceConfig &config);

    Transport *transport() const override { return m_transport; }
    Authenticator *auth() const { return m_auth; }
    Session *session() const { return m_session; }
    SecretStore *secrets() const { return m_secrets; }
    // Moves the sign-in to another store (the user chose where it is kept); the current one is saved there.
    void setSecrets(SecretStore *secrets);

    CreditsQuery *fetchCredits(QObject *parent = nullptr);
    StateQuery *fetchState(QObject *parent = nullptr);
    UploadJob *upload(const QStringList &paths, QObject *parent = nullptr);
    UploadJob *uploadUrls(const QList<QUrl> &urls, QObject *parent = nullptr);
    ChatTurn *sendMessage(const QString &message, QObject *parent = nullptr);
    RenderJob *startRender(const Draft &draft, const RenderOptions &options, QObject *parent = nullptr);
    RenderJob *resumeRender(const QString &jobId, QObject *parent = nullptr);
    // POST …/lambda/<id>/cancel. 404/405 mean the service cannot cancel: the job finishes on its own.
    ApiCall *cancelRender(const QString &jobId, QObject *parent = nullptr);
    // A claim token for the current task and session, for opening the project in the web app.
    ClaimTokenQuery *claimWebLink(QObject *parent = nullptr);
    DownloadJob *download(const QUrl &url, const QUrl &fallbackUrl, const QString &targetPath,
                          qint64 expectedSize, QObject *parent = nullptr);

    // What the service last reported for the session in use, if anything.
    std::optional<ProjectState> lastState() const;
    std::optional<Credits> lastCredits() const { return m_credits; }

    void noteState(const ProjectState &state);
    void noteCredits(const Credits &credits);

    void ensureToken(QObject *context, Callback done) override;
    int tokenGeneration() const override;
    void renewToken(int generation, QObject *context, Callback done) override;
    QString userId() const override;
    QString sessionId() const override;
    QString taskId() const override;
    void ensureSession(QObject *context, Callback done) override;
    void replaceSession(const QString &failedSessionId, QObject *context, Callback done) override;

signals:
    void stateChanged(const nemo::core::ProjectState &state);
    void creditsChanged(const nemo::core::Credits &credits);

private:
    void applyProxy();

    ServiceConfig m_config;
    SecretStore *m_secrets;
    Transport *m_transport;
    Authenticator *m_auth;
    Session *m_session;
    std::optional<ProjectState> m_state;
    std::optional<Credits> m_credits;
};

} // namespace nemo::core
