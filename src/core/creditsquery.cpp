#include "creditsquery.h"

#include "connection.h"
#include "serviceconfig.h"

namespace nemo::core {

CreditsQuery::CreditsQuery(Connection *connection, QObject *parent)
    : ApiCall(connection, Needs::Token, "GET", QStringLiteral("/api/credits/balance/simple"), QJsonObject(),
              parent)
{ }

void CreditsQuery::handle(const ApiResult &result)
{
    if (!result.data.contains(QLatin1String("available"))) {
        complete(ApiError(ApiError::Kind::BadResponse));
        return;
    }
    m_credits = Credits::fromJson(result.data);
    complete();
}

} // namespace nemo::core
