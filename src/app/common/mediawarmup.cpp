#include "common/mediawarmup.h"

#include <QCoreApplication>
#include <QDir>
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

VideoOutput chooseVideoOutput()
{
#if defined(Q_OS_LINUX)
    const QByteArray wanted = qgetenv("NEMO_VIDEO_OUTPUT").trimmed().toLower();
    bool raster = false;
    if (wanted == "raster") {
        raster = true;
    } else if (wanted != "opengl") {
        const QByteArray software = qgetenv("LIBGL_ALWAYS_SOFTWARE");
        const bool noCard =
            QDir(QStringLiteral("/dev/dri")).entryList({QStringLiteral("renderD*")}, QDir::System).isEmpty();
        raster = noCard || (!software.isEmpty() && software != "0" && software != "false");
    }
    QCoreApplication::setAttribute(Qt::AA_ForceRasterWidgets, raster);
    return raster ? VideoOutput::Raster : VideoOutput::OpenGL;
#else
    return VideoOutput::OpenGL;
#endif
}

} // namespace nemo::app
