#pragma once

#include <QStyledItemDelegate>

namespace nemo::app {

// Draws a media bin row: preview, type badge, name, size and duration, and the upload state (queued,
// a progress bar, uploaded, or failed with its reason and a Retry button).
class MediaItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int RowHeight = 64;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

    // Where the Retry button of a failed row is, for a row drawn in `rect`.
    static QRect retryRect(const QRect &rect, const QFontMetrics &metrics);

signals:
    void retryRequested(quint64 id);
};

} // namespace nemo::app
