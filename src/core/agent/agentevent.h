#pragma once

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

} // namespace nemo::agent
