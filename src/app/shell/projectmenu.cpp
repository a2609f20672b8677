#include "shell/projectmenu.h"

#include "common/appsettings.h"
#include "common/dialogs.h"
#include "project/projectkeeper.h"
#include "project/projectstore.h"

#include <QDir>
#include <QInputDialog>
#include <QLocale>
#include <QMenu>

namespace nemo::app {

ProjectMenu::ProjectMenu(AppSettings *settings, QWidget *window)
    : QObject(window)
    , m_settings(settings)
    , m_window(window)
    , m_recent(new QMenu(window))
{
    m_recent->setObjectName(QStringLiteral("RecentMenu"));
    connect(m_recent, &QMenu::aboutToShow, this, &ProjectMenu::fillRecent);
}

void ProjectMenu::setKeeper(project::ProjectKeeper *keeper)
{
    m_keeper = keeper;
    connect(keeper, &project::ProjectKeeper::projectChanged, this, [this] { emit titleChanged(title()); });
    connect(keeper, &project::ProjectKeeper::problem, this, [this](const QString &text) {
        // While the project can't be written the work is only in memory: said until it is saved again.
        m_unsavedSaid = m_keeper->isUnsaved();
        emit message(text, m_unsavedSaid ? 0 : 30000);
        emit titleChanged(title());
    });
    connect(keeper, &project::ProjectKeeper::saved, this, [this] {
        if (!m_unsavedSaid)
            return;
        m_unsavedSaid = false;
        emit titleChanged(title());
        emit message(tr("The project is saved again."), 10000);
    });
    emit titleChanged(title());
}

QString ProjectMenu::title() const
{
    if (!m_keeper || m_keeper->projectId().isEmpty())
        return tr("Nemo Studio");
    if (m_keeper->isUnsaved())
        return tr("%1 %2 — Nemo Studio").arg(m_keeper->projectName(), tr("(not saved)"));
    return tr("%1 — Nemo Studio").arg(m_keeper->projectName());
}

void ProjectMenu::newProject()
{
    if (m_keeper)
        m_keeper->newProject();
}

void ProjectMenu::saveCopy(const QString &chosenPath)
{
    if (!m_keeper)
        return;
    auto save = [this](const QString &path) {
        QString error;
        if (m_keeper->saveCopy(path, &error))
            emit message(tr("A copy of this project was saved as %1.").arg(QDir::toNativeSeparators(path)),
                         20000);
        else
            dialogs::tell(m_window, QMessageBox::Warning, tr("Save a Copy"), error);
    };
    if (!chosenPath.isEmpty()) {
        save(chosenPath);
        return;
    }
    const QString name =
        m_keeper->projectName().isEmpty() ? tr("Nemo Studio project") : m_keeper->projectName();
    dialogs::askSavePath(m_window, tr("Save a Copy of This Project"),
                         QDir(m_settings->downloadFolder()).filePath(name),
                         tr("Nemo Studio project (*.nemo)"), QStringLiteral("nemo"), save);
}

void ProjectMenu::rename()
{
    if (!m_keeper)
        return;
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("RenameProjectDialog"));
    dialog->setWindowTitle(tr("Rename Project"));
    dialog->setLabelText(tr("Name of this project:"));
    dialog->setTextValue(m_keeper->projectName());
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &name) {
        if (m_keeper && !name.simplified().isEmpty())
            m_keeper->rename(name);
    });
    dialogs::open(dialog);
}

void ProjectMenu::retranslate()
{
    m_recent->setTitle(tr("Open &Recent"));
    emit titleChanged(title());
}

void ProjectMenu::fillRecent()
{
    m_recent->clear();
    const QList<project::ProjectStore::Entry> entries =
        m_keeper ? m_keeper->recent() : QList<project::ProjectStore::Entry>();
    for (const project::ProjectStore::Entry &entry : entries) {
        QString text = entry.name;
        text.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *open = m_recent->addAction(
            tr("%1 (%2)").arg(text, QLocale().toString(entry.modified, QLocale::ShortFormat)));
        open->setCheckable(true);
        open->setChecked(entry.id == m_keeper->projectId());
        const QString id = entry.id;
        connect(open, &QAction::triggered, this, [this, id] {
            if (!m_keeper->open(id))
                dialogs::tell(m_window, QMessageBox::Warning, tr("Open Project"), m_keeper->lastProblem());
        });
    }
    if (entries.isEmpty())
        m_recent->addAction(tr("No saved projects"))->setEnabled(false);
}

} // namespace nemo::app
