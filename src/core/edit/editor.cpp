#include "edit/editor.h"

#include "util/timecode.h"

#include <algorithm>

namespace nemo::edit {

namespace timecode = util::timecode;

Editor::Editor(const EditedDraft &document)
    : m_document(document)
{ }

QString Editor::seconds(qint64 frames) const
{
    return tr("%1 s").arg(draft::Draft::formatSeconds(m_document.toMs(frames)));
}

bool Editor::find(const QString &key, Placed *placed, Result *result) const
{
    int t = 0;
    int i = 0;
    if (!m_document.locate(key, &t, &i)) {
        result->problem = tr("That segment is no longer in the timeline.");
        return false;
    }
    *placed = {t, i, &m_document.tracks().at(t).clips.at(i)};
    return true;
}

Editor::Result Editor::finish(Edit edit) const
{
    edit.fps = m_document.fps();
    edit.time = QDateTime::currentDateTimeUtc();
    Result result;
    result.edit = edit;
    if (edit.ops.isEmpty() && edit.kind == Edit::Kind::Change)
        result.problem = tr("Nothing would change.");
    return result;
}

qint64 Editor::snap(qint64 frame, qint64 tolerance, const QSet<QString> &exclude, qint64 playhead,
                    bool *snapped) const
{
    qint64 best = frame;
    qint64 distance = tolerance + 1;
    auto consider = [&](qint64 candidate) {
        const qint64 d = qAbs(candidate - frame);
        if (d < distance) {
            distance = d;
            best = candidate;
        }
    };
    if (playhead >= 0)
        consider(playhead);
    consider(0);
    for (const EditTrack &track : m_document.tracks()) {
        for (const Clip &clip : track.clips) {
            if (exclude.contains(clip.key))
                continue;
            consider(clip.start());
            consider(clip.end());
        }
    }
    if (snapped)
        *snapped = distance <= tolerance;
    return distance <= tolerance ? best : frame;
}

bool Editor::isGapless(int track) const
{
    const QList<Clip> &clips = m_document.tracks().at(track).clips;
    if (clips.size() < 2)
        return false;
    const QList<int> order = m_document.timeOrder(track);
    for (int n = 1; n < int(order.size()); ++n) {
        if (clips.at(order.at(n)).start() != clips.at(order.at(n - 1)).end())
            return false;
    }
    return true;
}

QString Editor::clipAt(int track, qint64 frame) const
{
    if (track < 0 || track >= int(m_document.tracks().size()))
        return {};
    const QList<Clip> &clips = m_document.tracks().at(track).clips;
    QString found;
    qint64 latestStart = -1;
    for (const Clip &clip : clips) {
        if (clip.start() <= frame && frame < clip.end() && clip.start() >= latestStart) {
            latestStart = clip.start();
            found = clip.key;
        }
    }
    return found;
}

qint64 Editor::nextEdge(qint64 frame, int direction) const
{
    qint64 best = frame;
    for (const EditTrack &track : m_document.tracks()) {
        for (const Clip &clip : track.clips) {
            for (qint64 edge : {clip.start(), clip.end()}) {
                if (direction > 0 && edge > frame && (best == frame || edge < best))
                    best = edge;
                if (direction < 0 && edge < frame && (best == frame || edge > best))
                    best = edge;
            }
        }
    }
    if (direction < 0 && best == frame && frame > 0)
        return 0;
    return best;
}

Editor::Result Editor::move(const QString &key, qint64 start, bool ripple) const
{
    Result result;
    Placed placed;
    if (!find(key, &placed, &result))
        return result;
    const Clip &moving = *placed.clip;
    const QList<Clip> &clips = m_document.tracks().at(placed.track).clips;
    start = qMax<qint64>(0, start);
    Edit edit;
    edit.name = tr("Move %1").arg(moving.label);
    if (start == moving.start())
        return finish(edit);
    QList<int> others = m_document.timeOrder(placed.track);
    others.removeOne(placed.index);
    if (!ripple && isGapless(placed.track)) {
        // Reordering: the segment goes where its middle is; the rest close up around it.
        const qint64 middle = start + moving.values.duration / 2;
        int slot = 0;
        while (slot < int(others.size()) &&
               clips.at(others.at(slot)).start() + clips.at(others.at(slot)).values.duration / 2 < middle)
            ++slot;
        QList<int> sequence = others;
        sequence.insert(slot, placed.index);
        qint64 cursor = moving.start();
        for (int index : std::as_const(others))
            cursor = qMin(cursor, clips.at(index).start());
        for (int index : std::as_const(sequence)) {
            const Clip &clip = clips.at(index);
            if (clip.start() != cursor) {
                ClipValues values = clip.values;
                values.start = cursor;
                edit.ops.append(EditOp::set(clip, Start, values));
            }
            cursor += clip.values.duration;
        }
        edit.summary = tr("moved %1 to %2").arg(moving.label, timecode::frames(start, m_document.fps()));
        return finish(edit);
    }
    if (!ripple) {
        // Into the free space nearest to where it was dropped (segments never overlap).
        qint64 bestStart = -1;
        qint64 bestDistance = -1;
        qint64 gapStart = 0;
        auto tryGap = [&](qint64 from, qint64 to) {
            if (to - from < moving.values.duration)
                return;
            const qint64 placedAt = qBound(from, start, to - moving.values.duration);
            const qint64 distance = qAbs(placedAt - start);
            if (bestDistance < 0 || distance < bestDistance) {
                bestDistance = distance;
                bestStart = placedAt;
            }
        };
        for (int index : std::as_const(others)) {
            const Clip &clip = clips.at(index);
            tryGap(gapStart, clip.start());
            gapStart = qMax(gapStart, clip.end());
        }
        tryGap(gapStart, std::numeric_limits<qint64>::max() / 4);
        if (bestStart < 0) {
            result.problem = tr("There is no room for %1 there.").arg(moving.label);
            return result;
        }
        if (bestStart == moving.start())
            return finish(edit);
        ClipValues values = moving.values;
        values.start = bestStart;
        edit.ops.append(EditOp::set(moving, Start, values));
        edit.summary = tr("moved %1 to %2").arg(moving.label, timecode::frames(bestStart, m_document.fps()));
        return finish(edit);
    }
    return moveBy({key}, start - moving.start(), true);
}

Editor::Result Editor::moveBy(const QStringList &keys, qint64 frames, bool ripple) const
{
    Result result;
    Edit edit;
    QSet<QString> moved;
    QList<Placed> placedList;
    for (const QString &key : keys) {
        Placed placed;
        if (!find(key, &placed, &result))
            return result;
        placedList.append(placed);
        moved.insert(key);
    }
    if (placedList.isEmpty() || frames == 0)
        return finish(edit);
    edit.name = placedList.size() == 1 ? tr("Move %1").arg(placedList.first().clip->label)
                                       : tr("Move %n segment(s)", nullptr, int(placedList.size()));
    for (const Placed &placed : std::as_const(placedList)) {
        if (placed.clip->start() + frames < 0) {
            result.problem = tr("%1 can't start before the beginning of the video.").arg(placed.clip->label);
            return result;
        }
    }
    QSet<QString> shifted;
    for (const Placed &placed : std::as_const(placedList)) {
        const QList<Clip> &clips = m_document.tracks().at(placed.track).clips;
        QList<int> affected{placed.index};
        if (ripple) {
            // Everything after it on its track goes along.
            for (int i = 0; i < int(clips.size()); ++i) {
                if (i != placed.index && clips.at(i).start() >= placed.clip->start())
                    affected.append(i);
            }
        }
        for (int index : std::as_const(affected)) {
            const Clip &clip = clips.at(index);
            if (shifted.contains(clip.key))
                continue;
            shifted.insert(clip.key);
            ClipValues values = clip.values;
            values.start += frames;
            edit.ops.append(EditOp::set(clip, Start, values));
        }
    }
    const QString label = placedList.size() == 1 ? placedList.first().clip->label
                                                 : tr("%n segment(s)", nullptr, int(placedList.size()));
    edit.summary = frames > 0 ? tr("moved %1 %2 later").arg(label, seconds(frames))
                              : tr("moved %1 %2 earlier").arg(label, seconds(-frames));
    return finish(edit);
}

Editor::Result Editor::nudge(const QStringList &keys, qint64 frames) const
{
    Result result = moveBy(keys, frames, false);
    QStringList sorted = keys;
    sorted.sort();
    result.edit.mergeKey = QStringLiteral("nudge:") + sorted.join(QLatin1Char('|'));
    if (keys.size() == 1 && result.problem.isEmpty()) {
        if (const Clip *clip = m_document.clip(keys.first()))
            result.edit.name = tr("Nudge %1").arg(clip->label);
    }
    return result;
}

Editor::Result Editor::trimIn(const QString &key, qint64 start, bool ripple) const
{
    Result result;
    Placed placed;
    if (!find(key, &placed, &result))
        return result;
    const Clip &clip = *placed.clip;
    const bool media = m_document.hasMedia(placed.track, clip);
    const QList<Clip> &clips = m_document.tracks().at(placed.track).clips;
    qint64 lowest = media ? clip.start() - clip.values.in : 0;
    lowest = qMax<qint64>(lowest, 0);
    if (!ripple) {
        for (int i = 0; i < int(clips.size()); ++i) {
            if (i != placed.index && clips.at(i).end() <= clip.start())
                lowest = qMax(lowest, clips.at(i).end());
        }
    } else if (media) {
        lowest = clip.start() - clip.values.in; // ripple keeps the start: only the media limits it
    } else {
        lowest = std::numeric_limits<qint64>::min() / 4;
    }
    start = qBound(lowest, start, clip.end() - 1);
    const qint64 delta = start - clip.start();
    Edit edit;
    edit.name = tr("Trim %1").arg(clip.label);
    if (delta == 0)
        return finish(edit);
    ClipValues values = clip.values;
    values.duration -= delta;
    if (media)
        values.in += delta;
    if (!ripple) {
        values.start = start;
        edit.ops.append(EditOp::set(clip, Start | Duration | In, values));
    } else {
        edit.ops.append(EditOp::set(clip, Duration | In, values));
        for (const Clip &later : clips) {
            if (later.key != clip.key && later.start() >= clip.end()) {
                ClipValues shifted = later.values;
                shifted.start -= delta;
                edit.ops.append(EditOp::set(later, Start, shifted));
            }
        }
    }
    edit.summary = tr("trimmed the start of %1 (now %2)").arg(clip.label, seconds(values.duration));
    return finish(edit);
}

Editor::Result Editor::trimOut(const QString &key, qint64 end, bool ripple) const
{
    Result result;
    Placed placed;
    if (!find(key, &placed, &result))
        return result;
    const Clip &clip = *placed.clip;
    const bool media = m_document.hasMedia(placed.track, clip);
    const QList<Clip> &clips = m_document.tracks().at(placed.track).clips;
    qint64 highest = std::numeric_limits<qint64>::max() / 4;
    if (media && clip.mediaFrames > 0)
        highest =
            clip.start() + qMax(clip.mediaFrames, clip.values.in + clip.values.duration) - clip.values.in;
    if (!ripple) {
        for (int i = 0; i < int(clips.size()); ++i) {
            if (i != placed.index && clips.at(i).start() >= clip.end())
                highest = qMin(highest, clips.at(i).start());
        }
    }
    end = qBound(clip.start() + 1, end, qMax(highest, clip.start() + 1));
    const qint64 delta = end - clip.end();
    Edit edit;
    edit.name = tr("Trim %1").arg(clip.label);
    if (delta == 0)
        return finish(edit);
    ClipValues values = clip.values;
    values.duration += delta;
    edit.ops.append(EditOp::set(clip, Duration, values));
    if (ripple) {
        for (const Clip &later : clips) {
            if (later.key != clip.key && later.start() >= clip.end()) {
                ClipValues shifted = later.values;
                shifted.start += delta;
                edit.ops.append(EditOp::set(later, Start, shifted));
            }
        }
    }
    edit.summary = tr("trimmed %1 to %2").arg(clip.label, seconds(values.duration));
    return finish(edit);
}

Editor::Result Editor::split(const QString &key, qint64 at) const
{
    Result result;
    Placed placed;
    if (!find(key, &placed, &result))
        return result;
    const Clip &clip = *placed.clip;
    if (at <= clip.start() || at >= clip.end()) {
        result.problem = tr("The playhead is not inside %1.").arg(clip.label);
        return result;
    }
    const bool media = m_document.hasMedia(placed.track, clip);
    const EditTrack &track = m_document.tracks().at(placed.track);
    Edit edit;
    edit.name = tr("Split %1").arg(clip.label);
    ClipValues first = clip.values;
    first.duration = at - clip.start();
    first.fadeOut = 0;
    edit.ops.append(EditOp::set(clip, Duration | FadeOut, first));
    Clip second = clip;
    second.values.start = at;
    second.values.duration = clip.end() - at;
    second.values.in = media ? clip.values.in + (at - clip.start()) : clip.values.in;
    second.values.fadeIn = 0;
    second.key = QStringLiteral("%1@%2").arg(clip.key).arg(at - clip.start() + clip.values.in);
    while (m_document.clip(second.key))
        second.key += QLatin1Char('~');
    if (!clip.id.isEmpty()) {
        second.id = QStringLiteral("%1-%2").arg(clip.id).arg(second.values.in);
        int serial = 1;
        while (m_document.clip(second.id))
            second.id = QStringLiteral("%1-%2-%3").arg(clip.id).arg(second.values.in).arg(++serial);
    }
    second.json = m_document.segmentJson(clip);
    second.baseTrack = -1;
    second.baseIndex = -1;
    second.changed = AllProperties;
    second.json = m_document.segmentJson(second); // with its own id and values
    edit.ops.append(EditOp::insert(second, track.key, track.kind, clip.key));
    edit.summary = tr("split %1 at %2").arg(clip.label, timecode::frames(at, m_document.fps()));
    return finish(edit);
}

Editor::Result Editor::remove(const QStringList &keys, bool ripple) const
{
    Result result;
    Edit edit;
    QList<Placed> removed;
    QSet<QString> gone;
    for (const QString &key : keys) {
        Placed placed;
        if (!find(key, &placed, &result))
            return result;
        if (gone.contains(key))
            continue;
        gone.insert(key);
        removed.append(placed);
        edit.ops.append(EditOp::remove(*placed.clip));
    }
    if (removed.isEmpty())
        return finish(edit);
    const QString label =
        removed.size() == 1 ? removed.first().clip->label : tr("%n segment(s)", nullptr, int(removed.size()));
    if (ripple) {
        edit.name = tr("Delete %1").arg(label);
        edit.summary = tr("removed %1 and closed the gap").arg(label);
        QSet<int> tracks;
        for (const Placed &placed : std::as_const(removed))
            tracks.insert(placed.track);
        for (int t : std::as_const(tracks)) {
            for (const Clip &clip : m_document.tracks().at(t).clips) {
                if (gone.contains(clip.key))
                    continue;
                qint64 shift = 0;
                for (const Placed &placed : std::as_const(removed)) {
                    if (placed.track == t && placed.clip->end() <= clip.start())
                        shift += placed.clip->values.duration;
                }
                if (shift == 0)
                    continue;
                ClipValues values = clip.values;
                values.start -= shift;
                edit.ops.append(EditOp::set(clip, Start, values));
            }
        }
    } else {
        edit.name = tr("Lift %1").arg(label);
        edit.summary = tr("removed %1, leaving a gap").arg(label);
    }
    return finish(edit);
}

Editor::Result Editor::setTitle(const QString &key, const QString &text, qint64 duration) const
{
    Result result;
    Placed placed;
    if (!find(key, &placed, &result))
        return result;
    const Clip &clip = *placed.clip;
    const QString words = text.trimmed();
    if (words.isEmpty()) {
        result.problem = tr("A title needs some words.");
        return result;
    }
    Edit edit;
    edit.name = tr("Edit Title “%1”").arg(clip.values.text);
    ClipValues values = clip.values;
    values.text = words;
    values.duration = duration > 0 ? duration : clip.values.duration;
    const quint32 changes = values.differences(clip.values) & (Text | Duration);
    if (changes == 0)
        return finish(edit);
    edit.ops.append(EditOp::set(clip, changes, values));
    QStringList said;
    if (changes & Text)
        said << tr("changed the title to “%1”").arg(words);
    if (changes & Duration)
        said << tr("made the title %1").arg(seconds(values.duration));
    edit.summary = said.join(tr(" and "));
    return finish(edit);
}

Editor::Result Editor::setVolume(const QString &key, double volume) const
{
    Result result;
    Placed placed;
    if (!find(key, &placed, &result))
        return result;
    const Clip &clip = *placed.clip;
    if (!(volume >= 0 && volume <= 4)) {
        result.problem = tr("The volume goes from 0% to 400%.");
        return result;
    }
    Edit edit;
    edit.name = tr("Change Volume of %1").arg(clip.label);
    edit.mergeKey = QStringLiteral("volume:") + key;
    ClipValues values = clip.values;
    values.volume = volume;
    if (!values.differences(clip.values))
        return finish(edit);
    edit.ops.append(EditOp::set(clip, Volume, values));
    edit.summary = tr("set the volume of %1 to %2").arg(clip.label, draft::Draft::formatVolume(volume));
    return finish(edit);
}

Editor::Result Editor::setFades(const QString &key, qint64 fadeIn, qint64 fadeOut) const
{
    Result result;
    Placed placed;
    if (!find(key, &placed, &result))
        return result;
    const Clip &clip = *placed.clip;
    if (fadeIn < 0 || fadeOut < 0 || fadeIn + fadeOut > clip.values.duration) {
        result.problem = tr("The fades of %1 can't be longer than the segment (%2).")
                             .arg(clip.label, seconds(clip.values.duration));
        return result;
    }
    Edit edit;
    edit.name = tr("Fade %1").arg(clip.label);
    ClipValues values = clip.values;
    values.fadeIn = fadeIn;
    values.fadeOut = fadeOut;
    const quint32 changes = values.differences(clip.values);
    if (!changes)
        return finish(edit);
    edit.ops.append(EditOp::set(clip, changes, values));
    edit.summary =
        tr("set %1 to fade in over %2 and out over %3").arg(clip.label, seconds(fadeIn), seconds(fadeOut));
    return finish(edit);
}

Editor::Result Editor::discard() const
{
    Edit edit;
    edit.kind = Edit::Kind::Discard;
    edit.name = tr("Discard Hand Edits");
    edit.summary = tr("undid all my hand edits");
    edit.ops = m_document.opsToAgentDraft();
    return finish(edit);
}

} // namespace nemo::edit
