#include "media/mediacache.h"

#include "net/connection.h"
#include "net/downloadjob.h"
#include "net/serviceconfig.h"
#include "util/filenames.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace nemo::media {

MediaCache::MediaCache(net::Connection *connection, const QString &folder, qint64 limitBytes, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_folder(folder)
    , m_limit(limitBytes)
{ }

QString MediaCache::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/media");
}

QString MediaCache::pathFor(const QUrl &url, const QString &name) const
{
    // The link's hash keeps two files of one name apart; the name keeps the extension that players and
    // MLT go by.
    const QByteArray key =
        QCryptographicHash::hash(url.toEncoded(), QCryptographicHash::Sha256).toHex().left(20);
    const QString file =
        util::FileNames::sanitize(name.isEmpty() ? url.fileName() : name, QStringLiteral("media"));
    return m_folder + QLatin1Char('/') + QString::fromLatin1(key) + QLatin1Char('-') + file;
}

bool MediaCache::contains(const QUrl &url, const QString &name) const
{
    const QFileInfo info(pathFor(url, name));
    return info.isFile() && info.size() > 0;
}

net::DownloadJob *MediaCache::fetch(const QUrl &url, const QString &name)
{
    const QString path = pathFor(url, name);
    if (contains(url, name)) {
        // Used again: the newest for trim().
        QFile file(path);
        if (file.open(QIODevice::ReadWrite))
            file.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
        return nullptr;
    }
    if (QPointer<net::DownloadJob> running = m_running.value(path))
        return running;
    QDir().mkpath(m_folder);
    auto *job = net::ServiceJob::started(new net::DownloadJob(m_connection, url, QUrl(), path, -1, this));
    m_running.insert(path, job);
    connect(job, &net::ServiceJob::finished, this, [this, path, job] {
        if (m_running.value(path) == job)
            m_running.remove(path);
        if (!job->error())
            trim();
    });
    return job;
}

void MediaCache::trim()
{
    QFileInfoList files = QDir(m_folder).entryInfoList(QDir::Files | QDir::NoDotAndDotDot);
    qint64 total = 0;
    for (const QFileInfo &file : std::as_const(files))
        total += file.size();
    if (total <= m_limit)
        return;
    std::sort(files.begin(), files.end(),
              [](const QFileInfo &a, const QFileInfo &b) { return a.lastModified() < b.lastModified(); });
    for (const QFileInfo &file : std::as_const(files)) {
        if (total <= m_limit)
            break;
        const QString path = file.absoluteFilePath();
        const QString whole = path.endsWith(QLatin1String(".part")) ? path.chopped(5) : path;
        if (m_running.contains(whole))
            continue;
        if (QFile::remove(path))
            total -= file.size();
    }
}

} // namespace nemo::media
