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
    // Name, modified time and first request only (the recent-projects list).
    std::optional<Project> readSummary();
    bool write(const ProjectChange &change);
    void close();

    Status status() const { return m_status; }
    // For a person, after a failure.
    QString errorString() const { return m_error; }

private:
    QSqlDatabase database() const;
    bool connect();
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
};

} // namespace nemo::project
