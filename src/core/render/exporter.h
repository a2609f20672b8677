#pragma once

#include "agent/projectstate.h"
#include "draft/draft.h"
#include "media/mediaitem.h"
#include "net/apierror.h"
#include "render/mltdocument.h"
#include "render/renderoptions.h"
#include "render/renderstatus.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <functional>

namespace nemo::net {
class Connection;
class DownloadJob;
} // namespace nemo::net

namespace nemo::media {
class MediaCache;
} // namespace nemo::media

namespace nemo::render {

class RenderJob;
class LocalRenderJob;
class LocalSources;

// One export from start to file: render on the service, poll, then download to the target path
// (resumable). The job id is announced as soon as it exists, so that a restart can resume it.
// retry() starts a new render (with a new id) when the render failed, and resumes the download
// when only the download failed. cancel() asks the service to stop the render; when it cannot
// (404/405) the user is told and the export is still followed. A cancelled export never reports
// success and never leaves a file.
// startLocal() renders on this computer instead: the sources are found (or downloaded once into the
// media cache), the draft becomes an MLT document and `melt` renders it in a child process. Media that
// can't be had stops the export with their names (missing()); startLocal(…, keepMissing) renders with
// gaps where they were, once the user agreed.
class Exporter : public QObject
{
    Q_OBJECT
public:
    enum class Phase
    {
        Idle,
        Rendering,
        Downloading,
        Done,
        Failed,
        Cancelled
    };
    Q_ENUM(Phase)
    enum class Engine
    {
        Cloud, // the NemoVideo service
        Local  // this computer (MLT)
    };
    Q_ENUM(Engine)

    explicit Exporter(net::Connection *connection, QObject *parent = nullptr);

    void start(const draft::Draft &draft, const RenderOptions &options, const QString &targetPath);
    void resume(const QString &jobId, const QString &targetPath);
    void startLocal(const agent::ProjectState &state, const QList<media::MediaItem> &bin,
                    media::MediaCache *cache, const QString &targetPath, bool keepMissing = false);
    Engine engine() const { return m_engine; }
    // Media the last local render could not find (it stopped, or rendered gaps where they were).
    QList<MissingSource> missing() const { return m_missing; }
    // The project for another editor, with every source on this computer: an OpenTimelineIO timeline
    // when `path` ends in .otio (DaVinci Resolve and the OpenTimelineIO tools), else the MLT document
    // Shotcut opens. Written whole (or not at all) to `path` once the media is here; done() tells how
    // it went, and what had to be left empty.
    static void
    writeProject(const agent::ProjectState &state, const QList<media::MediaItem> &bin,
                 media::MediaCache *cache, const QString &path, QObject *context,
                 const std::function<void(const QString &error, const QList<MissingSource> &)> &done);
    void retry();
    void checkNow();
    void cancel();
    bool isCancelling() const { return m_cancelling; }
    // Something to tell about the export that is not its phase ("it can't be stopped"); empty otherwise.
    QString notice() const { return m_notice; }
    // Stops following the export here without cancelling it on the service (another project is opened);
    // the job can be resumed later and the partial download is kept.
    void detach();

    Phase phase() const { return m_phase; }
    bool isRunning() const { return m_phase == Phase::Rendering || m_phase == Phase::Downloading; }
    RenderStatus status() const { return m_status; }
    QString jobId() const { return m_jobId; }
    QString targetPath() const { return m_target; }
    int secondsToNextCheck() const;
    int estimatedSecondsLeft() const;
    qint64 received() const { return m_received; }
    qint64 total() const { return m_total; }
    QDateTime startedAt() const { return m_startedAt; }
    const net::ApiError &error() const { return m_error; }

    // "Urban Dreams 2026-11-21 14-05.mp4", safe for every file system.
    static QString suggestedFileName(const draft::Draft &draft,
                                     const QDateTime &when = QDateTime::currentDateTime());

signals:
    void changed();
    void jobIdAssigned(const QString &jobId);
    void finished();

private:
    void watch(RenderJob *job);
    void download();
    void fail(const net::ApiError &error);
    void finishCancelled();
    void removeFiles();
    void renderLocally();
    void stopLocal();

    net::Connection *m_connection;
    Phase m_phase = Phase::Idle;
    draft::Draft m_draft;
    RenderOptions m_options;
    QString m_jobId;
    QString m_target;
    RenderStatus m_status;
    QUrl m_outputUrl;
    QUrl m_fallbackUrl;
    bool m_rendered = false;
    qint64 m_received = 0;
    qint64 m_total = -1;
    QDateTime m_startedAt;
    net::ApiError m_error;
    QString m_notice;
    bool m_cancelling = false;
    Engine m_engine = Engine::Cloud;
    agent::ProjectState m_localState;
    QList<media::MediaItem> m_localBin;
    QPointer<media::MediaCache> m_cache;
    bool m_keepMissing = false;
    QList<MissingSource> m_missing;
    QPointer<LocalSources> m_sources;
    QPointer<LocalRenderJob> m_local;
    QPointer<RenderJob> m_render;
    QPointer<net::DownloadJob> m_download;
};

} // namespace nemo::render
