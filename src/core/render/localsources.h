#pragma once

#include "agent/projectstate.h"
#include "media/mediaitem.h"

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
    int downloading() const { return m_pending; }

    // Where a source is on this computer right now, without downloading anything.
    static QString localFor(const QString &source, const agent::ProjectState &state,
                            const QList<media::MediaItem> &bin, const media::MediaCache *cache);
    // The link a source can be downloaded from (itself, or the upload a sandbox path names).
    static QUrl remoteFor(const QString &source, const agent::ProjectState &state);

signals:
    void progress(int done, int total);
    void finished();

private:
    void settle();

    media::MediaCache *m_cache;
    QHash<QString, QString> m_files;
    QList<QPointer<QObject>> m_jobs;
    int m_pending = 0;
    int m_total = 0;
};

} // namespace nemo::render
