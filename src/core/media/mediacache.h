#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

namespace nemo::net {
class Connection;
class DownloadJob;
} // namespace nemo::net

namespace nemo::media {

// Media from the web kept on this computer: each link is fetched once (resumably, into
// `<cache>/media`), then served from disk. Shared by everything that needs a local copy (generated
// clips in the media bin; preview and local export). When the folder grows beyond its limit the files
// used longest ago are removed.
class MediaCache : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultLimitBytes = 4LL * 1024 * 1024 * 1024;

    explicit MediaCache(net::Connection *connection, const QString &folder = defaultFolder(),
                        qint64 limitBytes = DefaultLimitBytes, QObject *parent = nullptr);

    static QString defaultFolder();
    QString folder() const { return m_folder; }

    // Where the copy of `url` is (or will be) kept.
    QString pathFor(const QUrl &url, const QString &name = QString()) const;
    // True when the whole file is here.
    bool contains(const QUrl &url, const QString &name = QString()) const;
    // Fetches `url` unless it is here already (then null is returned). Two requests for one link share
    // one download. The job finishes with the file at pathFor(url, name).
    net::DownloadJob *fetch(const QUrl &url, const QString &name = QString());
    // Removes the files used longest ago until the folder fits its limit (never one being fetched).
    void trim();

private:
    net::Connection *m_connection;
    QString m_folder;
    qint64 m_limit;
    QHash<QString, QPointer<net::DownloadJob>> m_running; // by path
};

} // namespace nemo::media
