#include "agent/session.h"
#include "auth/authenticator.h"
#include "auth/creditsquery.h"
#include "cliapplication.h"
#include "exitcodes.h"
#include "net/transport.h"

namespace nemo::cli {

using namespace nemo;

void CliApplication::login()
{
    m_service->session()->ensure(this, [this](const net::ApiError &error) {
        if (error) {
            fail(error);
            return;
        }
        auth::CreditsQuery *query = m_service->fetchCredits(this);
        connect(query, &net::ServiceJob::finished, this, [this, query] {
            auth::Authenticator *auth = m_service->auth();
            const agent::SessionInfo info = m_service->session()->info();
            const bool anonymous = auth->source() != auth::Authenticator::Source::Environment &&
                auth->userId().startsWith(QLatin1String("anon_"));
            if (m_json) {
                QJsonObject body{
                    {QStringLiteral("user_id"), auth->userId().isEmpty() ? info.userId : auth->userId()},
                    {QStringLiteral("anonymous"), anonymous},
                    {QStringLiteral("days_left"), auth->daysLeft()},
                    {QStringLiteral("session_id"), info.sessionId},
                    {QStringLiteral("server"), m_service->transport()->baseUrl().toString()}};
                if (!query->error())
                    body.insert(QStringLiteral("credits"), double(query->credits().available));
                printJson(body);
            } else {
                const QString who = auth->userId().isEmpty() ? info.userId : auth->userId();
                m_out << tr("Signed in as %1").arg(who.isEmpty() ? tr("the account of NEMO_TOKEN") : who);
                if (anonymous)
                    m_out << tr(" (free anonymous account)");
                if (auth->daysLeft() >= 0)
                    m_out << tr(", %n day(s) left on the sign-in", nullptr, auth->daysLeft());
                m_out << '.' << Qt::endl;
                m_out << tr("Session %1 on %2.")
                             .arg(info.sessionId, m_service->transport()->baseUrl().toString())
                      << Qt::endl;
                if (!query->error())
                    m_out << describeCredits(query->credits()) << '.' << Qt::endl;
            }
            finish(query->error() ? exitCodeFor(query->error()) : Ok);
        });
    });
}

} // namespace nemo::cli
