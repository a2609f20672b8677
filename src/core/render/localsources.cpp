#include "render/localsources.h"

#include "media/mediacache.h"
#include "net/downloadjob.h"
#include "util/weblink.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace nemo::render {

namespace {

QString fileNameOf(const QString &source)
{
    return draft::Draft::isSandboxPath(source) ? source.section(QLatin1Char('/'), -1)
                                               : QUrl(source).fileName();
}

bool usable(const QString &path)
{
    const QFileInfo info(path);
    return !path.isEmpty() && info.isFile() && info.isReadable() && info.size() > 0;
}

} // namespace

LocalSources::LocalSources(media::MediaCache *cache, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
{ }

QUrl LocalSources::remoteFor(const QString &source, const agent::ProjectState &state)
{
    if (draft::Draft::isSandboxPath(source)) {
        const QString name = fileNameOf(source);
        for (const QJsonValue &info : state.videoInfos) {
            const QJsonObject object = info.toObject();
            const QString cdn = object.value(QLatin1String("cdn_url")).toString();
            if (object.value(QLatin1String("filename")).toString() == name || QUrl(cdn).fileName() == name)
                return QUrl(cdn);
        }
        for (const media::GeneratedClip &clip : state.generated) {
            if (clip.url.fileName() == name || clip.name == name)
                return clip.url;
        }
        return {};
    }
    const QUrl url(source);
    return util::isWebLink(url) ? url : QUrl();
}

namespace {

// The media bin's item for a source: the upload it became, the link it was, or (for a sandbox path)
// the file of that name.
const media::MediaItem *itemFor(const QString &source, const QUrl &remote, const QList<media::MediaItem> &bin,
                                bool onlyUsable)
{
    const QString name = fileNameOf(source);
    for (const media::MediaItem &item : bin) {
        if (onlyUsable && !usable(item.path))
            continue;
        const bool sameUpload = !item.uploaded.cdnUrl.isEmpty() &&
            (item.uploaded.cdnUrl == source || QUrl(item.uploaded.cdnUrl) == remote);
        const bool sameLink = item.url.isValid() && (item.url.toString() == source || item.url == remote);
        const bool sameName = draft::Draft::isSandboxPath(source) &&
            (item.uploaded.filename == name || (item.uploaded.filename.isEmpty() && item.name == name));
        if (sameUpload || sameLink || sameName)
            return &item;
    }
    return nullptr;
}

} // namespace

QString LocalSources::localFor(const QString &source, const agent::ProjectState &state,
                               const QList<media::MediaItem> &bin, const media::MediaCache *cache)
{
    if (source.isEmpty())
        return {};
    const QUrl remote = remoteFor(source, state);
    // The user's own file first: the original, at full quality.
    if (const media::MediaItem *item = itemFor(source, remote, bin, true))
        return item->path;
    if (cache && remote.isValid() && cache->contains(remote))
        return cache->pathFor(remote);
    return {};
}

QHash<QString, qint64> LocalSources::mediaLengths(const agent::ProjectState &state,
                                                  const QList<media::MediaItem> &bin)
{
    QHash<QString, qint64> lengths;
    auto note = [&lengths](const QString &link, double seconds) {
        if (link.isEmpty() || !(seconds > 0) || seconds > 360000)
            return;
        const qint64 ms = qint64(seconds * 1000);
        lengths.insert(link, ms);
        const QString name = link.section(QLatin1Char('/'), -1).section(QLatin1Char('?'), 0, 0);
        if (!name.isEmpty() && !lengths.contains(name))
            lengths.insert(name, ms);
    };
    for (const media::MediaItem &item : bin) {
        note(item.uploaded.cdnUrl, item.uploaded.duration);
        note(item.uploaded.filename, item.uploaded.duration);
        if (item.isGenerated())
            note(item.url.toString(), item.duration);
    }
    for (const media::GeneratedClip &clip : state.generated)
        note(clip.url.toString(), clip.duration);
    for (const QJsonValue &value : state.videoInfos) {
        const QJsonObject info = value.toObject();
        const double seconds = info.value(QLatin1String("duration")).toDouble();
        for (const char *key : {"cdn_url", "url", "filename", "file_name", "path"})
            note(info.value(QLatin1String(key)).toString(), seconds);
    }
    return lengths;
}

MltDocument::Options LocalSources::documentOptions(MltDocument::Options options) const
{
    options.gone = m_gone;
    options.fetchErrors = m_fetchErrors;
    for (auto it = m_lengths.cbegin(); it != m_lengths.cend(); ++it)
        options.mediaMs.insert(it.key(), it.value());
    return options;
}

void LocalSources::resolve(const agent::ProjectState &state, const QList<media::MediaItem> &bin)
{
    m_files.clear();
    m_gone.clear();
    m_fetchErrors.clear();
    m_lengths.clear();
    QSet<QString> sources;
    for (const draft::Track &track : state.draft.tracks()) {
        if (track.kind == draft::TrackKind::Text)
            continue;
        for (const draft::Segment &segment : track.segments) {
            if (!segment.source.isEmpty())
                sources.insert(segment.source);
        }
    }
    const QHash<QString, qint64> lengths = mediaLengths(state, bin);
    QHash<QUrl, QStringList> toFetch;
    for (const QString &source : std::as_const(sources)) {
        const qint64 length = lengths.value(source, lengths.value(fileNameOf(source), -1));
        if (length > 0)
            m_lengths.insert(source, length);
        const QString local = localFor(source, state, bin, m_cache);
        if (!local.isEmpty()) {
            m_files.insert(source, local);
            continue;
        }
        // The user's own file was here once: the service's copy stands in for it when it can be had
        // (and the document says so), else the document names the file that is gone.
        const QUrl remote = remoteFor(source, state);
        const media::MediaItem *original = itemFor(source, remote, bin, false);
        if (original && !original->path.isEmpty())
            m_gone.insert(source, original->path);
        if (remote.isValid() && m_cache)
            toFetch[remote].append(source);
    }
    m_total = int(toFetch.size());
    m_pending = m_total;
    if (m_pending == 0) {
        QMetaObject::invokeMethod(this, &LocalSources::finished, Qt::QueuedConnection);
        return;
    }
    for (auto it = toFetch.cbegin(); it != toFetch.cend(); ++it) {
        const QUrl url = it.key();
        const QStringList forSources = it.value();
        net::DownloadJob *job = m_cache->fetch(url);
        if (!job) {
            for (const QString &source : forSources)
                m_files.insert(source, m_cache->pathFor(url));
            --m_pending;
            continue;
        }
        m_jobs.append(job);
        connect(job, &net::ServiceJob::finished, this, [this, job, url, forSources] {
            for (const QString &source : forSources) {
                if (job->error()) {
                    m_fetchErrors.insert(source, job->error().message());
                } else {
                    m_files.insert(source, m_cache->pathFor(url)); // the service's copy stands in
                }
            }
            --m_pending;
            emit progress(m_total - m_pending, m_total);
            settle();
        });
    }
    settle();
}

void LocalSources::settle()
{
    if (m_pending == 0)
        QMetaObject::invokeMethod(this, &LocalSources::finished, Qt::QueuedConnection);
}

void LocalSources::cancel()
{
    for (const QPointer<QObject> &job : std::as_const(m_jobs)) {
        if (auto *download = qobject_cast<net::DownloadJob *>(job.data())) {
            download->disconnect(this);
            download->abort();
        }
    }
    m_jobs.clear();
    m_pending = 0;
}

} // namespace nemo::render
