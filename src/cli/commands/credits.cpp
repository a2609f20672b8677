#include "auth/creditsquery.h"
#include "cliapplication.h"
#include "exitcodes.h"

namespace nemo::cli {

using namespace nemo;

void CliApplication::credits()
{
    auth::CreditsQuery *query = m_service->fetchCredits(this);
    m_jobs.append(query);
    connect(query, &net::ServiceJob::finished, this, [this, query] {
        if (query->error()) {
            fail(query->error());
            return;
        }
        const auth::Credits c = query->credits();
        if (m_json)
            printJson({{QStringLiteral("available"), double(c.available)},
                       {QStringLiteral("frozen"), double(c.frozen)},
                       {QStringLiteral("total"), double(c.total)}});
        else
            m_out << describeCredits(c) << '.' << Qt::endl;
        finish(Ok);
    });
}

} // namespace nemo::cli
