#pragma once

#include "net/servicejob.h"

#include <QFile>
#include <QUrl>

namespace nemo::net {

// Downloads a finished render to `<target>.part`, streaming to disk, resuming with Range after a
// cut (also across restarts: an existing .part is continued), checks the size, then renames the
// file into place. Falls back to the service's /download URL once when the output URL fails.
class DownloadJob : public ServiceJob
{
    Q_OBJECT
public:
    DownloadJob(Connection *connection, const QUrl &url, const QUrl &fallbackUrl, const QString &targetPath,
                qint64 expectedSize = -1, QObject *parent = nullptr);

    QString targetPath() const { return m_target; }
    QString partPath() const { return m_target + QStringLiteral(".part"); }
    qint64 received() const { return m_received; }
    qint64 total() const { return m_total; }
    // Bytes that were already on disk from an earlier, interrupted attempt when this job began.
    qint64 resumedFrom() const { return m_resumedFrom; }
    int attempts() const { return m_attempts; }

signals:
    void progress(qint64 received, qint64 total);

protected:
    void send() override;
    void cancelRequest() override;

private:
    void onMetaData();
    void onReadyRead();
    void onReplyFinished();
    bool writeAvailable();
    void restartFromZero();
    void finalize();
    void retryOrFail(const ApiError &error);

    QUrl m_url;
    QUrl m_fallback;
    QString m_target;
    qint64 m_expected;
    QFile m_file;
    qint64 m_offset = 0;
    qint64 m_received = 0;
    qint64 m_total = -1;
    qint64 m_resumedFrom = -1;
    int m_attempts = 0;
    int m_transientFailures = 0;
    bool m_usingFallback = false;
    bool m_restarted = false;
    bool m_accepted = false;
};

} // namespace nemo::net
