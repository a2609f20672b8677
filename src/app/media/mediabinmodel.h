#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QImage>
#include <QSet>

namespace nemo::media {
class UploadQueue;
} // namespace nemo::media

namespace nemo::app {

class ThumbnailLoader;

// The media bin as a list model over the upload queue, with previews and durations.
class MediaBinModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        NameRole = Qt::UserRole + 1,
        PathRole,
        KindRole,       // media::MediaKind as int
        SizeRole,       // bytes
        DurationRole,   // milliseconds, 0 when unknown
        DimensionsRole, // QSize
        StateRole,      // media::MediaItem::State as int
        ProgressRole,   // 0…100
        ErrorRole,      // why it failed
        ThumbnailRole,  // QImage (may be null)
        IdRole,
        GeneratedRole, // bool: made by the agent (fetched, never uploaded)
        PromptRole,    // generated media: what the agent was asked to make
    };

    explicit MediaBinModel(media::UploadQueue *queue, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    media::UploadQueue *queue() const { return m_queue; }
    ThumbnailLoader *thumbnails() const { return m_loader; }

private:
    struct Extra
    {
        QImage thumbnail;
        QSize dimensions;
        qint64 duration = 0;
    };
    void requestPreviews(int first, int last);
    void touch(quint64 id);

    media::UploadQueue *m_queue;
    ThumbnailLoader *m_loader;
    QHash<quint64, Extra> m_extra;
    QSet<quint64> m_previewRequested;
    int m_rows = 0;
};

} // namespace nemo::app
