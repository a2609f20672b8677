#pragma once

#include <QFile>
#include <QString>

namespace nemo::util {

// Puts a finished file in place of `to` in one step: its bytes flushed to the disk first, then renamed
// over `to` (atomic on one volume: `to` is either the old file or the whole new one, never a mix and
// never missing). `from` must be beside `to`. False (and why, for people) when it could not be done;
// `to` is then as it was.
bool replaceFile(const QString &from, const QString &to, QString *error = nullptr);

// A file written whole or not at all: the bytes go to a new file beside the target, and commit() puts it
// in place with replaceFile() only when every byte was written. (QSaveFile is not used: in Qt 6.4 its
// commit() reports success after a write failed on a full disk, and leaves an empty file.) The new
// file has the target's permissions, or the usual ones for a new file.
class WholeFile
{
public:
    explicit WholeFile(QString target);
    ~WholeFile(); // an unfinished file is removed
    WholeFile(const WholeFile &) = delete;
    WholeFile &operator=(const WholeFile &) = delete;

    bool open();
    bool write(const QByteArray &bytes) { return write(bytes.constData(), bytes.size()); }
    bool write(const char *data, qint64 size);
    // For writers that take a device (QImage::save); their failures are caught by commit().
    QIODevice *device() { return &m_file; }
    bool setPermissions(QFileDevice::Permissions permissions) { return m_file.setPermissions(permissions); }
    bool commit();
    // Why open(), write() or commit() failed, for people.
    QString errorString() const { return m_error; }

private:
    bool fail(const QString &why);

    QString m_target;
    QFile m_file;
    QString m_error;
    bool m_failed = false;
};

// What stops files being written in `folder`, in words for a sentence ("the disk is full", "the disk is
// read-only", "the folder is read-only"), or nothing when no such reason is seen.
QString storageProblem(const QString &folder);
// "Can't write <path>: the disk is full." — the reason seen on the disk, else `why` as it came.
QString describeWriteFailure(const QString &path, const QString &why);

// Writes `bytes` as the whole of `target` (WholeFile); false and why when it could not.
bool writeWholeFile(const QString &target, const QByteArray &bytes, QString *error = nullptr);

} // namespace nemo::util
