#include "util/filenames.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace nemo::util {

QString FileNames::sanitize(const QString &name, const QString &fallback)
{
    QString result;
    result.reserve(name.size());
    for (const QChar c : name) {
        if (c.unicode() < 0x20 || c == QLatin1Char('/') || c == QLatin1Char('\\') || c == QLatin1Char(':') ||
            c == QLatin1Char('*') || c == QLatin1Char('?') || c == QLatin1Char('"') ||
            c == QLatin1Char('<') || c == QLatin1Char('>') || c == QLatin1Char('|') || c.unicode() == 0x7f)
            result.append(QLatin1Char('_'));
        else
            result.append(c);
    }
    result = result.trimmed();
    while (result.startsWith(QLatin1Char('.')))
        result.remove(0, 1);
    while (result.endsWith(QLatin1Char('.')) || result.endsWith(QLatin1Char(' ')))
        result.chop(1);
    static const QRegularExpression reserved(QStringLiteral("^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?$"),
                                             QRegularExpression::CaseInsensitiveOption);
    if (reserved.match(result).hasMatch())
        result.prepend(QLatin1Char('_'));
    if (result.isEmpty())
        result = fallback;
    // Keep names well under every file system's limit, with the extension intact.
    constexpr int MaxLength = 120;
    if (result.size() > MaxLength) {
        const QString suffix = QFileInfo(result).suffix().left(10);
        const QString base = result.left(MaxLength - suffix.size() - 1);
        result = suffix.isEmpty() ? base : base + QLatin1Char('.') + suffix;
    }
    return result;
}

QString FileNames::uniquePath(const QString &directory, const QString &name)
{
    const QString clean = sanitize(name);
    const QDir dir(directory);
    QString candidate = dir.filePath(clean);
    const QFileInfo info(clean);
    const QString base = info.completeBaseName();
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    for (int n = 2; QFileInfo::exists(candidate) || QFileInfo::exists(candidate + QStringLiteral(".part"));
         ++n)
        candidate = dir.filePath(QStringLiteral("%1 (%2)%3").arg(base).arg(n).arg(suffix));
    return candidate;
}

bool FileNames::isInside(const QString &directory, const QString &path)
{
    const QString root = QDir(directory).canonicalPath();
    const QString parent = QFileInfo(path).absoluteDir().canonicalPath();
    if (root.isEmpty() || parent.isEmpty())
        return false;
    return parent == root || parent.startsWith(root + QLatin1Char('/'));
}

} // namespace nemo::util
