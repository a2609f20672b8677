#include "cliapplication.h"
#include "creditsquery.h"
#include "exitcodes.h"

namespace nemo::cli {

using namespace nemo::core;

void CliApplication::credits()
{
    CreditsQuery *query = m_service->fetchCredits(this);
    m_jobs.append(query);
    connect(query, &ServiceJob::finished, this, [this, query] {
        if (query->error()) {
            fail(query->error());
            return;
        }
        const Credits c = query->credits();
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
