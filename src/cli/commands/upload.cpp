#include "cliapplication.h"
#include "client/workspace.h"
#include "clisupport.h"
#include "exitcodes.h"
#include "media/mediavalidator.h"
#include "media/uploadjob.h"
#include "media/uploadqueue.h"

#include <QFileInfo>
#include <QJsonArray>

namespace nemo::cli {

using namespace nemo;

void CliApplication::addUploadOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(
        QStringLiteral("files"),
        tr("Photos, videos or music (%1).").arg(media::MediaValidator::acceptedList()), tr("FILE…"));
    parser.addOption({QStringLiteral("url"), tr("Upload from a link instead (repeatable)."), tr("URL")});
}

void CliApplication::upload()
{
    const QStringList files = m_parser.positionalArguments();
    const QStringList urlTexts = m_parser.values(QStringLiteral("url"));
    if (files.isEmpty() && urlTexts.isEmpty()) {
        printError(tr("Give one or more files, or --url URL."));
        finish(Usage);
        return;
    }
    if (!files.isEmpty() && !urlTexts.isEmpty()) {
        printError(tr("Upload files or URLs, not both at once."));
        finish(Usage);
        return;
    }
    QStringList accepted;
    QList<QUrl> urls;
    int refused = 0;
    for (const QString &file : files) {
        const media::MediaCheck check =
            media::MediaValidator::check(file, m_service->config().maxUploadBytes);
        if (check.ok()) {
            accepted.append(QFileInfo(file).absoluteFilePath());
        } else {
            printError(check.message());
            ++refused;
        }
    }
    for (const QString &text : urlTexts) {
        const QUrl url(text, QUrl::StrictMode);
        const QString problem = media::UploadJob::checkUrl(url);
        if (problem.isEmpty()) {
            urls.append(url);
        } else {
            printError(problem);
            ++refused;
        }
    }
    if (accepted.isEmpty() && urls.isEmpty()) {
        finish(BadInput);
        return;
    }
    media::UploadJob *job =
        urls.isEmpty() ? m_service->upload(accepted, this) : m_service->uploadUrls(urls, this);
    m_jobs.append(job);
    auto throttle = std::make_shared<Throttle>();
    connect(job, &media::UploadJob::progress, this, [this, throttle](qint64 sent, qint64 total) {
        if (!m_json && throttle->ready() && total > 0)
            m_err << '\r' << tr("Uploading… %1%").arg(sent * 100 / total) << Qt::flush;
    });
    connect(job, &net::ServiceJob::finished, this, [this, job, refused, accepted, urls] {
        if (!m_json)
            m_err << '\r' << QString(30, QLatin1Char(' ')) << '\r' << Qt::flush;
        if (job->error()) {
            fail(job->error());
            return;
        }
        // Into the project's media bin, as the window's own uploads are (a local render uses the originals).
        const qsizetype sent = urls.isEmpty() ? accepted.size() : urls.size();
        if (job->files().size() == sent) {
            QList<media::MediaItem> items;
            for (qsizetype i = 0; i < sent; ++i) {
                media::MediaItem item;
                item.uploaded = job->files().at(i);
                if (urls.isEmpty()) {
                    item.path = accepted.at(i);
                    item.name = QFileInfo(item.path).fileName();
                } else {
                    item.url = urls.at(i);
                    item.name = item.uploaded.filename;
                }
                item.kind = media::MediaValidator::kindForExtension(QFileInfo(item.name).suffix());
                items.append(item);
            }
            m_workspace->uploads()->addUploaded(items);
        }
        if (m_json) {
            QJsonArray list;
            for (const media::UploadedFile &file : job->files())
                list.append(file.raw);
            printJson({{QStringLiteral("files"), list}, {QStringLiteral("refused"), refused}});
        } else {
            for (const media::UploadedFile &file : job->files()) {
                QString details = file.fileType;
                if (file.width > 0 && file.height > 0)
                    details += QStringLiteral(" %1×%2").arg(file.width).arg(file.height);
                if (file.duration > 0)
                    details += QStringLiteral(" %1 s").arg(file.duration, 0, 'f', 1);
                m_out << tr("Uploaded %1 (%2)").arg(file.filename, details) << Qt::endl;
            }
        }
        finish(refused > 0 ? BadInput : Ok);
    });
}

} // namespace nemo::cli
