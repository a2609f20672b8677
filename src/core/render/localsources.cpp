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

QString LocalSources::localFor(const QString &source, const agent::ProjectState &state,
                               const QList<media::MediaItem> &bin, const media::MediaCache *cache)
{
    if (source.isEmpty())
        return {};
    const QString name = fileNameOf(source);
    const QUrl remote = remoteFor(source, state);
    // The user's own file first: the original, at full quality.
    for (const media::MediaItem &item : bin) {
        if (!usable(item.path))
            continue;
        const bool sameUpload = !item.uploaded.cdnUrl.isEmpty() &&
            (item.uploaded.cdnUrl == source || QUrl(item.uploaded.cdnUrl) == remote);
        const bool sameLink = item.url.isValid() && (item.url.toString() == source || item.url == remote);
        const bool sameName = draft::Draft::isSandboxPath(source) &&
            (item.uploaded.filename == name || (item.uploaded.filename.isEmpty() && item.name == name));
        if (sameUpload || sameLink || sameName)
            return item.path;
    }
    if (cache && remote.isValid() && cache->contains(remote))
        return cache->pathFor(remote);
    return {};
}

void LocalSources::resolve(const agent::ProjectState &state, const QList<media::MediaItem> &bin)
{
    m_files.clear();
    QSet<QString> sources;
    for (const draft::Track &track : state.draft.tracks()) {
        if (track.kind == draft::TrackKind::Text)
            continue;
        for (const draft::Segment &segment : track.segments) {
            if (!segment.source.isEmpty())
                sources.insert(segment.source);
        }
    }
    QHash<QUrl, QStringList> toFetch;
    for (const QString &source : std::as_const(sources)) {
        const QString local = localFor(source, state, bin, m_cache);
        if (!local.isEmpty()) {
            m_files.insert(source, local);
            continue;
        }
        const QUrl remote = remoteFor(source, state);
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
            if (!job->error()) {
                for (const QString &source : forSources)
                    m_files.insert(source, m_cache->pathFor(url));
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
