// libFuzzer: the SSE parser fed arbitrary bytes, split at arbitrary places, and the events decoded.
#include "agent/agentevent.h"
#include "agent/agenteventdecoder.h"
#include "net/sseparser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace nemo;
    if (size == 0)
        return 0;
    // The first byte chooses how the stream is cut into reads.
    const size_t piece = 1 + data[0] % 64;
    net::SseParser parser;
    parser.setMaxEventBytes(4096);
    QList<net::SseEvent> events;
    QList<agent::AgentEvent> decoded;
    const char *bytes = reinterpret_cast<const char *>(data + 1);
    const size_t length = size - 1;
    for (size_t offset = 0; offset < length; offset += piece) {
        parser.feed(QByteArrayView(bytes + offset, qsizetype(qMin(piece, length - offset))), events);
        for (const net::SseEvent &event : std::as_const(events))
            agent::AgentEventDecoder::decode(event, decoded);
        events.clear();
        decoded.clear();
    }
    parser.finish(events);
    for (const net::SseEvent &event : std::as_const(events))
        agent::AgentEventDecoder::decode(event, decoded);
    return 0;
}
