#include "previewrenderer.h"

#include "localsources.h"
#include "mltdocument.h"

#include <QFile>

namespace nemo::core {

PreviewRenderer::PreviewRenderer(MediaCache *cache, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
{ }

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

void PreviewRenderer::request(const ProjectState &state, const QList<MediaItem> &bin)
{
    if (!state.draft.isExportable()) {
        cancel();
        m_drawn.clear();
        setState(State::Idle);
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
        sources->deleteLater();
        render();
    });
    sources->resolve(state, bin);
}

void PreviewRenderer::render()
{
    MltDocument::Options options;
    options.keepMissing = true;
    const QSize canvas =
        MltDocument::fromDraft(m_edit.draft, {}, MltDocument::Options(), m_edit.canvas).size();
    options.size = previewSize(canvas);
    options.fps = 25; // smooth enough to judge the edit, a sixth less to render
    const MltDocument doc = MltDocument::fromDraft(m_edit.draft, m_files, options, m_edit.canvas);
    const QString target = m_folder.filePath(QStringLiteral("preview-%1.mp4").arg(++m_serial));
    auto *job = new LocalRenderJob(doc.xml(), doc.frames(), target, this);
    // Played from this disk only: no second pass to move the index to the front.
    job->setEncoding({QStringLiteral("ultrafast"), 30, 96, false});
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
    });
    job->start();
}

void PreviewRenderer::cancel()
{
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

QString PreviewRenderer::sourceAt(qint64 ms) const
{
    for (const Track &track : m_edit.draft.tracks()) {
        if (track.kind != TrackKind::Video)
            continue;
        for (const Segment &segment : track.segments) {
            if (ms >= segment.startMs && ms < segment.endMs())
                return m_files.value(segment.source);
        }
    }
    return {};
}

} // namespace nemo::core
