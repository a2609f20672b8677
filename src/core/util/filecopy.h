#pragma once

#include <QObject>

namespace nemo::util {

// Copies a file to where the user chose (Save As…), on a worker thread so a large video never freezes
// the window, and atomically: the copy is written under a temporary name and replaces an existing file
// only once every byte is there, so a failed copy never costs the user the file that was there.
class FileCopy : public QObject
{
    Q_OBJECT
public:
    // Starts at once; finished() follows (the object deletes itself after it).
    static FileCopy *start(const QString &source, const QString &target, QObject *parent = nullptr);

    QString source() const { return m_source; }
    QString target() const { return m_target; }

    // The copy itself, for callers already off the UI thread. Empty on success, else why not (for people).
    static QString copy(const QString &source, const QString &target);

signals:
    void finished(bool ok, const QString &error);

private:
    FileCopy(const QString &source, const QString &target, QObject *parent);

    QString m_source;
    QString m_target;
};

} // namespace nemo::util
