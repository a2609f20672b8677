#pragma once

#include "agent/agentevent.h"
#include "net/sseevent.h"

#include <QCoreApplication>
#include <QList>

namespace nemo::agent {

// Turns a server-sent event into what it means for the user. Both forms of the contract: the ADK
// Event ({"content":{"parts":[…]},"partial":…}) and the simplified one ({"type":"text",…}).
// Comments, empty data and {"type":"heartbeat"} are heartbeats; {"error":…} is a failed turn.
class AgentEventDecoder
{
    Q_DECLARE_TR_FUNCTIONS(nemo::agent::AgentEventDecoder)
public:
    static void decode(const net::SseEvent &sse, QList<AgentEvent> &out);
    // What a status line says while a tool runs ("editing the timeline").
    static QString toolStatus(const QString &toolName);
};

} // namespace nemo::agent
