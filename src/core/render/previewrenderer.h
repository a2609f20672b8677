#pragma once

#include "agent/projectstate.h"
#include "media/mediaitem.h"
#include "render/localrenderjob.h"
#include "render/mltdocument.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSize>
#include <QTemporaryDir>

#include <functional>
#include <optional>
#include <utility>

namespace nemo::media {
class MediaCache;
} // namespace nemo::media

namespace nemo::render {

class FrameServer;
class LocalSources;

// Keeps a playable preview of the edit as it stands: each new draft is rendered on this computer at
// preview size with a fast preset (MLT, like an export); a newer draft cancels a render under way rather
// than queueing behind it. Media that is missing leaves a gap in the preview (the export asks first).
class PreviewRenderer : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Preparing, // finding the media
        Rendering,
        Ready,
        Failed,
        Unavailable // no melt on this computer
    };
    Q_ENUM(State)

    explicit PreviewRenderer(media::MediaCache *cache, QObject *parent = nullptr);
    ~PreviewRenderer() override;

    // Renders this draft (unless it is the one already shown or being rendered).
    void request(const agent::ProjectState &state, const QList<media::MediaItem> &bin);
    // While held, the latest request waits and starts on release (the window holds the preview of a
    // reopened project until it is on screen, so that the window paints first).
    void hold() { m_held = true; }
    void release();
    void cancel();

    State state() const { return m_state; }
    // The picture at a moment of the edit as it stands, made in this process (FrameServer): ready soon
    // after an edit, long before the preview's video is. frameReady() brings it.
    bool hasFrames() const;
    void requestFrame(qint64 ms);
    FrameServer *frames() const { return m_frames; }
    int progress() const { return m_progress; }
    // The preview file once ready (each draft gets a new name; the previous one stays until replaced).
    QString file() const { return m_file; }
    QString error() const { return m_error; }
    // How long the last preview took from request to ready.
    qint64 lastRenderMs() const { return m_lastRenderMs; }
    qint64 durationMs() const { return m_durationMs; }
    // The media under a moment of the edit, on this computer, and the moment inside it (for showing that
    // frame before the preview is ready); an empty path when none is known.
    struct Source
    {
        QString path;
        qint64 offsetMs = 0;
    };
    Source sourceAt(qint64 ms) const;
    // A preview-sized canvas for the draft's own (360 lines, same shape).
    static QSize previewSize(const QSize &canvas);
    // Makes a smaller copy of a photo (source → target, fitting `size`); true when written. Photos are then
    // scaled once, into the media cache, rather than for every frame of every preview. The app gives one
    // (it has the image codecs); without it the photos are used as they are.
    using Downscaler = std::function<bool(const QString &source, const QString &target, const QSize &size)>;
    void setDownscaler(Downscaler downscaler) { m_downscaler = std::move(downscaler); }

signals:
    void changed();
    void ready(const QString &file);
    // A clip's preview-sized copy was made (the next preview plays from it).
    void proxyReady(const QString &file);

private:
    void shrinkPhotos(const QSize &size);
    void render();
    void makeNextProxy();
    void stopProxy();
    QString previewFolder() const;
    QString smallCopyPath(const QString &file, const QSize &size, const QString &suffix) const;
    void setState(State state);

    media::MediaCache *m_cache;
    FrameServer *m_frames;
    int m_frameFps = 25;
    Downscaler m_downscaler;
    int m_shrinking = 0; // a generation number, so that a newer draft's preview ignores an older scaling
    QTemporaryDir m_folder;
    agent::ProjectState m_edit;
    QByteArray m_drawn; // the draft whose preview is shown or under way
    QPointer<LocalSources> m_sources;
    QPointer<LocalRenderJob> m_job;
    QPointer<LocalRenderJob> m_proxyJob;
    QList<std::pair<QString, QString>> m_proxyQueue; // clip → its preview-sized copy, still to make
    QSet<QString> m_proxiesFailed;
    QSize m_proxySize;
    QHash<QString, QString> m_files;
    MltDocument::Options m_sourceOptions; // what LocalSources found: lengths, files that are gone
    State m_state = State::Idle;
    bool m_held = false;
    std::optional<std::pair<agent::ProjectState, QList<media::MediaItem>>> m_waiting;
    int m_progress = 0;
    int m_serial = 0;
    QString m_file;
    QString m_error;
    QElapsedTimer m_clock;
    qint64 m_lastRenderMs = -1;
    qint64 m_durationMs = 0;
};

} // namespace nemo::render
