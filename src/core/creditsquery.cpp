#include "creditsquery.h"

#include "service.h"

namespace nemo::core {

CreditsQuery::CreditsQuery(Service *service, QObject *parent)
    : ApiCall(service, Needs::Token, "GET", QStringLiteral("/api/credits/balance/simple"), QJsonObject(),
              parent)
{ }

void CreditsQuery::handle(const ApiResult &result)
{
    if (!result.data.contains(QLatin1String("available"))) {
        complete(ApiError(ApiError::Kind::BadResponse));
        return;
    }
    m_credits = Credits::fromJson(result.data);
    service()->noteCredits(m_credits);
    complete();
}

} // namespace nemo::core
