#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace nemo::media {

enum class MediaKind
{
    Unknown,
    Image,
    Video,
    Audio
};

struct MediaCheck
{
    enum class Problem
    {
        None,
        Missing,
        BrokenLink,
        LinkLoop, // links that lead back to themselves
        Directory,
        EmptyFolder,  // a folder with nothing to add in it
        NotAFile,     // a device, pipe or socket
        UnusableName, // the file system's name for it is not valid text, so it cannot be opened by name
        Unreadable,
        Empty,
        UnsupportedType,
        ContentMismatch,
        TooLarge,
        TooMany // more files than one drop may add; `limit` says how many were considered
    };

    QString path;
    Problem problem = Problem::None;
    MediaKind kind = MediaKind::Unknown;
    QString mimeType; // what the content looks like
    qint64 size = 0;
    qint64 limit = 0;

    bool ok() const { return problem == Problem::None; }
    // For a person: what is wrong with this file and what is accepted.
    QString message() const;
};

// Decides at the door whether a file may be uploaded: an accepted extension AND content that looks
// like that kind of media (QMimeDatabase sniffing), readable, not empty, not a folder, within the limit.
class MediaValidator
{
    Q_DECLARE_TR_FUNCTIONS(nemo::media::MediaValidator)
public:
    static const QStringList &acceptedExtensions();
    // "mp4, mov, avi, webm, mkv, jpg, png, gif, webp, mp3, wav, m4a, aac"
    static QString acceptedList();
    static MediaKind kindForExtension(const QString &suffix);
    static QString kindName(MediaKind kind);
    // File dialog filter: "Media (*.mp4 *.mov …)"
    static QString fileDialogFilter();

    static MediaCheck check(const QString &path, qint64 maxBytes);
    // The name to upload under (".jpeg" is sent as ".jpg", the extension the service lists).
    static QString uploadName(const QString &path);
};

} // namespace nemo::media
