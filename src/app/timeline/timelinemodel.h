#pragma once

#include "edit/editeddraft.h"

#include <QAbstractItemModel>
#include <QSet>

#include <vector>

namespace nemo::edit {
class HandEdits;
} // namespace nemo::edit

namespace nemo::app {

// The edited timeline as a two-level model (tracks, then their segments), as in Shotcut's multitrack
// model, following the hand edits one segment at a time (rows inserted, removed, changed: never a reset
// for an edit) and reset only when the document is rebuilt (the agent's next draft, a project opened).
// It also keeps, per track, the segments in order of start with a running maximum of ends, so that a
// view finds the visible ones quickly, and which segments the last turn changed.
class TimelineModel
    : public QAbstractItemModel
    , private edit::EditedDraft::Observer
{
    Q_OBJECT
public:
    enum Role
    {
        NameRole = Qt::UserRole + 1, // track name / segment label
        KindRole,                    // draft::TrackKind as int
        StartRole,                   // frames
        DurationRole,                // frames
        InRole,                      // frames into the media
        VolumeRole,                  // 0…4, or -1
        TextRole,                    // the words of a title
        SourceRole,
        ChangedRole, // bool: changed by the last turn
        KeyRole,     // the segment's identity
        EditedRole,  // bool: changed by hand
        HeldRole,    // frames at its end where a clip shorter than its segment holds its last frame
    };

    explicit TimelineModel(edit::HandEdits *edits, QObject *parent = nullptr);
    ~TimelineModel() override;

    const edit::EditedDraft &document() const;
    edit::HandEdits *handEdits() const { return m_edits; }
    int fps() const { return document().fps(); }
    qint64 durationFrames() const { return document().durationFrames(); }
    int trackCount() const { return int(document().tracks().size()); }
    const edit::EditTrack &track(int index) const { return document().tracks().at(index); }
    const edit::Clip &clip(int track, int index) const
    {
        return document().tracks().at(track).clips.at(index);
    }
    // Which segments of the agent's draft the last turn changed (DraftDiff's keys).
    void setChanges(const QSet<QString> &changedSegments);
    bool isChanged(int track, int clip) const;
    QString summary() const;

    // Segments of a track, as indexes into its clips, ordered by start.
    const std::vector<int> &order(int track) const;
    // For the i-th segment in that order, the greatest end among it and those before it.
    const std::vector<qint64> &reach(int track) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

signals:
    // Something on this track moved, appeared or went (the view repaints its layer).
    void trackChanged(int track);

private:
    void aboutToInsert(int track, int index) override;
    void inserted(int track, int index) override;
    void aboutToRemove(int track, int index) override;
    void removed(int track, int index) override;
    void changed(int track, int index) override;
    void rebuilt();
    void sortTrack(int track) const;

    static constexpr quintptr TrackLevel = ~quintptr(0);

    edit::HandEdits *m_edits;
    QSet<QString> m_changes;
    mutable std::vector<std::vector<int>> m_order;
    mutable std::vector<std::vector<qint64>> m_reach;
    mutable std::vector<bool> m_sorted;
};

} // namespace nemo::app
