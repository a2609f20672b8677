// libFuzzer: one SSE data payload through the agent event decoder (ADK and simplified forms).
#include "agent/agentevent.h"
#include "agent/agenteventdecoder.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace nemo;
    net::SseEvent event;
    event.data = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
    event.hasData = true;
    QList<agent::AgentEvent> decoded;
    agent::AgentEventDecoder::decode(event, decoded);
    for (const agent::AgentEvent &e : std::as_const(decoded)) {
        if (e.kind == agent::AgentEvent::Kind::ToolCall)
            (void)agent::AgentEventDecoder::toolStatus(e.toolName);
    }
    return 0;
}
