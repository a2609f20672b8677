#include "statequery.h"

#include "service.h"

namespace nemo::core {

StateQuery::StateQuery(Service *service, QObject *parent)
    : ApiCall(service, Needs::Session, "GET", QStringLiteral("/api/state/nemo_agent/me/{session}/latest"),
              QJsonObject(), parent)
{ }

void StateQuery::handle(const ApiResult &result)
{
    m_state = ProjectState::fromJson(result.data);
    service()->noteState(m_state);
    complete();
}

} // namespace nemo::core
