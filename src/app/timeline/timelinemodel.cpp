#include "timeline/timelinemodel.h"

#include <algorithm>

namespace nemo::app {

using draft::Segment;
using draft::Track;

TimelineModel::TimelineModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

void TimelineModel::setDraft(const draft::Draft &draft, const QSet<QString> &changedSegments)
{
    beginResetModel();
    m_draft = draft;
    m_changed = changedSegments;
    const QList<Track> &tracks = m_draft.tracks();
    m_order.assign(size_t(tracks.size()), {});
    m_reach.assign(size_t(tracks.size()), {});
    for (qsizetype t = 0; t < tracks.size(); ++t) {
        const QList<Segment> &segments = tracks.at(t).segments;
        std::vector<int> &order = m_order[size_t(t)];
        order.resize(size_t(segments.size()));
        for (int i = 0; i < int(order.size()); ++i)
            order[size_t(i)] = i;
        std::stable_sort(order.begin(), order.end(), [&segments](int a, int b) {
            return segments.at(a).startMs < segments.at(b).startMs;
        });
        std::vector<qint64> &reach = m_reach[size_t(t)];
        reach.resize(order.size());
        qint64 furthest = 0;
        for (size_t i = 0; i < order.size(); ++i) {
            furthest = qMax(furthest, segments.at(order[i]).endMs());
            reach[i] = furthest;
        }
    }
    endResetModel();
}

bool TimelineModel::isChanged(int track, int segment) const
{
    if (m_changed.isEmpty())
        return false;
    const Segment &s = m_draft.tracks().at(track).segments.at(segment);
    return m_changed.contains(draft::DraftDiff::segmentKey(track, s, segment));
}

QModelIndex TimelineModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_draft.tracks().size() ? createIndex(row, 0, TrackLevel) : QModelIndex();
    if (parent.internalId() != TrackLevel || row >= m_draft.tracks().at(parent.row()).segments.size())
        return {};
    return createIndex(row, 0, quintptr(parent.row()));
}

QModelIndex TimelineModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == TrackLevel)
        return {};
    return createIndex(int(child.internalId()), 0, TrackLevel);
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_draft.tracks().size());
    if (parent.internalId() == TrackLevel)
        return int(m_draft.tracks().at(parent.row()).segments.size());
    return 0;
}

int TimelineModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == TrackLevel) {
        const Track &track = m_draft.tracks().at(index.row());
        switch (role) {
        case Qt::DisplayRole:
        case NameRole:
            return track.displayName();
        case KindRole:
            return int(track.kind);
        case StartRole:
            return track.startMs();
        case DurationRole:
            return track.endMs() - track.startMs();
        default:
            return {};
        }
    }
    const int trackIndex = int(index.internalId());
    const Track &track = m_draft.tracks().at(trackIndex);
    const Segment &segment = track.segments.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return segment.label;
    case KindRole:
        return int(track.kind);
    case StartRole:
        return segment.startMs;
    case DurationRole:
        return segment.durationMs;
    case VolumeRole:
        return segment.volume;
    case TextRole:
        return segment.text;
    case SourceRole:
        return segment.source;
    case ChangedRole:
        return isChanged(trackIndex, index.row());
    default:
        return {};
    }
}

} // namespace nemo::app
