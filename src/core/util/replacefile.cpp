#include "util/replacefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStorageInfo>

#if defined(Q_OS_WIN)
#include <qt_windows.h>

#include <io.h>
#else
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace nemo::util {

namespace {

// The words of this file, under their own name for the translators.
struct ReplaceFile
{
    Q_DECLARE_TR_FUNCTIONS(nemo::util::ReplaceFile)
};

} // namespace

bool replaceFile(const QString &from, const QString &to, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    {
        QFile file(from);
        if (!file.open(QIODevice::ReadWrite | QIODevice::ExistingOnly))
            return fail(ReplaceFile::tr("%1 could not be opened (%2)")
                            .arg(QDir::toNativeSeparators(from), file.errorString()));
#if defined(Q_OS_WIN)
        if (!FlushFileBuffers(reinterpret_cast<HANDLE>(_get_osfhandle(file.handle()))))
            return fail(
                ReplaceFile::tr("%1 could not be written to the disk").arg(QDir::toNativeSeparators(from)));
#else
        if (::fsync(file.handle()) != 0)
            return fail(
                ReplaceFile::tr("%1 could not be written to the disk (%2)")
                    .arg(QDir::toNativeSeparators(from), QString::fromLocal8Bit(std::strerror(errno))));
#endif
    }
#if defined(Q_OS_WIN)
    if (!MoveFileExW(reinterpret_cast<const wchar_t *>(QDir::toNativeSeparators(from).utf16()),
                     reinterpret_cast<const wchar_t *>(QDir::toNativeSeparators(to).utf16()),
                     MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
        return fail(ReplaceFile::tr("%1 could not be replaced").arg(QDir::toNativeSeparators(to)));
#else
    if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return fail(ReplaceFile::tr("%1 could not be replaced (%2)")
                        .arg(QDir::toNativeSeparators(to), QString::fromLocal8Bit(std::strerror(errno))));
    // The rename itself on the disk too.
    const int folder = ::open(QFile::encodeName(QFileInfo(to).absolutePath()).constData(), O_RDONLY);
    if (folder >= 0) {
        ::fsync(folder);
        ::close(folder);
    }
#endif
    return true;
}

QString storageProblem(const QString &folder)
{
    QString existing = QFileInfo(folder).absoluteFilePath();
    while (!QFileInfo::exists(existing) && !QFileInfo(existing).isRoot() && !existing.isEmpty())
        existing = QFileInfo(existing).absolutePath();
    const QStorageInfo volume(existing);
    if (volume.isValid() && volume.isReadOnly())
        return ReplaceFile::tr("the disk is read-only");
    if (volume.isValid() && volume.bytesAvailable() < 1024 * 1024)
        return ReplaceFile::tr("the disk is full");
    if (QFileInfo(existing).isDir() && !QFileInfo(existing).isWritable())
        return ReplaceFile::tr("the folder is read-only");
    return {};
}

QString describeWriteFailure(const QString &path, const QString &why)
{
    const QString reason = storageProblem(QFileInfo(path).absolutePath());
    return ReplaceFile::tr("Can't write %1: %2.")
        .arg(QDir::toNativeSeparators(path), reason.isEmpty() ? why : reason);
}

WholeFile::WholeFile(QString target)
    : m_target(std::move(target))
{ }

WholeFile::~WholeFile()
{
    if (m_file.isOpen() || (!m_file.fileName().isEmpty() && QFileInfo::exists(m_file.fileName()))) {
        m_file.close();
        QFile::remove(m_file.fileName());
    }
}

bool WholeFile::fail(const QString &why)
{
    m_failed = true;
    if (m_error.isEmpty())
        m_error = why;
    return false;
}

bool WholeFile::open()
{
    const QFileInfo target(m_target);
    if (target.isDir())
        return fail(ReplaceFile::tr("%1 is a folder").arg(QDir::toNativeSeparators(m_target)));
    // A name of its own beside the target, so the rename stays on one volume.
    for (int attempt = 0; attempt < 8; ++attempt) {
        m_file.setFileName(
            m_target +
            QStringLiteral(".%1.part").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
        if (m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            break;
        if (m_file.error() != QFileDevice::OpenError || !QFileInfo::exists(m_file.fileName()))
            return fail(ReplaceFile::tr("%1 could not be written (%2)")
                            .arg(QDir::toNativeSeparators(m_target), m_file.errorString()));
    }
    if (!m_file.isOpen())
        return fail(ReplaceFile::tr("%1 could not be written").arg(QDir::toNativeSeparators(m_target)));
    if (target.exists())
        m_file.setPermissions(QFile::permissions(m_target));
    return true;
}

bool WholeFile::write(const char *data, qint64 size)
{
    if (m_failed || !m_file.isOpen())
        return fail(ReplaceFile::tr("%1 could not be written").arg(QDir::toNativeSeparators(m_target)));
    if (m_file.write(data, size) != size)
        return fail(ReplaceFile::tr("%1 could not be written (%2)")
                        .arg(QDir::toNativeSeparators(m_target), m_file.errorString()));
    return true;
}

bool WholeFile::commit()
{
    if (m_failed || !m_file.isOpen())
        return fail(ReplaceFile::tr("%1 could not be written").arg(QDir::toNativeSeparators(m_target)));
    // The buffer's last bytes reach the file here: a full disk shows now, if not before.
    if (!m_file.flush() || m_file.error() != QFileDevice::NoError) {
        const QString why = m_file.errorString();
        m_file.close();
        return fail(
            ReplaceFile::tr("%1 could not be written (%2)").arg(QDir::toNativeSeparators(m_target), why));
    }
    m_file.close();
    QString why;
    if (!replaceFile(m_file.fileName(), m_target, &why))
        return fail(why);
    m_file.setFileName(QString()); // in place: nothing to remove
    return true;
}

bool writeWholeFile(const QString &target, const QByteArray &bytes, QString *error)
{
    WholeFile file(target);
    if (file.open() && file.write(bytes) && file.commit())
        return true;
    if (error)
        *error = file.errorString();
    return false;
}

} // namespace nemo::util
