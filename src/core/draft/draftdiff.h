#pragma once

#include "draft/draft.h"

#include <QSet>

namespace nemo::draft {

struct DraftChange
{
    enum class Kind
    {
        TrackAdded,
        TrackRemoved,
        TrackRenamed,
        SegmentsAdded,
        SegmentsRemoved,
        SegmentsRetimed,
        SegmentsReplaced,
        VolumeChanged,
        TextChanged,
        DurationChanged
    };
    Kind kind;
    QString track;
    int count = 0;
    QString before;
    QString after;
};

// What changed between two drafts, in plain words ("added 2 segments to Video, BGM volume 35% → 50%"),
// and which segments of the new draft are new or changed (for highlighting).
class DraftDiff
{
    Q_DECLARE_TR_FUNCTIONS(nemo::draft::DraftDiff)
public:
    static DraftDiff between(const Draft &before, const Draft &after);

    bool isEmpty() const { return m_changes.isEmpty(); }
    const QList<DraftChange> &changes() const { return m_changes; }
    QString describe() const;
    static QString describe(const DraftChange &change);

    // Keys "<track index in the new draft>/<segment key>" of new or changed segments.
    const QSet<QString> &changedSegments() const { return m_changed; }
    static QString segmentKey(int trackIndex, const Segment &segment, int segmentIndex);

private:
    QList<DraftChange> m_changes;
    QSet<QString> m_changed;
};

} // namespace nemo::draft
