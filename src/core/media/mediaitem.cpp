#include "media/mediaitem.h"

#include "util/weblink.h"

#include <QFileInfo>

namespace nemo::media {

namespace {

MediaItem::State stateFromName(const QString &name)
{
    for (MediaItem::State state :
         {MediaItem::State::Checking, MediaItem::State::Queued, MediaItem::State::Uploading,
          MediaItem::State::Uploaded, MediaItem::State::Failed, MediaItem::State::Interrupted}) {
        if (MediaItem::stateName(state) == name)
            return state;
    }
    return MediaItem::State::Failed;
}

// Stable names for the project file (MediaValidator::kindName is for people, and translated).
QString kindKey(MediaKind kind)
{
    switch (kind) {
    case MediaKind::Image:
        return QStringLiteral("image");
    case MediaKind::Video:
        return QStringLiteral("video");
    case MediaKind::Audio:
        return QStringLiteral("audio");
    case MediaKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

MediaKind kindFromKey(const QString &key)
{
    for (MediaKind kind : {MediaKind::Image, MediaKind::Video, MediaKind::Audio}) {
        if (kindKey(kind) == key)
            return kind;
    }
    return MediaKind::Unknown;
}

} // namespace

QString MediaItem::stateName(State state)
{
    switch (state) {
    case State::Checking:
        return QStringLiteral("checking");
    case State::Queued:
        return QStringLiteral("queued");
    case State::Uploading:
        return QStringLiteral("uploading");
    case State::Uploaded:
        return QStringLiteral("uploaded");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Interrupted:
        return QStringLiteral("interrupted");
    }
    return QStringLiteral("failed");
}

QJsonObject MediaItem::toJson() const
{
    QJsonObject object{
        {QStringLiteral("id"), QString::number(id)}, {QStringLiteral("path"), path},
        {QStringLiteral("url"), url.toString()},     {QStringLiteral("name"), name},
        {QStringLiteral("size"), double(size)},      {QStringLiteral("state"), stateName(state)}};
    if (!error.isEmpty())
        object.insert(QStringLiteral("error"), error);
    if (!uploaded.cdnUrl.isEmpty())
        object.insert(QStringLiteral("uploaded"), uploaded.raw);
    if (isGenerated()) {
        object.insert(QStringLiteral("origin"), QStringLiteral("generated"));
        object.insert(QStringLiteral("prompt"), prompt);
        object.insert(QStringLiteral("duration"), duration);
        object.insert(QStringLiteral("kind"), kindKey(kind));
    }
    return object;
}

MediaItem MediaItem::fromJson(const QJsonObject &object)
{
    MediaItem item;
    item.id = object.value(QLatin1String("id")).toString().toULongLong();
    item.path = object.value(QLatin1String("path")).toString();
    const QUrl url(object.value(QLatin1String("url")).toString());
    if (util::isWebLink(url))
        item.url = url;
    item.name = object.value(QLatin1String("name")).toString(QFileInfo(item.path).fileName());
    item.size = qint64(qBound(0.0, object.value(QLatin1String("size")).toDouble(), 1e15));
    item.kind = MediaValidator::kindForExtension(
        QFileInfo(item.url.isValid() ? item.url.path() : item.path).suffix());
    item.state = stateFromName(object.value(QLatin1String("state")).toString());
    item.error = object.value(QLatin1String("error")).toString();
    item.uploaded = UploadedFile::fromJson(object.value(QLatin1String("uploaded")).toObject());
    if (object.value(QLatin1String("origin")).toString() == QLatin1String("generated") &&
        item.url.isValid()) {
        item.origin = Origin::Generated;
        item.prompt = object.value(QLatin1String("prompt")).toString();
        item.duration = qBound(0.0, object.value(QLatin1String("duration")).toDouble(), 86400.0);
        const MediaKind kind = kindFromKey(object.value(QLatin1String("kind")).toString());
        if (kind != MediaKind::Unknown)
            item.kind = kind;
    }
    return item;
}

} // namespace nemo::media
