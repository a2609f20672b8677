#include "media/uploadjob.h"

#include "net/connection.h"
#include "net/envelope.h"
#include "net/serviceconfig.h"
#include "net/transport.h"
#include "util/weblink.h"

#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace nemo::media {

namespace {

QByteArray contentDisposition(const QString &fileName)
{
    // An ASCII name for old parsers, and the real one in RFC 5987 form.
    QByteArray ascii;
    for (const QChar c : fileName) {
        const bool plain =
            c.unicode() >= 0x20 && c.unicode() < 0x7f && c != QLatin1Char('"') && c != QLatin1Char('\\');
        ascii.append(plain ? char(c.unicode()) : '_');
    }
    return "form-data; name=\"files\"; filename=\"" + ascii + "\"; filename*=UTF-8''" +
        QUrl::toPercentEncoding(fileName);
}

} // namespace

UploadJob::UploadJob(net::Connection *connection, const QStringList &paths, QObject *parent)
    : net::ServiceJob(connection, Needs::Session, parent)
    , m_paths(paths)
{ }

UploadJob::UploadJob(net::Connection *connection, const QList<QUrl> &urls, QObject *parent)
    : net::ServiceJob(connection, Needs::Session, parent)
    , m_urls(urls)
{ }

QString UploadJob::checkUrl(const QUrl &url)
{
    if (!util::isWebLink(url))
        return MediaValidator::tr("%1 is not an http(s) link.").arg(url.toString().left(200));
    const QString suffix = QFileInfo(url.path()).suffix();
    if (!suffix.isEmpty() && MediaValidator::kindForExtension(suffix) == MediaKind::Unknown)
        return MediaValidator::tr("%1 isn't a supported type. Accepted: %2.")
            .arg(url.fileName(), MediaValidator::acceptedList());
    return {};
}

bool UploadJob::validate()
{
    if (m_validated)
        return m_refused.isEmpty();
    m_validated = true;
    QStringList problems;
    if (m_paths.isEmpty() && m_urls.isEmpty())
        problems.append(MediaValidator::tr("Nothing to upload."));
    for (const QString &path : std::as_const(m_paths)) {
        const MediaCheck check = MediaValidator::check(path, connection()->config().maxUploadBytes);
        if (!check.ok()) {
            m_refused.append(check);
            problems.append(check.message());
        } else {
            m_total += check.size;
        }
    }
    for (const QUrl &url : std::as_const(m_urls)) {
        const QString problem = checkUrl(url);
        if (!problem.isEmpty())
            problems.append(problem);
    }
    if (problems.isEmpty())
        return true;
    net::ApiError error(net::ApiError::Kind::InvalidInput);
    error.setDetail(problems.join(QLatin1Char('\n')));
    complete(error);
    return false;
}

void UploadJob::send()
{
    if (!validate())
        return;
    QNetworkAccessManager *network = connection()->transport()->network();
    const QString path = QStringLiteral("/api/upload-video/nemo_agent/me/") +
        QString::fromLatin1(QUrl::toPercentEncoding(sessionId()));
    QNetworkRequest request = connection()->transport()->request(path);
    QNetworkReply *reply = nullptr;
    if (!m_urls.isEmpty()) {
        QJsonArray urls;
        for (const QUrl &url : std::as_const(m_urls))
            urls.append(url.toString(QUrl::FullyEncoded));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        reply =
            network->post(request,
                          QJsonDocument(QJsonObject{{QStringLiteral("urls"), urls},
                                                    {QStringLiteral("source_type"), QStringLiteral("url")}})
                              .toJson(QJsonDocument::Compact));
    } else {
        auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        static const QMimeDatabase mimes;
        for (const QString &file : std::as_const(m_paths)) {
            auto *device = new QFile(file, multipart);
            if (!device->open(QIODevice::ReadOnly)) {
                delete multipart;
                net::ApiError error(net::ApiError::Kind::InvalidInput);
                error.setDetail(MediaValidator::tr("%1 can't be read (check its permissions).")
                                    .arg(QFileInfo(file).fileName()));
                complete(error);
                return;
            }
            QHttpPart part;
            part.setHeader(QNetworkRequest::ContentDispositionHeader,
                           contentDisposition(MediaValidator::uploadName(file)));
            part.setHeader(QNetworkRequest::ContentTypeHeader, mimes.mimeTypeForFile(file).name().toLatin1());
            part.setBodyDevice(device);
            multipart->append(part);
        }
        reply = network->post(request, multipart);
        multipart->setParent(reply);
    }
    m_sent = 0;
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        if (total <= 0)
            return;
        m_sent = sent;
        if (!m_urls.isEmpty())
            m_total = total;
        emit progress(sent, total);
    });
    expect(reply, [this](const net::ApiResult &result) { onUploaded(result); });
}

void UploadJob::onUploaded(const net::ApiResult &result)
{
    for (const auto &value : result.data.value(QLatin1String("files")).toArray())
        m_files.append(UploadedFile::fromJson(value.toObject()));
    if (m_files.isEmpty()) {
        complete(net::ApiError(net::ApiError::Kind::BadResponse));
        return;
    }
    complete();
}

} // namespace nemo::media
