#include "shell/quitguard.h"

#include "client/workspace.h"
#include "common/dialogs.h"
#include "project/projectkeeper.h"
#include "render/exporter.h"
#include "shell/projectmenu.h"

#include <QPushButton>
#include <QTimer>
#include <QWidget>

namespace nemo::app {

using render::Exporter;

QuitGuard::QuitGuard(client::Workspace *workspace, ProjectMenu *projects, QWidget *window)
    : QObject(window)
    , m_workspace(workspace)
    , m_projects(projects)
    , m_window(window)
{ }

QString QuitGuard::reasonToStay() const
{
    const Exporter *exporter = m_workspace->exporter();
    if (exporter->isRunning() && exporter->engine() == Exporter::Engine::Cloud)
        return tr(
            "Your export keeps running on the NemoVideo service. Nemo Studio will pick it up and download "
            "it the next time you open it.");
    if (exporter->isRunning())
        return tr("Your video is being made on this computer: quitting stops it, and it starts over the next "
                  "time you export.");
    const project::ProjectKeeper *keeper = m_projects->keeper();
    if (keeper && keeper->isUnsaved())
        return tr("This project could not be saved: %1\nUse File → Save a Copy As… to keep it somewhere else "
                  "before you quit.")
            .arg(keeper->lastProblem());
    return {};
}

bool QuitGuard::mayClose()
{
    const QString reason = reasonToStay();
    if (std::exchange(m_confirmed, false) || reason.isEmpty())
        return true;
    if (m_asking)
        return false;
    m_asking = true;
    QMessageBox *box = dialogs::tell(m_window, QMessageBox::Question, tr("Quit Nemo Studio?"), reason);
    box->setObjectName(QStringLiteral("QuitQuestion"));
    box->setStandardButtons(QMessageBox::Cancel);
    QPushButton *quit = box->addButton(tr("&Quit"), QMessageBox::AcceptRole);
    quit->setObjectName(QStringLiteral("quitButton"));
    box->setDefaultButton(quit);
    connect(box, &QObject::destroyed, this, [this] { m_asking = false; });
    connect(quit, &QPushButton::clicked, this, [this] {
        m_confirmed = true;
        QTimer::singleShot(0, m_window, &QWidget::close);
    });
    return false;
}

} // namespace nemo::app
