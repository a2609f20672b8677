#include "media/mediavalidator.h"

#include "net/serviceconfig.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSet>

namespace nemo::media {

const QStringList &MediaValidator::acceptedExtensions()
{
    return net::ServiceConfig::acceptedExtensions();
}

QString MediaValidator::acceptedList()
{
    return acceptedExtensions().join(QStringLiteral(", "));
}

MediaKind MediaValidator::kindForExtension(const QString &suffix)
{
    const QString s = suffix.toLower();
    if (s == QLatin1String("jpg") || s == QLatin1String("jpeg") || s == QLatin1String("png") ||
        s == QLatin1String("gif") || s == QLatin1String("webp"))
        return MediaKind::Image;
    if (s == QLatin1String("mp4") || s == QLatin1String("mov") || s == QLatin1String("avi") ||
        s == QLatin1String("webm") || s == QLatin1String("mkv"))
        return MediaKind::Video;
    if (s == QLatin1String("mp3") || s == QLatin1String("wav") || s == QLatin1String("m4a") ||
        s == QLatin1String("aac"))
        return MediaKind::Audio;
    return MediaKind::Unknown;
}

QString MediaValidator::kindName(MediaKind kind)
{
    switch (kind) {
    case MediaKind::Image:
        return tr("image");
    case MediaKind::Video:
        return tr("video");
    case MediaKind::Audio:
        return tr("audio");
    case MediaKind::Unknown:
        break;
    }
    return tr("file");
}

QString MediaValidator::fileDialogFilter()
{
    QStringList patterns;
    for (const QString &extension : acceptedExtensions())
        patterns.append(QStringLiteral("*.") + extension);
    patterns.append(QStringLiteral("*.jpeg"));
    return tr("Photos, videos and music (%1)").arg(patterns.join(QLatin1Char(' ')));
}

QString MediaValidator::uploadName(const QString &path)
{
    const QFileInfo info(path);
    if (info.suffix().compare(QLatin1String("jpeg"), Qt::CaseInsensitive) == 0)
        return info.completeBaseName() + QStringLiteral(".jpg");
    return info.fileName();
}

namespace {

// Whether following the link comes back to a link already passed (the system gives up on such a chain).
bool leadsInACircle(QFileInfo link)
{
    QSet<QString> passed;
    while (link.isSymLink()) {
        const QString path = link.absoluteFilePath();
        if (passed.contains(path))
            return true;
        passed.insert(path);
        link = QFileInfo(link.symLinkTarget());
    }
    return false;
}

} // namespace

MediaCheck MediaValidator::check(const QString &path, qint64 maxBytes)
{
    MediaCheck result;
    result.path = path;
    result.limit = maxBytes;
    const QFileInfo info(path);
    if (info.isSymLink() && !info.exists()) {
        result.problem =
            leadsInACircle(info) ? MediaCheck::Problem::LinkLoop : MediaCheck::Problem::BrokenLink;
        return result;
    }
    if (!info.exists()) {
        // A name that was not valid UTF-8 arrives with replacement characters and cannot be opened.
        result.problem = info.fileName().contains(QChar::ReplacementCharacter)
            ? MediaCheck::Problem::UnusableName
            : MediaCheck::Problem::Missing;
        return result;
    }
    if (info.isDir()) {
        result.problem = MediaCheck::Problem::Directory;
        return result;
    }
    if (!info.isFile()) {
        result.problem = MediaCheck::Problem::NotAFile;
        return result;
    }
    result.kind = kindForExtension(info.suffix());
    if (result.kind == MediaKind::Unknown) {
        result.problem = MediaCheck::Problem::UnsupportedType;
        return result;
    }
    result.size = info.size();
    QFile file(path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
        result.problem = MediaCheck::Problem::Unreadable;
        return result;
    }
    if (result.size == 0) {
        result.problem = MediaCheck::Problem::Empty;
        return result;
    }
    if (result.size > maxBytes) {
        result.problem = MediaCheck::Problem::TooLarge;
        return result;
    }
    static const QMimeDatabase mimes;
    const QMimeType sniffed = mimes.mimeTypeForData(&file);
    result.mimeType = sniffed.name();
    const QString family = [&] {
        for (const QString &name : QStringList{sniffed.name()} + sniffed.allAncestors()) {
            if (name.startsWith(QLatin1String("image/")))
                return QStringLiteral("image");
            if (name.startsWith(QLatin1String("video/")))
                return QStringLiteral("video");
            if (name.startsWith(QLatin1String("audio/")))
                return QStringLiteral("audio");
        }
        return QString();
    }();
    const QString suffix = info.suffix().toLower();
    bool matches = false;
    switch (result.kind) {
    case MediaKind::Image:
        matches = family == QLatin1String("image");
        break;
    case MediaKind::Video:
        // MP4/QuickTime containers are sometimes sniffed as audio (an .m4a-like brand).
        matches = family == QLatin1String("video") ||
            (family == QLatin1String("audio") && suffix != QLatin1String("avi"));
        break;
    case MediaKind::Audio:
        // Raw MP3/AAC frames have weak signatures: accept unknown binary content for them, but never
        // something that is recognisably another kind of file.
        matches = family == QLatin1String("audio") || family == QLatin1String("video") ||
            (sniffed.isDefault() && (suffix == QLatin1String("mp3") || suffix == QLatin1String("aac")));
        break;
    case MediaKind::Unknown:
        break;
    }
    if (!matches)
        result.problem = MediaCheck::Problem::ContentMismatch;
    return result;
}

QString MediaCheck::message() const
{
    const QString name = QFileInfo(path).fileName().isEmpty() ? path : QFileInfo(path).fileName();
    const QString accepted = MediaValidator::tr("Accepted: %1.").arg(MediaValidator::acceptedList());
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::Missing:
        return MediaValidator::tr("%1 doesn't exist (it may have been moved or deleted).").arg(name);
    case Problem::BrokenLink:
        return MediaValidator::tr("%1 is a link to a file that no longer exists.").arg(name);
    case Problem::LinkLoop:
        return MediaValidator::tr("%1 is a link that leads back to itself, so there is no file to add.")
            .arg(name);
    case Problem::Directory:
        return MediaValidator::tr("%1 is a folder; add the photos, videos or music inside it.").arg(name);
    case Problem::NotAFile:
        return MediaValidator::tr("%1 isn't a file but a device, pipe or socket.").arg(name);
    case Problem::UnusableName:
        return MediaValidator::tr(
                   "%1 has a name with characters that aren't valid text, so it can't be opened. "
                   "Rename it, then add it again.")
            .arg(name);
    case Problem::EmptyFolder:
        return MediaValidator::tr("The folder %1 has no photos, videos or music in it.").arg(name);
    case Problem::Unreadable:
        return MediaValidator::tr("%1 can't be read (check its permissions).").arg(name);
    case Problem::Empty:
        return MediaValidator::tr("%1 is empty (0 bytes).").arg(name);
    case Problem::UnsupportedType:
        return MediaValidator::tr("%1 isn't a supported type. %2").arg(name, accepted);
    case Problem::ContentMismatch:
        return MediaValidator::tr("%1 doesn't contain a real %2 (its content looks like %3). %4")
            .arg(name, MediaValidator::kindName(kind),
                 mimeType.isEmpty() ? MediaValidator::tr("something else") : mimeType, accepted);
    case Problem::TooMany:
        return MediaValidator::tr("That was more than %1 files at once: only the first %1 were considered.")
            .arg(limit);
    case Problem::TooLarge:
        return MediaValidator::tr(
                   "%1 is %2 MB, over the %3 MB limit. Compress it or trim it, then try again.")
            .arg(name)
            .arg(double(size) / (1024 * 1024), 0, 'f', 1)
            .arg(limit / (1024 * 1024));
    }
    return {};
}

} // namespace nemo::media
