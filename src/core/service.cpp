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

namespace {

template<typename Job>
Job *started(Job *job)
{
    job->start();
    return job;
}

} // namespace

Service::Service(const ServiceConfig &config, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_secrets(secrets)
    , m_transport(new Transport(this))
{
    m_transport->setBaseUrl(config.baseUrl);
    m_transport->setProfile(config.profile);
    m_transport->setInactivityTimeout(int(config.inactivityTimeout.count()));
    applyProxy();
    m_auth = new Authenticator(this);
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
    return started(new CreditsQuery(this, parent));
}

ApiCall *Service::cancelRender(const QString &jobId, QObject *parent)
{
    const QString path = QStringLiteral("/api/render/proxy/lambda/") +
        QString::fromLatin1(QUrl::toPercentEncoding(jobId)) + QStringLiteral("/cancel");
    return started(new ApiCall(this, ApiCall::Needs::Token, "POST", path, QJsonObject(), parent));
}

ClaimTokenQuery *Service::claimWebLink(QObject *parent)
{
    return started(new ClaimTokenQuery(this, parent));
}

StateQuery *Service::fetchState(QObject *parent)
{
    return started(new StateQuery(this, parent));
}

UploadJob *Service::upload(const QStringList &paths, QObject *parent)
{
    return started(new UploadJob(this, paths, parent));
}

UploadJob *Service::uploadUrls(const QList<QUrl> &urls, QObject *parent)
{
    return started(new UploadJob(this, urls, parent));
}

ChatTurn *Service::sendMessage(const QString &message, QObject *parent)
{
    return started(new ChatTurn(this, message, parent));
}

RenderJob *Service::startRender(const Draft &draft, const RenderOptions &options, QObject *parent)
{
    return started(new RenderJob(this, draft, options, parent));
}

RenderJob *Service::resumeRender(const QString &jobId, QObject *parent)
{
    return started(new RenderJob(this, jobId, parent));
}

DownloadJob *Service::download(const QUrl &url, const QUrl &fallbackUrl, const QString &targetPath,
                               qint64 expectedSize, QObject *parent)
{
    return started(new DownloadJob(this, url, fallbackUrl, targetPath, expectedSize, parent));
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

} // namespace nemo::core
