#include "auth/claimtokenquery.h"

#include "net/connection.h"
#include "net/serviceconfig.h"

namespace nemo::auth {

namespace {

// Claim tokens are short opaque words; anything else is not put into a link.
bool plausibleClaimToken(const QString &token)
{
    if (token.isEmpty() || token.size() > 512)
        return false;
    for (const QChar c : token) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('_') && c != QLatin1Char('-') &&
            c != QLatin1Char('.') && c != QLatin1Char('~'))
            return false;
    }
    return true;
}

} // namespace

ClaimTokenQuery::ClaimTokenQuery(net::Connection *connection, QObject *parent)
    : net::ApiCall(connection, Needs::Session, "POST", QStringLiteral("/api/auth/claim-token"), QJsonObject(),
                   parent)
{ }

void ClaimTokenQuery::send()
{
    // After a replaced session (1002) the claim is for the new one.
    setBody({{QStringLiteral("task_id"), connection()->taskId()},
             {QStringLiteral("session_id"), connection()->sessionId()}});
    net::ApiCall::send();
}

void ClaimTokenQuery::handle(const net::ApiResult &result)
{
    const QString token = result.data.value(QLatin1String("claim_token")).toString().trimmed();
    if (!plausibleClaimToken(token)) {
        complete(net::ApiError(net::ApiError::Kind::BadResponse));
        return;
    }
    m_claimToken = token;
    complete();
}

QUrl ClaimTokenQuery::webUrl() const
{
    return m_claimToken.isEmpty() ? QUrl() : webUrlFor(m_claimToken);
}

QUrl ClaimTokenQuery::webUrlFor(const QString &claimToken)
{
    return net::ServiceConfig::webAppUrl(QStringLiteral("/workspace/claim"), QStringLiteral("ct"),
                                         claimToken);
}

} // namespace nemo::auth
