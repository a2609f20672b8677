#pragma once

// Reads an OpenTimelineIO timeline (.otio JSON) back as the clips an editor would place: every track of
// the timeline's stack walked from frame 0 (gaps advance it), every clip with its track, start, in-point,
// duration and media. Checks the schema on the way as OpenTimelineIO 0.17 writes it: each object's
// OTIO_SCHEMA a known name and version, its fields present, rates and values numbers. No OpenTimelineIO
// library is in the package registries the build uses: this is the test suite's own reader.
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <cmath>

namespace nemo::test {

struct OtioClip
{
    QString track;
    QString trackKind; // "Video" or "Audio"
    int trackIndex = 0;
    qint64 start = 0;      // on the timeline, in frames
    qint64 in = 0;         // source_range.start_time
    qint64 duration = 0;   // source_range.duration
    QString reference;     // the media reference's schema ("ExternalReference.1", …)
    QString file;          // a local file (from a file:// target_url)
    QString text;          // a text generator's words
    qint64 available = -1; // the media's available duration, when given
    bool frozen = false;   // a FreezeFrame.1 effect
    QJsonObject nemo;      // metadata["nemo"]
    QString name;
};

class OtioReader
{
public:
    explicit OtioReader(const QByteArray &json)
    {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            m_error = QStringLiteral("not JSON: ") + error.errorString();
            return;
        }
        read(document.object());
    }

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString name() const { return m_name; }
    double rate() const { return m_rate; }
    QStringList trackNames() const { return m_trackNames; }
    QStringList trackKinds() const { return m_trackKinds; }
    QList<qint64> trackLengths() const { return m_trackLengths; }
    QList<OtioClip> clips() const { return m_clips; }
    QList<OtioClip> clipsOn(const QString &track) const
    {
        QList<OtioClip> out;
        for (const OtioClip &clip : m_clips) {
            if (clip.track == track)
                out.append(clip);
        }
        return out;
    }
    // The timeline's length: its longest track.
    qint64 length() const
    {
        qint64 longest = 0;
        for (qint64 length : m_trackLengths)
            longest = qMax(longest, length);
        return longest;
    }

private:
    bool fail(const QString &why)
    {
        if (m_error.isEmpty())
            m_error = why;
        return false;
    }

    bool schema(const QJsonObject &object, const QString &expected, const QStringList &fields)
    {
        const QString schema = object.value(QLatin1String("OTIO_SCHEMA")).toString();
        if (schema != expected)
            return fail(QStringLiteral("expected %1, found %2").arg(expected, schema));
        for (const QString &field : fields) {
            if (!object.contains(field))
                return fail(QStringLiteral("%1 without %2").arg(expected, field));
        }
        return true;
    }

    bool time(const QJsonValue &value, double *rate, qint64 *frames)
    {
        const QJsonObject object = value.toObject();
        if (!schema(object, QStringLiteral("RationalTime.1"),
                    {QStringLiteral("rate"), QStringLiteral("value")}))
            return false;
        if (!object.value(QLatin1String("rate")).isDouble() ||
            !object.value(QLatin1String("value")).isDouble())
            return fail(QStringLiteral("RationalTime.1 with a rate or value that is not a number"));
        *rate = object.value(QLatin1String("rate")).toDouble();
        *frames = std::llround(object.value(QLatin1String("value")).toDouble());
        if (m_rate > 0 && *rate != m_rate)
            return fail(QStringLiteral("a time at %1 fps in a %2 fps timeline").arg(*rate).arg(m_rate));
        return *rate > 0 || fail(QStringLiteral("a rate of 0"));
    }

    bool range(const QJsonValue &value, qint64 *start, qint64 *duration)
    {
        const QJsonObject object = value.toObject();
        if (!schema(object, QStringLiteral("TimeRange.1"),
                    {QStringLiteral("start_time"), QStringLiteral("duration")}))
            return false;
        double rate = 0;
        return time(object.value(QLatin1String("start_time")), &rate, start) &&
            time(object.value(QLatin1String("duration")), &rate, duration);
    }

    bool itemFields(const QJsonObject &object, const QString &expected)
    {
        return schema(object, expected,
                      {QStringLiteral("name"), QStringLiteral("metadata"), QStringLiteral("source_range"),
                       QStringLiteral("effects"), QStringLiteral("markers"), QStringLiteral("enabled")});
    }

    void read(const QJsonObject &timeline)
    {
        if (!schema(timeline, QStringLiteral("Timeline.1"),
                    {QStringLiteral("name"), QStringLiteral("metadata"), QStringLiteral("global_start_time"),
                     QStringLiteral("tracks")}))
            return;
        m_name = timeline.value(QLatin1String("name")).toString();
        qint64 zero = 0;
        if (!timeline.value(QLatin1String("global_start_time")).isNull() &&
            !time(timeline.value(QLatin1String("global_start_time")), &m_rate, &zero))
            return;
        const QJsonObject stack = timeline.value(QLatin1String("tracks")).toObject();
        if (!itemFields(stack, QStringLiteral("Stack.1")) ||
            !stack.value(QLatin1String("children")).isArray()) {
            fail(QStringLiteral("a stack without children"));
            return;
        }
        const QJsonArray tracks = stack.value(QLatin1String("children")).toArray();
        for (int t = 0; t < tracks.size(); ++t) {
            const QJsonObject track = tracks.at(t).toObject();
            if (!itemFields(track, QStringLiteral("Track.1")) || !track.contains(QLatin1String("kind")) ||
                !track.value(QLatin1String("children")).isArray()) {
                fail(QStringLiteral("track %1 is not a Track.1").arg(t));
                return;
            }
            const QString kind = track.value(QLatin1String("kind")).toString();
            if (kind != QLatin1String("Video") && kind != QLatin1String("Audio")) {
                fail(QStringLiteral("a track of kind %1").arg(kind));
                return;
            }
            m_trackNames.append(track.value(QLatin1String("name")).toString());
            m_trackKinds.append(kind);
            qint64 cursor = 0;
            for (const QJsonValue &value : track.value(QLatin1String("children")).toArray()) {
                const QJsonObject child = value.toObject();
                const QString childSchema = child.value(QLatin1String("OTIO_SCHEMA")).toString();
                qint64 in = 0;
                qint64 duration = 0;
                if (childSchema == QLatin1String("Gap.1")) {
                    if (!itemFields(child, childSchema) ||
                        !range(child.value(QLatin1String("source_range")), &in, &duration))
                        return;
                    cursor += duration;
                    continue;
                }
                if (!itemFields(child, QStringLiteral("Clip.2")) ||
                    !child.value(QLatin1String("media_references")).isObject() ||
                    !child.contains(QLatin1String("active_media_reference_key")) ||
                    !range(child.value(QLatin1String("source_range")), &in, &duration))
                    return;
                OtioClip clip;
                clip.track = m_trackNames.last();
                clip.trackKind = kind;
                clip.trackIndex = t;
                clip.start = cursor;
                clip.in = in;
                clip.duration = duration;
                clip.name = child.value(QLatin1String("name")).toString();
                clip.nemo =
                    child.value(QLatin1String("metadata")).toObject().value(QLatin1String("nemo")).toObject();
                for (const QJsonValue &effect : child.value(QLatin1String("effects")).toArray()) {
                    const QJsonObject e = effect.toObject();
                    if (!schema(e, QStringLiteral("FreezeFrame.1"),
                                {QStringLiteral("name"), QStringLiteral("metadata"),
                                 QStringLiteral("effect_name"), QStringLiteral("time_scalar")}))
                        return;
                    clip.frozen = true;
                }
                const QString key = child.value(QLatin1String("active_media_reference_key")).toString();
                const QJsonObject media =
                    child.value(QLatin1String("media_references")).toObject().value(key).toObject();
                clip.reference = media.value(QLatin1String("OTIO_SCHEMA")).toString();
                const QStringList referenceFields{QStringLiteral("name"), QStringLiteral("metadata"),
                                                  QStringLiteral("available_range"),
                                                  QStringLiteral("available_image_bounds")};
                if (clip.reference == QLatin1String("ExternalReference.1")) {
                    if (!schema(media, clip.reference,
                                referenceFields + QStringList{QStringLiteral("target_url")}))
                        return;
                    const QUrl url(media.value(QLatin1String("target_url")).toString());
                    if (!url.isLocalFile()) {
                        fail(QStringLiteral("a target_url that is not a file:// URL: ") + url.toString());
                        return;
                    }
                    clip.file = url.toLocalFile();
                    qint64 availableStart = 0;
                    if (!media.value(QLatin1String("available_range")).isNull() &&
                        !range(media.value(QLatin1String("available_range")), &availableStart,
                               &clip.available))
                        return;
                } else if (clip.reference == QLatin1String("GeneratorReference.1")) {
                    if (!schema(
                            media, clip.reference,
                            referenceFields +
                                QStringList{QStringLiteral("generator_kind"), QStringLiteral("parameters")}))
                        return;
                    clip.text = media.value(QLatin1String("parameters"))
                                    .toObject()
                                    .value(QLatin1String("text"))
                                    .toString();
                } else if (!schema(media, QStringLiteral("MissingReference.1"), referenceFields)) {
                    return;
                }
                m_clips.append(clip);
                cursor += duration;
            }
            m_trackLengths.append(cursor);
        }
    }

    QString m_error;
    QString m_name;
    double m_rate = 0;
    QStringList m_trackNames;
    QStringList m_trackKinds;
    QList<qint64> m_trackLengths;
    QList<OtioClip> m_clips;
};

} // namespace nemo::test
