#include "common/dialogs.h"

#include <QFileDialog>
#include <QPointer>
#include <QPushButton>

namespace nemo::app::dialogs {

void open(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QWidget *window = dialog->parentWidget() ? dialog->parentWidget()->window() : nullptr;
    const QPointer<QWidget> focus = window ? window->focusWidget() : nullptr;
    if (window) {
        QObject::connect(dialog, &QDialog::finished, window, [window, focus] {
            window->activateWindow();
            if (focus)
                focus->setFocus(Qt::OtherFocusReason);
        });
    }
    dialog->open();
}

void askSavePath(QWidget *parent, const QString &title, const QString &suggested, const QString &filter,
                 const QString &suffix, std::function<void(const QString &path)> chosen)
{
    auto *dialog = new QFileDialog(parent, title, suggested, filter);
    dialog->setObjectName(QStringLiteral("SaveDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    if (!suffix.isEmpty())
        dialog->setDefaultSuffix(suffix);
    dialog->selectFile(suggested);
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog, std::move(chosen));
    open(dialog);
}

void askOpenPaths(QWidget *parent, const QString &title, const QString &folder, const QString &filter,
                  std::function<void(const QStringList &paths)> chosen)
{
    auto *dialog = new QFileDialog(parent, title, folder, filter);
    dialog->setObjectName(QStringLiteral("OpenDialog"));
    dialog->setFileMode(QFileDialog::ExistingFiles);
    QObject::connect(dialog, &QFileDialog::filesSelected, dialog, std::move(chosen));
    open(dialog);
}

void askFolder(QWidget *parent, const QString &title, const QString &folder,
               std::function<void(const QString &folder)> chosen)
{
    auto *dialog = new QFileDialog(parent, title, folder);
    dialog->setObjectName(QStringLiteral("FolderDialog"));
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog, std::move(chosen));
    open(dialog);
}

QMessageBox *tell(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text)
{
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Close, parent);
    open(box);
    return box;
}

void confirm(QWidget *parent, const QString &title, const QString &text, const QString &yes,
             std::function<void()> confirmed)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Cancel, parent);
    QPushButton *go = box->addButton(yes, QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    QObject::connect(box, &QMessageBox::buttonClicked, box, [go, confirmed](QAbstractButton *button) {
        if (button == go)
            confirmed();
    });
    open(box);
}

} // namespace nemo::app::dialogs
