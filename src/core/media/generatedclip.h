#pragma once

#include "media/mediavalidator.h"

#include <QJsonArray>
#include <QList>
#include <QUrl>

namespace nemo::media {

// A clip (or picture, or sound) the agent generated, as `generated_media` in the state lists it. The
// field names are not documented, so they are read tolerantly: url/cdn_url/…, type/file_type/…,
// duration as a number or a string, prompt/description. Only http(s) links are kept.
struct GeneratedClip
{
    QUrl url;
    MediaKind kind = MediaKind::Video;
    double duration = 0; // seconds; 0 when not said
    QString prompt;      // what the agent was asked to make
    QString name;        // a file name for it

    bool isValid() const { return url.isValid(); }

    static GeneratedClip fromJson(const QJsonObject &object);
    // Every usable entry, once each (by link), in the order given.
    static QList<GeneratedClip> listFromJson(const QJsonArray &array);
};

} // namespace nemo::media
