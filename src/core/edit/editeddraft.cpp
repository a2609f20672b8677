#include "edit/editeddraft.h"

#include "media/mediavalidator.h"
#include "util/logging.h"
#include "util/timecode.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QUrl>

#include <algorithm>

namespace nemo::edit {

using draft::TrackKind;
namespace timecode = util::timecode;

namespace {

QString pairKey(const QString &a, const QString &b)
{
    return a < b ? a + QLatin1Char('\n') + b : b + QLatin1Char('\n') + a;
}

// The last part of a path or URL (a URL's query and fragment left out, its escapes decoded), without
// QUrl's full parse: this runs for every segment of every draft.
QString fileNameOf(const QString &source)
{
    const bool web =
        source.startsWith(QLatin1String("http://")) || source.startsWith(QLatin1String("https://"));
    qsizetype end = source.size();
    if (web) {
        const qsizetype query = source.indexOf(QLatin1Char('?'));
        const qsizetype fragment = source.indexOf(QLatin1Char('#'));
        if (query >= 0)
            end = query;
        if (fragment >= 0 && fragment < end)
            end = fragment;
    }
    const qsizetype slash = source.lastIndexOf(QLatin1Char('/'), end - 1);
    const QString name = source.mid(slash + 1, end - slash - 1);
    if (web && name.contains(QLatin1Char('%')))
        return QUrl::fromPercentEncoding(name.toUtf8());
    return name;
}

// The name a segment goes by in keys and in `nemo-cli` (a file name, a title's words).
QString nameOf(const draft::Segment &segment)
{
    QString name = segment.source.isEmpty() ? segment.label : fileNameOf(segment.source);
    if (name.isEmpty())
        name = segment.label;
    if (name.isEmpty())
        name = segment.text;
    return name.isEmpty() ? QStringLiteral("segment") : name;
}

} // namespace

EditedDraft::EditedDraft() = default;

EditedDraft::EditedDraft(const draft::Draft &agent, const MediaLengths &lengths)
    : m_agent(agent)
    , m_lengths(lengths)
{
    const QList<draft::Track> &tracks = agent.tracks();
    QHash<QString, int> ids;
    QHash<QString, int> trackIds;
    for (const draft::Track &track : tracks) {
        ++trackIds[track.id];
        for (const draft::Segment &segment : track.segments)
            ++ids[segment.id];
    }
    QSet<QString> made; // keys made from a track, a name and an occurrence
    QHash<int, int> ofType;
    m_tracks.reserve(tracks.size());
    m_agentKeys.reserve(tracks.size());
    for (int t = 0; t < int(tracks.size()); ++t) {
        const draft::Track &track = tracks.at(t);
        EditTrack edited;
        edited.kind = track.kind;
        edited.name = track.displayName();
        edited.baseIndex = t;
        edited.key = !track.id.isEmpty() && trackIds.value(track.id) == 1
            ? track.id
            : QStringLiteral("tt%1-%2").arg(track.type).arg(++ofType[track.type]);
        QStringList keys;
        keys.reserve(track.segments.size());
        QHash<QString, int> occurrences;
        for (const draft::Segment &segment : track.segments) {
            if (!segment.id.isEmpty() && ids.value(segment.id) == 1) {
                keys.append(segment.id); // unique among ids; a made key steps aside from it below
                continue;
            }
            const QString name = nameOf(segment);
            QString key = QStringLiteral("%1:%2#%3").arg(edited.key, name).arg(++occurrences[name]);
            while (made.contains(key) || ids.contains(key))
                key += QLatin1Char('~');
            made.insert(key);
            keys.append(key);
        }
        m_agentKeys.append(keys);
        m_tracks.append(edited);
    }
    for (int t = 0; t < int(tracks.size()); ++t) {
        QList<Clip> &clips = m_tracks[t].clips;
        clips.reserve(tracks.at(t).segments.size());
        for (int i = 0; i < int(tracks.at(t).segments.size()); ++i)
            clips.append(clipFromAgent(t, i));
    }
}

qint64 EditedDraft::toFrames(qint64 ms) const
{
    return timecode::framesFromMs(ms, fps());
}

qint64 EditedDraft::toMs(qint64 frames) const
{
    return timecode::msFromFrames(frames, fps());
}

qint64 EditedDraft::mediaFramesFor(const QString &source, TrackKind kind) const
{
    if (kind == TrackKind::Text || source.isEmpty() || m_lengths.isEmpty())
        return -1;
    auto it = m_lengths.constFind(source);
    const QString name = fileNameOf(source);
    if (it == m_lengths.constEnd())
        it = m_lengths.constFind(name);
    if (it == m_lengths.constEnd() || *it <= 0)
        return -1;
    if (media::MediaValidator::kindForExtension(QFileInfo(name).suffix()) == media::MediaKind::Image)
        return -1; // a photo has no length of its own
    return toFrames(*it);
}

bool EditedDraft::hasMedia(int track, const Clip &clip) const
{
    if (m_tracks.at(track).kind == TrackKind::Text || clip.source.isEmpty())
        return false;
    return media::MediaValidator::kindForExtension(QFileInfo(fileNameOf(clip.source)).suffix()) !=
        media::MediaKind::Image;
}

ClipValues EditedDraft::agentValues(int track, int index) const
{
    const draft::Segment &segment = m_agent.tracks().at(track).segments.at(index);
    ClipValues values;
    values.start = toFrames(segment.startMs);
    values.duration = toFrames(segment.durationMs);
    values.in = toFrames(segment.inMs);
    values.text = segment.text;
    values.volume = segment.volume;
    values.fadeIn = toFrames(segment.fadeInMs);
    values.fadeOut = toFrames(segment.fadeOutMs);
    return values;
}

Clip EditedDraft::clipFromAgent(int track, int index) const
{
    const draft::Track &from = m_agent.tracks().at(track);
    const draft::Segment &segment = from.segments.at(index);
    Clip clip;
    clip.key = m_agentKeys.at(track).at(index);
    clip.id = segment.id;
    clip.label = segment.label;
    clip.source = segment.source;
    clip.keys = segment.keys;
    clip.values = agentValues(track, index);
    clip.mediaFrames = mediaFramesFor(segment.source, from.kind);
    clip.baseTrack = track;
    clip.baseIndex = index;
    return clip;
}

int EditedDraft::clipCount() const
{
    int count = 0;
    for (const EditTrack &track : m_tracks)
        count += int(track.clips.size());
    return count;
}

void EditedDraft::index() const
{
    if (m_indexValid)
        return;
    m_index.clear();
    m_index.reserve(clipCount());
    for (int t = 0; t < int(m_tracks.size()); ++t) {
        const QList<Clip> &clips = m_tracks.at(t).clips;
        for (int i = 0; i < int(clips.size()); ++i)
            m_index.insert(clips.at(i).key, {t, i});
    }
    m_indexValid = true;
}

bool EditedDraft::locate(const QString &key, int *track, int *index) const
{
    this->index();
    const auto it = m_index.constFind(key);
    if (it == m_index.constEnd())
        return false;
    *track = it->first;
    *index = it->second;
    return true;
}

const Clip *EditedDraft::clip(const QString &key) const
{
    int t = 0;
    int i = 0;
    return locate(key, &t, &i) ? &m_tracks.at(t).clips.at(i) : nullptr;
}

int EditedDraft::trackIndex(const QString &trackKey) const
{
    for (int t = 0; t < int(m_tracks.size()); ++t) {
        if (m_tracks.at(t).key == trackKey)
            return t;
    }
    return -1;
}

QList<int> EditedDraft::timeOrder(int track) const
{
    const QList<Clip> &clips = m_tracks.at(track).clips;
    QList<int> order(clips.size());
    for (int i = 0; i < int(order.size()); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&clips](int a, int b) { return clips.at(a).values.start < clips.at(b).values.start; });
    return order;
}

qint64 EditedDraft::durationFrames() const
{
    qint64 end = 0;
    for (const EditTrack &track : m_tracks) {
        for (const Clip &clip : track.clips)
            end = qMax(end, clip.end());
    }
    if (m_agent.hasDeclaredDuration()) {
        qint64 agentEnd = 0;
        for (const draft::Track &track : m_agent.tracks())
            agentEnd = qMax(agentEnd, track.endMs());
        end += qMax<qint64>(0, toFrames(m_agent.durationMs()) - toFrames(agentEnd));
    }
    return end;
}

bool EditedDraft::isEdited() const
{
    for (int t = 0; t < int(m_tracks.size()); ++t) {
        const QList<Clip> &clips = m_tracks.at(t).clips;
        if (clips.size() != m_agent.tracks().at(t).segments.size())
            return true;
        for (int i = 0; i < int(clips.size()); ++i) {
            const Clip &clip = clips.at(i);
            if (clip.changed != 0 || clip.baseIndex != i || clip.baseTrack != t)
                return true;
        }
    }
    return false;
}

void EditedDraft::applyValues(int track, int index, const ClipValues &values)
{
    Clip &clip = m_tracks[track].clips[index];
    clip.values = values;
    clip.changed =
        clip.isFromAgent() ? values.differences(agentValues(clip.baseTrack, clip.baseIndex)) : AllProperties;
    m_draft.reset();
}

bool EditedDraft::step(const EditOp &op, Mode mode, Observer *observer, EditOp *inverse, OpState *state,
                       QString *problem)
{
    *state = OpState::Applied;
    const bool strict = mode == Mode::Strict;
    int t = -1;
    int i = -1;
    const bool present = locate(op.key, &t, &i);
    switch (op.kind) {
    case EditOp::Kind::Set: {
        if (!present) {
            *state = OpState::Orphaned;
            if (strict)
                *problem = tr("%1 is no longer in the timeline.").arg(op.label);
            return !strict;
        }
        const ClipValues current = m_tracks.at(t).clips.at(i).values;
        if (mode != Mode::Restore) {
            const quint32 moved = current.differences(op.before);
            // What the agent changed too, unless it is already what the edit makes it.
            const quint32 conflict = moved & op.properties & current.differences(op.after);
            if (conflict) {
                *state = OpState::Conflict;
                if (strict) {
                    *problem = tr("%1 has changed meanwhile.").arg(op.label);
                    return false;
                }
            } else if (moved & ~op.properties & (Start | Duration | In)) {
                *state = OpState::Drifted;
            }
        }
        *inverse = op;
        inverse->after = current;
        const ClipValues next = current.with(op.after, op.properties);
        inverse->before = next;
        applyValues(t, i, next);
        if (observer)
            observer->changed(t, i);
        return true;
    }
    case EditOp::Kind::Remove: {
        if (!present) {
            *state = OpState::Orphaned;
            if (strict)
                *problem = tr("%1 is no longer in the timeline.").arg(op.label);
            return !strict;
        }
        EditTrack &track = m_tracks[t];
        const Clip removed = track.clips.at(i);
        if (mode != Mode::Restore && (removed.values.differences(op.before) & (Start | Duration | In)))
            *state = OpState::Drifted;
        *inverse =
            EditOp::insert(removed, track.key, track.kind, i > 0 ? track.clips.at(i - 1).key : QString());
        if (observer)
            observer->aboutToRemove(t, i);
        track.clips.removeAt(i);
        m_indexValid = false;
        m_draft.reset();
        if (observer)
            observer->removed(t, i);
        return true;
    }
    case EditOp::Kind::Insert: {
        if (present) {
            *state = OpState::Conflict;
            if (strict)
                *problem = tr("%1 is in the timeline already.").arg(op.label);
            return !strict;
        }
        const int track = trackIndex(op.trackKey);
        if (track < 0) {
            *state = OpState::Orphaned;
            if (strict)
                *problem = tr("The track of %1 is no longer in the timeline.").arg(op.label);
            return !strict;
        }
        EditTrack &into = m_tracks[track];
        int position = 0;
        int afterTrack = -1;
        int afterIndex = -1;
        if (!op.afterKey.isEmpty()) {
            if (locate(op.afterKey, &afterTrack, &afterIndex) && afterTrack == track)
                position = afterIndex + 1;
            else
                position = int(into.clips.size());
        }
        Clip clip = op.clip;
        // A segment of an older agent's draft comes back as what it was, by its JSON.
        if (clip.isFromAgent() &&
            (clip.baseTrack >= int(m_agentKeys.size()) ||
             clip.baseIndex >= int(m_agentKeys.at(clip.baseTrack).size()) ||
             m_agentKeys.at(clip.baseTrack).at(clip.baseIndex) != clip.key)) {
            clip.json = segmentText(clip);
            clip.baseTrack = -1;
            clip.baseIndex = -1;
        }
        if (clip.mediaFrames < 0)
            clip.mediaFrames = mediaFramesFor(clip.source, into.kind);
        clip.changed = clip.isFromAgent()
            ? clip.values.differences(agentValues(clip.baseTrack, clip.baseIndex))
            : AllProperties;
        if (observer)
            observer->aboutToInsert(track, position);
        into.clips.insert(position, clip);
        m_indexValid = false;
        m_draft.reset();
        if (observer)
            observer->inserted(track, position);
        *inverse = EditOp::remove(clip);
        return true;
    }
    }
    return false;
}

QSet<QString> EditedDraft::overlaps(const QSet<QString> &touched) const
{
    QSet<QString> pairs;
    QSet<int> tracks;
    for (const QString &key : touched) {
        int t = 0;
        int i = 0;
        if (locate(key, &t, &i))
            tracks.insert(t);
    }
    for (int t : std::as_const(tracks)) {
        const QList<Clip> &clips = m_tracks.at(t).clips;
        QList<int> mine;
        for (int i = 0; i < int(clips.size()) && mine.size() <= 8; ++i) {
            if (touched.contains(clips.at(i).key))
                mine.append(i);
        }
        if (mine.size() <= 8) {
            // A few touched segments: each against the track, without sorting it.
            for (int i : std::as_const(mine)) {
                const Clip &first = clips.at(i);
                if (first.values.duration <= 0)
                    continue;
                for (int j = 0; j < int(clips.size()); ++j) {
                    const Clip &second = clips.at(j);
                    if (j != i && second.values.duration > 0 && second.start() < first.end() &&
                        first.start() < second.end())
                        pairs.insert(pairKey(first.key, second.key));
                }
            }
            continue;
        }
        const QList<int> order = timeOrder(t);
        for (int a = 0; a < int(order.size()); ++a) {
            const Clip &first = clips.at(order.at(a));
            if (first.values.duration <= 0)
                continue;
            for (int b = a + 1; b < int(order.size()); ++b) {
                const Clip &second = clips.at(order.at(b));
                if (second.values.start >= first.end())
                    break;
                if (second.values.duration <= 0)
                    continue;
                if (touched.contains(first.key) || touched.contains(second.key))
                    pairs.insert(pairKey(first.key, second.key));
            }
        }
    }
    return pairs;
}

QString EditedDraft::check(const QSet<QString> &touched, const QHash<QString, ClipValues> &before,
                           const QSet<QString> &overlapsBefore) const
{
    for (const QString &key : touched) {
        const Clip *clip = this->clip(key);
        if (!clip)
            continue;
        const ClipValues &v = clip->values;
        if (v.duration < 1)
            return tr("%1 would have no length left.").arg(clip->label);
        if (v.start < 0)
            return tr("%1 would start before the beginning of the video.").arg(clip->label);
        if (v.in < 0)
            return tr("%1 can't start before the beginning of its media.").arg(clip->label);
        if (v.fadeIn < 0 || v.fadeOut < 0)
            return tr("A fade of %1 can't be shorter than nothing.").arg(clip->label);
        if (v.volume > 4)
            return tr("%1 can't be louder than 400%.").arg(clip->label);
        if (clip->mediaFrames > 0) {
            // A clip the agent already made longer than its media may stay so, but not grow further.
            qint64 limit = clip->mediaFrames;
            const auto was = before.constFind(key);
            if (was != before.constEnd())
                limit = qMax(limit, was->in + was->duration);
            if (v.in + v.duration > limit)
                return tr("%1 is only %2 long: it can't reach past the end of its media.")
                    .arg(clip->label, timecode::frames(clip->mediaFrames, fps()));
        }
    }
    const QSet<QString> now = overlaps(touched);
    for (const QString &pair : now) {
        if (overlapsBefore.contains(pair))
            continue;
        const Clip *a = clip(pair.section(QLatin1Char('\n'), 0, 0));
        const Clip *b = clip(pair.section(QLatin1Char('\n'), 1));
        return tr("%1 would overlap %2.").arg(a ? a->label : QString(), b ? b->label : QString());
    }
    return {};
}

EditedDraft::Result EditedDraft::apply(const QList<EditOp> &ops, Mode mode, Observer *observer)
{
    Result result;
    QSet<QString> touched;
    for (const EditOp &op : ops)
        touched.insert(op.key);
    QHash<QString, ClipValues> before;
    QSet<QString> overlapsBefore;
    if (mode != Mode::Restore) {
        for (const QString &key : std::as_const(touched)) {
            if (const Clip *clip = this->clip(key))
                before.insert(key, clip->values);
        }
        overlapsBefore = overlaps(touched);
    }
    QList<EditOp> inverse;
    inverse.reserve(ops.size());
    auto rollback = [&] {
        for (auto it = inverse.crbegin(); it != inverse.crend(); ++it) {
            EditOp ignored;
            OpState state;
            QString problem;
            step(*it, Mode::Restore, observer, &ignored, &state, &problem);
        }
    };
    for (const EditOp &op : ops) {
        EditOp undo;
        OpState state = OpState::Applied;
        QString problem;
        const bool done = step(op, mode, observer, &undo, &state, &problem);
        result.states.append(state);
        if (!done) {
            rollback();
            result.problem = problem;
            return result;
        }
        if (state != OpState::Orphaned && !(state == OpState::Conflict && op.kind == EditOp::Kind::Insert))
            inverse.append(undo);
    }
    if (mode != Mode::Restore) {
        const QString problem = check(touched, before, overlapsBefore);
        if (!problem.isEmpty()) {
            rollback();
            result.problem = problem;
            return result;
        }
    }
    std::reverse(inverse.begin(), inverse.end());
    result.inverse = inverse;
    result.ok = true;
    return result;
}

QList<EditOp> EditedDraft::opsToAgentDraft() const
{
    QList<EditOp> ops;
    for (const EditTrack &track : m_tracks) {
        for (const Clip &clip : track.clips) {
            if (!clip.isFromAgent())
                ops.append(EditOp::remove(clip));
        }
    }
    for (int t = 0; t < int(m_agentKeys.size()); ++t) {
        QString previous;
        for (int i = 0; i < int(m_agentKeys.at(t).size()); ++i) {
            const QString &key = m_agentKeys.at(t).at(i);
            const Clip *clip = this->clip(key);
            if (!clip)
                ops.append(
                    EditOp::insert(clipFromAgent(t, i), m_tracks.at(t).key, m_tracks.at(t).kind, previous));
            else if (clip->changed)
                ops.append(EditOp::set(*clip, clip->changed, agentValues(t, i)));
            previous = key;
        }
    }
    return ops;
}

QByteArray EditedDraft::segmentText(const Clip &clip) const
{
    const bool fromAgent = clip.isFromAgent();
    if (fromAgent && clip.changed == 0)
        return m_agent.tracks().at(clip.baseTrack).segments.at(clip.baseIndex).rawText().toByteArray();
    QJsonObject object = fromAgent ? m_agent.tracks().at(clip.baseTrack).segments.at(clip.baseIndex).raw()
                                   : QJsonDocument::fromJson(clip.json).object();
    const quint32 mask = fromAgent ? clip.changed : AllProperties;
    const draft::SegmentKeys &keys = clip.keys;
    const ClipValues &v = clip.values;
    const QJsonValue metaValue = object.value(QLatin1String("m"));
    QJsonObject meta = metaValue.toObject();
    bool metaChanged = false;
    auto put = [&](bool inMeta, const char *key, const QJsonValue &value) {
        if (inMeta) {
            meta.insert(QLatin1String(key), value);
            metaChanged = true;
        } else {
            object.insert(QLatin1String(key), value);
        }
    };
    auto ms = [this](qint64 frames) { return double(toMs(frames)); };
    if (mask & Start)
        put(false, keys.start ? keys.start : "st", ms(v.start));
    if (keys.end && !keys.duration) {
        if (mask & (Start | Duration))
            put(false, keys.end, ms(v.end()));
    } else if (mask & Duration) {
        put(false, keys.duration ? keys.duration : "d", ms(v.duration));
    }
    if ((mask & In) && (keys.in || v.in != 0))
        put(keys.in && keys.inInMeta, keys.in ? keys.in : "in", ms(v.in));
    if ((mask & Text) && (keys.text || !v.text.isEmpty()))
        put(!keys.text || keys.textInMeta, keys.text ? keys.text : "text", v.text);
    if ((mask & Volume) && v.volume >= 0) {
        const double value = keys.volumePercent ? double(qRound(v.volume * 1000)) / 10 : v.volume;
        put(!keys.volume || keys.volumeInMeta, keys.volume ? keys.volume : "volume", value);
    }
    if ((mask & FadeIn) && (keys.fadeIn || v.fadeIn > 0))
        put(!keys.fadeIn || keys.fadesInMeta, keys.fadeIn ? keys.fadeIn : "fade_in", ms(v.fadeIn));
    if ((mask & FadeOut) && (keys.fadeOut || v.fadeOut > 0))
        put(!keys.fadeOut || keys.fadesInMeta, keys.fadeOut ? keys.fadeOut : "fade_out", ms(v.fadeOut));
    if (metaChanged)
        object.insert(QLatin1String("m"), meta);
    if (!clip.id.isEmpty())
        object.insert(QLatin1String("id"), clip.id);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

draft::Draft EditedDraft::draft() const
{
    if (m_draft)
        return *m_draft;
    if (!isEdited()) {
        m_draft = std::make_shared<const draft::Draft>(m_agent);
        return *m_draft;
    }
    const QByteArray &source = m_agent.bytes();
    struct Piece
    {
        int begin;
        int end;
        QByteArray text;
    };
    QList<Piece> pieces;
    for (int t = 0; t < int(m_tracks.size()); ++t) {
        const EditTrack &track = m_tracks.at(t);
        const QList<Clip> &clips = track.clips;
        bool changed = clips.size() != m_agent.tracks().at(t).segments.size();
        for (int i = 0; !changed && i < int(clips.size()); ++i)
            changed = clips.at(i).changed != 0 || clips.at(i).baseIndex != i || clips.at(i).baseTrack != t;
        const draft::TextSpan span = m_agent.tracks().at(t).segmentsSpan();
        if (!changed || !span.isValid())
            continue;
        // The changed track's segments in order of time, each as it came unless an edit changed it.
        QByteArray text;
        text.reserve(span.length + 256);
        text += '[';
        const QList<int> order = timeOrder(t);
        for (int n = 0; n < int(order.size()); ++n) {
            if (n > 0)
                text += ',';
            text += segmentText(clips.at(order.at(n)));
        }
        text += ']';
        pieces.append({span.begin, span.end(), text});
    }
    const draft::TextSpan duration = m_agent.durationSpan();
    if (m_agent.hasDeclaredDuration() && duration.isValid()) {
        const qint64 length = toMs(durationFrames());
        if (length != m_agent.durationMs())
            pieces.append({duration.begin, duration.end(), QByteArray::number(length)});
    }
    std::sort(pieces.begin(), pieces.end(), [](const Piece &a, const Piece &b) { return a.begin < b.begin; });
    QByteArray bytes;
    bytes.reserve(source.size() + 1024);
    int cursor = 0;
    for (const Piece &piece : std::as_const(pieces)) {
        bytes.append(source.constData() + cursor, piece.begin - cursor);
        bytes += piece.text;
        cursor = piece.end;
    }
    bytes.append(source.constData() + cursor, source.size() - cursor);
    draft::Draft made = draft::Draft::fromBytes(bytes);
    if (made.tracks().size() != m_agent.tracks().size()) {
        qCWarning(lcNemoEdit, "an edited draft could not be read back; the agent's draft is used");
        made = m_agent;
    }
    m_draft = std::make_shared<const draft::Draft>(made);
    return *m_draft;
}

QString EditedDraft::resolve(const QString &name, QString *problem) const
{
    QString ignored;
    if (!problem)
        problem = &ignored;
    const QString wanted = name.trimmed();
    if (clip(wanted))
        return wanted;
    for (const EditTrack &track : m_tracks) {
        for (const Clip &clip : track.clips) {
            if (!clip.id.isEmpty() && clip.id == wanted)
                return clip.key;
        }
    }
    const int colon = wanted.indexOf(QLatin1Char(':'));
    if (colon <= 0) {
        *problem = tr("No segment is called “%1”. Name one as `nemo-cli state` lists it, e.g. "
                      "Video:photo1.jpg or Video:2.")
                       .arg(wanted);
        return {};
    }
    const QString trackName = wanted.left(colon).trimmed();
    QString rest = wanted.mid(colon + 1).trimmed();
    int track = -1;
    bool isNumber = false;
    const int number = trackName.toInt(&isNumber);
    if (isNumber && number >= 1 && number <= int(m_tracks.size()))
        track = number - 1;
    for (int t = 0; track < 0 && t < int(m_tracks.size()); ++t) {
        if (m_tracks.at(t).name.compare(trackName, Qt::CaseInsensitive) == 0)
            track = t;
    }
    if (track < 0) {
        *problem = tr("No track is called “%1”.").arg(trackName);
        return {};
    }
    const QList<int> order = timeOrder(track);
    const QList<Clip> &clips = m_tracks.at(track).clips;
    const int position = rest.toInt(&isNumber);
    if (isNumber) {
        if (position < 1 || position > int(order.size())) {
            *problem = tr("%1 has %n segment(s).", nullptr, int(order.size())).arg(m_tracks.at(track).name);
            return {};
        }
        return clips.at(order.at(position - 1)).key;
    }
    int occurrence = 1;
    const int hash = rest.lastIndexOf(QLatin1Char('#'));
    if (hash > 0) {
        bool ok = false;
        const int n = rest.mid(hash + 1).toInt(&ok);
        if (ok && n >= 1) {
            occurrence = n;
            rest = rest.left(hash).trimmed();
        }
    }
    int seen = 0;
    for (int index : order) {
        const Clip &clip = clips.at(index);
        const QString text = clip.values.text;
        if (clip.label.compare(rest, Qt::CaseInsensitive) == 0 ||
            fileNameOf(clip.source).compare(rest, Qt::CaseInsensitive) == 0 ||
            (!text.isEmpty() && text.compare(rest, Qt::CaseInsensitive) == 0)) {
            if (++seen == occurrence)
                return clip.key;
        }
    }
    *problem = seen > 0
        ? tr("%1 has only %n segment(s) called “%2”.", nullptr, seen).arg(m_tracks.at(track).name, rest)
        : tr("%1 has no segment called “%2”.").arg(m_tracks.at(track).name, rest);
    return {};
}

} // namespace nemo::edit
