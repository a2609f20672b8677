#include "net/transport.h"

#include "util/logging.h"
#include "util/nemoversion.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSysInfo>

namespace nemo::net {

Transport::Transport(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    m_network->setAutoDeleteReplies(false);
}

namespace {

// The system's proxy configuration, asked for each request (PAC files, per-host exceptions).
class SystemProxyFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        // This computer is never reached through a proxy.
        if (ServiceConfig::isLoopback(query.peerHostName()))
            return {QNetworkProxy(QNetworkProxy::NoProxy)};
        return systemProxyForQuery(query);
    }
};

} // namespace

void Transport::setProxy(const ProxySettings &proxy, const QString &password)
{
    switch (proxy.mode) {
    case ProxySettings::Mode::System:
        m_network->setProxyFactory(new SystemProxyFactory); // the manager owns it
        break;
    case ProxySettings::Mode::None:
        m_network->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        break;
    case ProxySettings::Mode::Http:
    case ProxySettings::Mode::Socks5:
        m_network->setProxy(QNetworkProxy(
            proxy.mode == ProxySettings::Mode::Http ? QNetworkProxy::HttpProxy : QNetworkProxy::Socks5Proxy,
            proxy.host, proxy.port, proxy.user, password));
        break;
    }
    // Connections made through the previous proxy must not be reused.
    m_network->clearConnectionCache();
}

QByteArray Transport::userAgent()
{
    return QByteArrayLiteral("NemoStudio/" NEMO_VERSION_STRING " (") + QSysInfo::productType().toLatin1() +
        ')';
}

QUrl Transport::endpoint(const QString &path) const
{
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(basePath + (query < 0 ? path : path.left(query)));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    return url;
}

void Transport::decorate(QNetworkRequest &request, bool withToken) const
{
    request.setRawHeader("X-Skill-Source", m_profile.source.toUtf8());
    request.setRawHeader("X-Skill-Version", m_profile.version.toUtf8());
    request.setRawHeader("X-Skill-Platform", m_profile.platform.toUtf8());
    if (withToken && !m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
}

QNetworkRequest Transport::request(const QString &path, bool withToken) const
{
    QNetworkRequest request(endpoint(path));
    qCDebug(lcNemoNet, "request %s", qUtf8Printable(endpoint(path).path()));
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_timeoutMs);
    decorate(request, withToken);
    return request;
}

bool Transport::isServiceOrigin(const QUrl &url) const
{
    return url.scheme() == m_baseUrl.scheme() &&
        url.host().compare(m_baseUrl.host(), Qt::CaseInsensitive) == 0 &&
        url.port(url.scheme() == QLatin1String("https") ? 443 : 80) ==
        m_baseUrl.port(m_baseUrl.scheme() == QLatin1String("https") ? 443 : 80);
}

QNetworkRequest Transport::requestFor(const QUrl &url) const
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setTransferTimeout(m_timeoutMs);
    if (isServiceOrigin(url))
        decorate(request, true);
    return request;
}

QUrl Transport::resolve(const QString &urlFromService) const
{
    const QUrl url(urlFromService.trimmed(), QUrl::StrictMode);
    if (url.isRelative())
        return m_baseUrl.resolved(url);
    return url;
}

} // namespace nemo::net
