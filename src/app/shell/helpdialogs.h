#pragma once

#include <QDialog>

class QTreeWidget;
class QUrl;

namespace nemo::app {

// Help → Keyboard Shortcuts: every menu command with its keys and every key a panel answers, grouped
// by panel, read from the table the actions are built from (shell/actions.h).
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }

private:
    void fill();

    QTreeWidget *m_list;
};

// Help → About Nemo Studio: the version and the service it talks to.
void showAbout(QWidget *parent, const QUrl &server);
// Help → About Qt: the Qt this build runs on and its licence (Qt's own box would run a nested loop).
void showAboutQt(QWidget *parent);

} // namespace nemo::app
