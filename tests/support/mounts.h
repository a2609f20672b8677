#pragma once

// Disks of a test's own, for the cases where the disk fights back: a small tmpfs that fills up, a
// read-only view of a folder. Mounting needs root (CAP_SYS_ADMIN); where the machine does not allow it,
// the reason is given and the test skips with it.

#include <QDir>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

namespace nemo::test {

class Mount
{
public:
    static std::unique_ptr<Mount> tmpfs(const QString &folder, int kilobytes, QString *why)
    {
        return make(folder,
                    {{QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                      QStringLiteral("size=%1k").arg(kilobytes), QStringLiteral("tmpfs"), folder}},
                    why);
    }

    static std::unique_ptr<Mount> readOnly(const QString &folder, QString *why)
    {
        return make(folder,
                    {{QStringLiteral("--bind"), folder, folder},
                     {QStringLiteral("-o"), QStringLiteral("remount,ro,bind"), folder}},
                    why);
    }

    ~Mount() { QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_folder}); }

    Mount(const Mount &) = delete;
    Mount &operator=(const Mount &) = delete;

private:
    explicit Mount(QString folder)
        : m_folder(std::move(folder))
    { }

    static std::unique_ptr<Mount> make(const QString &folder, const QList<QStringList> &steps, QString *why)
    {
#if defined(Q_OS_LINUX)
        if (::geteuid() != 0) {
            *why = QStringLiteral(
                "mounting a small or read-only disk needs root; run as root to check this case");
            return {};
        }
        QDir().mkpath(folder);
        std::unique_ptr<Mount> mount(new Mount(folder));
        for (const QStringList &arguments : steps) {
            QProcess process;
            process.start(QStringLiteral("mount"), arguments);
            if (!process.waitForFinished(10000) || process.exitStatus() != QProcess::NormalExit ||
                process.exitCode() != 0) {
                *why = QStringLiteral(
                           "this machine does not allow mounts (%1); the case is checked where it does")
                           .arg(QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
                return {};
            }
        }
        return mount;
#else
        Q_UNUSED(folder)
        Q_UNUSED(steps)
        *why = QStringLiteral("small and read-only disks are mounted on Linux only");
        return {};
#endif
    }

    QString m_folder;
};

// Fills the disk that holds `folder` to the last byte with one file, which is returned.
inline QString fillDisk(const QString &folder)
{
    const QString path = QDir(folder).filePath(QStringLiteral("filler"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return {};
    const QByteArray block(4096, 'x');
    while (file.write(block) == block.size() && file.flush()) { }
    // What is left is less than a block: fill it byte by byte.
    while (file.write("x", 1) == 1 && file.flush()) { }
    return path;
}

} // namespace nemo::test
