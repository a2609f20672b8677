#include "draft.h"

#include "jsonnumbers.h"
#include "jsonview.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <cmath>

namespace nemo::core {

namespace {

constexpr double MaxMilliseconds = 1000.0 * 3600 * 100; // a hundred hours: anything larger is nonsense

bool readNumber(const JsonView &json, int node, double *out)
{
    double number = 0;
    if (json.isNumber(node)) {
        number = json.number(node);
    } else if (json.isString(node)) {
        bool ok = false;
        number = json.string(node).trimmed().toDouble(&ok);
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

qint64 readMilliseconds(const JsonView &json, int object, std::initializer_list<const char *> keys,
                        bool *found = nullptr)
{
    for (const char *key : keys) {
        double value = 0;
        if (readNumber(json, json.member(object, QLatin1StringView(key)), &value)) {
            if (found)
                *found = true;
            return qint64(qBound(0.0, value, MaxMilliseconds));
        }
    }
    if (found)
        *found = false;
    return 0;
}

QString readString(const JsonView &json, int object, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const int value = json.member(object, QLatin1StringView(key));
        if (json.isString(value)) {
            const QString text = json.string(value).trimmed();
            if (!text.isEmpty())
                return text;
        } else if (json.isNumber(value)) {
            return QString::number(json.number(value));
        }
    }
    return {};
}

TrackKind kindOf(const JsonView &json, int type, int *number)
{
    *number = -1;
    double numeric = 0;
    if (readNumber(json, type, &numeric))
        *number = clampToInt(numeric);
    if (json.isString(type)) {
        const QString name = json.string(type).toLower();
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

Segment decodeSegment(const JsonView &json, int object, TrackKind kind)
{
    Segment segment;
    segment.id = readString(json, object, {"id", "sid", "segment_id"});
    const int meta = json.member(object, QLatin1StringView("m"));
    segment.startMs =
        readMilliseconds(json, object, {"st", "s", "start", "startTime", "start_time", "startMs", "offset"});
    bool hasDuration = false;
    segment.durationMs = readMilliseconds(json, object, {"d", "dur", "duration", "durationMs"}, &hasDuration);
    if (!hasDuration) {
        bool hasEnd = false;
        const qint64 end = readMilliseconds(json, object, {"e", "et", "end", "endTime", "end_time"}, &hasEnd);
        if (hasEnd && end > segment.startMs)
            segment.durationMs = end - segment.startMs;
    }
    segment.source = readString(json, object, {"src", "url", "source", "cdn_url"});
    if (segment.source.isEmpty())
        segment.source = readString(json, meta, {"src", "url", "source"});
    segment.text = readString(json, meta, {"text", "content", "caption"});
    if (segment.text.isEmpty())
        segment.text = readString(json, object, {"text", "content", "caption"});
    if (kind == TrackKind::Text && segment.text.isEmpty())
        segment.text = readString(json, meta, {"title"});
    segment.label = kind == TrackKind::Text ? segment.text : QString();
    if (segment.label.isEmpty())
        segment.label = readString(json, meta, {"name", "title", "filename", "text"});
    if (segment.label.isEmpty())
        segment.label = readString(json, object, {"n", "name", "title", "filename"});
    if (segment.label.isEmpty() && !segment.source.isEmpty())
        segment.label = segment.source;
    if (kind != TrackKind::Text)
        segment.label = Draft::displayName(segment.label);
    double volume = 0;
    bool hasVolume = false;
    for (const int holder : {meta, object}) {
        for (const char *key : {"volume", "vol", "v"}) {
            if (!hasVolume && readNumber(json, json.member(holder, QLatin1StringView(key)), &volume))
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

QJsonObject objectAt(const QByteArray &source, int begin, int length)
{
    if (length <= 0)
        return {};
    return QJsonDocument::fromJson(source.sliced(begin, length)).object();
}

} // namespace

QJsonObject Segment::raw() const
{
    return objectAt(m_source, m_rawBegin, m_rawLength);
}

QJsonObject Track::raw() const
{
    return objectAt(m_source, m_rawBegin, m_rawLength);
}

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

Draft Draft::fromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return Draft();
    return fromBytes(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

QJsonObject Draft::toJson() const
{
    return QJsonDocument::fromJson(m_bytes).object();
}

Draft Draft::fromBytes(const QByteArray &bytes)
{
    Draft draft;
    thread_local JsonView json;
    if (!json.parse(bytes) || !json.isObject(json.root()))
        return draft;
    const int root = json.root();
    // A shallow copy: the offsets of tracks and segments point into this very buffer.
    draft.m_bytes = bytes;
    auto place = [&](int node, QByteArray *target, int *begin, int *length) {
        const QByteArrayView text = json.text(node);
        *target = draft.m_bytes;
        *begin = int(text.data() - bytes.constData());
        *length = int(text.size());
    };
    draft.m_title = readString(json, json.member(root, QLatin1StringView("m")), {"title", "name"});
    const int tracks = json.member(root, QLatin1StringView("t"));
    draft.m_tracks.reserve(json.childCount(tracks));
    qint64 end = 0;
    for (int node = json.firstChild(json.isArray(tracks) ? tracks : -1); node >= 0; node = json.next(node)) {
        if (!json.isObject(node))
            continue;
        Track track;
        place(node, &track.m_source, &track.m_rawBegin, &track.m_rawLength);
        track.kind = kindOf(json, json.member(node, QLatin1StringView("tt")), &track.type);
        track.id = readString(json, node, {"id", "tid", "track_id"});
        track.name = readString(json, node, {"n", "name"});
        if (track.name.isEmpty())
            track.name = readString(json, json.member(node, QLatin1StringView("m")), {"name", "title"});
        const int segments = json.member(node, QLatin1StringView("sg"));
        if (json.isArray(segments)) {
            track.segments.reserve(json.childCount(segments));
            for (int item = json.firstChild(segments); item >= 0; item = json.next(item)) {
                if (!json.isObject(item))
                    continue;
                Segment segment = decodeSegment(json, item, track.kind);
                place(item, &segment.m_source, &segment.m_rawBegin, &segment.m_rawLength);
                track.segments.append(std::move(segment));
            }
        }
        end = qMax(end, track.endMs());
        draft.m_tracks.append(std::move(track));
    }
    bool hasDuration = false;
    draft.m_durationMs = readMilliseconds(json, root, {"d", "duration"}, &hasDuration);
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

bool Draft::isSandboxPath(const QString &source)
{
    return source.startsWith(QLatin1String("/mnt/userdata/"));
}

QString Draft::displayName(const QString &nameOrPath)
{
    const QString trimmed = nameOrPath.trimmed();
    // A sandbox path (/mnt/userdata/<…>/photo.jpg) or a link says nothing to a person beyond its file name.
    const bool link =
        trimmed.startsWith(QLatin1String("http://")) || trimmed.startsWith(QLatin1String("https://"));
    if (!link && !isSandboxPath(trimmed) &&
        !(trimmed.startsWith(QLatin1Char('/')) && !trimmed.contains(QLatin1Char(' '))))
        return nameOrPath;
    const QString name = link ? QUrl(trimmed).fileName() : trimmed.section(QLatin1Char('/'), -1);
    return name.isEmpty() ? nameOrPath : name;
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
