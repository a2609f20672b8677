#pragma once

#include <QObject>

class QWidget;

namespace nemo::client {
class Workspace;
} // namespace nemo::client

namespace nemo::app {

class ProjectMenu;

// Before the window closes: what still runs (an export) or is not saved (a project that can't be
// written) is said, and the user chooses Quit or Cancel, without a nested event loop: the first close
// is refused while the question is open, and Quit closes the window again.
class QuitGuard : public QObject
{
    Q_OBJECT
public:
    QuitGuard(client::Workspace *workspace, ProjectMenu *projects, QWidget *window);

    // True when the window may close now; otherwise the question is opened (once) and false returned.
    bool mayClose();
    // What the question says; empty when nothing would be lost.
    QString reasonToStay() const;

private:
    client::Workspace *m_workspace;
    ProjectMenu *m_projects;
    QWidget *m_window;
    bool m_confirmed = false;
    bool m_asking = false;
};

} // namespace nemo::app
