#include "media/thumbnailloader.h"

#include <QAudioOutput>
#include <QImageReader>
#include <QMediaPlayer>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>
#include <QVideoFrame>
#include <QVideoSink>

namespace nemo::app {

ThumbnailLoader::ThumbnailLoader(QObject *parent)
    : QObject(parent)
    , m_pool(new QThreadPool(this))
{
    // Previews must never starve the UI (or, on X11, the display server it waits on).
    m_pool->setMaxThreadCount(qMax(1, QThread::idealThreadCount() - 1));
    m_pool->setThreadPriority(QThread::LowestPriority);
}

ThumbnailLoader::~ThumbnailLoader()
{
    m_pool->clear();
    m_pool->waitForDone();
    if (m_player)
        m_player->stop();
}

void ThumbnailLoader::request(quint64 id, const QString &path, Kind kind)
{
    if (kind != Kind::Image) {
        m_mediaQueue.enqueue({id, path, kind});
        if (!m_current)
            QTimer::singleShot(0, this, &ThumbnailLoader::nextMedia);
        return;
    }
    ++m_pendingImages;
    QPointer<ThumbnailLoader> self(this);
    m_pool->start([self, id, path] {
        QImageReader reader(path);
        reader.setAutoTransform(true);
        QSize original = reader.size();
        QImage image;
        if (original.isValid()) {
            reader.setScaledSize(original.scaled(Size, Size, Qt::KeepAspectRatio));
            image = reader.read();
        }
        QMetaObject::invokeMethod(
            qApp,
            [self, id, image, original] {
                if (!self)
                    return;
                --self->m_pendingImages;
                emit self->thumbnailReady(id, image, original);
                if (self->pending() == 0)
                    emit self->idle();
            },
            Qt::QueuedConnection);
    });
}

void ThumbnailLoader::nextMedia()
{
    if (m_current)
        return;
    if (m_mediaQueue.isEmpty()) {
        if (pending() == 0)
            emit idle();
        return;
    }
    const Job job = m_mediaQueue.dequeue();
    if (!m_player) {
        m_player = new QMediaPlayer(this);
        m_sink = new QVideoSink(this);
        m_player->setVideoSink(m_sink);
        auto *audio = new QAudioOutput(this);
        audio->setMuted(true);
        m_player->setAudioOutput(audio);
        m_timeout = new QTimer(this);
        m_timeout->setSingleShot(true);
        connect(m_timeout, &QTimer::timeout, this, &ThumbnailLoader::finishMedia);
        connect(m_sink, &QVideoSink::videoFrameChanged, this, [this](const QVideoFrame &frame) {
            if (!m_current || m_gotFrame || !frame.isValid())
                return;
            const QImage image = frame.toImage();
            if (image.isNull())
                return;
            m_gotFrame = true;
            emit thumbnailReady(m_current,
                                image.scaled(Size, Size, Qt::KeepAspectRatio, Qt::SmoothTransformation),
                                image.size());
            if (m_gotDuration)
                finishMedia();
        });
        connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 duration) {
            if (!m_current || duration <= 0 || m_gotDuration)
                return;
            m_gotDuration = true;
            emit durationReady(m_current, duration);
            if (m_gotFrame || m_currentKind == Kind::Audio)
                finishMedia();
        });
        connect(m_player, &QMediaPlayer::errorOccurred, this, [this] {
            if (m_current)
                finishMedia();
        });
    }
    m_current = job.id;
    m_currentKind = job.kind;
    m_gotFrame = false;
    m_gotDuration = false;
    m_timeout->start(8000);
    m_player->setSource(QUrl::fromLocalFile(job.path));
    if (job.kind == Kind::Video)
        m_player->play(); // the first frame arrives in the sink; the player is stopped right after
}

void ThumbnailLoader::finishMedia()
{
    m_timeout->stop();
    m_current = 0;
    m_player->stop();
    m_player->setSource(QUrl());
    QTimer::singleShot(0, this, &ThumbnailLoader::nextMedia);
}

} // namespace nemo::app
