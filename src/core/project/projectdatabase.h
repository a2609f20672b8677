#pragma once

#include "project/project.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

class QSqlDatabase;
class QSqlError;

namespace nemo::project {

struct ProjectChange;

// One project's SQLite database (Qt SQL's QSQLITE driver), as photo and media tools keep their
// libraries: WAL journal, one transaction per change, a schema version (PRAGMA user_version) brought
// up to date by the migrations in order. Each object is one connection and belongs to the thread that
// made it.
class ProjectDatabase
{
    Q_DECLARE_TR_FUNCTIONS(nemo::project::ProjectDatabase)
public:
    static constexpr int SchemaVersion = 2;

    enum class Status
    {
        Ok,
        Missing,     // no such file
        Damaged,     // not a database, not ours, or its contents cannot be read
        Newer,       // written by a newer Nemo Studio: left as it is
        Unavailable, // a database that cannot be opened right now (permissions, disk, busy)
    };
    enum class Drafts
    {
        Last, // the timeline as it stands (what opening a project needs)
        All,  // every turn's snapshot
    };

    explicit ProjectDatabase(const QString &path);
    ~ProjectDatabase();
    ProjectDatabase(const ProjectDatabase &) = delete;
    ProjectDatabase &operator=(const ProjectDatabase &) = delete;

    QString path() const { return m_path; }
    // Opens an existing database for reading; never creates one.
    Status open();
    // Opens the database, creating it when there is none, with its schema up to date.
    bool openForWriting();
    std::optional<Project> read(Drafts drafts);
    // SQLite's quick check of the whole file (PRAGMA quick_check): false, and the status Damaged, when
    // any page is broken.
    bool isIntact();
    // Read as much as can be read of a damaged database: after a failed read(), salvaged() gives what
    // could be read of every part, and salvageStopped() names the parts that could not be read whole.
    void setSalvage(bool salvage) { m_salvage = salvage; }
    std::optional<Project> salvaged() const { return m_salvaged; }
    QString salvageStopped() const { return m_salvageStopped; }
    // Name, modified time and first request only (the recent-projects list).
    std::optional<Project> readSummary();
    bool write(const ProjectChange &change);
    void close();

    Status status() const { return m_status; }
    // Whether open() could only read the file as it is (its folder can't be written: read-only, full).
    bool openedAsIs() const { return m_openedAsIs; }
    // For a person, after a failure.
    QString errorString() const { return m_error; }

private:
    QSqlDatabase database() const;
    bool connect(bool asIs = false);
    Status checkSchema(bool create);
    // Runs the migrations from m_schemaFrom, in the caller's transaction.
    bool migrate();
    bool fail(const QSqlError &error, Status status = Status::Unavailable);
    bool readMeta(Project *project);

    QString m_path;
    QString m_connection;
    Status m_status = Status::Missing;
    int m_schemaFrom = -1; // the version the schema is still to be brought up from (-1: up to date)
    QString m_error;
    bool m_salvage = false;
    bool m_openedAsIs = false;
    std::optional<Project> m_salvaged;
    QString m_salvageStopped;
};

} // namespace nemo::project
