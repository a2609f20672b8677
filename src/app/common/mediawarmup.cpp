#include "common/mediawarmup.h"

#include <QLibrary>
#include <QThreadPool>

#include <atomic>

namespace nemo::app {

void warmUpMediaBackend()
{
#if defined(Q_OS_LINUX)
    static std::atomic_bool started = false;
    if (started.exchange(true))
        return;
    QThreadPool::globalInstance()->start([] {
        // The library Qt's GStreamer backend links; gst_init_check is thread-safe and idempotent, so the
        // backend's own call later returns at once (or waits for this one to finish).
        QLibrary gstreamer(QStringLiteral("gstreamer-1.0"), 0);
        using InitCheck = int (*)(int *, char ***, void **);
        if (auto init = reinterpret_cast<InitCheck>(gstreamer.resolve("gst_init_check")))
            init(nullptr, nullptr, nullptr);
    });
#endif
}

} // namespace nemo::app
