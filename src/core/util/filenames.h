#pragma once

#include <QString>

namespace nemo::util {

// Names for files the app writes from what the network says: no separators, no traversal, no
// reserved device names, a sane length, and never over an existing file.
class FileNames
{
public:
    static QString sanitize(const QString &name, const QString &fallback = QStringLiteral("video"));
    // A path inside `directory` for `name` that does not exist yet ("name (2).mp4" …).
    static QString uniquePath(const QString &directory, const QString &name);
    // True when `path` resolves to a location inside `directory`.
    static bool isInside(const QString &directory, const QString &path);
};

} // namespace nemo::util
