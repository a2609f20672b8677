#include "net/downloadjob.h"

#include "net/connection.h"
#include "net/envelope.h"
#include "net/serviceconfig.h"
#include "net/transport.h"
#include "util/replacefile.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QStorageInfo>

namespace nemo::net {

namespace {

constexpr int MaxTransientFailures = 5;
constexpr qint64 ReadBuffer = 1024 * 1024;

} // namespace

DownloadJob::DownloadJob(Connection *connection, const QUrl &url, const QUrl &fallbackUrl,
                         const QString &targetPath, qint64 expectedSize, QObject *parent)
    : ServiceJob(connection, Needs::Token, parent)
    , m_url(url)
    , m_fallback(fallbackUrl)
    , m_target(targetPath)
    , m_expected(expectedSize)
{ }

void DownloadJob::send()
{
    ++m_attempts;
    const QUrl url = m_usingFallback ? m_fallback : m_url;
    const QString problem = ServiceConfig::checkServiceUrl(url);
    if (!problem.isEmpty()) {
        if (!m_usingFallback && m_fallback.isValid()) {
            m_usingFallback = true;
            send();
            return;
        }
        ApiError error(ApiError::Kind::Insecure);
        error.setDetail(problem);
        complete(error);
        return;
    }
    QDir().mkpath(QFileInfo(m_target).absolutePath());
    m_file.setFileName(partPath());
    // Unbuffered: what arrived is in the file at once, so after a crash the download resumes from every
    // byte that was received (network chunks are already large; a second buffer would only copy them).
    if (!m_file.open(QIODevice::ReadWrite | QIODevice::Unbuffered)) {
        ApiError error(ApiError::Kind::InvalidInput);
        error.setDetail(
            tr("Can't write %1: %2").arg(QDir::toNativeSeparators(partPath()), m_file.errorString()));
        complete(error);
        return;
    }
    m_offset = m_file.size();
    if (m_resumedFrom < 0)
        m_resumedFrom = m_offset;
    m_file.seek(m_offset);
    m_received = m_offset;
    m_accepted = false;

    QNetworkRequest request = connection()->transport()->requestFor(url);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    if (m_offset > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_offset) + '-');
    QNetworkReply *reply = connection()->transport()->network()->get(request);
    reply->setReadBufferSize(ReadBuffer);
    track(reply);
    connect(reply, &QNetworkReply::metaDataChanged, this, &DownloadJob::onMetaData);
    connect(reply, &QNetworkReply::readyRead, this, &DownloadJob::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &DownloadJob::onReplyFinished);
}

void DownloadJob::cancelRequest()
{
    ServiceJob::cancelRequest();
    if (m_file.isOpen())
        m_file.close(); // the .part stays: a later attempt resumes it
}

void DownloadJob::onMetaData()
{
    QNetworkReply *reply = currentReply();
    if (!reply || reply != sender())
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 206) {
        static const QRegularExpression range(QStringLiteral("^bytes (\\d+)-(\\d+)/(\\d+|\\*)$"));
        const auto match = range.match(QString::fromLatin1(reply->rawHeader("Content-Range")).trimmed());
        if (!match.hasMatch() || match.captured(1).toLongLong() != m_offset) {
            // Not the range asked for: start over rather than stitch the wrong bytes together.
            restartFromZero();
            return;
        }
        if (match.captured(3) != QLatin1String("*"))
            m_total = match.captured(3).toLongLong();
        m_accepted = true;
    } else if (status == 200) {
        if (m_offset > 0) {
            // The server ignored the Range: the body is the whole file.
            m_file.resize(0);
            m_file.seek(0);
            m_offset = 0;
            m_received = 0;
        }
        const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        m_total = length > 0 ? length : -1;
        m_accepted = true;
    }
}

bool DownloadJob::writeAvailable()
{
    QNetworkReply *reply = currentReply();
    if (!reply)
        return true;
    if (!m_accepted) {
        // An error page rather than the file: read as an answer, so never beyond the one limit.
        if (reply->bytesAvailable() <= MaxAnswerBytes)
            return true;
        cancelRequest();
        complete(answerTooLarge());
        return false;
    }
    while (reply->bytesAvailable() > 0) {
        const QByteArray chunk = reply->read(ReadBuffer);
        if (chunk.isEmpty())
            break;
        if (m_file.write(chunk) != chunk.size()) {
            // Said in plain words (a full disk says "Unknown error" through an unbuffered file), and no
            // partial file left behind: the download starts over once there is room.
            const QString folder = QFileInfo(m_target).absolutePath();
            const QStorageInfo volume(folder);
            ApiError error(ApiError::Kind::Storage);
            if (volume.isValid() && volume.bytesAvailable() < qMax<qint64>(chunk.size(), 1024 * 1024))
                error.setDetail(
                    tr("The disk with %1 is full: the download of %2 stopped. Free some space and "
                       "try again.")
                        .arg(QDir::toNativeSeparators(folder), QFileInfo(m_target).fileName()));
            else
                error.setDetail(
                    tr("Can't write %1: %2").arg(QDir::toNativeSeparators(partPath()), m_file.errorString()));
            cancelRequest();
            m_file.close();
            QFile::remove(partPath());
            complete(error);
            return false;
        }
        m_received += chunk.size();
    }
    emit progress(m_received, m_total);
    return true;
}

void DownloadJob::onReadyRead()
{
    if (currentReply() && currentReply() == sender())
        writeAvailable();
}

void DownloadJob::restartFromZero()
{
    if (m_restarted) {
        cancelRequest();
        complete(ApiError(ApiError::Kind::BadResponse));
        return;
    }
    m_restarted = true;
    ServiceJob::cancelRequest();
    m_file.close();
    QFile::remove(partPath());
    send();
}

void DownloadJob::retryOrFail(const ApiError &error)
{
    m_file.close();
    if (error.isTransient() && ++m_transientFailures <= MaxTransientFailures) {
        retryAfter(int(connection()->config().retryBackoff.count()) << (m_transientFailures - 1));
        return;
    }
    complete(error);
}

void DownloadJob::onReplyFinished()
{
    QNetworkReply *reply = currentReply();
    if (!reply || reply != sender() || isFinished())
        return;
    if (!writeAvailable())
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const ApiError transport = transportError(reply);
    if (transport) {
        // Cut off: keep what arrived and continue from there.
        retryOrFail(transport);
        return;
    }
    if (status == 416) {
        if (m_expected > 0 && m_file.size() == m_expected) {
            finalize();
            return;
        }
        restartFromZero();
        return;
    }
    if (status != 200 && status != 206) {
        ApiError error = answerOf(reply, readWhatCame(reply)).error;
        if (!error)
            error = ApiError::fromHttpStatus(status ? status : 500, QString());
        if (!m_usingFallback && m_fallback.isValid() && m_fallback != m_url && !error.isTransient()) {
            m_usingFallback = true;
            m_file.close();
            QFile::remove(partPath());
            send();
            return;
        }
        if (recover(error))
            return;
        if (error.isTransient()) {
            retryOrFail(error);
            return;
        }
        m_file.close();
        complete(error);
        return;
    }
    if (m_total >= 0 && m_received < m_total) {
        retryOrFail(ApiError(ApiError::Kind::Network));
        return;
    }
    finalize();
}

void DownloadJob::finalize()
{
    m_file.flush();
    const qint64 size = m_file.size();
    m_file.close();
    if ((m_total >= 0 && size != m_total) || (m_expected > 0 && size != m_expected)) {
        QFile::remove(partPath());
        ApiError error(ApiError::Kind::BadResponse);
        error.setDetail(tr("The downloaded file doesn't have the expected size."));
        complete(error);
        return;
    }
    QString problem;
    if (!util::replaceFile(partPath(), m_target, &problem)) {
        ApiError error(ApiError::Kind::Storage);
        error.setDetail(tr("Can't put the finished file in place: %1.").arg(problem));
        complete(error);
        return;
    }
    m_received = size;
    emit progress(size, size);
    complete();
}

} // namespace nemo::net
