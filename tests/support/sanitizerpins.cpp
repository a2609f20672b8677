// Keeps Mesa's software GL driver and MLT's modules loaded until the process ends, in sanitizer builds
// only.
//
// Mesa unloads its DRI driver when the last GL context goes away, before LeakSanitizer runs at exit.
// The driver's own allocations are then reported from an "<unknown module>" that no suppression can
// name. Loading it once more with RTLD_NODELETE keeps it mapped, so `leak:swrast_dri.so` in
// tests/sanitizers/lsan.supp matches. Nothing here changes what the tests exercise.

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NEMO_ASAN_BUILD 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define NEMO_ASAN_BUILD 1
#endif

#if defined(NEMO_ASAN_BUILD) && defined(__linux__)
#include <cstdio>
#include <dlfcn.h>
#include <initializer_list>

namespace {

// MLT's modules (loaded in-process for the monitor's frames) likewise, so `leak:libmlt` matches what
// their registration keeps for the life of the process.
struct MltModulePins
{
    MltModulePins()
    {
        for (const char *name : {"libmltcore.so", "libmltavformat.so", "libmltgdk.so", "libmltxml.so",
                                 "libmltplus.so", "libmltxine.so", "libmltfrei0r.so"}) {
            for (const char *folder :
                 {"/usr/lib/x86_64-linux-gnu/mlt-7/", "/usr/lib/aarch64-linux-gnu/mlt-7/",
                  "/usr/lib64/mlt-7/", "/usr/lib/mlt-7/"}) {
                char path[256];
                std::snprintf(path, sizeof path, "%s%s", folder, name);
                if (dlopen(path, RTLD_LAZY | RTLD_NODELETE))
                    break;
            }
        }
    }
};

const MltModulePins mltPins;

struct DriDriverPin
{
    DriDriverPin()
    {
        static constexpr const char *candidates[] = {
            "/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so",
            "/usr/lib/aarch64-linux-gnu/dri/swrast_dri.so",
            "/usr/lib64/dri/swrast_dri.so",
            "/usr/lib/dri/swrast_dri.so",
        };
        for (const char *path : candidates) {
            if (dlopen(path, RTLD_LAZY | RTLD_NODELETE))
                return;
        }
    }
};

const DriDriverPin pin;

} // namespace
#endif
