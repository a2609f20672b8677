#pragma once

#include "media/mediavalidator.h"
#include "media/uploadedfile.h"

#include <QJsonObject>
#include <QUrl>

namespace nemo::media {

// One item of the media bin: the user's file or link and its upload, or a clip the agent generated;
// kept in the project (toJson/fromJson).
struct MediaItem
{
    // The user's own file or link (uploaded), or a clip the agent generated (fetched to this computer).
    enum class Origin
    {
        User,
        Generated
    };
    enum class State
    {
        Checking,
        Queued,
        Uploading,
        Uploaded,
        Failed,
        Interrupted
    };

    quint64 id = 0;
    Origin origin = Origin::User;
    QString path; // a local file, or empty for a link (for generated media: the copy in the cache)
    QUrl url;     // a web link uploaded by URL
    QString name;
    MediaKind kind = MediaKind::Unknown;
    qint64 size = 0;
    State state = State::Queued;
    qint64 sent = 0;
    QString error;         // why it failed, for a person
    UploadedFile uploaded; // what the service said once uploaded
    QString prompt;        // generated media: what the agent was asked to make
    double duration = 0;   // generated media: seconds, as the service said

    bool isGenerated() const { return origin == Origin::Generated; }

    QJsonObject toJson() const;
    static MediaItem fromJson(const QJsonObject &object);
    static QString stateName(State state);
};

} // namespace nemo::media
