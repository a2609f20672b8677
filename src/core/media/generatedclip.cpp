#include "media/generatedclip.h"

#include "util/filenames.h"
#include "util/weblink.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QSet>

#include <cmath>

namespace nemo::media {

namespace {

QString firstString(const QJsonObject &object, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QString value = object.value(QLatin1String(key)).toString().trimmed();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

double seconds(const QJsonValue &value)
{
    const double number = value.isString() ? value.toString().trimmed().toDouble() : value.toDouble();
    // Nothing generated runs for days: a bigger number is noise, not a duration.
    return std::isfinite(number) && number > 0 && number < 86400 ? number : 0;
}

MediaKind kindOf(const QString &type, const QUrl &url)
{
    const QString t = type.toLower();
    if (t.startsWith(QLatin1String("image")) || t == QLatin1String("photo") || t == QLatin1String("picture"))
        return MediaKind::Image;
    if (t.startsWith(QLatin1String("audio")) || t == QLatin1String("music") || t == QLatin1String("sound"))
        return MediaKind::Audio;
    if (t.startsWith(QLatin1String("video")) || t == QLatin1String("clip"))
        return MediaKind::Video;
    const MediaKind byName = MediaValidator::kindForExtension(QFileInfo(url.path()).suffix());
    return byName == MediaKind::Unknown ? MediaKind::Video : byName;
}

} // namespace

GeneratedClip GeneratedClip::fromJson(const QJsonObject &object)
{
    GeneratedClip clip;
    const QUrl url(firstString(object, {"url", "cdn_url", "cdnUrl", "video_url", "output_url", "src"}));
    if (!util::isWebLink(url))
        return clip;
    clip.url = url;
    clip.kind = kindOf(firstString(object, {"type", "file_type", "media_type", "kind"}), url);
    clip.duration = seconds(object.value(QLatin1String("duration")));
    clip.prompt = firstString(object, {"prompt", "description", "text"}).left(2000);
    const QString given = firstString(object, {"filename", "name", "title"});
    clip.name = util::FileNames::sanitize(given.isEmpty() ? url.fileName() : QFileInfo(given).fileName(),
                                          QStringLiteral("generated clip"));
    return clip;
}

QList<GeneratedClip> GeneratedClip::listFromJson(const QJsonArray &array)
{
    QList<GeneratedClip> clips;
    QSet<QUrl> seen;
    for (const QJsonValue &value : array) {
        const GeneratedClip clip = fromJson(value.toObject());
        if (clip.isValid() && !seen.contains(clip.url)) {
            seen.insert(clip.url);
            clips.append(clip);
        }
    }
    return clips;
}

} // namespace nemo::media
