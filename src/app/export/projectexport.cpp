#include "export/projectexport.h"

#include "client/workspace.h"
#include "common/appsettings.h"
#include "common/dialogs.h"
#include "common/locatemedia.h"
#include "media/uploadqueue.h"
#include "render/exporter.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

namespace nemo::app {

ProjectExport::ProjectExport(client::Workspace *workspace, AppSettings *settings, QWidget *window)
    : QObject(window)
    , m_workspace(workspace)
    , m_settings(settings)
    , m_window(window)
{ }

QString ProjectExport::title(Format format) const
{
    return format == Format::Shotcut ? tr("Export Project for Shotcut")
                                     : tr("Export Project as OpenTimelineIO");
}

void ProjectExport::start(Format format, const QString &path)
{
    const auto state = m_workspace->state();
    if (!state || !state->draft.isExportable()) {
        dialogs::tell(m_window, QMessageBox::Information, title(format),
                      tr("The timeline is empty, so there is nothing to hand over yet."));
        return;
    }
    if (!path.isEmpty()) {
        write(format, path);
        return;
    }
    const QString suffix = format == Format::Shotcut ? QStringLiteral("mlt") : QStringLiteral("otio");
    const QString suggested =
        QDir(m_settings->downloadFolder())
            .filePath(QFileInfo(render::Exporter::suggestedFileName(state->draft)).completeBaseName() +
                      QLatin1Char('.') + suffix);
    dialogs::askSavePath(m_window, title(format), suggested,
                         format == Format::Shotcut ? tr("MLT project (*.mlt)")
                                                   : tr("OpenTimelineIO timeline (*.otio)"),
                         suffix, [this, format](const QString &file) { write(format, file); });
}

void ProjectExport::write(Format format, const QString &path)
{
    const auto state = m_workspace->state();
    if (!state)
        return;
    emit message(format == Format::Shotcut ? tr("Getting the media ready for Shotcut…")
                                           : tr("Getting the media ready for the OpenTimelineIO timeline…"),
                 0);
    render::Exporter::writeProject(
        *state, m_workspace->uploads()->items(), m_workspace->mediaCache(), path, this,
        [this, format, path](const QString &error, const QList<render::MissingSource> &missing) {
            if (!error.isEmpty()) {
                emit message(QString(), 0);
                dialogs::tell(m_window, QMessageBox::Warning, title(format), error);
                return;
            }
            QString text = format == Format::Shotcut
                ? tr("Saved %1: open it in Shotcut (or melt) to finish the edit by hand.")
                      .arg(QDir::toNativeSeparators(path))
                : tr("Saved %1: import it in DaVinci Resolve (File → Import → Timeline) or another editor "
                     "that reads OpenTimelineIO.")
                      .arg(QDir::toNativeSeparators(path));
            if (!missing.isEmpty())
                text += QLatin1Char(' ') +
                    tr("%n segment(s) have no media on this computer and are left empty.", nullptr,
                       int(missing.size()));
            emit message(text, 20000);
            emit exported(path);
            // "photo7.jpg is no longer on this computer — Locate…", then the project is written again.
            const render::MissingSource *gone = LocateMedia::firstGone(missing);
            if (!gone || !m_window)
                return;
            QMessageBox *box =
                dialogs::tell(m_window, QMessageBox::Warning, title(format),
                              tr("%1 is no longer on this computer, so its place in the project "
                                 "is left empty.")
                                  .arg(QFileInfo(gone->original).fileName()));
            QPushButton *locate = box->addButton(LocateMedia::buttonText(*gone), QMessageBox::AcceptRole);
            const render::MissingSource source = *gone;
            connect(locate, &QPushButton::clicked, this, [this, source, format, path] {
                LocateMedia::locate(m_window, m_workspace->uploads(), source,
                                    [this, format, path] { write(format, path); });
            });
        });
}

} // namespace nemo::app
