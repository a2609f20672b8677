#include "render/previewrenderer.h"

#include "media/mediacache.h"
#include "media/mediavalidator.h"
#include "render/frameserver.h"
#include "render/localsources.h"
#include "render/mltdocument.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QThreadPool>

#include <algorithm>
#include <cmath>

namespace nemo::render {

PreviewRenderer::PreviewRenderer(media::MediaCache *cache, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_frames(new FrameServer(this))
{ }

bool PreviewRenderer::hasFrames() const
{
    return FrameServer::isAvailable();
}

void PreviewRenderer::requestFrame(qint64 ms)
{
    m_frames->request(qint64(std::llround(double(qMax<qint64>(0, ms)) * m_frameFps / 1000.0)));
}

PreviewRenderer::~PreviewRenderer()
{
    cancel();
}

QSize PreviewRenderer::previewSize(const QSize &canvas)
{
    const QSize shape = canvas.isValid() && !canvas.isEmpty() ? canvas : QSize(1920, 1080);
    const int height = 360;
    const int width = int(double(shape.width()) * height / shape.height()) & ~1;
    return QSize(qBound(64, width, 1280), height);
}

void PreviewRenderer::setState(State state)
{
    m_state = state;
    emit changed();
}

void PreviewRenderer::release()
{
    m_held = false;
    if (auto waiting = std::exchange(m_waiting, std::nullopt))
        request(waiting->first, waiting->second);
}

void PreviewRenderer::request(const agent::ProjectState &state, const QList<media::MediaItem> &bin)
{
    if (m_held) {
        m_waiting.emplace(state, bin);
        return;
    }
    if (!state.draft.isExportable()) {
        cancel();
        m_drawn.clear();
        m_frames->clear();
        m_edit = agent::ProjectState();
        m_durationMs = 0;
        const QString previous = std::exchange(m_file, QString());
        setState(State::Idle);
        if (!previous.isEmpty())
            QFile::remove(previous);
        return;
    }
    if (state.draft.bytes() == m_drawn && m_state != State::Failed)
        return; // this edit is shown already, or on its way
    cancel();
    if (LocalRenderJob::meltProgram().isEmpty()) {
        m_error = LocalRenderJob::missingMeltMessage();
        setState(State::Unavailable);
        return;
    }
    m_drawn = state.draft.bytes();
    m_edit = state;
    m_durationMs = state.draft.durationMs();
    m_progress = 0;
    m_error.clear();
    m_clock.start();
    setState(State::Preparing);
    auto *sources = new LocalSources(m_cache, this);
    m_sources = sources;
    connect(sources, &LocalSources::finished, this, [this, sources] {
        if (sources != m_sources)
            return;
        m_files = sources->files();
        m_sourceOptions = sources->documentOptions(MltDocument::Options());
        sources->deleteLater();
        const QSize canvas =
            MltDocument::fromDraft(m_edit.draft, {}, MltDocument::Options(), m_edit.canvas).size();
        shrinkPhotos(previewSize(canvas));
    });
    sources->resolve(state, bin);
}

QString PreviewRenderer::previewFolder() const
{
    return m_cache ? m_cache->folder() + QStringLiteral("/preview") : QString();
}

// Where the preview-sized copy of a file lives: named by the file's path, date and size, so that a
// changed file gets a new copy.
QString PreviewRenderer::smallCopyPath(const QString &file, const QSize &size, const QString &suffix) const
{
    const QFileInfo info(file);
    const QByteArray key =
        QCryptographicHash::hash((info.absoluteFilePath() +
                                  QString::number(info.lastModified().toMSecsSinceEpoch()) +
                                  QString::number(info.size()))
                                     .toUtf8(),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(20);
    return QStringLiteral("%1/%2-%3x%4.%5")
        .arg(previewFolder(), QString::fromLatin1(key))
        .arg(size.width())
        .arg(size.height())
        .arg(suffix);
}

void PreviewRenderer::shrinkPhotos(const QSize &size)
{
    if (!m_downscaler || !m_cache) {
        render();
        return;
    }
    // Each photo once, at preview size, kept in the media cache beside the downloads.
    const QString folder = previewFolder();
    QList<std::pair<QString, QString>> work; // source file → small copy
    for (auto it = m_files.begin(); it != m_files.end(); ++it) {
        if (!MltDocument::isImage(it.value()))
            continue;
        const QString small = smallCopyPath(it.value(), size, QStringLiteral("jpg"));
        if (QFileInfo::exists(small))
            it.value() = small;
        else
            work.append({it.value(), small});
    }
    if (work.isEmpty()) {
        render();
        return;
    }
    QDir().mkpath(folder);
    const int generation = ++m_shrinking;
    QPointer<PreviewRenderer> self(this);
    const Downscaler downscaler = m_downscaler;
    // Decoding photos is slow work: never on the thread that paints the window.
    QThreadPool::globalInstance()->start([self, generation, work, size, downscaler] {
        QHash<QString, QString> done;
        for (const auto &[source, small] : work) {
            if (downscaler(source, small, size))
                done.insert(source, small);
        }
        QMetaObject::invokeMethod(
            qApp,
            [self, generation, done] {
                if (!self || generation != self->m_shrinking || self->m_state != State::Preparing)
                    return;
                for (auto it = self->m_files.begin(); it != self->m_files.end(); ++it)
                    it.value() = done.value(it.value(), it.value());
                self->render();
            },
            Qt::QueuedConnection);
    });
}

void PreviewRenderer::render()
{
    MltDocument::Options options = m_sourceOptions;
    options.keepMissing = true;
    const QSize canvas =
        MltDocument::fromDraft(m_edit.draft, {}, MltDocument::Options(), m_edit.canvas).size();
    options.size = previewSize(canvas);
    options.fps = 25; // smooth enough to judge the edit, a sixth less to render
    // Clips play from their preview-sized copies once those are made (in the background, after this
    // preview: the first preview of a new clip does not wait for one).
    if (m_cache) {
        for (auto it = m_files.begin(); it != m_files.end(); ++it) {
            if (media::MediaValidator::kindForExtension(QFileInfo(it.value()).suffix()) !=
                    media::MediaKind::Video ||
                it.value().startsWith(previewFolder()))
                continue;
            const QString proxy = smallCopyPath(it.value(), options.size, QStringLiteral("mp4"));
            if (QFileInfo::exists(proxy))
                it.value() = proxy;
            else if (!m_proxiesFailed.contains(proxy) &&
                     std::none_of(m_proxyQueue.begin(), m_proxyQueue.end(),
                                  [&proxy](const auto &queued) { return queued.second == proxy; }))
                m_proxyQueue.append({it.value(), proxy});
        }
    }
    const MltDocument doc = MltDocument::fromDraft(m_edit.draft, m_files, options, m_edit.canvas);
    // The monitor's pictures first: they are ready in milliseconds, the video in a second or two.
    m_frameFps = options.fps;
    m_frames->setDocument(doc.xml());
    m_proxySize = options.size;
    const QString target = m_folder.filePath(QStringLiteral("preview-%1.mp4").arg(++m_serial));
    auto *job = new LocalRenderJob(doc.xml(), doc.frames(), doc.fps(), target, this);
    // Played from this disk only: no second pass to move the index to the front.
    job->setEncoding({QStringLiteral("ultrafast"), 30, 96, false, true});
    m_job = job;
    setState(State::Rendering);
    connect(job, &LocalRenderJob::progressChanged, this, [this](int percent) {
        m_progress = percent;
        emit changed();
    });
    connect(job, &LocalRenderJob::finished, this, [this, job, target](bool ok) {
        if (job != m_job)
            return;
        job->deleteLater();
        m_job = nullptr;
        if (!ok) {
            m_error = job->error();
            setState(State::Failed);
            return;
        }
        const QString previous = std::exchange(m_file, target);
        m_lastRenderMs = m_clock.elapsed();
        m_progress = 100;
        setState(State::Ready);
        emit ready(m_file);
        if (!previous.isEmpty())
            QFile::remove(previous);
        makeNextProxy();
    });
    stopProxy(); // the preview first
    job->start();
}

// One clip at a time, below the window's priority, and never while a preview renders.
void PreviewRenderer::makeNextProxy()
{
    if (m_proxyJob || m_job || m_proxyQueue.isEmpty())
        return;
    const QString clip = m_proxyQueue.first().first;
    const QString proxy = m_proxyQueue.first().second;
    QDir().mkpath(previewFolder());
    MltDocument::Options options;
    options.size = m_proxySize;
    options.fps = 25;
    auto *job = new LocalRenderJob(MltDocument::proxyFor(clip, options), 0, options.fps, proxy, this);
    job->setEncoding({QStringLiteral("veryfast"), 26, 96, false, true});
    m_proxyJob = job;
    connect(job, &LocalRenderJob::finished, this, [this, job, proxy](bool ok) {
        if (job != m_proxyJob)
            return;
        job->deleteLater();
        m_proxyJob = nullptr;
        if (!m_proxyQueue.isEmpty() && m_proxyQueue.first().second == proxy)
            m_proxyQueue.removeFirst();
        if (!ok)
            m_proxiesFailed.insert(proxy); // the original serves; not tried again this run
        else
            emit proxyReady(proxy);
        makeNextProxy();
    });
    job->start();
}

void PreviewRenderer::stopProxy()
{
    // Left in the queue: it starts again once the preview is done.
    if (LocalRenderJob *job = std::exchange(m_proxyJob, nullptr)) {
        job->disconnect(this);
        job->cancel();
        job->deleteLater();
    }
}

void PreviewRenderer::cancel()
{
    stopProxy();
    ++m_shrinking; // a scaling under way is for a draft that is no longer wanted
    if (LocalSources *sources = std::exchange(m_sources, nullptr)) {
        sources->disconnect(this);
        sources->cancel();
        sources->deleteLater();
    }
    if (LocalRenderJob *job = std::exchange(m_job, nullptr)) {
        job->disconnect(this);
        job->cancel();
        job->deleteLater();
    }
}

PreviewRenderer::Source PreviewRenderer::sourceAt(qint64 ms) const
{
    for (const draft::Track &track : m_edit.draft.tracks()) {
        if (track.kind != draft::TrackKind::Video)
            continue;
        for (const draft::Segment &segment : track.segments) {
            if (ms >= segment.startMs && ms < segment.endMs())
                return {m_files.value(segment.source),
                        MltDocument::sourceStartMs(segment) + (ms - segment.startMs)};
        }
    }
    return {};
}

} // namespace nemo::render
