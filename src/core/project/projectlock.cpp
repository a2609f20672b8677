#include "project/projectlock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>

#if defined(Q_OS_WIN)
#include <qt_windows.h>
#else
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

namespace nemo::project {

namespace {

#if defined(Q_OS_WIN)
// Far beyond any database (SQLite's own locks are at 1 GiB): Windows locks keep other handles from
// reading or writing the range, so it must be one nothing ever uses.
constexpr DWORD LockOffsetHigh = 0x40000000;
#endif

} // namespace

ProjectLock::~ProjectLock()
{
#if defined(Q_OS_WIN)
    if (m_handle) {
        OVERLAPPED at{};
        at.OffsetHigh = LockOffsetHigh;
        UnlockFileEx(m_handle, 0, 1, 0, &at);
        CloseHandle(m_handle);
    }
#else
    if (m_descriptor >= 0)
        ::close(m_descriptor); // the flock goes with it
#endif
}

std::unique_ptr<ProjectLock> ProjectLock::take(const QString &path, Result *result, QString *problem)
{
    std::unique_ptr<ProjectLock> lock(new ProjectLock);
    QDir().mkpath(QFileInfo(path).absolutePath());
    // Who holds it, for the message (taken over when its process is gone: a crash, a kill).
    lock->m_file = std::make_unique<QLockFile>(path + QStringLiteral(".lock"));
    lock->m_file->setStaleLockTime(0); // never stale by age: a project stays open for days
    auto heldBy = [&lock, problem] {
        if (!lock->m_file)
            return;
        qint64 pid = 0;
        QString host;
        QString program;
        lock->m_file->getLockInfo(&pid, &host, &program);
        if (problem)
            *problem =
                tr("This project is open in %1 (process %2). Close it there first; your work there is kept.")
                    .arg(program.isEmpty() ? tr("another program") : program)
                    .arg(pid);
    };
    if (!lock->m_file->tryLock(0)) {
        if (lock->m_file->error() == QLockFile::LockFailedError) {
            heldBy();
            *result = Result::Held;
            return nullptr;
        }
        lock->m_file.reset(); // no lock file can be made (a full disk): the database's lock still counts
    }
    // The lock that counts: on the database file itself.
#if defined(Q_OS_WIN)
    HANDLE handle =
        CreateFileW(reinterpret_cast<const wchar_t *>(QDir::toNativeSeparators(path).utf16()),
                    GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                    nullptr, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (handle == INVALID_HANDLE_VALUE) {
        *result = Result::Unwritable;
        return nullptr;
    }
    OVERLAPPED at{};
    at.OffsetHigh = LockOffsetHigh;
    if (!LockFileEx(handle, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &at)) {
        CloseHandle(handle);
        heldBy();
        if (problem && problem->isEmpty())
            *problem =
                tr("This project is open in another program. Close it there first; your work there is kept.");
        *result = Result::Held;
        return nullptr;
    }
    lock->m_handle = handle;
#else
    const int descriptor = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (descriptor < 0) {
        *result = Result::Unwritable; // nobody can write here
        return nullptr;
    }
    if (::flock(descriptor, LOCK_EX | LOCK_NB) != 0) {
        ::close(descriptor);
        // Its lock file was deleted (or never written): the lock on the database still says no.
        if (problem)
            *problem =
                tr("This project is open in another program. Close it there first; your work there is kept.");
        *result = Result::Held;
        return nullptr;
    }
    lock->m_descriptor = descriptor;
#endif
    *result = Result::Taken;
    return lock;
}

} // namespace nemo::project
