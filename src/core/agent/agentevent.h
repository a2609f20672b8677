#pragma once

#include "net/sseparser.h"

#include <QCoreApplication>
#include <QString>

namespace nemo::agent {

struct AgentEvent
{
    enum class Kind
    {
        Text,
        ToolCall,
        ToolResult,
        Heartbeat,
        Error,
        Malformed,
        Ignored
    };
    Kind kind = Kind::Ignored;
    QString text;         // Text: the words; Error: the message
    bool partial = false; // an ADK chunk: its message's final event will repeat the whole text
    // (Simplified-form text is neither partial nor whole: each event is simply more text.)
    bool whole = false; // an ADK final event: the whole message
    QString toolName;
};

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
