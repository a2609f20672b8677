#pragma once

#include "agent/projectstate.h"
#include "media/mediaitem.h"
#include "render/mltdocument.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace nemo::media {
class MediaCache;
} // namespace nemo::media

namespace nemo::render {

// Finds every source of a draft on this computer, for rendering it here: the user's own original (the
// media bin knows which local file became which upload), a sandbox path (/mnt/userdata/…/<name>)
// matched by file name, else the link downloaded once into the media cache (generated clips too).
// What cannot be had is left out of files(); the document then names it.
class LocalSources : public QObject
{
    Q_OBJECT
public:
    LocalSources(media::MediaCache *cache, QObject *parent = nullptr);

    // Starts finding; finished() follows (at once when nothing has to be downloaded).
    void resolve(const agent::ProjectState &state, const QList<media::MediaItem> &bin);
    void cancel();
    bool isRunning() const { return m_pending > 0; }

    // A segment's source → its local file.
    QHash<QString, QString> files() const { return m_files; }
    // A source whose original (the user's own file) is no longer where it was → that path (whether or
    // not the service's copy was fetched in its place).
    QHash<QString, QString> gone() const { return m_gone; }
    // A source whose download failed → why.
    QHash<QString, QString> fetchErrors() const { return m_fetchErrors; }
    int downloading() const { return m_pending; }
    // The document's options with what was found out here (why a source is missing) and the media's
    // own lengths.
    MltDocument::Options documentOptions(MltDocument::Options options) const;

    // Where a source is on this computer right now, without downloading anything.
    static QString localFor(const QString &source, const agent::ProjectState &state,
                            const QList<media::MediaItem> &bin, const media::MediaCache *cache);
    // The link a source can be downloaded from (itself, or the upload a sandbox path names).
    static QUrl remoteFor(const QString &source, const agent::ProjectState &state);
    // Every source's own length in milliseconds that the media bin and the service say (by link, and
    // by file name for sandbox paths).
    static QHash<QString, qint64> mediaLengths(const agent::ProjectState &state,
                                               const QList<media::MediaItem> &bin);

signals:
    void progress(int done, int total);
    void finished();

private:
    void settle();

    media::MediaCache *m_cache;
    QHash<QString, QString> m_files;
    QHash<QString, QString> m_gone;
    QHash<QString, QString> m_fetchErrors;
    QHash<QString, qint64> m_lengths;
    QList<QPointer<QObject>> m_jobs;
    int m_pending = 0;
    int m_total = 0;
};

} // namespace nemo::render
