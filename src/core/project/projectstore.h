#pragma once

#include "project/project.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace nemo::project {

// The projects on disk: one JSON file each under the platform's app-data folder, written atomically
// (QSaveFile), so a crash at any moment leaves either the old or the new file. A file that cannot be
// read is never overwritten: it is renamed aside and reported.
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
        QString error;     // for a person
        QString keptAside; // where an unreadable file was moved
    };

    // Default: <AppDataLocation>/projects.
    explicit ProjectStore(const QString &folder = QString());

    QString folder() const { return m_folder; }
    QString pathFor(const QString &id) const;
    // Most recently changed first; unreadable files are left out.
    QList<Entry> recent(int max = 10) const;
    Loaded load(const QString &id) const;
    // False with a message when the file could not be written (the previous file is then untouched).
    bool save(const Project &project, QString *error = nullptr) const;

    QString lastProjectId() const;
    void setLastProjectId(const QString &id) const;

    static QString defaultFolder();
    static bool isValidId(const QString &id);

private:
    QString m_folder;
};

} // namespace nemo::project
