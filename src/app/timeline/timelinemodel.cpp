#include "timeline/timelinemodel.h"

#include "draft/draftdiff.h"
#include "edit/handedits.h"

#include <algorithm>

namespace nemo::app {

using edit::Clip;

TimelineModel::TimelineModel(edit::HandEdits *edits, QObject *parent)
    : QAbstractItemModel(parent)
    , m_edits(edits)
{
    edits->setObserver(this);
    connect(edits, &edit::HandEdits::documentAboutToReset, this, &TimelineModel::beginResetModel);
    connect(edits, &edit::HandEdits::documentReset, this, &TimelineModel::rebuilt);
    beginResetModel();
    rebuilt();
}

TimelineModel::~TimelineModel()
{
    if (m_edits)
        m_edits->setObserver(nullptr);
}

const edit::EditedDraft &TimelineModel::document() const
{
    return m_edits->document();
}

void TimelineModel::rebuilt()
{
    const size_t tracks = size_t(trackCount());
    m_order.assign(tracks, {});
    m_reach.assign(tracks, {});
    m_sorted.assign(tracks, false);
    endResetModel();
    for (int t = 0; t < trackCount(); ++t)
        emit trackChanged(t);
}

void TimelineModel::sortTrack(int track) const
{
    const QList<Clip> &clips = document().tracks().at(track).clips;
    std::vector<int> &order = m_order[size_t(track)];
    order.resize(size_t(clips.size()));
    for (int i = 0; i < int(order.size()); ++i)
        order[size_t(i)] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&clips](int a, int b) { return clips.at(a).values.start < clips.at(b).values.start; });
    std::vector<qint64> &reach = m_reach[size_t(track)];
    reach.resize(order.size());
    qint64 furthest = 0;
    for (size_t i = 0; i < order.size(); ++i) {
        furthest = qMax(furthest, clips.at(order[i]).end());
        reach[i] = furthest;
    }
    m_sorted[size_t(track)] = true;
}

const std::vector<int> &TimelineModel::order(int track) const
{
    if (!m_sorted[size_t(track)])
        sortTrack(track);
    return m_order[size_t(track)];
}

const std::vector<qint64> &TimelineModel::reach(int track) const
{
    if (!m_sorted[size_t(track)])
        sortTrack(track);
    return m_reach[size_t(track)];
}

void TimelineModel::setChanges(const QSet<QString> &changedSegments)
{
    m_changes = changedSegments;
    if (trackCount() > 0)
        emit dataChanged(index(0, 0), index(trackCount() - 1, 0));
    for (int t = 0; t < trackCount(); ++t)
        emit trackChanged(t);
}

bool TimelineModel::isChanged(int track, int clipIndex) const
{
    if (m_changes.isEmpty())
        return false;
    const Clip &c = clip(track, clipIndex);
    if (!c.isFromAgent())
        return false;
    const draft::Segment &segment = document().agent().tracks().at(c.baseTrack).segments.at(c.baseIndex);
    return m_changes.contains(draft::DraftDiff::segmentKey(c.baseTrack, segment, c.baseIndex));
}

QString TimelineModel::summary() const
{
    return m_edits->draft().summary();
}

void TimelineModel::aboutToInsert(int track, int row)
{
    beginInsertRows(index(track, 0), row, row);
}

void TimelineModel::inserted(int track, int)
{
    m_sorted[size_t(track)] = false;
    endInsertRows();
    emit trackChanged(track);
}

void TimelineModel::aboutToRemove(int track, int row)
{
    beginRemoveRows(index(track, 0), row, row);
}

void TimelineModel::removed(int track, int)
{
    m_sorted[size_t(track)] = false;
    endRemoveRows();
    emit trackChanged(track);
}

void TimelineModel::changed(int track, int row)
{
    m_sorted[size_t(track)] = false;
    const QModelIndex changedIndex = index(row, 0, index(track, 0));
    emit dataChanged(changedIndex, changedIndex);
    emit trackChanged(track);
}

QModelIndex TimelineModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < trackCount() ? createIndex(row, 0, TrackLevel) : QModelIndex();
    if (parent.internalId() != TrackLevel || row >= track(parent.row()).clips.size())
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
        return trackCount();
    if (parent.internalId() == TrackLevel)
        return int(track(parent.row()).clips.size());
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
        const edit::EditTrack &t = track(index.row());
        switch (role) {
        case Qt::DisplayRole:
        case NameRole:
            return t.name;
        case KindRole:
            return int(t.kind);
        case KeyRole:
            return t.key;
        default:
            return {};
        }
    }
    const int trackIndex = int(index.internalId());
    const Clip &c = clip(trackIndex, index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return c.label;
    case KindRole:
        return int(track(trackIndex).kind);
    case StartRole:
        return c.values.start;
    case DurationRole:
        return c.values.duration;
    case InRole:
        return c.values.in;
    case VolumeRole:
        return c.values.volume;
    case TextRole:
        return c.values.text;
    case SourceRole:
        return c.source;
    case ChangedRole:
        return isChanged(trackIndex, index.row());
    case KeyRole:
        return c.key;
    case EditedRole:
        return c.changed != 0 || !c.isFromAgent();
    case HeldRole:
        return c.mediaFrames > 0 ? qMax<qint64>(0, c.values.in + c.values.duration - c.mediaFrames) : 0;
    default:
        return {};
    }
}

} // namespace nemo::app
