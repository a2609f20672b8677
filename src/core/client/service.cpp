#include "client/service.h"

#include "agent/chatturn.h"
#include "agent/session.h"
#include "agent/statequery.h"
#include "auth/authenticator.h"
#include "auth/claimtokenquery.h"
#include "auth/creditsquery.h"
#include "auth/secretstore.h"
#include "media/uploadjob.h"
#include "net/apicall.h"
#include "net/downloadjob.h"
#include "net/transport.h"
#include "render/renderjob.h"

#include <utility>

namespace nemo::client {

Service::Service(const net::ServiceConfig &config, auth::SecretStore *secrets, QObject *parent)
    : net::Connection(parent)
    , m_config(config)
    , m_secrets(secrets)
    , m_transport(new net::Transport(this))
{
    m_transport->setBaseUrl(config.baseUrl);
    m_transport->setProfile(config.profile);
    m_transport->setInactivityTimeout(int(config.inactivityTimeout.count()));
    applyProxy();
    m_auth = new auth::Authenticator(this, secrets);
    m_session = new agent::Session(this);
    connect(m_session, &agent::Session::changed, this, [this](const agent::SessionInfo &info) {
        if (m_state && m_state->sessionId != info.sessionId)
            m_state.reset();
    });
}

Service::~Service() = default;

void Service::applyProxy()
{
    const net::ProxySettings proxy = m_config.proxy;
    m_transport->setProxy(proxy);
    if (!proxy.isManual() || proxy.user.isEmpty())
        return;
    // The password is in the secret store; requests made before it is read go without (the store
    // answers in order, before the sign-in that every request waits for).
    m_secrets->read(net::ProxySettings::passwordKey(), this, [this, proxy](const auth::SecretResult &result) {
        if (result.ok && !result.notFound && m_config.proxy == proxy)
            m_transport->setProxy(proxy, result.value);
    });
}

void Service::setSecrets(auth::SecretStore *secrets)
{
    if (!secrets || secrets == m_secrets)
        return;
    auth::SecretStore *previous = std::exchange(m_secrets, secrets);
    m_auth->setSecrets(secrets);
    m_auth->saveAgain();
    // The proxy password moves along with the sign-in.
    if (m_config.proxy.isManual() && !m_config.proxy.user.isEmpty()) {
        previous->read(net::ProxySettings::passwordKey(), this,
                       [this, secrets](const auth::SecretResult &result) {
                           if (result.ok && !result.notFound && m_secrets == secrets)
                               secrets->write(net::ProxySettings::passwordKey(), result.value, this,
                                              [](const auth::SecretResult &) {});
                       });
    }
}

void Service::setConfig(const net::ServiceConfig &config)
{
    const bool otherServer = config.baseUrl != m_config.baseUrl;
    m_config = config;
    m_transport->setBaseUrl(config.baseUrl);
    m_transport->setProfile(config.profile);
    m_transport->setInactivityTimeout(int(config.inactivityTimeout.count()));
    applyProxy();
    if (otherServer) {
        m_session->clear();
        m_state.reset();
        m_credits.reset();
        m_auth->renew(m_auth->generation(), this, [](const net::ApiError &) {});
    }
}

auth::CreditsQuery *Service::fetchCredits(QObject *parent)
{
    auto *query = new auth::CreditsQuery(this, parent);
    connect(query, &net::ServiceJob::finished, this, [this, query] {
        if (!query->error())
            noteCredits(query->credits());
    });
    return net::ServiceJob::started(query);
}

net::ApiCall *Service::cancelRender(const QString &jobId, QObject *parent)
{
    return render::RenderJob::cancel(this, jobId, parent);
}

auth::ClaimTokenQuery *Service::claimWebLink(QObject *parent)
{
    return net::ServiceJob::started(new auth::ClaimTokenQuery(this, parent));
}

agent::StateQuery *Service::fetchState(QObject *parent)
{
    auto *query = new agent::StateQuery(this, parent);
    connect(query, &net::ServiceJob::finished, this, [this, query] {
        if (!query->error())
            noteState(query->state());
    });
    return net::ServiceJob::started(query);
}

media::UploadJob *Service::upload(const QStringList &paths, QObject *parent)
{
    return net::ServiceJob::started(new media::UploadJob(this, paths, parent));
}

media::UploadJob *Service::uploadUrls(const QList<QUrl> &urls, QObject *parent)
{
    return net::ServiceJob::started(new media::UploadJob(this, urls, parent));
}

agent::ChatTurn *Service::sendMessage(const QString &message, QObject *parent)
{
    auto *turn = new agent::ChatTurn(this, message, lastState(), parent);
    connect(turn, &agent::ChatTurn::stateRead, this, &Service::noteState);
    return net::ServiceJob::started(turn);
}

render::RenderJob *Service::startRender(const draft::Draft &draft, const render::RenderOptions &options,
                                        QObject *parent)
{
    return net::ServiceJob::started(new render::RenderJob(this, draft, options, parent));
}

render::RenderJob *Service::resumeRender(const QString &jobId, QObject *parent)
{
    return net::ServiceJob::started(new render::RenderJob(this, jobId, parent));
}

net::DownloadJob *Service::download(const QUrl &url, const QUrl &fallbackUrl, const QString &targetPath,
                                    qint64 expectedSize, QObject *parent)
{
    return net::ServiceJob::started(
        new net::DownloadJob(this, url, fallbackUrl, targetPath, expectedSize, parent));
}

std::optional<agent::ProjectState> Service::lastState() const
{
    return m_state;
}

void Service::noteState(const agent::ProjectState &state)
{
    m_state = state;
    emit stateChanged(state);
}

void Service::noteCredits(const auth::Credits &credits)
{
    m_credits = credits;
    emit creditsChanged(credits);
}

void Service::ensureToken(QObject *context, Callback done)
{
    m_auth->ensure(context, std::move(done));
}

int Service::tokenGeneration() const
{
    return m_auth->generation();
}

void Service::renewToken(int generation, QObject *context, Callback done)
{
    m_auth->renew(generation, context, std::move(done));
}

QString Service::userId() const
{
    return m_auth->userId();
}

QString Service::sessionId() const
{
    return m_session->info().sessionId;
}

QString Service::taskId() const
{
    return m_session->info().taskId;
}

void Service::ensureSession(QObject *context, Callback done)
{
    m_session->ensure(context, std::move(done));
}

void Service::replaceSession(const QString &failedSessionId, QObject *context, Callback done)
{
    m_session->replace(failedSessionId, context, std::move(done));
}

} // namespace nemo::client
