#pragma once

#include <QByteArray>

namespace nemo::net {

// One event of a text/event-stream, as SseParser hands it on.
struct SseEvent
{
    enum class Type
    {
        Message,
        Comment
    };
    Type type = Type::Message;
    QByteArray data;      // data lines joined with "\n"
    QByteArray event;     // the `event:` field
    QByteArray id;        // the last event id seen
    int retryMs = -1;     // a `retry:` field in this event, if any
    bool hasData = false; // a data field was present (even an empty one)
};

} // namespace nemo::net
