#include "render/timelinelayout.h"

#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace nemo::render {

namespace {

// Segments in order of start, on as few lanes as keep them from overlapping.
QList<QList<PlacedSegment>> lanesOf(const QList<PlacedSegment> &segments)
{
    QList<QList<PlacedSegment>> lanes;
    QList<qint64> ends;
    for (const PlacedSegment &placed : segments) {
        qsizetype lane = 0;
        while (lane < ends.size() && ends.at(lane) > placed.start)
            ++lane;
        if (lane == ends.size()) {
            lanes.append(QList<PlacedSegment>());
            ends.append(0);
        }
        lanes[lane].append(placed);
        ends[lane] = placed.start + placed.length;
    }
    return lanes;
}

} // namespace

qint64 TimelineLayout::toFrames(qint64 milliseconds, int fps)
{
    return qint64(std::llround(double(milliseconds) * fps / 1000.0));
}

bool TimelineLayout::isImage(const QString &path)
{
    static const QStringList images{QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"),
                                    QStringLiteral("gif"), QStringLiteral("webp"), QStringLiteral("bmp")};
    return images.contains(QFileInfo(path).suffix().toLower());
}

QString MissingSource::message() const
{
    const QString what = name.isEmpty() ? source : name;
    switch (reason) {
    case Reason::NoSource:
        return TimelineLayout::tr("segment %1 of %2 has no source in the agent's draft")
            .arg(segment)
            .arg(trackName);
    case Reason::Gone:
        return TimelineLayout::tr("%1 is no longer on this computer").arg(what);
    case Reason::NotFetched:
        break;
    }
    if (detail.isEmpty())
        return TimelineLayout::tr(
                   "segment %1 of %2: %3 is not on this computer, and the service gave no link to "
                   "fetch it")
            .arg(segment)
            .arg(trackName, what);
    return TimelineLayout::tr("segment %1 of %2: %3 could not be fetched from the service (%4)")
        .arg(segment)
        .arg(trackName, what, detail);
}

TimelineLayout TimelineLayout::of(const draft::Draft &draft, const Sources &sources, int fps)
{
    TimelineLayout layout;
    layout.fps = qBound(1, fps, 120);
    fps = layout.fps;
    QList<Lane> video;
    QList<Lane> titles;
    QList<Lane> sound;
    // As long as the draft says: its last segment's end, or its declared length when that is longer.
    qint64 total = toFrames(draft.durationMs(), fps);
    int skippedEmpty = 0;
    QSet<QString> substituted; // originals the service's copy stands in for
    for (qsizetype t = 0; t < draft.tracks().size(); ++t) {
        const draft::Track &track = draft.tracks().at(t);
        if (track.kind == draft::TrackKind::Other) {
            if (!track.segments.isEmpty())
                layout.notes.append(
                    tr("%1 isn't rendered on this computer: Nemo Studio doesn't know that kind "
                       "of track.")
                        .arg(track.displayName()));
            continue;
        }
        const bool text = track.kind == draft::TrackKind::Text;
        QList<PlacedSegment> placed;
        for (qsizetype i = 0; i < track.segments.size(); ++i) {
            const draft::Segment &segment = track.segments.at(i);
            PlacedSegment p;
            p.segment = &segment;
            p.track = int(t);
            p.index = int(i + 1);
            p.start = toFrames(segment.startMs, fps);
            p.length = toFrames(segment.durationMs, fps);
            if (p.length <= 0) {
                ++skippedEmpty;
                continue;
            }
            if (text && segment.text.trimmed().isEmpty())
                continue;
            total = qMax(total, p.start + p.length);
            if (!text) {
                // Media not on this computer: named, and left empty in its place.
                const QString &source = segment.source;
                const QString local = sources.files.value(source);
                if (!source.isEmpty() && !local.isEmpty() && QFileInfo(local).isFile()) {
                    p.in = isImage(local) ? 0 : toFrames(segment.inMs, fps);
                    if (sources.gone.contains(source) && !substituted.contains(source)) {
                        substituted.insert(source);
                        layout.notes.append(
                            tr("%1 is no longer on this computer: the copy on the service is used.")
                                .arg(QFileInfo(sources.gone.value(source)).fileName()));
                    }
                } else {
                    MissingSource missing;
                    missing.track = int(t + 1);
                    missing.segment = p.index;
                    missing.trackName = track.displayName();
                    missing.name = draft::Draft::displayName(segment.label);
                    missing.source = source;
                    if (source.isEmpty()) {
                        missing.reason = MissingSource::Reason::NoSource;
                    } else if (sources.gone.contains(source)) {
                        missing.reason = MissingSource::Reason::Gone;
                        missing.original = sources.gone.value(source);
                        if (missing.name.isEmpty() || missing.name == source)
                            missing.name = QFileInfo(missing.original).fileName();
                    } else {
                        missing.reason = MissingSource::Reason::NotFetched;
                        missing.detail = sources.fetchErrors.value(source);
                    }
                    layout.missing.append(missing);
                    p.missing = true;
                    p.in = toFrames(segment.inMs, fps);
                }
            }
            placed.append(p);
        }
        std::stable_sort(placed.begin(), placed.end(),
                         [](const PlacedSegment &a, const PlacedSegment &b) { return a.start < b.start; });
        const QList<QList<PlacedSegment>> lanes = lanesOf(placed);
        for (qsizetype l = 0; l < lanes.size(); ++l) {
            const QString name =
                l == 0 ? track.displayName() : QStringLiteral("%1 %2").arg(track.displayName()).arg(l + 1);
            const Lane lane{track.kind, name, lanes.at(l)};
            (track.kind == draft::TrackKind::Video ? video : text ? titles : sound).append(lane);
        }
    }
    if (skippedEmpty > 0)
        layout.notes.append(tr("%n segment(s) with no length left out.", nullptr, skippedEmpty));
    for (const MissingSource &missing : std::as_const(layout.missing))
        layout.notes.append(missing.message());
    layout.frames = qMax<qint64>(total, 1);
    layout.pictureLanes = int(video.size());
    layout.visualLanes = int(video.size() + titles.size());
    layout.lanes = video + titles + sound;
    return layout;
}

} // namespace nemo::render
