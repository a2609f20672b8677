#include "edit/editop.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace nemo::edit {

namespace {

struct PropertyName
{
    Property property;
    const char *name;
};

constexpr PropertyName PropertyNames[] = {
    {Start, "start"},   {Duration, "duration"}, {In, "in"},           {Text, "text"},
    {Volume, "volume"}, {FadeIn, "fadeIn"},     {FadeOut, "fadeOut"},
};

QJsonObject valuesToJson(const ClipValues &values, quint32 mask)
{
    QJsonObject object;
    if (mask & Start)
        object.insert(QLatin1String("start"), double(values.start));
    if (mask & Duration)
        object.insert(QLatin1String("duration"), double(values.duration));
    if (mask & In)
        object.insert(QLatin1String("in"), double(values.in));
    if (mask & Text)
        object.insert(QLatin1String("text"), values.text);
    if (mask & Volume)
        object.insert(QLatin1String("volume"), values.volume);
    if (mask & FadeIn)
        object.insert(QLatin1String("fadeIn"), double(values.fadeIn));
    if (mask & FadeOut)
        object.insert(QLatin1String("fadeOut"), double(values.fadeOut));
    return object;
}

// Frames are whole numbers within a hundred hours at 120 fps; anything else is a damaged record.
bool readFrames(const QJsonObject &object, const char *key, qint64 *out, bool required)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined())
        return !required;
    const double number = value.toDouble(-1);
    if (!value.isDouble() || !std::isfinite(number) || number < 0 || number > 120.0 * 3600 * 100 ||
        number != std::floor(number))
        return false;
    *out = qint64(number);
    return true;
}

bool valuesFromJson(const QJsonObject &object, quint32 mask, ClipValues *values)
{
    if ((mask & Start) && !readFrames(object, "start", &values->start, true))
        return false;
    if ((mask & Duration) && !readFrames(object, "duration", &values->duration, true))
        return false;
    if ((mask & In) && !readFrames(object, "in", &values->in, true))
        return false;
    if (mask & Text) {
        if (!object.value(QLatin1String("text")).isString())
            return false;
        values->text = object.value(QLatin1String("text")).toString();
    }
    if (mask & Volume) {
        const QJsonValue volume = object.value(QLatin1String("volume"));
        if (!volume.isDouble() || !std::isfinite(volume.toDouble()) || volume.toDouble() < -1 ||
            volume.toDouble() > 10)
            return false;
        values->volume = volume.toDouble();
    }
    if ((mask & FadeIn) && !readFrames(object, "fadeIn", &values->fadeIn, true))
        return false;
    if ((mask & FadeOut) && !readFrames(object, "fadeOut", &values->fadeOut, true))
        return false;
    return true;
}

} // namespace

EditOp EditOp::set(const Clip &clip, quint32 properties, const ClipValues &after)
{
    EditOp op;
    op.kind = Kind::Set;
    op.key = clip.key;
    op.label = clip.label;
    op.properties = properties;
    op.before = clip.values;
    op.after = clip.values.with(after, properties);
    return op;
}

EditOp EditOp::remove(const Clip &clip)
{
    EditOp op;
    op.kind = Kind::Remove;
    op.key = clip.key;
    op.label = clip.label;
    op.before = clip.values;
    op.clip = clip;
    return op;
}

EditOp EditOp::insert(const Clip &clip, const QString &trackKey, draft::TrackKind kind,
                      const QString &afterKey)
{
    EditOp op;
    op.kind = Kind::Insert;
    op.key = clip.key;
    op.label = clip.label;
    op.clip = clip;
    op.after = clip.values;
    op.trackKey = trackKey;
    op.trackKind = kind;
    op.afterKey = afterKey;
    return op;
}

EditOp EditOp::reversed() const
{
    EditOp op = *this;
    std::swap(op.before, op.after);
    return op;
}

QJsonObject EditOp::toJson() const
{
    QJsonObject object{{QLatin1String("key"), key}, {QLatin1String("label"), label}};
    switch (kind) {
    case Kind::Set: {
        object.insert(QLatin1String("op"), QLatin1String("set"));
        QJsonArray names;
        for (const PropertyName &entry : PropertyNames) {
            if (properties & entry.property)
                names.append(QLatin1String(entry.name));
        }
        object.insert(QLatin1String("properties"), names);
        // Before: every value (what the segment was), so that a re-application can tell what moved.
        object.insert(QLatin1String("before"), valuesToJson(before, AllProperties));
        object.insert(QLatin1String("after"), valuesToJson(after, properties));
        break;
    }
    case Kind::Remove:
        object.insert(QLatin1String("op"), QLatin1String("remove"));
        object.insert(QLatin1String("before"), valuesToJson(before, AllProperties));
        break;
    case Kind::Insert: {
        object.insert(QLatin1String("op"), QLatin1String("insert"));
        object.insert(QLatin1String("track"), trackKey);
        object.insert(QLatin1String("trackKind"), draft::Draft::kindKey(trackKind));
        object.insert(QLatin1String("afterKey"), afterKey);
        object.insert(QLatin1String("values"), valuesToJson(clip.values, AllProperties));
        object.insert(QLatin1String("mediaFrames"), double(clip.mediaFrames));
        object.insert(QLatin1String("segment"), QString::fromUtf8(clip.json));
        break;
    }
    }
    return object;
}

std::optional<EditOp> EditOp::fromJson(const QJsonObject &object, QString *error)
{
    auto refuse = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    EditOp op;
    op.key = object.value(QLatin1String("key")).toString();
    op.label = object.value(QLatin1String("label")).toString();
    if (op.key.isEmpty())
        return refuse(tr("a change names no segment"));
    const QString name = object.value(QLatin1String("op")).toString();
    if (name == QLatin1String("set")) {
        op.kind = Kind::Set;
        for (const QJsonValue &value : object.value(QLatin1String("properties")).toArray()) {
            bool known = false;
            for (const PropertyName &entry : PropertyNames) {
                if (value.toString() == QLatin1String(entry.name)) {
                    op.properties |= entry.property;
                    known = true;
                }
            }
            if (!known)
                return refuse(tr("a change of %1 has a property this version doesn't know").arg(op.label));
        }
        if (op.properties == 0)
            return refuse(tr("a change of %1 changes nothing").arg(op.label));
        if (!valuesFromJson(object.value(QLatin1String("before")).toObject(), AllProperties, &op.before))
            return refuse(tr("a change of %1 has damaged values").arg(op.label));
        op.after = op.before;
        if (!valuesFromJson(object.value(QLatin1String("after")).toObject(), op.properties, &op.after))
            return refuse(tr("a change of %1 has damaged values").arg(op.label));
        return op;
    }
    if (name == QLatin1String("remove")) {
        op.kind = Kind::Remove;
        if (!valuesFromJson(object.value(QLatin1String("before")).toObject(), AllProperties, &op.before))
            return refuse(tr("a removal of %1 has damaged values").arg(op.label));
        op.clip.key = op.key;
        op.clip.label = op.label;
        op.clip.values = op.before;
        return op;
    }
    if (name == QLatin1String("insert")) {
        op.kind = Kind::Insert;
        op.trackKey = object.value(QLatin1String("track")).toString();
        op.trackKind = draft::Draft::kindFromKey(object.value(QLatin1String("trackKind")).toString());
        op.afterKey = object.value(QLatin1String("afterKey")).toString();
        if (op.trackKey.isEmpty())
            return refuse(tr("an added segment %1 names no track").arg(op.label));
        ClipValues values;
        if (!valuesFromJson(object.value(QLatin1String("values")).toObject(), AllProperties, &values))
            return refuse(tr("an added segment %1 has damaged values").arg(op.label));
        const QByteArray segment = object.value(QLatin1String("segment")).toString().toUtf8();
        // The segment's JSON is read the way the agent's drafts are read, for its spellings.
        const QByteArray wrapper = "{\"t\":[{\"tt\":\"" + draft::Draft::kindKey(op.trackKind).toUtf8() +
            "\",\"sg\":[" + segment + "]}]}";
        const draft::Draft draft = draft::Draft::fromBytes(wrapper);
        if (draft.tracks().size() != 1 || draft.tracks().first().segments.size() != 1)
            return refuse(tr("an added segment %1 is damaged").arg(op.label));
        const draft::Segment &read = draft.tracks().first().segments.first();
        Clip &clip = op.clip;
        clip.key = op.key;
        clip.id = read.id;
        clip.label = op.label.isEmpty() ? read.label : op.label;
        clip.source = read.source;
        clip.keys = read.keys;
        clip.values = values;
        clip.json = segment;
        clip.changed = AllProperties;
        const double media = object.value(QLatin1String("mediaFrames")).toDouble(-1);
        clip.mediaFrames = std::isfinite(media) && media >= 0 ? qint64(media) : -1;
        op.after = values;
        return op;
    }
    return refuse(tr("a change of a kind this version doesn't know (%1)").arg(name));
}

} // namespace nemo::edit
