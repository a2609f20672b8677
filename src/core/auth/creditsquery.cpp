#include "auth/creditsquery.h"

#include "net/connection.h"
#include "net/serviceconfig.h"

namespace nemo::auth {

CreditsQuery::CreditsQuery(net::Connection *connection, QObject *parent)
    : net::ApiCall(connection, Needs::Token, "GET", QStringLiteral("/api/credits/balance/simple"),
                   QJsonObject(), parent)
{ }

void CreditsQuery::handle(const net::ApiResult &result)
{
    if (!result.data.contains(QLatin1String("available"))) {
        complete(net::ApiError(net::ApiError::Kind::BadResponse));
        return;
    }
    m_credits = Credits::fromJson(result.data);
    complete();
}

} // namespace nemo::auth
