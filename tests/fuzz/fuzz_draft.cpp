// libFuzzer: drafts through the tolerant decoder, the summary and the diff.
#include "draft/draftdiff.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace nemo;
    const draft::Draft draft =
        draft::Draft::fromBytes(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    (void)draft.summary();
    (void)draft.isExportable();
    static const draft::Draft reference = draft::Draft::fromBytes(
        "{\"d\":10000,\"t\":[{\"tt\":0,\"n\":\"Video\",\"sg\":[{\"id\":\"v1\",\"st\":0,\"d\":10000}]},"
        "{\"tt\":1,\"sg\":[{\"id\":\"a\",\"st\":0,\"d\":10000,\"m\":{\"volume\":0.35}}]}]}");
    (void)draft::DraftDiff::between(reference, draft).describe();
    (void)draft::DraftDiff::between(draft, reference).describe();
    return 0;
}
