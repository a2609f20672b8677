#include "statequery.h"

#include "connection.h"
#include "serviceconfig.h"

namespace nemo::core {

StateQuery::StateQuery(Connection *connection, QObject *parent)
    : ApiCall(connection, Needs::Session, "GET", QStringLiteral("/api/state/nemo_agent/me/{session}/latest"),
              QJsonObject(), parent)
{ }

void StateQuery::handle(const ApiResult &result)
{
    m_state = ProjectState::fromJson(result.data);
    complete();
}

} // namespace nemo::core
