#pragma once

#include "agent/projectstate.h"
#include "auth/credits.h"
#include "net/connection.h"
#include "net/serviceconfig.h"

#include <QObject>

#include <optional>

namespace nemo::net {
class ApiCall;
class DownloadJob;
class Transport;
} // namespace nemo::net

namespace nemo::auth {
class Authenticator;
class ClaimTokenQuery;
class CreditsQuery;
class SecretStore;
} // namespace nemo::auth

namespace nemo::media {
class UploadJob;
} // namespace nemo::media

namespace nemo::agent {
class ChatTurn;
class Session;
class StateQuery;
} // namespace nemo::agent

namespace nemo::render {
class RenderJob;
struct RenderOptions;
} // namespace nemo::render

namespace nemo::client {

// The client of the NemoVideo service that the app, the CLI and the tests share: configuration,
// transport, token and session, and a factory for each operation. Jobs it returns are already
// started (they run from the next event-loop turn) and delete themselves after finished().
class Service : public net::Connection
{
    Q_OBJECT
public:
    Service(const net::ServiceConfig &config, auth::SecretStore *secrets, QObject *parent = nullptr);
    ~Service() override;

    const net::ServiceConfig &config() const override { return m_config; }
    // Applies a new configuration; moving to another server forgets the session and token in use.
    void setConfig(const net::ServiceConfig &config);

    net::Transport *transport() const override { return m_transport; }
    auth::Authenticator *auth() const { return m_auth; }
    agent::Session *session() const { return m_session; }
    auth::SecretStore *secrets() const { return m_secrets; }
    // Moves the sign-in to another store (the user chose where it is kept); the current one is saved there.
    void setSecrets(auth::SecretStore *secrets);

    auth::CreditsQuery *fetchCredits(QObject *parent = nullptr);
    agent::StateQuery *fetchState(QObject *parent = nullptr);
    media::UploadJob *upload(const QStringList &paths, QObject *parent = nullptr);
    media::UploadJob *uploadUrls(const QList<QUrl> &urls, QObject *parent = nullptr);
    agent::ChatTurn *sendMessage(const QString &message, QObject *parent = nullptr);
    render::RenderJob *startRender(const draft::Draft &draft, const render::RenderOptions &options,
                                   QObject *parent = nullptr);
    render::RenderJob *resumeRender(const QString &jobId, QObject *parent = nullptr);
    // POST …/lambda/<id>/cancel. 404/405 mean the service cannot cancel: the job finishes on its own.
    net::ApiCall *cancelRender(const QString &jobId, QObject *parent = nullptr);
    // A claim token for the current task and session, for opening the project in the web app.
    auth::ClaimTokenQuery *claimWebLink(QObject *parent = nullptr);
    net::DownloadJob *download(const QUrl &url, const QUrl &fallbackUrl, const QString &targetPath,
                               qint64 expectedSize, QObject *parent = nullptr);

    // What the service last reported for the session in use, if anything.
    std::optional<agent::ProjectState> lastState() const;
    std::optional<auth::Credits> lastCredits() const { return m_credits; }

    void noteState(const agent::ProjectState &state);
    void noteCredits(const auth::Credits &credits);

    void ensureToken(QObject *context, Callback done) override;
    int tokenGeneration() const override;
    void renewToken(int generation, QObject *context, Callback done) override;
    QString userId() const override;
    QString sessionId() const override;
    QString taskId() const override;
    void ensureSession(QObject *context, Callback done) override;
    void replaceSession(const QString &failedSessionId, QObject *context, Callback done) override;

signals:
    void stateChanged(const nemo::agent::ProjectState &state);
    void creditsChanged(const nemo::auth::Credits &credits);

private:
    void applyProxy();

    net::ServiceConfig m_config;
    auth::SecretStore *m_secrets;
    net::Transport *m_transport;
    auth::Authenticator *m_auth;
    agent::Session *m_session;
    std::optional<agent::ProjectState> m_state;
    std::optional<auth::Credits> m_credits;
};

} // namespace nemo::client
