#include "common/locatemedia.h"

#include "common/dialogs.h"
#include "media/uploadqueue.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>

namespace nemo::app {

const render::MissingSource *LocateMedia::firstGone(const QList<render::MissingSource> &missing)
{
    for (const render::MissingSource &source : missing) {
        if (source.reason == render::MissingSource::Reason::Gone)
            return &source;
    }
    return nullptr;
}

QString LocateMedia::buttonText(const render::MissingSource &missing)
{
    return tr("&Locate %1…").arg(QFileInfo(missing.original).fileName());
}

void LocateMedia::locate(QWidget *parent, media::UploadQueue *uploads, const render::MissingSource &missing,
                         const std::function<void()> &located)
{
    const QFileInfo was(missing.original);
    QDir folder = was.absoluteDir();
    while (!folder.exists() && folder.cdUp()) { } // the nearest folder that is still there
    auto *dialog = new QFileDialog(parent, tr("Where is %1 now?").arg(was.fileName()), folder.path());
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("%1 (%1)").arg(was.fileName()), tr("All files (*)")});
    const QPointer<media::UploadQueue> queue(uploads);
    const QString original = missing.original;
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog,
                     [parent = QPointer<QWidget>(parent), queue, original, located](const QString &file) {
                         if (!queue)
                             return;
                         if (!queue->relocate(original, file)) {
                             dialogs::tell(
                                 parent, QMessageBox::Warning, tr("Locate"),
                                 tr("%1 can't be read, so it can't stand in for %2.")
                                     .arg(QDir::toNativeSeparators(file), QFileInfo(original).fileName()));
                             return;
                         }
                         located();
                     });
    dialogs::open(dialog);
}

} // namespace nemo::app
