#include "mediabinmodel.h"

#include "thumbnailloader.h"
#include "uploadqueue.h"

#include <QLocale>

namespace nemo::app {

using core::MediaItem;
using core::MediaKind;

MediaBinModel::MediaBinModel(core::UploadQueue *queue, QObject *parent)
    : QAbstractListModel(parent)
    , m_queue(queue)
    , m_loader(new ThumbnailLoader(this))
    , m_rows(queue->size())
{
    connect(queue, &core::UploadQueue::added, this, [this](int first, int last) {
        beginInsertRows(QModelIndex(), first, last);
        m_rows += last - first + 1;
        endInsertRows();
        requestPreviews(first, last);
    });
    connect(queue, &core::UploadQueue::changed, this, [this](int index) {
        const QModelIndex changed = this->index(index);
        emit dataChanged(changed, changed);
    });
    connect(queue, &core::UploadQueue::removed, this, [this](int index) {
        beginRemoveRows(QModelIndex(), index, index);
        --m_rows;
        endRemoveRows();
    });
    connect(queue, &core::UploadQueue::reset, this, [this] {
        beginResetModel();
        m_rows = m_queue->size();
        m_extra.clear();
        endResetModel();
        requestPreviews(0, m_rows - 1);
    });
    connect(m_loader, &ThumbnailLoader::thumbnailReady, this,
            [this](quint64 id, const QImage &image, const QSize &size) {
                Extra &extra = m_extra[id];
                extra.thumbnail = image;
                if (size.isValid())
                    extra.dimensions = size;
                touch(id);
            });
    connect(m_loader, &ThumbnailLoader::durationReady, this, [this](quint64 id, qint64 duration) {
        m_extra[id].duration = duration;
        touch(id);
    });
}

void MediaBinModel::requestPreviews(int first, int last)
{
    for (int row = first; row <= last && row < m_queue->size(); ++row) {
        const MediaItem &item = m_queue->at(row);
        if (item.path.isEmpty())
            continue;
        switch (item.kind) {
        case MediaKind::Image:
            m_loader->request(item.id, item.path, ThumbnailLoader::Kind::Image);
            break;
        case MediaKind::Video:
            m_loader->request(item.id, item.path, ThumbnailLoader::Kind::Video);
            break;
        case MediaKind::Audio:
            m_loader->request(item.id, item.path, ThumbnailLoader::Kind::Audio);
            break;
        case MediaKind::Unknown:
            break;
        }
    }
}

void MediaBinModel::touch(quint64 id)
{
    const int row = m_queue->indexOf(id);
    if (row >= 0 && row < m_rows) {
        const QModelIndex changed = index(row);
        emit dataChanged(changed, changed);
    }
}

int MediaBinModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

QVariant MediaBinModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_queue->size())
        return {};
    const MediaItem &item = m_queue->at(index.row());
    const Extra extra = m_extra.value(item.id);
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return item.name;
    case PathRole:
        return item.path.isEmpty() ? item.url.toString() : item.path;
    case KindRole:
        return int(item.kind);
    case SizeRole:
        return item.size;
    case DurationRole:
        if (extra.duration > 0)
            return extra.duration;
        return qint64(item.uploaded.duration * 1000);
    case DimensionsRole:
        if (extra.dimensions.isValid())
            return extra.dimensions;
        return item.uploaded.width > 0 ? QSize(item.uploaded.width, item.uploaded.height) : QSize();
    case StateRole:
        return int(item.state);
    case ProgressRole:
        return item.size > 0 ? int(qBound(qint64(0), item.sent * 100 / item.size, qint64(100))) : 0;
    case ErrorRole:
        return item.error;
    case ThumbnailRole:
        return extra.thumbnail;
    case IdRole:
        return qulonglong(item.id);
    case Qt::ToolTipRole: {
        QString tip = item.path.isEmpty() ? item.url.toString() : item.path;
        if (!item.error.isEmpty())
            tip += QLatin1Char('\n') + item.error;
        return tip;
    }
    case Qt::AccessibleTextRole: {
        QString state;
        switch (item.state) {
        case MediaItem::State::Checking:
            state = tr("checking");
            break;
        case MediaItem::State::Queued:
            state = tr("waiting to upload");
            break;
        case MediaItem::State::Uploading:
            state = tr("uploading");
            break;
        case MediaItem::State::Uploaded:
            state = tr("uploaded");
            break;
        case MediaItem::State::Failed:
            state = tr("failed: %1").arg(item.error);
            break;
        case MediaItem::State::Interrupted:
            state = tr("interrupted");
            break;
        }
        return tr("%1, %2, %3").arg(item.name, QLocale().formattedDataSize(item.size), state);
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> MediaBinModel::roleNames() const
{
    return {{NameRole, "name"},         {PathRole, "path"},         {KindRole, "kind"},
            {SizeRole, "size"},         {DurationRole, "duration"}, {StateRole, "state"},
            {ProgressRole, "progress"}, {ErrorRole, "error"},       {IdRole, "id"}};
}

} // namespace nemo::app
