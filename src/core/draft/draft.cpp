#include "draft/draft.h"

#include "net/json.h"
#include "util/jsonnumbers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUrl>
#include <QVarLengthArray>

#include <cmath>

namespace nemo::draft {

namespace {

constexpr double MaxMilliseconds = 1000.0 * 3600 * 100; // a hundred hours: anything larger is nonsense

// One scalar member of an object, as read in the single pass over it (strings stay in the parser's
// buffer until chosen).
struct Scalar
{
    enum class Type : quint8
    {
        String,
        Number,
        Other
    };
    Type type = Type::Other;
    std::string_view text;
    double number = 0;
    std::string_view token; // the value's own JSON text (for numbers that an edit rewrites in place)
};

// The scalar members of one object, by key; a repeated key: the last one counts, as in QJsonDocument.
class Members
{
public:
    void add(std::string_view key, const Scalar &value)
    {
        for (auto &member : m_members) {
            if (member.first == key) {
                member.second = value;
                return;
            }
        }
        m_members.append({key, value});
    }
    void remove(std::string_view key)
    {
        for (qsizetype i = 0; i < m_members.size(); ++i) {
            if (m_members[i].first == key) {
                m_members.remove(i);
                return;
            }
        }
    }
    void clear() { m_members.clear(); }
    const Scalar *find(std::string_view key) const
    {
        for (const auto &member : m_members) {
            if (member.first == key)
                return &member.second;
        }
        return nullptr;
    }

private:
    QVarLengthArray<std::pair<std::string_view, Scalar>, 24> m_members;
};

bool readScalar(net::json::od::value value, Scalar *out)
{
    net::json::od::json_type type;
    if (value.type().get(type))
        return false;
    std::string_view token = value.raw_json_token();
    while (!token.empty() &&
           (token.back() == ' ' || token.back() == '\n' || token.back() == '\r' || token.back() == '\t'))
        token.remove_suffix(1);
    out->token = token;
    switch (type) {
    case net::json::od::json_type::string:
        out->type = Scalar::Type::String;
        return !value.get_string().get(out->text);
    case net::json::od::json_type::number:
        out->type = Scalar::Type::Number;
        return net::json::readNumber(value, &out->number);
    default:
        out->type = Scalar::Type::Other;
        return true; // skipped (and checked) by the object's iteration
    }
}

bool readNumber(const Scalar *scalar, double *out)
{
    if (!scalar)
        return false;
    double number = 0;
    if (scalar->type == Scalar::Type::Number) {
        number = scalar->number;
    } else if (scalar->type == Scalar::Type::String) {
        bool ok = false;
        number = net::json::toQString(scalar->text).trimmed().toDouble(&ok);
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

// Keys are string views of literals (their length known at compile time; data() is null-terminated).
qint64 readMilliseconds(const Members &object, std::initializer_list<std::string_view> keys,
                        bool *found = nullptr, const char **which = nullptr)
{
    for (const std::string_view key : keys) {
        double value = 0;
        if (readNumber(object.find(key), &value)) {
            if (found)
                *found = true;
            if (which)
                *which = key.data();
            return qint64(qBound(0.0, value, MaxMilliseconds));
        }
    }
    if (found)
        *found = false;
    return 0;
}

QString readString(const Members &object, std::initializer_list<std::string_view> keys,
                   const char **which = nullptr)
{
    for (const std::string_view key : keys) {
        const Scalar *value = object.find(key);
        if (!value)
            continue;
        if (value->type == Scalar::Type::String) {
            const QString text = net::json::toQString(value->text).trimmed();
            if (!text.isEmpty()) {
                if (which)
                    *which = key.data();
                return text;
            }
        } else if (value->type == Scalar::Type::Number) {
            if (which)
                *which = key.data();
            return QString::number(value->number);
        }
    }
    return {};
}

// A length in milliseconds from the segment itself or else from its `m`, noting where it was found.
qint64 readMillisecondsIn(const Members &object, const Members &meta,
                          std::initializer_list<std::string_view> keys, const char **which, bool *inMeta)
{
    bool found = false;
    qint64 value = readMilliseconds(object, keys, &found, which);
    if (!found) {
        value = readMilliseconds(meta, keys, &found, which);
        *inMeta = found;
    }
    return value;
}

TrackKind kindOf(const Scalar *type, int *number)
{
    *number = -1;
    double numeric = 0;
    if (readNumber(type, &numeric))
        *number = util::clampToInt(numeric);
    if (type && type->type == Scalar::Type::String) {
        const QString name = net::json::toQString(type->text).toLower();
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

// Reads an object's scalar members in one pass; `nested` is called for members that are objects or
// arrays (it reads or skips them). False on malformed JSON.
template<typename Nested>
bool readMembers(net::json::od::object object, Members *members, Nested nested)
{
    for (auto member : object) {
        net::json::od::field field;
        std::string_view key;
        if (std::move(member).get(field) || field.unescaped_key().get(key))
            return false;
        net::json::od::value value = field.value();
        net::json::od::json_type type;
        if (value.type().get(type))
            return false;
        if (type == net::json::od::json_type::object || type == net::json::od::json_type::array) {
            members->remove(key); // a repeated key: this one counts
            if (!nested(key, value, type))
                return false;
            continue;
        }
        Scalar scalar;
        if (!readScalar(value, &scalar))
            return false;
        members->add(key, scalar);
    }
    return true;
}

bool readPlainMembers(net::json::od::value value, Members *members)
{
    net::json::od::object object;
    if (value.get_object().get(object))
        return false;
    return readMembers(object, members, [](std::string_view, net::json::od::value, net::json::od::json_type) {
        return true; // deeper levels are not read (they are kept in the raw text)
    });
}

// Calls `each` for the elements of an array that are objects (others are skipped). False on malformed
// JSON or when `each` says so.
template<typename Each>
bool forEachObject(net::json::od::array elements, Each each)
{
    for (auto element : elements) {
        net::json::od::value item;
        net::json::od::json_type type;
        if (std::move(element).get(item) || item.type().get(type))
            return false;
        if (type == net::json::od::json_type::object && !each(item))
            return false;
    }
    return true;
}

// An array's own text (from its [ to its ]), and the array ready to be iterated again.
bool arraySpan(net::json::od::value value, net::json::od::array &array, std::string_view *raw)
{
    if (value.get_array().get(array) || array.raw_json().get(*raw))
        return false;
    while (!raw->empty() &&
           (raw->back() == ' ' || raw->back() == '\n' || raw->back() == '\r' || raw->back() == '\t'))
        raw->remove_suffix(1);
    bool notEmpty = false;
    return !array.reset().get(notEmpty);
}

// An object's own text, and the object ready to be iterated again.
bool rawText(net::json::od::object &object, std::string_view *raw)
{
    if (object.raw_json().get(*raw))
        return false;
    while (!raw->empty() &&
           (raw->back() == ' ' || raw->back() == '\n' || raw->back() == '\r' || raw->back() == '\t'))
        raw->remove_suffix(1);
    bool notEmpty = false;
    return !object.reset().get(notEmpty);
}

// A segment as read, before its track's kind is known (`tt` may come after `sg`).
struct PendingSegment
{
    Segment segment;
    QString text;      // from m, else from the segment
    QString metaTitle; // a title's words when it has no text
    QString label;     // m's name, else the segment's own
};

PendingSegment decodeSegment(const Members &object, const Members &meta)
{
    PendingSegment pending;
    Segment &segment = pending.segment;
    SegmentKeys &keys = segment.keys;
    segment.id = readString(object, {"id", "sid", "segment_id"});
    segment.startMs = readMilliseconds(
        object, {"st", "s", "start", "startTime", "start_time", "startMs", "offset"}, nullptr, &keys.start);
    bool hasDuration = false;
    segment.durationMs =
        readMilliseconds(object, {"d", "dur", "duration", "durationMs"}, &hasDuration, &keys.duration);
    if (!hasDuration) {
        bool hasEnd = false;
        const char *endKey = nullptr;
        const qint64 end =
            readMilliseconds(object, {"e", "et", "end", "endTime", "end_time"}, &hasEnd, &endKey);
        if (hasEnd && end > segment.startMs)
            segment.durationMs = end - segment.startMs;
        if (hasEnd)
            keys.end = endKey;
    }
    // Where a clip starts inside its media; the keys are not documented: the likely spellings.
    segment.inMs = readMillisecondsIn(
        object, meta,
        {"in", "trim_start", "trimStart", "source_start", "sourceStart", "from", "in_point", "inPoint"},
        &keys.in, &keys.inInMeta);
    bool fadesInObject = false;
    segment.fadeInMs = readMilliseconds(object, {"fade_in", "fadeIn"}, &fadesInObject, &keys.fadeIn);
    bool fadeOutInObject = false;
    segment.fadeOutMs = readMilliseconds(object, {"fade_out", "fadeOut"}, &fadeOutInObject, &keys.fadeOut);
    if (!fadesInObject && !fadeOutInObject) {
        bool inMetaIn = false;
        bool inMetaOut = false;
        segment.fadeInMs = readMilliseconds(meta, {"fade_in", "fadeIn"}, &inMetaIn, &keys.fadeIn);
        segment.fadeOutMs = readMilliseconds(meta, {"fade_out", "fadeOut"}, &inMetaOut, &keys.fadeOut);
        keys.fadesInMeta = inMetaIn || inMetaOut;
    }
    segment.source = readString(object, {"src", "url", "source", "cdn_url"});
    if (segment.source.isEmpty())
        segment.source = readString(meta, {"src", "url", "source"});
    pending.text = readString(meta, {"text", "content", "caption"}, &keys.text);
    keys.textInMeta = !pending.text.isEmpty();
    if (pending.text.isEmpty())
        pending.text = readString(object, {"text", "content", "caption"}, &keys.text);
    pending.metaTitle = readString(meta, {"title"});
    pending.label = readString(meta, {"name", "title", "filename", "text"});
    if (pending.label.isEmpty())
        pending.label = readString(object, {"n", "name", "title", "filename"});
    double volume = 0;
    bool hasVolume = false;
    for (const Members *holder : {&meta, &object}) {
        for (const std::string_view key :
             {std::string_view("volume"), std::string_view("vol"), std::string_view("v")}) {
            if (!hasVolume && readNumber(holder->find(key), &volume)) {
                hasVolume = true;
                keys.volume = key.data();
                keys.volumeInMeta = holder == &meta;
            }
        }
    }
    if (hasVolume) {
        // Either a fraction (0.35) or a percentage (35).
        keys.volumePercent = volume > 1.0;
        segment.volume = qBound(0.0, volume > 1.0 ? volume / 100.0 : volume, 10.0);
    }
    return pending;
}

Segment finishSegment(PendingSegment &&pending, TrackKind kind)
{
    Segment segment = std::move(pending.segment);
    segment.text = pending.text;
    if (kind == TrackKind::Text && segment.text.isEmpty()) {
        segment.text = pending.metaTitle;
        if (!segment.text.isEmpty()) {
            segment.keys.text = "title";
            segment.keys.textInMeta = true;
        }
    }
    segment.label = kind == TrackKind::Text ? segment.text : QString();
    if (segment.label.isEmpty())
        segment.label = pending.label;
    if (segment.label.isEmpty() && !segment.source.isEmpty())
        segment.label = segment.source;
    if (kind != TrackKind::Text)
        segment.label = Draft::displayName(segment.label);
    return segment;
}

QString quoted(const QString &text)
{
    return Draft::tr("\"%1\"", "a title's words, quoted").arg(text);
}

QJsonObject objectAt(const QByteArray &source, int begin, int length)
{
    QJsonValue value;
    if (length <= 0 || !net::json::parseToQt(QByteArrayView(source).sliced(begin, length), &value))
        return {};
    return value.toObject();
}

} // namespace

QJsonObject Segment::raw() const
{
    return objectAt(m_source, m_rawBegin, m_rawLength);
}

QByteArrayView Segment::rawText() const
{
    if (m_rawLength <= 0)
        return {};
    return QByteArrayView(m_source).sliced(m_rawBegin, m_rawLength);
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
    if (name.isEmpty())
        return kindName();
    // The service names tracks in English whatever the user's language: its generic names are words
    // of the interface, not the user's.
    static const std::pair<const char *, const char *> generic[] = {
        {"video", QT_TRANSLATE_NOOP("nemo::draft::Draft", "Video")},
        {"audio", QT_TRANSLATE_NOOP("nemo::draft::Draft", "Audio")},
        {"text", QT_TRANSLATE_NOOP("nemo::draft::Draft", "Text")},
        {"music", QT_TRANSLATE_NOOP("nemo::draft::Draft", "Music")},
        {"bgm", QT_TRANSLATE_NOOP("nemo::draft::Draft", "BGM")},
        {"title", QT_TRANSLATE_NOOP("nemo::draft::Draft", "Title")},
        {"titles", QT_TRANSLATE_NOOP("nemo::draft::Draft", "Titles")},
        {"subtitles", QT_TRANSLATE_NOOP("nemo::draft::Draft", "Subtitles")},
        {"captions", QT_TRANSLATE_NOOP("nemo::draft::Draft", "Captions")},
        {"voiceover", QT_TRANSLATE_NOOP("nemo::draft::Draft", "Voice-over")},
        {"sfx", QT_TRANSLATE_NOOP("nemo::draft::Draft", "Sound effects")},
    };
    QString key = name.trimmed().toLower();
    key.remove(QLatin1Char('-'));
    key.remove(QLatin1Char(' '));
    for (const auto &[english, words] : generic) {
        if (key == QLatin1String(english))
            return Draft::tr(words);
    }
    return name;
}

Draft Draft::fromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return Draft();
    return fromBytes(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

QJsonObject Draft::toJson() const
{
    return objectAt(m_bytes, 0, int(m_bytes.size()));
}

Draft Draft::fromBytes(const QByteArray &bytes)
{
    net::json::Document document;
    net::json::od::value root;
    if (!document.parse(bytes) || document.root().get_value().get(root))
        return Draft();
    net::json::Value value(root);
    bool ok = false;
    Draft draft = read(value, &ok);
    return ok && document.atEnd() ? draft : Draft();
}

Draft Draft::read(net::json::Value &value, bool *ok)
{
    namespace od = net::json::od;
    *ok = false;
    od::json_type type;
    if (value.v.type().get(type))
        return Draft();
    if (type != od::json_type::object) {
        *ok = true; // not a draft: read as none
        return Draft();
    }
    Draft draft;
    od::object root;
    std::string_view rootText;
    if (value.v.get_object().get(root) || !rawText(root, &rootText))
        return Draft();
    // The draft's own text, shared by its tracks and segments (their raw() is read from it).
    draft.m_bytes = QByteArray(rootText.data(), qsizetype(rootText.size()));
    const char *base = rootText.data();
    auto place = [&](std::string_view text, QByteArray *source, int *begin, int *length) {
        *source = draft.m_bytes;
        *begin = int(text.data() - base);
        *length = int(text.size());
    };
    auto isObject = [](od::json_type t) { return t == od::json_type::object; };
    auto isArray = [](od::json_type t) { return t == od::json_type::array; };

    auto readSegment = [&](od::value item, std::vector<std::pair<PendingSegment, std::string_view>> *out) {
        od::object object;
        std::string_view text;
        if (item.get_object().get(object) || !rawText(object, &text))
            return false;
        Members members;
        Members meta;
        const bool read =
            readMembers(object, &members, [&](std::string_view key, od::value nested, od::json_type t) {
                if (key != "m")
                    return true;
                meta.clear();
                return !isObject(t) || readPlainMembers(nested, &meta);
            });
        if (members.find("m")) // the last `m` was no object
            meta.clear();
        if (read)
            out->emplace_back(decodeSegment(members, meta), text);
        return read;
    };

    auto readTrack = [&](od::value item) {
        od::object object;
        std::string_view text;
        if (item.get_object().get(object) || !rawText(object, &text))
            return false;
        Track track;
        place(text, &track.m_source, &track.m_rawBegin, &track.m_rawLength);
        Members members;
        Members meta;
        std::vector<std::pair<PendingSegment, std::string_view>> segments;
        const bool read =
            readMembers(object, &members, [&](std::string_view key, od::value nested, od::json_type t) {
                if (key == "m") {
                    meta.clear();
                    return !isObject(t) || readPlainMembers(nested, &meta);
                }
                if (key != "sg")
                    return true;
                segments.clear();
                track.m_segmentsSpan = TextSpan();
                if (!isArray(t))
                    return true;
                std::string_view arrayText;
                od::array array;
                if (!arraySpan(nested, array, &arrayText))
                    return false;
                track.m_segmentsSpan = {int(arrayText.data() - base), int(arrayText.size())};
                return forEachObject(array,
                                     [&](od::value segment) { return readSegment(segment, &segments); });
            });
        if (!read)
            return false;
        if (members.find("m"))
            meta.clear();
        if (members.find("sg")) {
            segments.clear();
            track.m_segmentsSpan = TextSpan();
        }
        track.kind = kindOf(members.find("tt"), &track.type);
        track.id = readString(members, {"id", "tid", "track_id"});
        track.name = readString(members, {"n", "name"});
        if (track.name.isEmpty())
            track.name = readString(meta, {"name", "title"});
        track.segments.reserve(qsizetype(segments.size()));
        for (auto &[pending, segmentText] : segments) {
            Segment segment = finishSegment(std::move(pending), track.kind);
            place(segmentText, &segment.m_source, &segment.m_rawBegin, &segment.m_rawLength);
            track.segments.append(std::move(segment));
        }
        draft.m_tracks.append(std::move(track));
        return true;
    };

    Members members;
    Members meta;
    const bool read =
        readMembers(root, &members, [&](std::string_view key, od::value nested, od::json_type t) {
            if (key == "m") {
                meta.clear();
                return !isObject(t) || readPlainMembers(nested, &meta);
            }
            if (key != "t")
                return true;
            draft.m_tracks.clear();
            draft.m_tracksSpan = TextSpan();
            if (!isArray(t))
                return true;
            std::string_view arrayText;
            od::array array;
            if (!arraySpan(nested, array, &arrayText))
                return false;
            draft.m_tracksSpan = {int(arrayText.data() - base), int(arrayText.size())};
            return forEachObject(array, readTrack);
        });
    if (!read)
        return Draft();
    if (members.find("m"))
        meta.clear();
    if (members.find("t")) {
        draft.m_tracks.clear();
        draft.m_tracksSpan = TextSpan();
    }
    draft.m_title = readString(meta, {"title", "name"});
    double fps = 0;
    for (const Members *holder : {&meta, &members}) {
        for (const std::string_view key :
             {std::string_view("fps"), std::string_view("frame_rate"), std::string_view("frameRate")}) {
            if (fps <= 0 && readNumber(holder->find(key), &fps) && fps >= 1 && fps <= 240)
                draft.m_fps = qBound(1, qRound(fps), 120);
            else if (fps < 1 || fps > 240)
                fps = 0;
        }
    }
    qint64 end = 0;
    for (const Track &track : std::as_const(draft.m_tracks))
        end = qMax(end, track.endMs());
    bool hasDuration = false;
    const char *durationKey = nullptr;
    draft.m_durationMs = readMilliseconds(members, {"d", "duration"}, &hasDuration, &durationKey);
    draft.m_declaredDuration = hasDuration && draft.m_durationMs > 0;
    if (hasDuration) {
        const std::string_view token = members.find(durationKey)->token;
        if (!token.empty())
            draft.m_durationSpan = {int(token.data() - base), int(token.size())};
    }
    if (!hasDuration || draft.m_durationMs == 0)
        draft.m_durationMs = end;
    *ok = true;
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

QString Draft::formatDuration(qint64 milliseconds)
{
    return tr("%1s", "a length in seconds").arg(formatSeconds(milliseconds));
}

QString Draft::listSeparator()
{
    return tr(", ", "between the items of a list");
}

QString Draft::formatVolume(double volume)
{
    return QStringLiteral("%1%").arg(qRound(volume * 100));
}

QString Draft::kindKey(TrackKind kind)
{
    switch (kind) {
    case TrackKind::Video:
        return QStringLiteral("video");
    case TrackKind::Audio:
        return QStringLiteral("audio");
    case TrackKind::Text:
        return QStringLiteral("text");
    case TrackKind::Other:
        break;
    }
    return QStringLiteral("other");
}

TrackKind Draft::kindFromKey(const QString &key)
{
    for (const TrackKind kind : {TrackKind::Video, TrackKind::Audio, TrackKind::Text}) {
        if (key == kindKey(kind))
            return kind;
    }
    return TrackKind::Other;
}

QString Draft::summary() const
{
    if (m_tracks.isEmpty())
        return tr("Timeline is empty");
    QStringList parts;
    int number = 0;
    for (const Track &track : m_tracks) {
        ++number;
        QStringList labels; // in order, each once (only the first three are shown: the rest are counted)
        QSet<QString> seenTexts;
        QSet<QString> seenLabels;
        qsizetype count = 0;
        for (const Segment &segment : track.segments) {
            const bool isText = track.kind == TrackKind::Text && !segment.text.isEmpty();
            const QString &label = isText ? segment.text : segment.label;
            QSet<QString> &seen = isText ? seenTexts : seenLabels;
            if (label.isEmpty() || seen.contains(label))
                continue;
            seen.insert(label);
            if (++count <= 3)
                labels.append(isText ? quoted(label) : label);
        }
        QString content;
        if (track.segments.isEmpty()) {
            content = tr("(empty)");
        } else if (labels.isEmpty()) {
            content =
                track.segments.size() == 1 ? tr("1 segment") : tr("%1 segments").arg(track.segments.size());
        } else {
            content = labels.join(listSeparator());
            if (count > 3)
                content += QLatin1Char(' ') + tr("+ %1 more").arg(count - 3);
        }
        QString range;
        if (!track.segments.isEmpty()) {
            range = tr("%1-%2s", "a time range in seconds")
                        .arg(formatSeconds(track.startMs()), formatSeconds(track.endMs()));
            for (const Segment &segment : track.segments) {
                if (segment.volume >= 0) {
                    range =
                        tr("%1, %2", "a time range, then a volume").arg(range, formatVolume(segment.volume));
                    break;
                }
            }
            range = tr(" (%1)", "after a track's contents: its time range").arg(range);
        }
        parts.append(tr("%1. %2: %3%4", "a track: its number, name, contents and time range")
                         .arg(number)
                         .arg(track.displayName(), content, range));
    }
    const QString head =
        m_tracks.size() == 1 ? tr("Timeline (1 track)") : tr("Timeline (%1 tracks)").arg(m_tracks.size());
    return tr("%1: %2", "the timeline's heading, then its tracks").arg(head, parts.join(QLatin1Char(' ')));
}

} // namespace nemo::draft
