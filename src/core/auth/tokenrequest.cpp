#include "auth/tokenrequest.h"

#include "net/connection.h"
#include "net/serviceconfig.h"
#include "net/transport.h"

#include <QNetworkAccessManager>

namespace nemo::auth {

TokenRequest::TokenRequest(net::Connection *connection, const QString &clientId, QObject *parent)
    : net::ServiceJob(connection, Needs::Nothing, parent)
    , m_clientId(clientId)
{ }

void TokenRequest::send()
{
    QNetworkRequest request =
        connection()->transport()->request(QStringLiteral("/api/auth/anonymous-token"), false);
    request.setRawHeader("X-Client-Id", m_clientId.toLatin1());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    expect(connection()->transport()->network()->post(request, QByteArray()),
           [this](const net::ApiResult &result) {
               m_token = result.data.value(QLatin1String("token")).toString();
               if (m_token.isEmpty()) {
                   complete(net::ApiError(net::ApiError::Kind::BadResponse));
                   return;
               }
               m_userId = result.data.value(QLatin1String("user_id")).toString();
               m_expiresAt = QDateTime::fromString(result.data.value(QLatin1String("expires_at")).toString(),
                                                   Qt::ISODate);
               if (!m_expiresAt.isValid())
                   m_expiresAt = QDateTime::currentDateTimeUtc().addDays(7);
               complete();
           });
}

} // namespace nemo::auth
