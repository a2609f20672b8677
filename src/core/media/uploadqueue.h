#pragma once

#include "media/generatedclip.h"
#include "media/mediaitem.h"
#include "media/mediavalidator.h"
#include "media/uploadjob.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace nemo::net {
class Connection;
} // namespace nemo::net

namespace nemo::media {

class MediaCache;

// The media bin: what the user added, checked at the door (off the UI thread, folders expanded), then
// uploaded one file per request, two at a time, each with its own progress and its own failure
// and Retry. Files that cannot be used are refused with a message and never uploaded. Clips the agent
// generated join the bin too; they are never uploaded but fetched once into the media cache (the
// same queue, progress, failure and Retry).
class UploadQueue : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxFilesPerDrop = 10000;

    explicit UploadQueue(net::Connection *connection, QObject *parent = nullptr);
    ~UploadQueue() override;

    const QList<MediaItem> &items() const { return m_items; }
    int size() const { return int(m_items.size()); }
    const MediaItem &at(int index) const { return m_items.at(index); }
    int indexOf(quint64 id) const;

    // Files and folders (expanded recursively). Checking happens in the background; accepted files
    // appear with added(), refused ones are reported with refused().
    void add(const QStringList &paths);
    // Web links, uploaded by URL (the service fetches them).
    void addUrls(const QList<QUrl> &urls);
    // What the agent generated (from the state); clips already in the bin are left as they are.
    void addGenerated(const QList<GeneratedClip> &clips);
    // Files uploaded elsewhere (nemo-cli's upload) join the bin as they are; the same file uploaded
    // again replaces its earlier item.
    void addUploaded(const QList<MediaItem> &items);
    // Where generated clips are fetched to (without one they stay links).
    void setCache(MediaCache *cache) { m_cache = cache; }
    void retry(quint64 id);
    void retryFailed();
    void remove(quint64 id);
    // A removed item back at `index` (undo): as it was when uploaded or failed; an upload or a fetch that
    // the removal stopped starts again.
    void insert(int index, const MediaItem &item);
    // The user's own file found again at `to` (it was moved or renamed): every item that was `from`
    // points there now. False when `to` is not a readable file.
    bool relocate(const QString &from, const QString &to);
    // Replaces the items (a project being opened); uploads that were running become interrupted.
    void restore(const QList<MediaItem> &items);
    void setParallel(int parallel) { m_parallel = qMax(1, parallel); }
    // True while files are still being checked or uploaded.
    bool isBusy() const;

signals:
    void added(int first, int last);
    void changed(int index);
    void removed(int index);
    void reset();
    // Files that were not added, each with its reason, and how many there were in all.
    void refused(const QList<nemo::media::MediaCheck> &problems, int total);
    void linksRefused(const QStringList &problems);
    void checkingChanged(bool checking);

private:
    void accept(const QList<MediaCheck> &accepted, const QList<MediaCheck> &problems, int total);
    void pump();
    void startUpload(int index);
    void startFetch(int index);
    void settle(quint64 id, const net::ApiError &error);

    net::Connection *m_connection;
    MediaCache *m_cache = nullptr;
    QList<MediaItem> m_items;
    QHash<quint64, QPointer<net::ServiceJob>> m_jobs;
    int m_parallel = 2;
    int m_checking = 0;
    quint64 m_nextId = 1;
};

} // namespace nemo::media
