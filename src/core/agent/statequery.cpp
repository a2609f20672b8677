#include "agent/statequery.h"

#include "net/connection.h"
#include "net/serviceconfig.h"

namespace nemo::agent {

StateQuery::StateQuery(net::Connection *connection, QObject *parent)
    : net::ApiCall(connection, Needs::Session, "GET",
                   QStringLiteral("/api/state/nemo_agent/me/{session}/latest"), QJsonObject(), parent)
{
    // The state (and its draft, which can be large) is read once, straight from the answer's bytes.
    readDataWith(readerInto(&m_state));
}

net::Envelope::DataReader StateQuery::readerInto(ProjectState *state)
{
    return [state](net::json::Value &data) { return ProjectState::read(data, state); };
}

void StateQuery::handle(const net::ApiResult &result)
{
    Q_UNUSED(result)
    complete();
}

} // namespace nemo::agent
