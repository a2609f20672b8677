#include "service.h"

#include "authenticator.h"
#include "chatturn.h"
#include "downloadjob.h"
#include "renderjob.h"
#include "secretstore.h"
#include "session.h"
#include "transport.h"
#include "uploadjob.h"

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
    m_auth = new Authenticator(this);
    m_session = new Session(this);
    connect(m_session, &Session::changed, this, [this](const SessionInfo &info) {
        if (m_state && m_state->sessionId != info.sessionId)
            m_state.reset();
    });
}

Service::~Service() = default;

void Service::setSecrets(SecretStore *secrets)
{
    if (!secrets || secrets == m_secrets)
        return;
    m_secrets = secrets;
    m_auth->saveAgain();
}

void Service::setConfig(const ServiceConfig &config)
{
    const bool otherServer = config.baseUrl != m_config.baseUrl;
    m_config = config;
    m_transport->setBaseUrl(config.baseUrl);
    m_transport->setProfile(config.profile);
    m_transport->setInactivityTimeout(int(config.inactivityTimeout.count()));
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
