#include "render/otiodocument.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace nemo::render {

namespace {

const QString Schema = QStringLiteral("OTIO_SCHEMA");

QJsonObject rationalTime(qint64 frames, int fps)
{
    return {{Schema, QStringLiteral("RationalTime.1")},
            {QStringLiteral("rate"), double(fps)},
            {QStringLiteral("value"), double(frames)}};
}

QJsonObject timeRange(qint64 start, qint64 duration, int fps)
{
    return {{Schema, QStringLiteral("TimeRange.1")},
            {QStringLiteral("start_time"), rationalTime(start, fps)},
            {QStringLiteral("duration"), rationalTime(duration, fps)}};
}

// What every item of a track has (OpenTimelineIO's Item): a name, metadata, its range, no effects or
// markers of its own, enabled.
QJsonObject item(const QString &schema, const QString &name, const QJsonObject &metadata,
                 const QJsonValue &range)
{
    return {{Schema, schema},
            {QStringLiteral("name"), name},
            {QStringLiteral("metadata"), metadata},
            {QStringLiteral("source_range"), range},
            {QStringLiteral("effects"), QJsonArray()},
            {QStringLiteral("markers"), QJsonArray()},
            {QStringLiteral("enabled"), true}};
}

QJsonObject gap(qint64 frames, int fps)
{
    return item(QStringLiteral("Gap.1"), QString(), QJsonObject(), timeRange(0, frames, fps));
}

QJsonObject reference(const QString &schema, const QJsonValue &availableRange)
{
    return {{Schema, schema},
            {QStringLiteral("name"), QString()},
            {QStringLiteral("metadata"), QJsonObject()},
            {QStringLiteral("available_range"), availableRange},
            {QStringLiteral("available_image_bounds"), QJsonValue::Null}};
}

QJsonObject clip(const QString &name, const QJsonObject &metadata, qint64 in, qint64 duration, int fps,
                 const QJsonObject &media)
{
    QJsonObject clip = item(QStringLiteral("Clip.2"), name, metadata, timeRange(in, duration, fps));
    clip.insert(QStringLiteral("media_references"), QJsonObject{{QStringLiteral("DEFAULT_MEDIA"), media}});
    clip.insert(QStringLiteral("active_media_reference_key"), QStringLiteral("DEFAULT_MEDIA"));
    return clip;
}

// Where the segment came from, so that a file can be matched back to the draft.
QJsonObject nemoMetadata(const PlacedSegment &p, const QString &kind)
{
    const draft::Segment &segment = *p.segment;
    QJsonObject nemo{{QStringLiteral("kind"), kind},
                     {QStringLiteral("track"), p.track},
                     {QStringLiteral("segment"), p.index}};
    if (!segment.id.isEmpty())
        nemo.insert(QStringLiteral("segment_id"), segment.id);
    if (!segment.source.isEmpty())
        nemo.insert(QStringLiteral("source"), segment.source);
    if (segment.volume >= 0)
        nemo.insert(QStringLiteral("volume"), segment.volume);
    if (segment.fadeInMs > 0)
        nemo.insert(QStringLiteral("fade_in_ms"), double(segment.fadeInMs));
    if (segment.fadeOutMs > 0)
        nemo.insert(QStringLiteral("fade_out_ms"), double(segment.fadeOutMs));
    return QJsonObject{{QStringLiteral("nemo"), nemo}};
}

} // namespace

OtioDocument OtioDocument::fromDraft(const draft::Draft &draft, const QHash<QString, QString> &localFiles,
                                     const MltDocument::Options &options)
{
    OtioDocument doc;
    const TimelineLayout layout =
        TimelineLayout::of(draft, {localFiles, options.gone, options.fetchErrors}, options.fps);
    const int fps = layout.fps;
    doc.m_fps = fps;
    doc.m_frames = layout.frames;
    doc.m_notes = layout.notes;
    doc.m_missing = layout.missing;

    QJsonArray tracks;
    for (qsizetype l = 0; l < layout.lanes.size(); ++l) {
        const Lane &lane = layout.lanes.at(l);
        QJsonArray children;
        qint64 cursor = 0;
        for (const PlacedSegment &p : lane.segments) {
            const draft::Segment &segment = *p.segment;
            if (p.start > cursor)
                children.append(gap(p.start - cursor, fps));
            cursor = p.start + p.length;
            const QJsonObject metadata = nemoMetadata(p, draft::Draft::kindKey(lane.kind));
            if (lane.kind == draft::TrackKind::Text) {
                QJsonObject generator = reference(QStringLiteral("GeneratorReference.1"), QJsonValue::Null);
                generator.insert(QStringLiteral("generator_kind"), QStringLiteral("text"));
                generator.insert(QStringLiteral("parameters"),
                                 QJsonObject{{QStringLiteral("text"), segment.text.trimmed()}});
                children.append(clip(segment.text.trimmed(), metadata, 0, p.length, fps, generator));
                continue;
            }
            const QString name = draft::Draft::displayName(segment.label);
            if (p.missing) {
                children.append(clip(name, metadata, p.in, p.length, fps,
                                     reference(QStringLiteral("MissingReference.1"), QJsonValue::Null)));
                continue;
            }
            const QString local = localFiles.value(segment.source);
            const bool still = TimelineLayout::isImage(local);
            const qint64 mediaMs = still ? -1 : options.mediaMs.value(segment.source, -1);
            const qint64 mediaFrames = mediaMs > 0 ? TimelineLayout::toFrames(mediaMs, fps) : -1;
            QJsonObject media = reference(QStringLiteral("ExternalReference.1"),
                                          mediaFrames > 0 ? QJsonValue(timeRange(0, mediaFrames, fps))
                                                          : QJsonValue(QJsonValue::Null));
            media.insert(
                QStringLiteral("target_url"),
                QUrl::fromLocalFile(QFileInfo(local).absoluteFilePath()).toString(QUrl::FullyEncoded));
            // Past its media's end a clip holds its last frame: that part is a still of the last frame.
            const qint64 playing =
                mediaFrames > 0 ? qBound<qint64>(0, mediaFrames - p.in, p.length) : p.length;
            if (playing > 0)
                children.append(clip(name, metadata, p.in, playing, fps, media));
            if (playing < p.length) {
                QJsonObject held = clip(name, metadata, mediaFrames - 1, p.length - playing, fps, media);
                held.insert(
                    QStringLiteral("effects"),
                    QJsonArray{QJsonObject{{Schema, QStringLiteral("FreezeFrame.1")},
                                           {QStringLiteral("name"), QString()},
                                           {QStringLiteral("metadata"), QJsonObject()},
                                           {QStringLiteral("effect_name"), QStringLiteral("FreezeFrame")},
                                           {QStringLiteral("time_scalar"), 0.0}}});
                children.append(held);
            }
        }
        // The first track runs to the video's end, so the timeline is as long as the draft says.
        if (l == 0 && cursor < layout.frames)
            children.append(gap(layout.frames - cursor, fps));
        QJsonObject track = item(QStringLiteral("Track.1"), lane.name, QJsonObject(), QJsonValue::Null);
        track.insert(QStringLiteral("children"), children);
        track.insert(QStringLiteral("kind"),
                     lane.kind == draft::TrackKind::Audio ? QStringLiteral("Audio")
                                                          : QStringLiteral("Video"));
        tracks.append(track);
    }
    if (tracks.isEmpty()) {
        // An empty timeline still has its length.
        QJsonObject track =
            item(QStringLiteral("Track.1"), draft::Draft::tr("Video"), QJsonObject(), QJsonValue::Null);
        track.insert(QStringLiteral("children"), QJsonArray{gap(layout.frames, fps)});
        track.insert(QStringLiteral("kind"), QStringLiteral("Video"));
        tracks.append(track);
    }
    QJsonObject stack =
        item(QStringLiteral("Stack.1"), QStringLiteral("tracks"), QJsonObject(), QJsonValue::Null);
    stack.insert(QStringLiteral("children"), tracks);
    const QJsonObject timeline{
        {Schema, QStringLiteral("Timeline.1")},
        {QStringLiteral("name"), draft.title().isEmpty() ? QStringLiteral("Nemo Studio") : draft.title()},
        {QStringLiteral("metadata"),
         QJsonObject{
             {QStringLiteral("nemo"),
              QJsonObject{{QStringLiteral("fps"), fps}, {QStringLiteral("frames"), double(layout.frames)}}}}},
        {QStringLiteral("global_start_time"), rationalTime(0, fps)},
        {QStringLiteral("tracks"), stack}};
    doc.m_json = QJsonDocument(timeline).toJson(QJsonDocument::Indented);
    return doc;
}

} // namespace nemo::render
