#pragma once

#include "media/mediavalidator.h"
#include "media/uploadedfile.h"
#include "net/servicejob.h"

#include <QJsonObject>
#include <QList>
#include <QUrl>

namespace nemo::media {

// Uploads files (one multipart request with a "files" part each, streamed from disk, never read
// whole) or URLs to the session. Every file is checked first; if any is refused nothing is sent.
class UploadJob : public net::ServiceJob
{
    Q_OBJECT
public:
    UploadJob(net::Connection *connection, const QStringList &paths, QObject *parent = nullptr);
    UploadJob(net::Connection *connection, const QList<QUrl> &urls, QObject *parent = nullptr);

    QStringList paths() const { return m_paths; }
    QList<UploadedFile> files() const { return m_files; }
    QList<MediaCheck> refused() const { return m_refused; }
    qint64 bytesSent() const { return m_sent; }
    qint64 bytesTotal() const { return m_total; }

    // Checks URLs the way files are checked: http(s) with a host, and no unsupported extension.
    static QString checkUrl(const QUrl &url);

signals:
    void progress(qint64 sent, qint64 total);

protected:
    void send() override;

private:
    bool validate();
    void onUploaded(const net::ApiResult &result);

    QStringList m_paths;
    QList<QUrl> m_urls;
    QList<UploadedFile> m_files;
    QList<MediaCheck> m_refused;
    qint64 m_sent = 0;
    qint64 m_total = 0;
    bool m_validated = false;
};

} // namespace nemo::media
