#include "service.h"

#include "apicall.h"
#include "authenticator.h"
#include "chatturn.h"
#include "claimtokenquery.h"
#include "creditsquery.h"
#include "downloadjob.h"
#include "renderjob.h"
#include "secretstore.h"
#include "session.h"
#include "statequery.h"
#include "transport.h"
#include "uploadjob.h"

#include <utility>

namespace nemo::core {

Service::Service(const ServiceConfig &config, SecretStore *secrets, QObject *parent)
    : Connection(parent)
    , m_config(config)
    , m_secrets(secrets)
    , m_transport(new Transport(this))
{
    m_transport->setBaseUrl(config.baseUrl);
    m_transport->setProfile(config.profile);
    m_transport->setInactivityTimeout(int(config.inactivityTimeout.count()));
    applyProxy();
    m_auth = new Authenticator(this, secrets);
    m_session = new Session(this);
    connect(m_session, &Session::changed, this, [this](const SessionInfo &info) {
        if (m_state && m_state->sessionId != info.sessionId)
            m_state.reset();
    });
}

Service::~Service() = default;

void Service::applyProxy()
{
    const ProxySettings proxy = m_config.proxy;
    m_transport->setProxy(proxy);
    if (!proxy.isManual() || proxy.user.isEmpty())
        return;
    // The password is in the secret store; requests made before it is read go without (the store
    // answers in order, before the sign-in that every request waits for).
    m_secrets->read(ProxySettings::passwordKey(), this, [this, proxy](const SecretResult &result) {
        if (result.ok && !result.notFound && m_config.proxy == proxy)
            m_transport->setProxy(proxy, result.value);
    });
}

void Service::setSecrets(SecretStore *secrets)
{
    if (!secrets || secrets == m_secrets)
        return;
    SecretStore *previous = std::exchange(m_secrets, secrets);
    m_auth->setSecrets(secrets);
    m_auth->saveAgain();
    // The proxy password moves along with the sign-in.
    if (m_config.proxy.isManual() && !m_config.proxy.user.isEmpty()) {
        previous->read(ProxySettings::passwordKey(), this, [this, secrets](const SecretResult &result) {
            if (result.ok && !result.notFound && m_secrets == secrets)
                secrets->write(ProxySettings::passwordKey(), result.value, this, [](const SecretResult &) {});
        });
    }
}

void Service::setConfig(const ServiceConfig &config)
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
        m_auth->renew(m_auth->generation(), this, [](const ApiError &) {});
    }
}

CreditsQuery *Service::fetchCredits(QObject *parent)
{
    auto *query = new CreditsQuery(this, parent);
    connect(query, &ServiceJob::finished, this, [this, query] {
        if (!query->error())
            noteCredits(query->credits());
    });
    return ServiceJob::started(query);
}

ApiCall *Service::cancelRender(const QString &jobId, QObject *parent)
{
    return RenderJob::cancel(this, jobId, parent);
}

ClaimTokenQuery *Service::claimWebLink(QObject *parent)
{
    return ServiceJob::started(new ClaimTokenQuery(this, parent));
}

StateQuery *Service::fetchState(QObject *parent)
{
    auto *query = new StateQuery(this, parent);
    connect(query, &ServiceJob::finished, this, [this, query] {
        if (!query->error())
            noteState(query->state());
    });
    return ServiceJob::started(query);
}

UploadJob *Service::upload(const QStringList &paths, QObject *parent)
{
    return ServiceJob::started(new UploadJob(this, paths, parent));
}

UploadJob *Service::uploadUrls(const QList<QUrl> &urls, QObject *parent)
{
    return ServiceJob::started(new UploadJob(this, urls, parent));
}

ChatTurn *Service::sendMessage(const QString &message, QObject *parent)
{
    auto *turn = new ChatTurn(this, message, lastState(), parent);
    connect(turn, &ChatTurn::stateRead, this, &Service::noteState);
    return ServiceJob::started(turn);
}

RenderJob *Service::startRender(const Draft &draft, const RenderOptions &options, QObject *parent)
{
    return ServiceJob::started(new RenderJob(this, draft, options, parent));
}

RenderJob *Service::resumeRender(const QString &jobId, QObject *parent)
{
    return ServiceJob::started(new RenderJob(this, jobId, parent));
}

DownloadJob *Service::download(const QUrl &url, const QUrl &fallbackUrl, const QString &targetPath,
                               qint64 expectedSize, QObject *parent)
{
    return ServiceJob::started(new DownloadJob(this, url, fallbackUrl, targetPath, expectedSize, parent));
}

std::optional<ProjectState> Service::lastState() const
{
    return m_state;
}

void Service::noteState(const ProjectState &state)
{
    m_state = state;
    emit stateChanged(state);
}

void Service::noteCredits(const Credits &credits)
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

} // namespace nemo::core
