#pragma once

#include <QMessageBox>
#include <QString>
#include <QStringList>

#include <functional>

class QDialog;
class QWidget;

namespace nemo::app::dialogs {

// The window's questions, asked without a nested event loop: each dialog is opened window-modal
// with open(), deletes itself when closed, and answers through the callback (called only when the
// user chose something; Cancel calls nothing). The callbacks run with the parent still alive.

// Opens `dialog` window-modal, deleted once closed; the window it came from is active again afterwards
// (with the focus where it was), also on desktops that do not hand activation back on their own.
void open(QDialog *dialog);
// Where to save: the suggested path selected, the platform asks before replacing a file.
void askSavePath(QWidget *parent, const QString &title, const QString &suggested, const QString &filter,
                 const QString &suffix, std::function<void(const QString &path)> chosen);
// Which files to open (several at once).
void askOpenPaths(QWidget *parent, const QString &title, const QString &folder, const QString &filter,
                  std::function<void(const QStringList &paths)> chosen);
// Which folder.
void askFolder(QWidget *parent, const QString &title, const QString &folder,
               std::function<void(const QString &folder)> chosen);
// A message with a Close button; returns the box (already open) for buttons of its own.
QMessageBox *tell(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text);
// A yes-or-no question; `yes` names the button that goes ahead ("Sign Out", "Quit Anyway").
void confirm(QWidget *parent, const QString &title, const QString &text, const QString &yes,
             std::function<void()> confirmed);

} // namespace nemo::app::dialogs
