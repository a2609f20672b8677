#include "agent/session.h"
#include "auth/authenticator.h"
#include "cliapplication.h"
#include "exitcodes.h"
#include "project/projectkeeper.h"

namespace nemo::cli {

using namespace nemo;

void CliApplication::logout()
{
    m_service->auth()->signOut(this, [this](const net::ApiError &error) {
        // The new identity cannot use the old one's session or fetch its export.
        m_service->session()->clear();
        if (const QString pending = m_keeper->pendingRender(); !pending.isEmpty())
            m_keeper->noteRender(pending, project::RenderRecord::State::Cancelled);
        if (error) {
            fail(error);
            return;
        }
        if (m_json)
            printJson({{QStringLiteral("signed_out"), true}});
        else
            m_out << tr("Signed out. The next command signs in again with a new free account.") << Qt::endl;
        finish(Ok);
    });
}

} // namespace nemo::cli
