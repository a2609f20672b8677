#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>

class QLockFile;

namespace nemo::project {

// The one-writer rule for a project, held while it is open: a lock the operating system keeps on the
// project's own database file (flock on Linux and macOS, LockFileEx on Windows, at an offset SQLite
// never touches), so deleting a file cannot let a second writer in; and beside it a lock file that
// says which program holds it (and is taken over when that program is gone).
class ProjectLock
{
    Q_DECLARE_TR_FUNCTIONS(nemo::project::ProjectLock)
public:
    enum class Result
    {
        Taken,
        Held,       // another process has the project open
        Unwritable, // the folder cannot be written at all: nobody can save there
    };

    ~ProjectLock();
    ProjectLock(const ProjectLock &) = delete;
    ProjectLock &operator=(const ProjectLock &) = delete;

    // Takes the lock of the database at `path` (its file is made, empty, when there is none yet);
    // `problem` says who holds it when it is held.
    static std::unique_ptr<ProjectLock> take(const QString &path, Result *result, QString *problem);

private:
    ProjectLock() = default;

    std::unique_ptr<QLockFile> m_file;
#if defined(Q_OS_WIN)
    void *m_handle = nullptr;
#else
    int m_descriptor = -1;
#endif
};

} // namespace nemo::project
