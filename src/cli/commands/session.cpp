#include "agent/session.h"

#include "cliapplication.h"
#include "exitcodes.h"
#include "net/transport.h"

namespace nemo::cli {

using namespace nemo;

void CliApplication::addSessionOptions(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("new"), tr("Start a new session (the timeline starts empty).")});
}

void CliApplication::session()
{
    auto show = [this] {
        const agent::SessionInfo info = m_service->session()->info();
        if (m_json)
            printJson(info.toJson());
        else
            m_out << tr("Session %1 (language %2) on %3.")
                         .arg(info.sessionId, info.language, m_service->transport()->baseUrl().toString())
                  << Qt::endl;
        finish(Ok);
    };
    if (m_parser.isSet(QStringLiteral("new")))
        m_service->session()->clear();
    m_service->session()->ensure(this, [this, show](const net::ApiError &error) {
        if (error) {
            fail(error);
            return;
        }
        show();
    });
}

} // namespace nemo::cli
