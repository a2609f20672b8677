#include "auth/claimtokenquery.h"
#include "cliapplication.h"
#include "exitcodes.h"

#include <QProcess>

namespace nemo::cli {

using namespace nemo;

void CliApplication::addWebOptions(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("print"), tr("Only print the link; don't open the browser.")});
}

void CliApplication::web()
{
    auth::ClaimTokenQuery *query = m_service->claimWebLink(this);
    m_jobs.append(query);
    connect(query, &net::ServiceJob::finished, this, [this, query] {
        if (query->error()) {
            fail(query->error());
            return;
        }
        const QUrl url = query->webUrl();
        if (m_json)
            printJson({{QStringLiteral("url"), url.toString()}});
        else
            m_out << url.toString() << Qt::endl;
        if (!m_parser.isSet(QStringLiteral("print")) && !openInBrowser(url))
            printStatus(tr("Couldn't start a web browser; open the link above yourself."));
        finish(Ok);
    });
}
bool CliApplication::openInBrowser(const QUrl &url)
{
    // No GUI library in the CLI: the desktop's own opener does it.
#if defined(Q_OS_WIN)
    return QProcess::startDetached(QStringLiteral("rundll32"),
                                   {QStringLiteral("url.dll,FileProtocolHandler"), url.toString()});
#elif defined(Q_OS_MACOS)
    return QProcess::startDetached(QStringLiteral("open"), {url.toString()});
#else
    return QProcess::startDetached(QStringLiteral("xdg-open"), {url.toString()});
#endif
}

} // namespace nemo::cli
