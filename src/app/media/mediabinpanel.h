#pragma once

#include "media/mediavalidator.h"

#include <QListView>
#include <QTimer>
#include <QWidget>

class QLabel;
class QMimeData;
class QPushButton;
class QUndoStack;
class QToolButton;

namespace nemo::media {
class UploadQueue;
} // namespace nemo::media

namespace nemo::app {

class Banner;
class ClipDialog;
class MediaBinModel;
class MediaItemDelegate;

// The list of the media bin, which says what to do when it is empty.
class MediaListView : public QListView
{
    Q_OBJECT
public:
    using QListView::QListView;
    // Fixed hints: asking the list for its natural size would lay out every row (thousands after a
    // big drop) on each layout pass; the dock decides the size anyway.
    QSize sizeHint() const override { return QSize(340, 420); }
    QSize minimumSizeHint() const override { return QSize(220, 160); }

signals:
    // Delete or Backspace on the selection: take it out of the bin, as Remove does.
    void removeRequested();

protected:
    QSize viewportSizeHint() const override { return QSize(320, 400); }
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
};

// The media bin: takes files and folders dropped from the file manager, pasted, chosen with "Add
// media…" or given on the command line; refuses what cannot be used, at the door, with a message
// that lists what is accepted; shows each item's upload, with Retry for failures.
class MediaBinPanel : public QWidget
{
    Q_OBJECT
public:
    explicit MediaBinPanel(media::UploadQueue *queue, QWidget *parent = nullptr);

    MediaListView *view() const { return m_view; }
    MediaBinModel *model() const { return m_model; }
    MediaItemDelegate *delegate() const { return m_delegate; }
    // The refusal message currently shown (empty when none).
    QString refusalText() const;

    // Adds what a drop or a paste carries: local files and folders, and web links. Returns false
    // when it carried nothing usable.
    bool addFromMime(const QMimeData *mime);
    void addPaths(const QStringList &paths);
    void paste();
    // Plays a generated clip here (with Save As…); null when it isn't on this computer yet.
    ClipDialog *openClip(quint64 id);
    // Where removing media goes as one command each ("Remove photo1.jpg"), for Edit > Undo; without
    // one, removing can't be undone.
    void setUndoStack(QUndoStack *stack) { m_undo = stack; }
    // Removes the selected items (Remove, Delete, the context menu), as one command.
    void removeSelected();

signals:
    void addMediaRequested();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void showRefusals(const QStringList &messages, int total);
    void retranslate();
    void contextMenu(const QPoint &position);
    QList<quint64> selectedIds() const;
    void updateButtons();

    media::UploadQueue *m_queue;
    MediaBinModel *m_model;
    MediaItemDelegate *m_delegate;
    MediaListView *m_view;
    Banner *m_banner;
    QPushButton *m_add;
    QPushButton *m_retry;
    QPushButton *m_remove;
    QTimer *m_buttonsTimer;
    QUndoStack *m_undo = nullptr;
};

} // namespace nemo::app
