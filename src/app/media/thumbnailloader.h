#pragma once

#include <QHash>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QQueue>

class QMediaPlayer;
class QThreadPool;
class QVideoSink;
class QTimer;

namespace nemo::app {

// Makes small previews and reads durations without ever blocking the UI thread: images are read
// at thumbnail size (QImageReader::setScaledSize) on a pool of low-priority threads that leaves a
// core to the UI; for videos the first frame
// comes from the media backend (asynchronously, one file at a time), and audio files get their
// duration the same way. Files the platform cannot decode simply get no preview.
class ThumbnailLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr int Size = 160;

    explicit ThumbnailLoader(QObject *parent = nullptr);
    ~ThumbnailLoader() override;

    enum class Kind
    {
        Image,
        Video,
        Audio
    };
    void request(quint64 id, const QString &path, Kind kind);
    int pending() const { return m_pendingImages + int(m_mediaQueue.size()) + (m_current ? 1 : 0); }

signals:
    void thumbnailReady(quint64 id, const QImage &image, const QSize &originalSize);
    void durationReady(quint64 id, qint64 milliseconds);
    void idle();

private:
    struct Job
    {
        quint64 id;
        QString path;
        Kind kind;
    };
    void nextMedia();
    void finishMedia();

    QQueue<Job> m_mediaQueue;
    quint64 m_current = 0;
    Kind m_currentKind = Kind::Video;
    bool m_gotFrame = false;
    bool m_gotDuration = false;
    int m_pendingImages = 0;
    QMediaPlayer *m_player = nullptr;
    QVideoSink *m_sink = nullptr;
    QTimer *m_timeout = nullptr;
    QThreadPool *m_pool;
};

} // namespace nemo::app
