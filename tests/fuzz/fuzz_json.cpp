// libFuzzer: the differential check of our JSON reader (simdjson On-Demand) against QJsonDocument
// (tests/support/jsondifferential.h); any difference aborts with what differs.
#include "jsondifferential.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString difference =
        nemo::test::jsonDifference(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!difference.isEmpty()) {
        std::fprintf(stderr, "JSON readers differ: %s\n", qPrintable(difference));
        std::abort();
    }
    return 0;
}
