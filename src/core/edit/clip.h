#pragma once

#include "draft/draft.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace nemo::edit {

// What a hand edit can change on a segment.
enum Property : quint32
{
    Start = 1u << 0,
    Duration = 1u << 1,
    In = 1u << 2,
    Text = 1u << 3,
    Volume = 1u << 4,
    FadeIn = 1u << 5,
    FadeOut = 1u << 6,
    Timing = Start | Duration | In,
    AllProperties = Timing | Text | Volume | FadeIn | FadeOut,
};

// The values of those properties; times in frames at the draft's rate.
struct ClipValues
{
    qint64 start = 0;
    qint64 duration = 0;
    qint64 in = 0;
    QString text;
    double volume = -1; // -1: the draft does not say
    qint64 fadeIn = 0;
    qint64 fadeOut = 0;

    qint64 end() const { return start + duration; }
    // The properties in which these values differ from `other` (volumes within a hundredth of a percent).
    quint32 differences(const ClipValues &other) const;
    // `other`'s values for the properties in `mask`, these values for the rest.
    ClipValues with(const ClipValues &other, quint32 mask) const;
};

// A segment of the edited draft.
struct Clip
{
    // Who the segment is, across edits and across the agent's drafts: its `id` when the draft gives a
    // unique one, else its track, source and occurrence (never its position).
    QString key;
    QString id; // the service's own id, if any
    QString label;
    QString source;
    draft::SegmentKeys keys; // how its JSON spells what an edit changes
    ClipValues values;
    qint64 mediaFrames = -1; // the media's own length; -1 when unknown or unlimited (photos, titles)
    // A segment of the agent's draft (its JSON is kept as it came), or -1 for one an edit made (a split's
    // second part), whose whole JSON is `json`.
    int baseTrack = -1;
    int baseIndex = -1;
    QByteArray json;
    quint32 changed = 0; // properties that differ from the JSON it came with

    bool isFromAgent() const { return baseIndex >= 0; }
    qint64 start() const { return values.start; }
    qint64 end() const { return values.end(); }
};

// A track of the edited draft: its segments in the order the draft lists them.
struct EditTrack
{
    QString key; // the track's id when unique, else its type and place among tracks of that type
    draft::TrackKind kind = draft::TrackKind::Other;
    QString name;
    int baseIndex = -1; // the agent draft's track
    QList<Clip> clips;
};

} // namespace nemo::edit
