#include "draft/draftdiff.h"

#include <QHash>

namespace nemo::draft {

namespace {

// Pairs tracks of two drafts: by id when both have one, else by kind and position among that kind.
QList<int> matchTracks(const QList<Track> &before, const QList<Track> &after)
{
    QList<int> match(after.size(), -1);
    QList<bool> used(before.size(), false);
    for (int a = 0; a < after.size(); ++a) {
        if (after.at(a).id.isEmpty())
            continue;
        for (int b = 0; b < before.size(); ++b) {
            if (!used.at(b) && before.at(b).id == after.at(a).id) {
                match[a] = b;
                used[b] = true;
                break;
            }
        }
    }
    for (int a = 0; a < after.size(); ++a) {
        if (match.at(a) >= 0)
            continue;
        for (int b = 0; b < before.size(); ++b) {
            const bool bothNamedDifferently = !before.at(b).id.isEmpty() && !after.at(a).id.isEmpty();
            if (!used.at(b) && !bothNamedDifferently && before.at(b).kind == after.at(a).kind &&
                before.at(b).type == after.at(a).type) {
                match[a] = b;
                used[b] = true;
                break;
            }
        }
    }
    return match;
}

} // namespace

QString DraftDiff::segmentKey(int trackIndex, const Segment &segment, int segmentIndex)
{
    return QString::number(trackIndex) + QLatin1Char('/') + segment.key(segmentIndex);
}

DraftDiff DraftDiff::between(const Draft &before, const Draft &after)
{
    DraftDiff diff;
    const QList<Track> &oldTracks = before.tracks();
    const QList<Track> &newTracks = after.tracks();
    const QList<int> match = matchTracks(oldTracks, newTracks);
    QList<bool> matched(oldTracks.size(), false);

    for (int a = 0; a < newTracks.size(); ++a) {
        const Track &track = newTracks.at(a);
        const QString name = track.displayName();
        if (match.at(a) < 0) {
            diff.m_changes.append({DraftChange::Kind::TrackAdded, name, int(track.segments.size()), {}, {}});
            for (int s = 0; s < track.segments.size(); ++s)
                diff.m_changed.insert(segmentKey(a, track.segments.at(s), s));
            continue;
        }
        const Track &old = oldTracks.at(match.at(a));
        matched[match.at(a)] = true;
        if (old.displayName() != name)
            diff.m_changes.append({DraftChange::Kind::TrackRenamed, name, 0, old.displayName(), name});

        QHash<QString, int> oldByKey;
        for (int s = 0; s < old.segments.size(); ++s)
            oldByKey.insert(old.segments.at(s).key(s), s);
        int added = 0;
        int retimed = 0;
        int replaced = 0;
        QString volumeBefore;
        QString volumeAfter;
        QString textBefore;
        QString textAfter;
        QSet<QString> seen;
        for (int s = 0; s < track.segments.size(); ++s) {
            const Segment &segment = track.segments.at(s);
            const QString key = segment.key(s);
            seen.insert(key);
            const auto it = oldByKey.constFind(key);
            if (it == oldByKey.cend()) {
                ++added;
                diff.m_changed.insert(segmentKey(a, segment, s));
                continue;
            }
            const Segment &previous = old.segments.at(it.value());
            bool changed = false;
            if (previous.startMs != segment.startMs || previous.durationMs != segment.durationMs) {
                ++retimed;
                changed = true;
            }
            if (previous.source != segment.source ||
                (track.kind != TrackKind::Text && previous.label != segment.label)) {
                ++replaced;
                changed = true;
            }
            if (previous.volume != segment.volume && volumeBefore.isEmpty() && volumeAfter.isEmpty()) {
                volumeBefore = previous.volume >= 0 ? Draft::formatVolume(previous.volume) : tr("default");
                volumeAfter = segment.volume >= 0 ? Draft::formatVolume(segment.volume) : tr("default");
                changed = true;
            }
            if (previous.text != segment.text && textBefore.isEmpty() && textAfter.isEmpty()) {
                textBefore = previous.text;
                textAfter = segment.text;
                changed = true;
            }
            if (changed)
                diff.m_changed.insert(segmentKey(a, segment, s));
        }
        int removed = 0;
        for (auto it = oldByKey.cbegin(); it != oldByKey.cend(); ++it)
            removed += seen.contains(it.key()) ? 0 : 1;
        if (added)
            diff.m_changes.append({DraftChange::Kind::SegmentsAdded, name, added, {}, {}});
        if (removed)
            diff.m_changes.append({DraftChange::Kind::SegmentsRemoved, name, removed, {}, {}});
        if (retimed)
            diff.m_changes.append({DraftChange::Kind::SegmentsRetimed, name, retimed, {}, {}});
        if (replaced)
            diff.m_changes.append({DraftChange::Kind::SegmentsReplaced, name, replaced, {}, {}});
        if (!volumeBefore.isEmpty() || !volumeAfter.isEmpty())
            diff.m_changes.append({DraftChange::Kind::VolumeChanged, name, 0, volumeBefore, volumeAfter});
        if (!textBefore.isEmpty() || !textAfter.isEmpty())
            diff.m_changes.append({DraftChange::Kind::TextChanged, name, 0, textBefore, textAfter});
    }
    for (int b = 0; b < oldTracks.size(); ++b) {
        if (!matched.at(b))
            diff.m_changes.append(
                {DraftChange::Kind::TrackRemoved, oldTracks.at(b).displayName(), 0, {}, {}});
    }
    if (before.durationMs() != after.durationMs() && !(before.durationMs() == 0 && newTracks.isEmpty())) {
        diff.m_changes.append({DraftChange::Kind::DurationChanged, QString(), 0,
                               Draft::formatDuration(before.durationMs()),
                               Draft::formatDuration(after.durationMs())});
    }
    return diff;
}

QString DraftDiff::describe(const DraftChange &change)
{
    switch (change.kind) {
    case DraftChange::Kind::TrackAdded:
        return tr("added track %1").arg(change.track);
    case DraftChange::Kind::TrackRemoved:
        return tr("removed track %1").arg(change.track);
    case DraftChange::Kind::TrackRenamed:
        return tr("renamed track %1 to %2").arg(change.before, change.after);
    case DraftChange::Kind::SegmentsAdded:
        return change.count == 1 ? tr("added 1 segment to %1").arg(change.track)
                                 : tr("added %1 segments to %2").arg(change.count).arg(change.track);
    case DraftChange::Kind::SegmentsRemoved:
        return change.count == 1 ? tr("removed 1 segment from %1").arg(change.track)
                                 : tr("removed %1 segments from %2").arg(change.count).arg(change.track);
    case DraftChange::Kind::SegmentsRetimed:
        return change.count == 1
            ? tr("moved or resized 1 segment in %1").arg(change.track)
            : tr("moved or resized %1 segments in %2").arg(change.count).arg(change.track);
    case DraftChange::Kind::SegmentsReplaced:
        return change.count == 1 ? tr("replaced 1 segment in %1").arg(change.track)
                                 : tr("replaced %1 segments in %2").arg(change.count).arg(change.track);
    case DraftChange::Kind::VolumeChanged:
        return tr("%1 volume %2 → %3").arg(change.track, change.before, change.after);
    case DraftChange::Kind::TextChanged:
        return tr("%1 text \"%2\" → \"%3\"").arg(change.track, change.before, change.after);
    case DraftChange::Kind::DurationChanged:
        return tr("length %1 → %2").arg(change.before, change.after);
    }
    return {};
}

QString DraftDiff::describe() const
{
    if (m_changes.isEmpty())
        return tr("no changes to the timeline");
    QStringList words;
    for (const DraftChange &change : m_changes)
        words.append(describe(change));
    return words.join(tr(", ", "between the changes made by a turn"));
}

} // namespace nemo::draft
