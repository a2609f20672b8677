#include "media/uploadqueue.h"

#include "media/mediacache.h"
#include "media/uploadjob.h"
#include "net/connection.h"
#include "net/downloadjob.h"
#include "net/serviceconfig.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFileInfo>
#include <QSet>
#include <QThreadPool>

namespace nemo::media {

namespace {

// Expands folders and checks every file; runs on a worker thread.
void checkPaths(const QStringList &paths, qint64 maxBytes, int limit, QList<MediaCheck> *accepted,
                QList<MediaCheck> *problems, int *total)
{
    QStringList files;
    bool truncated = false;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir() && !info.isSymLink()) {
            QDirIterator it(path, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
            if (!it.hasNext()) {
                MediaCheck empty;
                empty.path = path;
                empty.problem = MediaCheck::Problem::EmptyFolder;
                problems->append(empty);
            }
            while (it.hasNext()) {
                const QString file = it.next();
                if (it.fileInfo().isHidden())
                    continue;
                if (files.size() >= limit) {
                    truncated = true;
                    break;
                }
                files.append(file);
            }
        } else if (files.size() < limit) {
            files.append(path);
        } else {
            truncated = true;
        }
    }
    *total = int(files.size());
    for (const QString &file : std::as_const(files)) {
        MediaCheck check = MediaValidator::check(file, maxBytes);
        (check.ok() ? accepted : problems)->append(check);
    }
    if (truncated) {
        MediaCheck tooMany;
        tooMany.problem = MediaCheck::Problem::TooMany;
        tooMany.limit = limit;
        problems->append(tooMany);
    }
}

} // namespace

UploadQueue::UploadQueue(net::Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{ }

UploadQueue::~UploadQueue()
{
    // Stop what runs without letting the ends of those jobs start the next uploads.
    for (const QPointer<net::ServiceJob> &job : std::as_const(m_jobs)) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
}

int UploadQueue::indexOf(quint64 id) const
{
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).id == id)
            return int(i);
    }
    return -1;
}

bool UploadQueue::isBusy() const
{
    if (m_checking > 0)
        return true;
    for (const MediaItem &item : m_items) {
        if (item.state == MediaItem::State::Queued || item.state == MediaItem::State::Uploading)
            return true;
    }
    return false;
}

void UploadQueue::add(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    if (m_checking++ == 0)
        emit checkingChanged(true);
    const qint64 maxBytes = m_connection->config().maxUploadBytes;
    QPointer<UploadQueue> self(this);
    // Reading thousands of files to check them would freeze the window: do it on a worker.
    QThreadPool::globalInstance()->start([self, paths, maxBytes] {
        auto accepted = std::make_shared<QList<MediaCheck>>();
        auto problems = std::make_shared<QList<MediaCheck>>();
        int total = 0;
        checkPaths(paths, maxBytes, MaxFilesPerDrop, accepted.get(), problems.get(), &total);
        QMetaObject::invokeMethod(
            qApp,
            [self, accepted, problems, total] {
                if (self)
                    self->accept(*accepted, *problems, total);
            },
            Qt::QueuedConnection);
    });
}

void UploadQueue::addUrls(const QList<QUrl> &urls)
{
    QStringList problems;
    const int first = int(m_items.size());
    for (const QUrl &url : urls) {
        const QString problem = UploadJob::checkUrl(url);
        if (!problem.isEmpty()) {
            problems.append(problem);
            continue;
        }
        MediaItem item;
        item.id = m_nextId++;
        item.url = url;
        item.name = url.fileName().isEmpty() ? url.host() : url.fileName();
        item.kind = MediaValidator::kindForExtension(QFileInfo(url.path()).suffix());
        item.state = MediaItem::State::Queued;
        m_items.append(item);
    }
    if (m_items.size() > first)
        emit added(first, int(m_items.size() - 1));
    if (!problems.isEmpty())
        emit linksRefused(problems);
    pump();
}

void UploadQueue::addGenerated(const QList<GeneratedClip> &clips)
{
    QSet<QUrl> known;
    for (const MediaItem &item : std::as_const(m_items)) {
        if (item.isGenerated())
            known.insert(item.url);
    }
    const int first = int(m_items.size());
    for (const GeneratedClip &clip : clips) {
        if (!clip.isValid() || known.contains(clip.url))
            continue;
        known.insert(clip.url);
        MediaItem item;
        item.id = m_nextId++;
        item.origin = MediaItem::Origin::Generated;
        item.url = clip.url;
        item.name = clip.name;
        item.kind = clip.kind;
        item.prompt = clip.prompt;
        item.duration = clip.duration;
        item.state = MediaItem::State::Queued;
        m_items.append(item);
    }
    if (m_items.size() > first)
        emit added(first, int(m_items.size() - 1));
    pump();
}

void UploadQueue::addUploaded(const QList<MediaItem> &items)
{
    for (const MediaItem &uploaded : items) {
        MediaItem item = uploaded;
        item.state = MediaItem::State::Uploaded;
        const auto same = std::find_if(m_items.begin(), m_items.end(), [&](const MediaItem &known) {
            return !known.path.isEmpty() && known.path == item.path;
        });
        if (same != m_items.end()) {
            item.id = same->id;
            *same = item;
            emit changed(int(same - m_items.begin()));
            continue;
        }
        item.id = m_nextId++;
        m_items.append(item);
        emit added(int(m_items.size() - 1), int(m_items.size() - 1));
    }
}

void UploadQueue::accept(const QList<MediaCheck> &accepted, const QList<MediaCheck> &problems, int total)
{
    QSet<QString> known;
    for (const MediaItem &item : std::as_const(m_items)) {
        if (!item.path.isEmpty())
            known.insert(QFileInfo(item.path).absoluteFilePath());
    }
    const int first = int(m_items.size());
    for (const MediaCheck &check : accepted) {
        const QString absolute = QFileInfo(check.path).absoluteFilePath();
        if (known.contains(absolute))
            continue; // already in the bin
        known.insert(absolute);
        MediaItem item;
        item.id = m_nextId++;
        item.path = absolute;
        item.name = QFileInfo(check.path).fileName();
        item.kind = check.kind;
        item.size = check.size;
        item.state = MediaItem::State::Queued;
        m_items.append(item);
    }
    if (m_items.size() > first)
        emit added(first, int(m_items.size() - 1));
    if (!problems.isEmpty())
        emit refused(problems, total);
    if (--m_checking == 0)
        emit checkingChanged(false);
    pump();
}

void UploadQueue::pump()
{
    int running = 0;
    for (const QPointer<net::ServiceJob> &job : std::as_const(m_jobs))
        running += job ? 1 : 0;
    for (qsizetype i = 0; i < m_items.size() && running < m_parallel; ++i) {
        if (m_items.at(i).state == MediaItem::State::Queued) {
            startUpload(int(i));
            ++running;
        }
    }
}

void UploadQueue::startUpload(int index)
{
    if (m_items.at(index).isGenerated()) {
        startFetch(index);
        return;
    }
    MediaItem &item = m_items[index];
    item.state = MediaItem::State::Uploading;
    item.sent = 0;
    item.error.clear();
    const quint64 id = item.id;
    emit changed(index);
    UploadJob *job = net::ServiceJob::started(
        item.url.isValid() ? new UploadJob(m_connection, QList<QUrl>{item.url}, this)
                           : new UploadJob(m_connection, QStringList{item.path}, this));
    m_jobs.insert(id, job);
    connect(job, &UploadJob::progress, this, [this, id](qint64 sent) {
        const int at = indexOf(id);
        if (at < 0)
            return;
        m_items[at].sent = sent;
        emit changed(at);
    });
    connect(job, &net::ServiceJob::finished, this, [this, job, id] {
        const int at = indexOf(id);
        if (at >= 0 && !job->error() && !job->files().isEmpty())
            m_items[at].uploaded = job->files().first();
        settle(id, job->error());
    });
}

void UploadQueue::startFetch(int index)
{
    MediaItem &item = m_items[index];
    const quint64 id = item.id;
    item.error.clear();
    if (!m_cache) {
        item.state = MediaItem::State::Uploaded; // a link only: nothing to fetch it to
        emit changed(index);
        return;
    }
    const QString path = m_cache->pathFor(item.url, item.name);
    net::DownloadJob *job = m_cache->fetch(item.url, item.name);
    if (!job) {
        item.path = path;
        item.size = QFileInfo(path).size();
        item.sent = item.size;
        item.state = MediaItem::State::Uploaded;
        emit changed(index);
        return;
    }
    item.state = MediaItem::State::Uploading;
    item.sent = 0;
    emit changed(index);
    m_jobs.insert(id, job);
    connect(job, &net::DownloadJob::progress, this, [this, id](qint64 received, qint64 total) {
        const int at = indexOf(id);
        if (at < 0)
            return;
        m_items[at].sent = received;
        if (total > 0)
            m_items[at].size = total;
        emit changed(at);
    });
    connect(job, &net::ServiceJob::finished, this, [this, job, id, path] {
        const int at = indexOf(id);
        if (at >= 0 && !job->error()) {
            m_items[at].path = path;
            m_items[at].size = QFileInfo(path).size();
        }
        settle(id, job->error());
    });
}

void UploadQueue::settle(quint64 id, const net::ApiError &error)
{
    m_jobs.remove(id);
    const int at = indexOf(id);
    if (at >= 0) {
        MediaItem &done = m_items[at];
        if (error) {
            done.state = error.kind() == net::ApiError::Kind::Cancelled ? MediaItem::State::Interrupted
                                                                        : MediaItem::State::Failed;
            done.error = error.message();
        } else {
            done.state = MediaItem::State::Uploaded;
            done.sent = done.size;
        }
        emit changed(at);
    }
    pump();
}

void UploadQueue::retry(quint64 id)
{
    const int index = indexOf(id);
    if (index < 0)
        return;
    MediaItem &item = m_items[index];
    if (item.state != MediaItem::State::Failed && item.state != MediaItem::State::Interrupted)
        return;
    item.state = MediaItem::State::Queued;
    item.error.clear();
    emit changed(index);
    pump();
}

void UploadQueue::retryFailed()
{
    for (const MediaItem &item : std::as_const(m_items)) {
        if (item.state == MediaItem::State::Failed || item.state == MediaItem::State::Interrupted)
            retry(item.id);
    }
}

void UploadQueue::remove(quint64 id)
{
    const int index = indexOf(id);
    if (index < 0)
        return;
    if (QPointer<net::ServiceJob> job = m_jobs.take(id)) {
        job->disconnect(this);
        job->abort();
    }
    m_items.removeAt(index);
    emit removed(index);
    pump();
}

void UploadQueue::insert(int index, const MediaItem &item)
{
    if (indexOf(item.id) >= 0)
        return;
    MediaItem back = item;
    if (back.state == MediaItem::State::Checking || back.state == MediaItem::State::Uploading)
        back.state = MediaItem::State::Queued; // started again from the start
    index = qBound(0, index, int(m_items.size()));
    m_items.insert(index, back);
    m_nextId = qMax(m_nextId, back.id + 1);
    emit added(index, index);
    pump();
}

bool UploadQueue::relocate(const QString &from, const QString &to)
{
    const QFileInfo info(to);
    if (from.isEmpty() || !info.isFile() || !info.isReadable())
        return false;
    bool found = false;
    for (int i = 0; i < int(m_items.size()); ++i) {
        if (m_items.at(i).path != from)
            continue;
        m_items[i].path = info.absoluteFilePath();
        found = true;
        emit changed(i);
    }
    return found;
}

void UploadQueue::restore(const QList<MediaItem> &items)
{
    for (const QPointer<net::ServiceJob> &job : std::as_const(m_jobs)) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
    m_jobs.clear();
    m_items = items;
    m_nextId = 1;
    bool fetch = false;
    for (MediaItem &item : m_items) {
        m_nextId = qMax(m_nextId, item.id + 1);
        if (item.isGenerated()) {
            // Fetching a generated clip costs nothing and sends nothing: continue it, and fetch again a
            // copy the cache no longer has.
            const bool missing = item.state == MediaItem::State::Uploaded && !item.path.isEmpty() &&
                !QFileInfo::exists(item.path);
            if (missing || item.state == MediaItem::State::Uploading ||
                item.state == MediaItem::State::Queued || item.state == MediaItem::State::Checking) {
                item.state = MediaItem::State::Queued;
                fetch = true;
            }
            continue;
        }
        // An upload cut off by a restart is shown as interrupted, with Retry: never resumed behind the user's
        // back.
        if (item.state == MediaItem::State::Uploading || item.state == MediaItem::State::Checking ||
            item.state == MediaItem::State::Queued)
            item.state = MediaItem::State::Interrupted;
    }
    emit reset();
    if (fetch)
        pump();
}

} // namespace nemo::media
