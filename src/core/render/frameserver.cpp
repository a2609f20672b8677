#include "render/frameserver.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <optional>

#if defined(NEMO_HAVE_MLT)
#include <mlt++/Mlt.h>
#if defined(Q_OS_LINUX)
#include <dlfcn.h>
#endif
#endif

namespace nemo::render {

// The thread that holds MLT: it waits for work, takes the latest document and frame, and makes it.
class FrameWorker : public QThread
{
public:
    explicit FrameWorker(FrameServer *server)
        : m_server(server)
    { }

    ~FrameWorker() override
    {
        {
            QMutexLocker locker(&m_mutex);
            m_quit = true;
            m_wake.wakeAll();
        }
        wait();
    }

    void setDocument(const QByteArray &xml)
    {
        QMutexLocker locker(&m_mutex);
        m_document = xml;
        m_newDocument = true;
        ++m_serial;
        m_wake.wakeAll();
    }

    void request(qint64 frame)
    {
        QMutexLocker locker(&m_mutex);
        m_frame = frame;
        m_wake.wakeAll();
    }

protected:
    void run() override
    {
#if defined(NEMO_HAVE_MLT)
        static const bool initialised = [] {
            // Only the modules the edit's documents use (XML, the core services, pictures and pango,
            // video, the Text filter, Shotcut's blend, and the deinterlacer MLT's loader puts on every
            // picture: without it the fallback's conversion dims video that no track is blended over):
            // MLT's Qt module links another Qt, which must not come into this process, and the rest
            // (GL, OpenCV, audio devices …) would only slow the start and hold memory. The list must
            // not end with a colon: MLT then ignores all of it.
            qputenv("MLT_REPOSITORY_DENY",
                    "libmltqt:libmltglaxnimate:libmltmovit:libmltopencv:libmltjackrack:libmltdecklink:"
                    "libmltkdenlive:libmltrtaudio:libmltsdl:libmltsdl2:libmltvidstab:"
                    "libmltrubberband:libmltsox:libmltnormalize:libmltoldfilm:libmltplusgpl:libmltvorbis:"
                    "libmltresample:libmltjack");
            const bool started = Mlt::Factory::init() != nullptr;
#if defined(Q_OS_LINUX)
            // Pango starts fontconfig on a thread of its own; MLT unloads its modules at exit, and
            // pango with them, under that thread if it is still at work (a crash when a short-lived
            // process quits). Pango stays loaded to the end instead.
            dlopen("libpangoft2-1.0.so.0", RTLD_LAZY | RTLD_NOLOAD | RTLD_NODELETE);
#endif
            return started;
        }();
        if (!initialised) {
            QMetaObject::invokeMethod(m_server, [server = m_server] {
                emit server->failed(FrameServer::tr("MLT could not be started in Nemo Studio."));
            });
            return;
        }
        std::unique_ptr<Mlt::Profile> profile;
        std::unique_ptr<Mlt::Producer> producer;
        quint64 loaded = 0;
        for (;;) {
            QByteArray document;
            bool newDocument = false;
            std::optional<qint64> frame;
            quint64 serial = 0;
            {
                QMutexLocker locker(&m_mutex);
                while (!m_quit && !m_newDocument && !m_frame)
                    m_wake.wait(&m_mutex);
                if (m_quit)
                    return;
                if (m_newDocument) {
                    document = m_document;
                    newDocument = true;
                    m_newDocument = false;
                }
                frame = std::exchange(m_frame, std::nullopt);
                serial = m_serial;
            }
            if (newDocument) {
                producer.reset();
                if (document.isEmpty()) {
                    loaded = serial;
                    continue;
                }
                // The profile comes from the document itself (its size and rate).
                profile = std::make_unique<Mlt::Profile>();
                auto made = std::make_unique<Mlt::Producer>(*profile, "xml-string", document.constData());
                if (!made->is_valid()) {
                    QMetaObject::invokeMethod(m_server, [server = m_server] {
                        emit server->failed(FrameServer::tr("The edit could not be loaded for the preview."));
                    });
                    continue;
                }
                producer = std::move(made);
                loaded = serial;
                if (!frame)
                    frame = m_lastFrame;
            }
            if (!producer || !frame)
                continue;
            m_lastFrame = *frame;
            const int length = producer->get_playtime();
            producer->seek(int(qBound<qint64>(0, *frame, qMax<qint64>(0, length - 1))));
            std::unique_ptr<Mlt::Frame> picture(producer->get_frame());
            if (!picture)
                continue;
            mlt_image_format format = mlt_image_rgba;
            int width = profile->width();
            int height = profile->height();
            const uint8_t *image = picture->get_image(format, width, height);
            if (!image || width <= 0 || height <= 0)
                continue;
            const QByteArray rgba(reinterpret_cast<const char *>(image), qsizetype(width) * height * 4);
            const QSize size(width, height);
            const qint64 shown = *frame;
            QMetaObject::invokeMethod(m_server, [server = m_server, rgba, size, shown, loaded] {
                emit server->frameReady(rgba, size, shown, loaded);
            });
        }
#endif
    }

private:
    FrameServer *m_server;
    QMutex m_mutex;
    QWaitCondition m_wake;
    QByteArray m_document;
    bool m_newDocument = false;
    std::optional<qint64> m_frame;
    qint64 m_lastFrame = 0;
    quint64 m_serial = 0;
    bool m_quit = false;
};

FrameServer::FrameServer(QObject *parent)
    : QObject(parent)
{ }

FrameServer::~FrameServer() = default;

bool FrameServer::isAvailable()
{
#if defined(NEMO_HAVE_MLT)
    return true;
#else
    return false;
#endif
}

void FrameServer::setDocument(const QByteArray &xml)
{
    if (!isAvailable())
        return;
    if (!m_worker) {
        m_worker = std::make_unique<FrameWorker>(this);
        m_worker->start(QThread::LowPriority);
    }
    m_hasDocument = !xml.isEmpty();
    m_worker->setDocument(xml);
}

void FrameServer::clear()
{
    if (m_worker)
        setDocument(QByteArray());
}

void FrameServer::request(qint64 frame)
{
    if (m_worker && m_hasDocument)
        m_worker->request(frame);
}

} // namespace nemo::render
