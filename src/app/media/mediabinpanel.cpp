#include "media/mediabinpanel.h"

#include "common/banner.h"
#include "common/firstpaint.h"
#include "common/theme.h"
#include "media/clipdialog.h"
#include "media/mediabinmodel.h"
#include "media/mediaitemdelegate.h"
#include "media/uploadjob.h"
#include "media/uploadqueue.h"
#include "util/weblink.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QUndoCommand>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

namespace nemo::app {

using media::MediaItem;

void MediaListView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) &&
        event->modifiers() == Qt::NoModifier && selectionModel() && selectionModel()->hasSelection()) {
        emit removeRequested();
        return;
    }
    QListView::keyPressEvent(event);
}

void MediaListView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    QPainter painter(viewport());
    if (hasFocus())
        Theme::paintFocusRing(&painter, viewport()->rect(), palette());
    if (model() && model()->rowCount() > 0)
        return;
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(
        viewport()->rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap,
        tr("Drop photos, clips, music or whole folders here,\nor use Add media… (Ctrl+O).\n\nAccepted: %1")
            .arg(media::MediaValidator::acceptedList()));
}

void MediaListView::focusInEvent(QFocusEvent *event)
{
    QListView::focusInEvent(event);
    viewport()->update(); // the ring
}

void MediaListView::focusOutEvent(QFocusEvent *event)
{
    QListView::focusOutEvent(event);
    viewport()->update();
}

MediaBinPanel::MediaBinPanel(media::UploadQueue *queue, QWidget *parent)
    : QWidget(parent)
    , m_queue(queue)
    , m_model(new MediaBinModel(queue, this))
    , m_delegate(new MediaItemDelegate(this))
    , m_view(new MediaListView(this))
    , m_banner(new Banner(Banner::Close::Yes, this))
    , m_add(new QPushButton(this))
    , m_retry(new QPushButton(this))
    , m_remove(new QPushButton(this))
{
    setAcceptDrops(true);
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setUniformItemSizes(true);
    m_view->setLayoutMode(QListView::Batched);
    m_view->setBatchSize(200);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setMouseTracking(true);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(6, 4, 6, 6);
    buttons->addWidget(m_add);
    buttons->addStretch(1);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_remove);
    // Icons once the window is on screen (reading them is slow next to everything else at start).
    afterFirstPaint(this, [this] {
        m_add->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
        m_retry->setIcon(QIcon::fromTheme(QStringLiteral("view-refresh")));
        m_remove->setIcon(QIcon::fromTheme(QStringLiteral("list-remove")));
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &MediaBinPanel::addMediaRequested);
    connect(m_retry, &QPushButton::clicked, queue, &media::UploadQueue::retryFailed);
    connect(m_remove, &QPushButton::clicked, this, &MediaBinPanel::removeSelected);
    connect(m_view, &MediaListView::removeRequested, this, &MediaBinPanel::removeSelected);
    connect(m_delegate, &MediaItemDelegate::retryRequested, queue, &media::UploadQueue::retry);
    connect(m_view, &QWidget::customContextMenuRequested, this, &MediaBinPanel::contextMenu);
    connect(m_view, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.data(MediaBinModel::GeneratedRole).toBool()) {
            openClip(index.data(MediaBinModel::IdRole).toULongLong());
            return;
        }
        const QString path = index.data(MediaBinModel::PathRole).toString();
        if (QFileInfo(path).isFile())
            QDesktopServices::openUrl(QUrl::fromLocalFile(path));
    });
    connect(queue, &media::UploadQueue::refused, this,
            [this](const QList<media::MediaCheck> &problems, int total) {
                QStringList messages;
                for (const media::MediaCheck &problem : problems)
                    messages.append(problem.message());
                showRefusals(messages, total);
            });
    connect(queue, &media::UploadQueue::linksRefused, this,
            [this](const QStringList &problems) { showRefusals(problems, int(problems.size())); });
    // Many rows change at once (a big drop, thumbnails arriving): look at the buttons once per pass.
    m_buttonsTimer = new QTimer(this);
    m_buttonsTimer->setSingleShot(true);
    m_buttonsTimer->setInterval(0);
    connect(m_buttonsTimer, &QTimer::timeout, this, &MediaBinPanel::updateButtons);
    auto scheduleButtons = [this] { m_buttonsTimer->start(); };
    connect(m_model, &QAbstractItemModel::dataChanged, this, scheduleButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, scheduleButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, scheduleButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, scheduleButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, scheduleButtons);
    retranslate();
    updateButtons();
}

void MediaBinPanel::updateButtons()
{
    bool anyFailed = false;
    for (const MediaItem &item : m_queue->items()) {
        if (item.state == MediaItem::State::Failed || item.state == MediaItem::State::Interrupted) {
            anyFailed = true;
            break;
        }
    }
    m_retry->setEnabled(anyFailed);
    m_remove->setEnabled(m_view->selectionModel()->hasSelection());
}

void MediaBinPanel::retranslate()
{
    m_add->setText(tr("Add Media…"));
    m_add->setToolTip(
        tr("Add photos, videos or music (Ctrl+O). You can also drop files and folders here, or paste them."));
    m_retry->setText(tr("Retry Failed"));
    m_remove->setText(tr("Remove"));
    m_view->setAccessibleName(tr("Media bin"));
    m_view->setAccessibleDescription(tr("Your photos, videos and music, with their upload state."));
}

void MediaBinPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QString MediaBinPanel::refusalText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

void MediaBinPanel::showRefusals(const QStringList &messages, int total)
{
    if (messages.isEmpty())
        return;
    constexpr int Shown = 5;
    QString text = messages.size() == 1
        ? tr("Not added:")
        : tr("%1 of %2 files not added:").arg(messages.size()).arg(qMax(total, int(messages.size())));
    for (int i = 0; i < qMin(Shown, int(messages.size())); ++i)
        text += QStringLiteral("\n• ") + messages.at(i);
    if (messages.size() > Shown)
        text += QStringLiteral("\n") + tr("…and %1 more.").arg(messages.size() - Shown);
    m_banner->setText(text);
    m_banner->show();
}

void MediaBinPanel::addPaths(const QStringList &paths)
{
    if (!paths.isEmpty())
        m_queue->add(paths);
}

bool MediaBinPanel::addFromMime(const QMimeData *mime)
{
    if (!mime)
        return false;
    QStringList paths;
    QList<QUrl> links;
    QStringList refused;
    QList<QUrl> urls = mime->urls();
    if (urls.isEmpty() && mime->hasText()) {
        // Pasted text: one path or link per line.
        for (const QString &line : mime->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QString trimmed = line.trimmed();
            if (trimmed.isEmpty())
                continue;
            if (QFileInfo::exists(trimmed))
                urls.append(QUrl::fromLocalFile(trimmed));
            else
                urls.append(QUrl(trimmed, QUrl::StrictMode));
        }
    }
    for (const QUrl &url : std::as_const(urls)) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
        else if (util::isWebLink(url))
            links.append(url);
        else
            refused.append(media::UploadJob::checkUrl(url));
    }
    if (!refused.isEmpty())
        showRefusals(refused, int(urls.size()));
    addPaths(paths);
    if (!links.isEmpty())
        m_queue->addUrls(links);
    return !paths.isEmpty() || !links.isEmpty();
}

void MediaBinPanel::paste()
{
    if (!addFromMime(QApplication::clipboard()->mimeData()))
        showRefusals({tr("The clipboard holds no files or links to add.")}, 1);
}

void MediaBinPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasText())
        event->acceptProposedAction();
}

void MediaBinPanel::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasText())
        event->acceptProposedAction();
}

void MediaBinPanel::dropEvent(QDropEvent *event)
{
    addFromMime(event->mimeData());
    event->acceptProposedAction();
}

ClipDialog *MediaBinPanel::openClip(quint64 id)
{
    const int row = m_queue->indexOf(id);
    if (row < 0)
        return nullptr;
    const MediaItem &item = m_queue->at(row);
    if (item.path.isEmpty() || !QFileInfo(item.path).isFile() || item.state != MediaItem::State::Uploaded)
        return nullptr;
    auto *dialog = new ClipDialog(item.path, item.name, item.prompt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

namespace {

// Media taken out of the bin, and put back where it was by Undo.
class RemoveMediaCommand : public QUndoCommand
{
public:
    RemoveMediaCommand(media::UploadQueue *queue, const QList<std::pair<int, MediaItem>> &items)
        : m_queue(queue)
        , m_items(items)
    {
        setText(items.size() == 1 ? MediaBinPanel::tr("Remove %1").arg(items.first().second.name)
                                  : MediaBinPanel::tr("Remove %n Media Items", nullptr, int(items.size())));
    }
    void redo() override
    {
        for (const auto &[index, item] : std::as_const(m_items))
            m_queue->remove(item.id);
    }
    void undo() override
    {
        // In the order they stood, so that each goes back to its own place.
        for (const auto &[index, item] : std::as_const(m_items))
            m_queue->insert(index, item);
    }

private:
    media::UploadQueue *m_queue;
    QList<std::pair<int, MediaItem>> m_items; // by their place in the bin, first to last
};

} // namespace

void MediaBinPanel::removeSelected()
{
    QList<std::pair<int, MediaItem>> items;
    for (const quint64 id : selectedIds()) {
        if (const int index = m_queue->indexOf(id); index >= 0)
            items.append({index, m_queue->items().at(index)});
    }
    if (items.isEmpty())
        return;
    std::sort(items.begin(), items.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    if (m_undo) {
        m_undo->push(new RemoveMediaCommand(m_queue, items));
    } else {
        for (const auto &[index, item] : std::as_const(items))
            m_queue->remove(item.id);
    }
}

QList<quint64> MediaBinPanel::selectedIds() const
{
    QList<quint64> ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedIndexes())
        ids.append(index.data(MediaBinModel::IdRole).toULongLong());
    return ids;
}

void MediaBinPanel::contextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    QMenu menu(this);
    if (index.isValid()) {
        const quint64 id = index.data(MediaBinModel::IdRole).toULongLong();
        const auto state = MediaItem::State(index.data(MediaBinModel::StateRole).toInt());
        const QString path = index.data(MediaBinModel::PathRole).toString();
        const bool generated = index.data(MediaBinModel::GeneratedRole).toBool();
        if (state == MediaItem::State::Failed || state == MediaItem::State::Interrupted)
            menu.addAction(generated ? tr("&Retry Download") : tr("&Retry Upload"), this,
                           [this, id] { m_queue->retry(id); });
        if (generated && QFileInfo(path).isFile()) {
            menu.addAction(tr("&Watch"), this, [this, id] { openClip(id); });
            menu.addAction(tr("Save &As…"), this, [this, id] {
                if (ClipDialog *dialog = openClip(id))
                    QMetaObject::invokeMethod(dialog->saveAsButton(), &QPushButton::click,
                                              Qt::QueuedConnection);
            });
        }
        if (QFileInfo(path).isFile()) {
            menu.addAction(tr("&Open"), this,
                           [path] { QDesktopServices::openUrl(QUrl::fromLocalFile(path)); });
            menu.addAction(tr("Show in &Folder"), this, [path] {
                QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
            });
        }
        menu.addAction(tr("&Copy Path"), this, [path] { QApplication::clipboard()->setText(path); });
        menu.addSeparator();
        menu.addAction(tr("Re&move from Bin"), this, &MediaBinPanel::removeSelected);
        if (!m_view->selectionModel()->isSelected(index))
            m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
    }
    menu.addAction(tr("&Add Media…"), this, &MediaBinPanel::addMediaRequested);
    menu.addAction(tr("&Paste"), this, &MediaBinPanel::paste);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

} // namespace nemo::app
