#include "creditsquery.h"

#include "jsonnumbers.h"
#include "service.h"

namespace nemo::core {

namespace {

qint64 number(const QJsonValue &value)
{
    return jsonInt64(value);
}

} // namespace

Credits Credits::fromJson(const QJsonObject &data)
{
    Credits credits;
    credits.available = qMax<qint64>(0, number(data.value(QLatin1String("available"))));
    credits.frozen = qMax<qint64>(0, number(data.value(QLatin1String("frozen"))));
    credits.total = data.contains(QLatin1String("total")) ? number(data.value(QLatin1String("total")))
                                                          : credits.available + credits.frozen;
    return credits;
}

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
