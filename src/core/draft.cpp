#include "draft.h"

#include "jsonnumbers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <cmath>

namespace nemo::core {

namespace {

constexpr double MaxMilliseconds = 1000.0 * 3600 * 100; // a hundred hours: anything larger is nonsense

bool readNumber(const QJsonValue &value, double *out)
{
    double number = 0;
    if (value.isDouble()) {
        number = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        number = value.toString().trimmed().toDouble(&ok);
        if (!ok)
            return false;
    } else {
        return false;
    }
    if (!std::isfinite(number))
        return false;
    *out = number;
    return true;
}

qint64 readMilliseconds(const QJsonObject &object, std::initializer_list<const char *> keys,
                        bool *found = nullptr)
{
    for (const char *key : keys) {
        double value = 0;
        if (readNumber(object.value(QLatin1String(key)), &value)) {
            if (found)
                *found = true;
            return qint64(qBound(0.0, value, MaxMilliseconds));
        }
    }
    if (found)
        *found = false;
    return 0;
}

QString readString(const QJsonObject &object, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isString() && !value.toString().trimmed().isEmpty())
            return value.toString().trimmed();
        if (value.isDouble())
            return QString::number(value.toDouble());
    }
    return {};
}

TrackKind kindOf(const QJsonValue &type, int *number)
{
    *number = -1;
    double numeric = 0;
    if (readNumber(type, &numeric))
        *number = clampToInt(numeric);
    if (type.isString()) {
        const QString name = type.toString().toLower();
        if (name.startsWith(QLatin1String("video")) || name == QLatin1String("image"))
            return TrackKind::Video;
        if (name.startsWith(QLatin1String("audio")) || name == QLatin1String("bgm") ||
            name == QLatin1String("music"))
            return TrackKind::Audio;
        if (name.startsWith(QLatin1String("text")) || name == QLatin1String("title") ||
            name == QLatin1String("subtitle"))
            return TrackKind::Text;
    }
    switch (*number) {
    case 0:
        return TrackKind::Video;
    case 1:
        return TrackKind::Audio;
    case 7:
        return TrackKind::Text;
    default:
        return TrackKind::Other;
    }
}

Segment decodeSegment(const QJsonObject &object, TrackKind kind)
{
    Segment segment;
    segment.raw = object;
    segment.id = readString(object, {"id", "sid", "segment_id"});
    const QJsonObject meta = object.value(QLatin1String("m")).toObject();
    segment.startMs =
        readMilliseconds(object, {"st", "s", "start", "startTime", "start_time", "startMs", "offset"});
    bool hasDuration = false;
    segment.durationMs = readMilliseconds(object, {"d", "dur", "duration", "durationMs"}, &hasDuration);
    if (!hasDuration) {
        bool hasEnd = false;
        const qint64 end = readMilliseconds(object, {"e", "et", "end", "endTime", "end_time"}, &hasEnd);
        if (hasEnd && end > segment.startMs)
            segment.durationMs = end - segment.startMs;
    }
    segment.source = readString(object, {"src", "url", "source", "cdn_url"});
    if (segment.source.isEmpty())
        segment.source = readString(meta, {"src", "url", "source"});
    segment.text = readString(meta, {"text", "content", "caption"});
    if (segment.text.isEmpty())
        segment.text = readString(object, {"text", "content", "caption"});
    if (kind == TrackKind::Text && segment.text.isEmpty())
        segment.text = readString(meta, {"title"});
    segment.label = kind == TrackKind::Text ? segment.text : QString();
    if (segment.label.isEmpty())
        segment.label = readString(meta, {"name", "title", "filename", "text"});
    if (segment.label.isEmpty())
        segment.label = readString(object, {"n", "name", "title", "filename"});
    if (segment.label.isEmpty() && !segment.source.isEmpty())
        segment.label = QUrl(segment.source).fileName();
    double volume = 0;
    bool hasVolume = false;
    for (const QJsonObject *holder : {&meta, &object}) {
        for (const char *key : {"volume", "vol", "v"}) {
            if (!hasVolume && readNumber(holder->value(QLatin1String(key)), &volume))
                hasVolume = true;
        }
    }
    if (hasVolume) {
        // Either a fraction (0.35) or a percentage (35).
        segment.volume = qBound(0.0, volume > 1.0 ? volume / 100.0 : volume, 10.0);
    }
    return segment;
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

} // namespace

QString Segment::key(int index) const
{
    return id.isEmpty() ? QStringLiteral("#%1").arg(index) : id;
}

qint64 Track::startMs() const
{
    if (segments.isEmpty())
        return 0;
    qint64 start = segments.first().startMs;
    for (const Segment &segment : segments)
        start = qMin(start, segment.startMs);
    return start;
}

qint64 Track::endMs() const
{
    qint64 end = 0;
    for (const Segment &segment : segments)
        end = qMax(end, segment.endMs());
    return end;
}

QString Track::kindName() const
{
    switch (kind) {
    case TrackKind::Video:
        return Draft::tr("Video");
    case TrackKind::Audio:
        return Draft::tr("Audio");
    case TrackKind::Text:
        return Draft::tr("Text");
    case TrackKind::Other:
        break;
    }
    return type >= 0 ? Draft::tr("Track type %1").arg(type) : Draft::tr("Track");
}

QString Track::displayName() const
{
    return name.isEmpty() ? kindName() : name;
}

Draft Draft::fromBytes(const QByteArray &json)
{
    return fromJson(QJsonDocument::fromJson(json).object());
}

Draft Draft::fromJson(const QJsonValue &value)
{
    Draft draft;
    if (!value.isObject())
        return draft;
    draft.m_raw = value.toObject();
    const QJsonObject meta = draft.m_raw.value(QLatin1String("m")).toObject();
    draft.m_title = readString(meta, {"title", "name"});
    const QJsonArray tracks = draft.m_raw.value(QLatin1String("t")).toArray();
    draft.m_tracks.reserve(tracks.size());
    qint64 end = 0;
    for (const QJsonValue &trackValue : tracks) {
        if (!trackValue.isObject())
            continue;
        const QJsonObject object = trackValue.toObject();
        Track track;
        track.raw = object;
        track.kind = kindOf(object.value(QLatin1String("tt")), &track.type);
        track.id = readString(object, {"id", "tid", "track_id"});
        track.name = readString(object, {"n", "name"});
        if (track.name.isEmpty())
            track.name = readString(object.value(QLatin1String("m")).toObject(), {"name", "title"});
        const QJsonArray segments = object.value(QLatin1String("sg")).toArray();
        track.segments.reserve(segments.size());
        for (const QJsonValue &segmentValue : segments) {
            if (segmentValue.isObject())
                track.segments.append(decodeSegment(segmentValue.toObject(), track.kind));
        }
        end = qMax(end, track.endMs());
        draft.m_tracks.append(std::move(track));
    }
    bool hasDuration = false;
    draft.m_durationMs = readMilliseconds(draft.m_raw, {"d", "duration"}, &hasDuration);
    if (!hasDuration || draft.m_durationMs == 0)
        draft.m_durationMs = end;
    return draft;
}

int Draft::segmentCount() const
{
    int count = 0;
    for (const Track &track : m_tracks)
        count += int(track.segments.size());
    return count;
}

QString Draft::formatSeconds(qint64 milliseconds)
{
    if (milliseconds % 1000 == 0)
        return QString::number(milliseconds / 1000);
    return QString::number(double(milliseconds) / 1000.0, 'f', milliseconds % 100 == 0 ? 1 : 2);
}

QString Draft::formatVolume(double volume)
{
    return QStringLiteral("%1%").arg(qRound(volume * 100));
}

QString Draft::summary() const
{
    if (m_tracks.isEmpty())
        return tr("Timeline is empty");
    QStringList parts;
    int number = 0;
    for (const Track &track : m_tracks) {
        ++number;
        QStringList labels;
        int unlabeled = 0;
        for (const Segment &segment : track.segments) {
            const QString label = track.kind == TrackKind::Text && !segment.text.isEmpty()
                ? quoted(segment.text)
                : segment.label;
            if (label.isEmpty())
                ++unlabeled;
            else if (!labels.contains(label))
                labels.append(label);
        }
        QString content;
        if (track.segments.isEmpty()) {
            content = tr("(empty)");
        } else if (labels.isEmpty()) {
            content =
                track.segments.size() == 1 ? tr("1 segment") : tr("%1 segments").arg(track.segments.size());
        } else {
            content = labels.mid(0, 3).join(QStringLiteral(", "));
            if (labels.size() > 3)
                content += QLatin1Char(' ') + tr("+ %1 more").arg(labels.size() - 3);
        }
        QString range;
        if (!track.segments.isEmpty()) {
            range =
                QStringLiteral("%1-%2s").arg(formatSeconds(track.startMs()), formatSeconds(track.endMs()));
            for (const Segment &segment : track.segments) {
                if (segment.volume >= 0) {
                    range += QStringLiteral(", ") + formatVolume(segment.volume);
                    break;
                }
            }
            range = QStringLiteral(" (%1)").arg(range);
        }
        parts.append(QStringLiteral("%1. %2: %3%4").arg(number).arg(track.displayName(), content, range));
    }
    const QString head =
        m_tracks.size() == 1 ? tr("Timeline (1 track)") : tr("Timeline (%1 tracks)").arg(m_tracks.size());
    return head + QStringLiteral(": ") + parts.join(QLatin1Char(' '));
}

} // namespace nemo::core
