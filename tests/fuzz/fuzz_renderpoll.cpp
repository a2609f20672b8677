// libFuzzer: render poll answers (both shapes, and anything else) through the status decoder.
#include "envelope.h"
#include "renderjob.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace nemo::core;
    const ApiResult result =
        Envelope::decode(200, QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    const RenderStatus status = RenderStatus::fromJson(result.body);
    (void)RenderStatus::stateName(status.state);
    return 0;
}
