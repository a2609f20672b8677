#include "render/exporter.h"

#include "media/mediacache.h"
#include "net/apicall.h"
#include "net/connection.h"
#include "net/downloadjob.h"
#include "net/serviceconfig.h"
#include "render/localrenderjob.h"
#include "render/localsources.h"
#include "render/otiodocument.h"
#include "render/renderjob.h"
#include "util/filenames.h"
#include "util/replacefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <utility>

namespace nemo::render {

Exporter::Exporter(net::Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{ }

QString Exporter::suggestedFileName(const draft::Draft &draft, const QDateTime &when)
{
    const QString title = draft.title().isEmpty() ? tr("Nemo Studio video") : draft.title();
    return util::FileNames::sanitize(title + QLatin1Char(' ') +
                                     when.toString(QStringLiteral("yyyy-MM-dd HH-mm")) +
                                     QStringLiteral(".mp4"));
}

void Exporter::start(const draft::Draft &draft, const RenderOptions &options, const QString &targetPath)
{
    if (m_render)
        m_render->abort();
    if (m_download)
        m_download->abort();
    stopLocal();
    m_engine = Engine::Cloud;
    m_draft = draft;
    m_options = options;
    m_target = targetPath;
    m_jobId.clear();
    m_status = RenderStatus();
    m_rendered = false;
    m_received = 0;
    m_total = -1;
    m_error = net::ApiError();
    m_notice.clear();
    m_cancelling = false;
    m_startedAt = QDateTime::currentDateTime();
    m_phase = Phase::Rendering;
    emit changed();
    watch(net::ServiceJob::started(new RenderJob(m_connection, draft, options, this)));
}

void Exporter::resume(const QString &jobId, const QString &targetPath)
{
    m_jobId = jobId;
    m_target = targetPath;
    m_rendered = false;
    m_error = net::ApiError();
    m_notice.clear();
    m_cancelling = false;
    m_received = QFileInfo(targetPath + QStringLiteral(".part")).size();
    m_startedAt = QDateTime::currentDateTime();
    m_phase = Phase::Rendering;
    emit changed();
    watch(net::ServiceJob::started(new RenderJob(m_connection, jobId, this)));
}

void Exporter::startLocal(const agent::ProjectState &state, const QList<media::MediaItem> &bin,
                          media::MediaCache *cache, const QString &targetPath, bool keepMissing)
{
    detach();
    m_engine = Engine::Local;
    m_localState = state;
    m_localBin = bin;
    m_cache = cache;
    m_keepMissing = keepMissing;
    m_missing.clear();
    m_draft = state.draft;
    m_target = targetPath;
    m_startedAt = QDateTime::currentDateTime();
    m_status = RenderStatus();
    m_status.state = RenderStatus::State::Pending;
    m_notice = tr("Getting the media ready…");
    m_phase = Phase::Rendering;
    emit changed();
    auto *sources = new LocalSources(cache, this);
    m_sources = sources;
    connect(sources, &LocalSources::progress, this, [this](int done, int total) {
        m_notice = tr("Getting the media ready: %1 of %2 downloaded…").arg(done).arg(total);
        emit changed();
    });
    connect(sources, &LocalSources::finished, this, [this, sources] {
        if (sources != m_sources)
            return;
        sources->deleteLater();
        renderLocally();
    });
    sources->resolve(state, bin);
}

void Exporter::renderLocally()
{
    const QHash<QString, QString> files = m_sources ? m_sources->files() : QHash<QString, QString>();
    MltDocument::Options options = m_sources ? m_sources->documentOptions({}) : MltDocument::Options();
    options.keepMissing = m_keepMissing;
    options.fps = m_localState.draft.fps(); // the draft's own rate (30 unless it says)
    const MltDocument doc = MltDocument::fromDraft(m_localState.draft, files, options, m_localState.canvas);
    m_missing = doc.missing();
    if (!m_missing.isEmpty() && !m_keepMissing) {
        QStringList lines;
        bool gone = false;
        for (const MissingSource &missing : std::as_const(m_missing)) {
            lines.append(missing.message());
            gone = gone || missing.reason == MissingSource::Reason::Gone;
        }
        net::ApiError error(net::ApiError::Kind::InvalidInput);
        error.setDetail(gone ? tr("Some media isn't on this computer: %1. Locate it, render without it (the "
                                  "video has a gap there), or add it to the media bin again.")
                                   .arg(lines.join(QStringLiteral("; ")))
                             : tr("Some media isn't on this computer: %1. Render without it (the video has a "
                                  "gap there), or add it to the media bin again.")
                                   .arg(lines.join(QStringLiteral("; "))));
        fail(error);
        return;
    }
    auto *job = new LocalRenderJob(doc.xml(), doc.frames(), doc.fps(), m_target, this);
    m_local = job;
    m_status.state = RenderStatus::State::Processing;
    m_notice = doc.notes().join(QLatin1Char(' '));
    emit changed();
    connect(job, &LocalRenderJob::progressChanged, this, [this](int percent) {
        m_status.progress = percent;
        emit changed();
    });
    connect(job, &LocalRenderJob::finished, this, [this, job](bool ok) {
        if (job != m_local)
            return;
        job->deleteLater();
        m_local = nullptr;
        if (!ok) {
            net::ApiError error(job->isStorageProblem() ? net::ApiError::Kind::Storage
                                                        : net::ApiError::Kind::LocalRenderFailed);
            error.setDetail(job->error());
            fail(error);
            return;
        }
        m_status.state = RenderStatus::State::Completed;
        m_status.progress = 100;
        m_received = m_total = QFileInfo(m_target).size();
        m_phase = Phase::Done;
        emit changed();
        emit finished();
    });
    job->start();
}

void Exporter::writeProject(const agent::ProjectState &state, const QList<media::MediaItem> &bin,
                            media::MediaCache *cache, const QString &path, QObject *context,
                            const std::function<void(const QString &, const QList<MissingSource> &)> &done)
{
    auto *sources = new LocalSources(cache, context);
    connect(sources, &LocalSources::finished, context, [sources, state, path, done] {
        sources->deleteLater();
        MltDocument::Options options = sources->documentOptions({});
        options.keepMissing = true;
        options.fps = state.draft.fps();
        QByteArray bytes;
        QList<MissingSource> missing;
        if (path.endsWith(QLatin1String(".otio"), Qt::CaseInsensitive)) {
            const OtioDocument doc = OtioDocument::fromDraft(state.draft, sources->files(), options);
            bytes = doc.json();
            missing = doc.missing();
        } else {
            const MltDocument doc =
                MltDocument::fromDraft(state.draft, sources->files(), options, state.canvas);
            bytes = doc.xml();
            missing = doc.missing();
        }
        QString why;
        if (!util::writeWholeFile(path, bytes, &why)) {
            done(util::describeWriteFailure(path, why), missing);
            return;
        }
        done(QString(), missing);
    });
    sources->resolve(state, bin);
}

void Exporter::watch(RenderJob *job)
{
    m_render = job;
    connect(job, &RenderJob::jobIdAssigned, this, [this](const QString &id) {
        m_jobId = id;
        emit jobIdAssigned(id);
        emit changed();
    });
    connect(job, &RenderJob::statusChanged, this, [this](const RenderStatus &status) {
        m_status = status;
        emit changed();
    });
    connect(job, &RenderJob::nextCheckScheduled, this, &Exporter::changed);
    connect(job, &net::ServiceJob::finished, this, [this, job] {
        if (job != m_render)
            return;
        if (job->error().kind() == net::ApiError::Kind::Cancelled && !job->status().isFinal())
            return; // aborted here by a new start(); nothing to report
        if (job->error()) {
            m_status = job->status();
            if (job->error().kind() == net::ApiError::Kind::Cancelled)
                finishCancelled(); // the service says the render was cancelled
            else
                fail(job->error());
            return;
        }
        m_status = job->status();
        m_rendered = true;
        m_outputUrl = job->outputUrl();
        m_fallbackUrl = job->fallbackUrl();
        if (m_cancelling)
            return; // the answer to the cancel decides: stopped, or downloaded after all
        download();
    });
}

void Exporter::download()
{
    m_phase = Phase::Downloading;
    m_error = net::ApiError();
    emit changed();
    auto *job = net::ServiceJob::started(
        new net::DownloadJob(m_connection, m_outputUrl, m_fallbackUrl, m_target, m_status.size, this));
    m_download = job;
    connect(job, &net::DownloadJob::progress, this, [this](qint64 received, qint64 total) {
        m_received = received;
        m_total = total;
        emit changed();
    });
    connect(job, &net::ServiceJob::finished, this, [this, job] {
        if (job != m_download)
            return;
        if (job->error()) {
            fail(job->error());
            return;
        }
        m_phase = Phase::Done;
        emit changed();
        emit finished();
    });
}

void Exporter::fail(const net::ApiError &error)
{
    m_error = error;
    m_phase = Phase::Failed;
    emit changed();
    emit finished();
}

void Exporter::retry()
{
    if (isRunning())
        return;
    if (m_engine == Engine::Local) {
        startLocal(m_localState, m_localBin, m_cache, m_target, m_keepMissing);
        return;
    }
    if (m_rendered) {
        download(); // the render is done: fetch the file again (the .part resumes)
        return;
    }
    if (m_draft.isExportable())
        start(m_draft, m_options, m_target); // a new render, with a new id
    else if (!m_jobId.isEmpty())
        resume(m_jobId, m_target);
}

void Exporter::stopLocal()
{
    if (LocalSources *sources = std::exchange(m_sources, nullptr)) {
        sources->cancel();
        sources->deleteLater();
    }
    if (LocalRenderJob *job = std::exchange(m_local, nullptr)) {
        job->disconnect(this);
        job->cancel(); // melt is stopped and its partial file removed
        job->deleteLater();
    }
}

void Exporter::detach()
{
    // Clear the pointers first so that the jobs' finished() is ignored.
    if (RenderJob *render = std::exchange(m_render, nullptr))
        render->abort();
    if (net::DownloadJob *download = std::exchange(m_download, nullptr))
        download->abort();
    stopLocal();
    const bool wasIdle = m_phase == Phase::Idle;
    m_phase = Phase::Idle;
    m_jobId.clear();
    m_target.clear();
    m_status = RenderStatus();
    m_rendered = false;
    m_received = 0;
    m_total = -1;
    m_error = net::ApiError();
    m_notice.clear();
    m_cancelling = false;
    if (!wasIdle)
        emit changed();
}

void Exporter::cancel()
{
    if (m_cancelling || !isRunning())
        return;
    if (m_engine == Engine::Local) {
        stopLocal();
        finishCancelled();
        return;
    }
    if (m_phase == Phase::Downloading) {
        // The render is done; stopping here is ours alone.
        if (net::DownloadJob *job = std::exchange(m_download, nullptr))
            job->abort();
        finishCancelled();
        return;
    }
    m_cancelling = true;
    m_notice.clear();
    if (m_render)
        m_render->pausePolling();
    emit changed();
    net::ApiCall *call = RenderJob::cancel(m_connection, m_jobId, this);
    connect(call, &net::ServiceJob::finished, this, [this, call] {
        if (!m_cancelling)
            return; // detached or restarted meanwhile
        m_cancelling = false;
        const net::ApiError &error = call->error();
        if (!error) {
            if (RenderJob *render = std::exchange(m_render, nullptr))
                render->abort();
            finishCancelled();
            return;
        }
        if (error.kind() == net::ApiError::Kind::NotFound || error.httpStatus() == 405 ||
            error.httpStatus() == 501)
            m_notice = tr("This export can't be stopped; it will finish on its own.");
        else
            m_notice =
                tr("The export couldn't be stopped: %1 It is still being followed.").arg(error.message());
        if (m_rendered) {
            download();
            return;
        }
        if (m_render)
            m_render->resumePolling();
        emit changed();
    });
}

void Exporter::finishCancelled()
{
    m_cancelling = false;
    m_error = net::ApiError(net::ApiError::Kind::Cancelled);
    m_phase = Phase::Cancelled;
    removeFiles();
    emit changed();
    emit finished();
}

void Exporter::removeFiles()
{
    if (m_target.isEmpty())
        return;
    // Only the partial file: the finished video appears under its name as the download's last step,
    // and a cancel always comes before that.
    QFile::remove(m_target + QStringLiteral(".part"));
}

void Exporter::checkNow()
{
    if (m_render && m_phase == Phase::Rendering)
        m_render->checkNow();
}

int Exporter::secondsToNextCheck() const
{
    return m_render && m_phase == Phase::Rendering ? m_render->secondsToNextCheck() : 0;
}

int Exporter::estimatedSecondsLeft() const
{
    if (m_local && m_phase == Phase::Rendering)
        return m_local->secondsLeft();
    return m_render && m_phase == Phase::Rendering ? m_render->estimatedSecondsLeft() : -1;
}

} // namespace nemo::render
