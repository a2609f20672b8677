#pragma once

#include "net/attribution.h"
#include "net/serviceconfig.h"

#include <QNetworkRequest>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace nemo::net {

// The one place where requests are built: base URL, bearer token, the three attribution headers
// on every request, and the rule that plain http is for loopback only.
class Transport : public QObject
{
    Q_OBJECT
public:
    explicit Transport(QObject *parent = nullptr);

    QNetworkAccessManager *network() const { return m_network; }

    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setProfile(const AttributionProfile &profile) { m_profile = profile; }
    AttributionProfile profile() const { return m_profile; }
    void setBearerToken(const QString &token) { m_token = token; }
    bool hasBearerToken() const { return !m_token.isEmpty(); }
    void setInactivityTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    // Every request goes through this proxy from now on.
    void setProxy(const ProxySettings &proxy, const QString &password = QString());

    QUrl endpoint(const QString &path) const;
    // A request to the service: attribution always, the token when withToken.
    QNetworkRequest request(const QString &path, bool withToken = true) const;
    // A request for an absolute URL the service handed out (render output). Credentials only go to
    // the service's own origin, never to a CDN.
    QNetworkRequest requestFor(const QUrl &url) const;
    bool isServiceOrigin(const QUrl &url) const;
    // Resolves a URL from the service (possibly relative) against the base URL.
    QUrl resolve(const QString &urlFromService) const;

    static QByteArray userAgent();

private:
    void decorate(QNetworkRequest &request, bool withToken) const;

    QNetworkAccessManager *m_network = nullptr;
    QUrl m_baseUrl;
    AttributionProfile m_profile = AttributionProfile::defaultProfile();
    QString m_token;
    int m_timeoutMs = 120000;
};

} // namespace nemo::net
