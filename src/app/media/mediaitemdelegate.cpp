#include "media/mediaitemdelegate.h"

#include "common/theme.h"
#include "media/mediabinmodel.h"
#include "media/uploadqueue.h"
#include "util/timecode.h"

#include <QApplication>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace nemo::app {

using media::MediaItem;
using media::MediaKind;

namespace {

QString badge(MediaKind kind)
{
    switch (kind) {
    case MediaKind::Image:
        return MediaItemDelegate::tr("IMAGE");
    case MediaKind::Video:
        return MediaItemDelegate::tr("VIDEO");
    case MediaKind::Audio:
        return MediaItemDelegate::tr("AUDIO");
    case MediaKind::Unknown:
        break;
    }
    return MediaItemDelegate::tr("LINK");
}

QIcon kindIcon(MediaKind kind)
{
    switch (kind) {
    case MediaKind::Image:
        return QIcon::fromTheme(QStringLiteral("image-x-generic"),
                                QIcon(QStringLiteral(":/icons/image.svg")));
    case MediaKind::Video:
        return QIcon::fromTheme(QStringLiteral("video-x-generic"),
                                QIcon(QStringLiteral(":/icons/video.svg")));
    case MediaKind::Audio:
        return QIcon::fromTheme(QStringLiteral("audio-x-generic"),
                                QIcon(QStringLiteral(":/icons/audio.svg")));
    case MediaKind::Unknown:
        break;
    }
    return QIcon::fromTheme(QStringLiteral("text-html"), QIcon(QStringLiteral(":/icons/link.svg")));
}

} // namespace

QSize MediaItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(option.rect.width() > 0 ? option.rect.width() : 320, RowHeight);
}

QRect MediaItemDelegate::retryRect(const QRect &rect, const QFontMetrics &metrics)
{
    const int width = metrics.horizontalAdvance(tr("Retry")) + 20;
    return QRect(rect.right() - width - 8, rect.top() + (rect.height() - 24) / 2, width, 24);
}

void MediaItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect rect = option.rect;
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QColor text = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor dim = selected ? text : pal.color(QPalette::PlaceholderText);
    const auto kind = MediaKind(index.data(MediaBinModel::KindRole).toInt());
    const auto state = MediaItem::State(index.data(MediaBinModel::StateRole).toInt());
    const bool generated = index.data(MediaBinModel::GeneratedRole).toBool();

    // Preview, 16:9, letterboxed.
    const QRect preview(rect.left() + 6, rect.top() + 5, 96, 54);
    painter->fillRect(preview, pal.color(QPalette::Dark));
    const QImage thumbnail = index.data(MediaBinModel::ThumbnailRole).value<QImage>();
    if (!thumbnail.isNull()) {
        const QSize fit = thumbnail.size().scaled(preview.size(), Qt::KeepAspectRatio);
        const QRect target(preview.left() + (preview.width() - fit.width()) / 2,
                           preview.top() + (preview.height() - fit.height()) / 2, fit.width(), fit.height());
        painter->drawImage(target, thumbnail);
    } else {
        kindIcon(kind).paint(painter, preview.adjusted(30, 10, -30, -10));
    }

    const int left = preview.right() + 10;
    const QFontMetrics metrics(option.font);
    const bool failed = state == MediaItem::State::Failed || state == MediaItem::State::Interrupted;
    const int right = failed ? retryRect(rect, metrics).left() - 8 : rect.right() - 8;

    // Line 1: the name.
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(text);
    const QString name = QFontMetrics(bold).elidedText(index.data(MediaBinModel::NameRole).toString(),
                                                       Qt::ElideMiddle, right - left);
    painter->drawText(QRect(left, rect.top() + 4, right - left, metrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, name);

    // Line 2: badge, size, duration, dimensions.
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.85);
    const QFontMetrics smallMetrics(small);
    painter->setFont(small);
    const QString badgeText = badge(kind);
    const QRect badgeRect(left, rect.top() + 6 + metrics.height(),
                          smallMetrics.horizontalAdvance(badgeText) + 10, smallMetrics.height() + 2);
    QPainterPath pill;
    pill.addRoundedRect(badgeRect, 4, 4);
    painter->fillPath(pill, Theme::mediaColor(kind));
    painter->setPen(Theme::textOn(Theme::mediaColor(kind)));
    painter->drawText(badgeRect, Qt::AlignCenter, badgeText);
    QRect factsFrom = badgeRect;
    if (generated) {
        const QString mark = tr("GENERATED");
        factsFrom = QRect(badgeRect.right() + 4, badgeRect.top(), smallMetrics.horizontalAdvance(mark) + 10,
                          badgeRect.height());
        QPainterPath markPill;
        markPill.addRoundedRect(factsFrom, 4, 4);
        painter->fillPath(markPill, QColor(205, 110, 20));
        painter->drawText(factsFrom, Qt::AlignCenter, mark);
    }
    QStringList facts;
    const qint64 size = index.data(MediaBinModel::SizeRole).toLongLong();
    if (size > 0)
        facts << QLocale().formattedDataSize(size);
    const qint64 length = index.data(MediaBinModel::DurationRole).toLongLong();
    if (length > 0)
        facts << util::timecode::clock(length + 500); // rounded to the nearest second
    const QSize dimensions = index.data(MediaBinModel::DimensionsRole).toSize();
    if (dimensions.isValid())
        facts << QStringLiteral("%1×%2").arg(dimensions.width()).arg(dimensions.height());
    // As many whole facts as the width holds: a cut "640×3" would mislead.
    const QRect factsRect(factsFrom.right() + 8, factsFrom.top(), right - factsFrom.right() - 8,
                          factsFrom.height());
    while (facts.size() > 1 &&
           smallMetrics.horizontalAdvance(facts.join(QStringLiteral(" · "))) > factsRect.width())
        facts.removeLast();
    painter->setPen(dim);
    painter->drawText(
        factsRect, Qt::AlignLeft | Qt::AlignVCenter,
        smallMetrics.elidedText(facts.join(QStringLiteral(" · ")), Qt::ElideRight, factsRect.width()));

    // Line 3: the upload state.
    const QRect stateRect(left, badgeRect.bottom() + 4, right - left, smallMetrics.height() + 2);
    switch (state) {
    case MediaItem::State::Checking:
    case MediaItem::State::Queued:
        painter->setPen(dim);
        painter->drawText(stateRect, Qt::AlignLeft | Qt::AlignVCenter,
                          generated ? tr("Waiting to download") : tr("Waiting to upload"));
        break;
    case MediaItem::State::Uploading: {
        QStyleOptionProgressBar bar;
        bar.rect = stateRect.adjusted(0, 1, 0, -1);
        bar.minimum = 0;
        bar.maximum = 100;
        bar.progress = index.data(MediaBinModel::ProgressRole).toInt();
        bar.textVisible = true;
        bar.text =
            generated ? tr("Downloading %1%").arg(bar.progress) : tr("Uploading %1%").arg(bar.progress);
        bar.state = QStyle::State_Enabled | QStyle::State_Horizontal;
        bar.palette = pal;
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, opt.widget);
        break;
    }
    case MediaItem::State::Uploaded:
        painter->setPen(selected ? text : Theme::goodText(pal));
        painter->drawText(stateRect, Qt::AlignLeft | Qt::AlignVCenter,
                          generated ? tr("✓ Made by the agent — double-click to watch") : tr("✓ Uploaded"));
        break;
    case MediaItem::State::Failed:
    case MediaItem::State::Interrupted: {
        painter->setPen(selected ? text : Theme::badText(pal));
        const QString reason = state == MediaItem::State::Interrupted
            ? (generated ? tr("Interrupted — not downloaded") : tr("Interrupted — not uploaded"))
            : tr("Failed: %1").arg(index.data(MediaBinModel::ErrorRole).toString());
        painter->drawText(stateRect, Qt::AlignLeft | Qt::AlignVCenter,
                          smallMetrics.elidedText(reason, Qt::ElideRight, stateRect.width()));
        painter->setFont(option.font);
        const QRect retry = retryRect(rect, metrics);
        QStyleOptionButton button;
        button.rect = retry;
        button.text = tr("Retry");
        button.state = QStyle::State_Enabled | QStyle::State_Raised;
        button.palette = pal;
        style->drawControl(QStyle::CE_PushButton, &button, painter, opt.widget);
        break;
    }
    }
    painter->restore();
}

bool MediaItemDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto state = MediaItem::State(index.data(MediaBinModel::StateRole).toInt());
        auto *mouse = static_cast<QMouseEvent *>(event);
        if ((state == MediaItem::State::Failed || state == MediaItem::State::Interrupted) &&
            retryRect(option.rect, QFontMetrics(option.font)).contains(mouse->position().toPoint())) {
            emit retryRequested(index.data(MediaBinModel::IdRole).toULongLong());
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace nemo::app
