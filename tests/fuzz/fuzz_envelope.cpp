// libFuzzer: service answers through the envelope/error decoder, with any HTTP status.
#include "net/envelope.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace nemo;
    if (size < 2)
        return 0;
    const int status = 100 + (data[0] << 8 | data[1]) % 500;
    const net::ApiResult result = net::Envelope::decode(
        status, QByteArray(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2)));
    (void)result.error.message();
    (void)result.error.title();
    (void)result.error.actionUrl();
    return 0;
}
