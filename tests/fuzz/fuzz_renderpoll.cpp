// libFuzzer: render poll answers (both shapes, and anything else) through the status decoder.
#include "net/envelope.h"
#include "render/renderjob.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace nemo;
    const net::ApiResult result =
        net::Envelope::decode(200, QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    const render::RenderStatus status = render::RenderStatus::fromJson(result.body);
    (void)render::RenderStatus::stateName(status.state);
    return 0;
}
