#include "authenticator.h"
#include "cliapplication.h"
#include "clistate.h"
#include "exitcodes.h"

namespace nemo::cli {

using namespace nemo::core;

void CliApplication::logout()
{
    m_service->auth()->signOut(this, [this](const ApiError &error) {
        m_state->setSession(SessionInfo());
        m_state->setPendingRender(QString());
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
