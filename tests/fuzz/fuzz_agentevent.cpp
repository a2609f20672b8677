// libFuzzer: one SSE data payload through the agent event decoder (ADK and simplified forms).
#include "agentevent.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace nemo::core;
    SseEvent event;
    event.data = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
    event.hasData = true;
    QList<AgentEvent> decoded;
    AgentEventDecoder::decode(event, decoded);
    for (const AgentEvent &e : std::as_const(decoded)) {
        if (e.kind == AgentEvent::Kind::ToolCall)
            (void)AgentEventDecoder::toolStatus(e.toolName);
    }
    return 0;
}
