#pragma once

// Small helpers for tests that build drafts by hand: JSON written with single quotes (for legibility),
// and a file that exists (for "the media is on this computer").
#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace nemo::test {

inline QByteArray json(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

inline QString touch(const QTemporaryDir &dir, const QString &name)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write("x");
    return path;
}

} // namespace nemo::test
