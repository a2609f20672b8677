#pragma once

#include "mediaitem.h"
#include "projectstate.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace nemo::core {

class MediaCache;

// Finds every source of a draft on this computer, for rendering it here: the user's own original (the
// media bin knows which local file became which upload), a sandbox path (/mnt/userdata/…/<name>)
// matched by file name, else the link downloaded once into the media cache (generated clips too).
// What cannot be had is left out of files(); the document then names it.
class LocalSources : public QObject
{
    Q_OBJECT
public:
    LocalSources(MediaCache *cache, QObject *parent = nullptr);

    // Starts finding; finished() follows (at once when nothing has to be downloaded).
    void resolve(const ProjectState &state, const QList<MediaItem> &bin);
    void cancel();
    bool isRunning() const { return m_pending > 0; }

    // A segment's source → its local file.
    QHash<QString, QString> files() const { return m_files; }
    int downloading() const { return m_pending; }

    // Where a source is on this computer right now, without downloading anything.
    static QString localFor(const QString &source, const ProjectState &state, const QList<MediaItem> &bin,
                            const MediaCache *cache);
    // The link a source can be downloaded from (itself, or the upload a sandbox path names).
    static QUrl remoteFor(const QString &source, const ProjectState &state);

signals:
    void progress(int done, int total);
    void finished();

private:
    void settle();

    MediaCache *m_cache;
    QHash<QString, QString> m_files;
    QList<QPointer<QObject>> m_jobs;
    int m_pending = 0;
    int m_total = 0;
};

} // namespace nemo::core
