#pragma once

#include "draft/draft.h"
#include "draft/draftdiff.h"

#include <QAbstractItemModel>
#include <QSet>

#include <vector>

namespace nemo::app {

// The timeline as a two-level model (tracks, then their segments), as in Shotcut's multitrack model.
// It also keeps, per track, the segments sorted by start time, so that a view can find the visible
// ones quickly, and which segments the last turn changed.
class TimelineModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role
    {
        NameRole = Qt::UserRole + 1, // track name / segment label
        KindRole,                    // draft::TrackKind as int
        StartRole,                   // ms
        DurationRole,                // ms
        VolumeRole,                  // 0…1, or -1
        TextRole,                    // the words of a text segment
        SourceRole,
        ChangedRole, // bool: changed by the last turn
    };

    explicit TimelineModel(QObject *parent = nullptr);

    void setDraft(const draft::Draft &draft, const QSet<QString> &changedSegments);
    const draft::Draft &draft() const { return m_draft; }
    bool isChanged(int track, int segment) const;
    QString summary() const { return m_draft.summary(); }

    // Segments of a track, as indexes into its segment list, ordered by start.
    const std::vector<int> &order(int track) const { return m_order[size_t(track)]; }
    // For the i-th segment in that order, the greatest end among it and those before it.
    const std::vector<qint64> &reach(int track) const { return m_reach[size_t(track)]; }

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    static constexpr quintptr TrackLevel = ~quintptr(0);

    draft::Draft m_draft;
    QSet<QString> m_changed;
    std::vector<std::vector<int>> m_order;
    std::vector<std::vector<qint64>> m_reach;
};

} // namespace nemo::app
