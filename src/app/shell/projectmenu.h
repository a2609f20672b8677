#pragma once

#include "project/projectkeeper.h"

#include <QObject>
#include <QPointer>

class QMenu;
class QWidget;

namespace nemo::app {

class AppSettings;

// The project on disk as the window shows it: File → Open Recent, Save a Copy As…, the window title
// ("Trip to Lisbon (not saved) — Nemo Studio") and what is said while the project can't be written.
class ProjectMenu : public QObject
{
    Q_OBJECT
public:
    ProjectMenu(AppSettings *settings, QWidget *window);

    void setKeeper(project::ProjectKeeper *keeper);
    project::ProjectKeeper *keeper() const { return m_keeper; }
    QMenu *recentMenu() const { return m_recent; }
    QString title() const;
    void newProject();
    // The whole project written elsewhere (when its folder can't be written); asks where without a path.
    void saveCopy(const QString &chosenPath = QString());
    // Asks for the project's name (its video's title until the user names it).
    void rename();
    void retranslate();

signals:
    void titleChanged(const QString &title);
    // For the status bar; timeout 0 keeps it until the next message.
    void message(const QString &text, int timeoutMs);

private:
    void fillRecent();

    AppSettings *m_settings;
    QWidget *m_window;
    QMenu *m_recent;
    QPointer<project::ProjectKeeper> m_keeper;
    bool m_unsavedSaid = false;
};

} // namespace nemo::app
