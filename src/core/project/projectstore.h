#pragma once

#include "project/project.h"
#include "project/projectdatabase.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace nemo::project {

// The projects on disk: one SQLite database each (<id>.nemo, see ProjectDatabase) under the platform's
// app-data folder. A project file from before databases (<id>.json) is imported on first open and kept
// as <id>.json.imported. A file that cannot be read is never overwritten: it is renamed aside and
// reported; one from a newer version is left as it is.
class ProjectStore
{
    Q_DECLARE_TR_FUNCTIONS(nemo::project::ProjectStore)
public:
    struct Entry
    {
        QString id;
        QString name;
        QDateTime modified;
    };
    struct Loaded
    {
        std::optional<Project> project;
        QString error;        // for a person
        QString keptAside;    // where an unreadable file was moved
        QString importedFrom; // the project file from before databases, kept under this name
        QString recovered;    // a damaged project recovered into a fresh database: what was kept
    };

    // Default: <AppDataLocation>/projects.
    explicit ProjectStore(const QString &folder = QString());

    QString folder() const { return m_folder; }
    // The project's database.
    QString pathFor(const QString &id) const;
    // Its file from before databases.
    QString legacyPathFor(const QString &id) const;
    bool exists(const QString &id) const;
    // Most recently changed first; unreadable files are left out.
    QList<Entry> recent(int max = 10) const;
    enum class Access
    {
        LookOnly, // never changes a file (another process may have the project open)
        Owner,    // holds the project's lock: imports a file from before databases, keeps a damaged one aside
    };
    // Reads a project: its timeline as it stands, or every turn's.
    Loaded load(const QString &id, ProjectDatabase::Drafts drafts = ProjectDatabase::Drafts::Last,
                Access access = Access::LookOnly) const;
    // Writes all of `project` into its database. False with a message when it could not.
    bool save(const Project &project, QString *error = nullptr) const;

    QString lastProjectId() const;
    void setLastProjectId(const QString &id) const;

    static QString defaultFolder();
    static bool isValidId(const QString &id);

private:
    Loaded loadDatabase(const QString &id, ProjectDatabase::Drafts drafts, Access access) const;
    Loaded loadLegacy(const QString &id, ProjectDatabase::Drafts drafts, Access access) const;
    void importLegacy(const QString &file, Loaded *loaded) const;
    void keepAside(const QString &path, const QString &reason, Access access, Loaded *loaded) const;

    QString m_folder;
};

} // namespace nemo::project
