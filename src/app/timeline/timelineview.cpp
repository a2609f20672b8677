#include "timeline/timelineview.h"

#include "client/playhead.h"
#include "common/theme.h"
#include "timeline/edithistory.h"
#include "timeline/timelineaccessible.h"
#include "util/timecode.h"

#include <QDir>
#include <QElapsedTimer>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <climits>
#include <cmath>

namespace nemo::app {

using draft::TrackKind;
using edit::Clip;
using edit::Editor;
namespace timecode = util::timecode;
using Part = TimelineGeometry::Part;

namespace {

constexpr double ZoomStep = 1.25;

QColor trackColor(TrackKind track)
{
    switch (track) {
    case TrackKind::Video:
        return Theme::mediaColor(media::MediaKind::Video);
    case TrackKind::Audio:
        return Theme::mediaColor(media::MediaKind::Audio);
    case TrackKind::Text:
        return Theme::titleColor();
    case TrackKind::Other:
        break;
    }
    return Theme::mediaColor(media::MediaKind::Unknown);
}

// A segment in the colour of its media, as in the media bin (a video track holds photos and clips).
QColor segmentColor(TrackKind track, const Clip &clip)
{
    if (track == TrackKind::Video &&
        Theme::kindOfName(clip.label.isEmpty() ? clip.source : clip.label) == media::MediaKind::Image)
        return Theme::mediaColor(media::MediaKind::Image);
    return trackColor(track);
}

QString labelOf(TrackKind track, const Clip &clip)
{
    if (track == TrackKind::Text && !clip.values.text.isEmpty())
        return QStringLiteral("“%1”").arg(clip.values.text);
    return clip.label;
}

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    installTimelineAccessibility(); // before anything here asks for the view's interface
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setFrameShape(QFrame::NoFrame);
    retranslate();
}

void TimelineView::retranslate()
{
    setAccessibleName(tr("Timeline"));
    const QString summary = m_model && m_model->trackCount() > 0 ? m_model->summary() : QString();
    setAccessibleDescription(summary.isEmpty()
                                 ? tr("No timeline yet: it appears here once the agent has made an edit.")
                                 : summary);
    invalidateLayer();
}

void TimelineView::setModel(TimelineModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    m_accessibleSegments.forget();
    if (model) {
        // Segments came, went or moved: readers ask again.
        const auto changed = [this] {
            m_accessibleSegments.forget();
            QAccessibleEvent event(this, QAccessible::ObjectReorder);
            QAccessible::updateAccessibility(&event);
        };
        connect(model, &QAbstractItemModel::modelReset, this, changed);
        connect(model, &QAbstractItemModel::rowsInserted, this, changed);
        connect(model, &QAbstractItemModel::rowsRemoved, this, changed);
        connect(model, &TimelineModel::trackChanged, this, changed);
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            const bool wasEmpty = m_fitPending;
            if (wasEmpty ||
                double(contentFrames()) * m_geometry.pixelsPerFrame < viewport()->width() - HeaderWidth)
                zoomToFit();
            if (m_currentTrack >= m_model->trackCount() || m_currentTrack < 0)
                setCurrentTrack(-1);
            // What was selected and is still there stays selected.
            QSet<QString> kept;
            for (const QString &key : std::as_const(m_selection)) {
                if (m_model->document().clip(key))
                    kept.insert(key);
            }
            if (kept != m_selection) {
                m_selection = kept;
                emit selectionChanged();
            }
            updateScrollBars();
            retranslate();
        });
        // An edit: only the layer is painted again (no reset, no zoom change).
        connect(model, &TimelineModel::trackChanged, this, [this] {
            updateScrollBars();
            invalidateLayer();
        });
        connect(model, &QAbstractItemModel::rowsRemoved, this, [this] {
            QSet<QString> kept;
            for (const QString &key : std::as_const(m_selection)) {
                if (m_model->document().clip(key))
                    kept.insert(key);
            }
            if (kept != m_selection) {
                m_selection = kept;
                emit selectionChanged();
            }
        });
    }
    setCurrentTrack(-1);
    updateScrollBars();
    invalidateLayer();
}

void TimelineView::setPlayhead(client::Playhead *playhead)
{
    if (m_playhead)
        m_playhead->disconnect(this);
    m_playhead = playhead;
    if (!playhead)
        return;
    auto last = std::make_shared<qint64>(playheadFrame());
    connect(playhead, &client::Playhead::moved, this, [this, last](qint64) {
        const qint64 now = playheadFrame();
        if (now == *last)
            return;
        // Playback carries the view along a page at a time.
        const int x = m_geometry.xFor(now);
        if (m_mode == Mode::Idle && x >= viewport()->width() - 4)
            ensureFrameVisible(now);
        updatePlayheadStrip(*last, now);
        *last = now;
    });
}

qint64 TimelineView::contentFrames() const
{
    return m_model ? qMax<qint64>(m_model->durationFrames(), 0) : 0;
}

qint64 TimelineView::frameToMs(qint64 frame) const
{
    return timecode::msFromFrames(frame, m_model ? m_model->fps() : 30);
}

qint64 TimelineView::msToFrame(qint64 ms) const
{
    return timecode::framesFromMs(ms, m_model ? m_model->fps() : 30);
}

qint64 TimelineView::playhead() const
{
    return m_playhead ? m_playhead->position() : 0;
}

qint64 TimelineView::playheadFrame() const
{
    return msToFrame(playhead());
}

int TimelineView::rulerX(qint64 ms) const
{
    return m_geometry.xFor(msToFrame(ms));
}

double TimelineView::pixelsPerSecond() const
{
    return m_zoom;
}

void TimelineView::syncGeometry()
{
    m_geometry.pixelsPerFrame = m_zoom / (m_model ? m_model->fps() : 30);
    m_geometry.scrollX = horizontalScrollBar()->value();
    m_geometry.scrollY = verticalScrollBar()->value();
    m_geometry.width = viewport()->width();
    m_geometry.height = viewport()->height();
}

void TimelineView::zoomToFit()
{
    const qint64 frames = contentFrames();
    const int width = viewport()->width() - HeaderWidth - 24;
    if (frames <= 0 || width <= 0)
        return;
    m_fitPending = false;
    const int fps = m_model ? m_model->fps() : 30;
    setPixelsPerSecond(double(width) * fps / double(frames));
    horizontalScrollBar()->setValue(0);
}

void TimelineView::zoomIn()
{
    zoomBy(ZoomStep);
}

void TimelineView::zoomOut()
{
    zoomBy(1 / ZoomStep);
}

void TimelineView::zoomBy(double factor)
{
    // Around the playhead when it is in view, as editors do.
    const int x = m_geometry.xFor(playheadFrame());
    setPixelsPerSecond(m_zoom * factor, x >= HeaderWidth && x < viewport()->width() ? x : -1);
}

void TimelineView::setPixelsPerSecond(double zoom, int anchorX)
{
    zoom = qBound(MinZoom, zoom, MaxZoom);
    if (qFuzzyCompare(zoom, m_zoom))
        return;
    syncGeometry();
    const int x = anchorX >= HeaderWidth ? anchorX : HeaderWidth + (viewport()->width() - HeaderWidth) / 2;
    const double anchorFrame = double(x - HeaderWidth + m_geometry.scrollX) / m_geometry.pixelsPerFrame;
    m_zoom = zoom;
    syncGeometry();
    updateScrollBars();
    horizontalScrollBar()->setValue(int(anchorFrame * m_geometry.pixelsPerFrame) - (x - HeaderWidth));
    invalidateLayer();
    emit zoomChanged(m_zoom);
}

void TimelineView::updateScrollBars()
{
    syncGeometry();
    const int contentWidth = int(qMin<double>(1e9, double(contentFrames()) * m_geometry.pixelsPerFrame)) + 40;
    const int visibleWidth = viewport()->width() - HeaderWidth;
    horizontalScrollBar()->setPageStep(visibleWidth);
    horizontalScrollBar()->setSingleStep(20);
    horizontalScrollBar()->setRange(0, qMax(0, contentWidth - visibleWidth));
    const int tracks = m_model ? m_model->trackCount() : 0;
    const int contentHeight = RulerHeight + tracks * TrackHeight;
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setSingleStep(TrackHeight / 2);
    verticalScrollBar()->setRange(0, qMax(0, contentHeight - viewport()->height()));
    syncGeometry();
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_fitPending)
        zoomToFit();
    updateScrollBars();
    invalidateLayer();
}

void TimelineView::scrollContentsBy(int, int)
{
    invalidateLayer();
}

void TimelineView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange ||
        event->type() == QEvent::FontChange)
        invalidateLayer();
    QAbstractScrollArea::changeEvent(event);
}

void TimelineView::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    if (m_currentTrack < 0 && m_model && m_model->trackCount() > 0)
        setCurrentTrack(-1);
    viewport()->update();
}

void TimelineView::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update();
}

void TimelineView::invalidateLayer()
{
    m_layerValid = false;
    viewport()->update();
}

void TimelineView::setSelection(const QSet<QString> &keys)
{
    if (keys == m_selection)
        return;
    m_selection = keys;
    viewport()->update();
    emit selectionChanged();
    QAccessibleEvent event(this, QAccessible::SelectionWithin);
    QAccessible::updateAccessibility(&event);
}

void TimelineView::setCurrentTrack(int track)
{
    // The current track starts as the first video track.
    if (track < 0 && m_model) {
        for (int t = 0; t < m_model->trackCount(); ++t) {
            if (m_model->track(t).kind == TrackKind::Video) {
                track = t;
                break;
            }
        }
        if (track < 0 && m_model->trackCount() > 0)
            track = 0;
    }
    if (m_model)
        track = m_model->trackCount() > 0 ? qBound(0, track, m_model->trackCount() - 1) : -1;
    if (track == m_currentTrack)
        return;
    m_currentTrack = track;
    invalidateLayer();
    emit currentTrackChanged(track);
}

void TimelineView::setRippleMode(bool ripple)
{
    if (ripple == m_ripple)
        return;
    m_ripple = ripple;
    emit rippleModeChanged(ripple);
}

// ---- painting ----

void TimelineView::renderLayer()
{
    const qreal ratio = devicePixelRatioF();
    const QSize size = viewport()->size();
    if (m_layer.size() != size * ratio || m_layer.devicePixelRatio() != ratio) {
        m_layer = QPixmap(size * ratio);
        m_layer.setDevicePixelRatio(ratio);
    }
    const QPalette &pal = palette();
    m_layer.fill(pal.color(QPalette::Base));
    QPainter painter(&m_layer);
    m_lastPainted = 0;
    if (!m_model || m_model->trackCount() == 0) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(
            QRect(QPoint(0, 0), size).adjusted(20, 10, -20, -10), Qt::AlignCenter | Qt::TextWordWrap,
            tr("Your timeline appears here once the agent has made an edit.\nAdd media to the bin and "
               "describe the video you want in the chat."));
        m_layerValid = true;
        return;
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
    for (int t = 0; t < m_model->trackCount(); ++t) {
        const int y = m_geometry.trackTop(t);
        if (y + TrackHeight < RulerHeight || y > size.height())
            continue;
        paintTrack(painter, t);
    }
    paintRuler(painter);
    painter.fillRect(QRect(0, 0, HeaderWidth, RulerHeight), pal.color(QPalette::Button));
    painter.setPen(pal.color(QPalette::ButtonText));
    painter.drawText(QRect(8, 0, HeaderWidth - 12, RulerHeight), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("%1 total").arg(timecode::frames(m_model->durationFrames(), m_model->fps())));
    m_layerValid = true;
}

void TimelineView::paintRuler(QPainter &painter)
{
    const QPalette &pal = palette();
    const int width = viewport()->width();
    painter.fillRect(QRect(0, 0, width, RulerHeight), pal.color(QPalette::Window));
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(0, RulerHeight - 1, width, RulerHeight - 1);
    // The smallest step that keeps labels at least ~90 px apart.
    static const qint64 steps[] = {100,   200,   500,    1000,   2000,   5000,    10000,  15000,
                                   30000, 60000, 120000, 300000, 600000, 1800000, 3600000};
    qint64 step = steps[std::size(steps) - 1];
    for (qint64 candidate : steps) {
        if (double(candidate) * m_zoom / 1000.0 >= 90) {
            step = candidate;
            break;
        }
    }
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    painter.setFont(small);
    const QFontMetrics metrics(small);
    const qint64 firstMs = frameToMs(m_geometry.firstVisibleFrame());
    const qint64 lastMs = frameToMs(m_geometry.lastVisibleFrame());
    int previousRight = HeaderWidth;
    for (qint64 t = (firstMs / step) * step; t <= lastMs + step; t += step) {
        const int x = HeaderWidth + int(std::floor(double(t) * m_zoom / 1000.0)) - m_geometry.scrollX;
        if (x < HeaderWidth)
            continue;
        painter.setPen(pal.color(QPalette::Mid));
        painter.drawLine(x, RulerHeight - 8, x, RulerHeight - 1);
        const int minor =
            HeaderWidth + int(std::floor(double(t + step / 2) * m_zoom / 1000.0)) - m_geometry.scrollX;
        painter.drawLine(minor, RulerHeight - 4, minor, RulerHeight - 1);
        const QString label = step < 1000 ? timecode::clockTenths(t) : timecode::clock(t);
        const int textWidth = metrics.horizontalAdvance(label);
        int left = x + 3;
        // The last label stays whole at the right edge, or is left out when there is no room.
        if (left + textWidth > width - 2)
            left = width - 2 - textWidth;
        if (left < previousRight + 6 || left < HeaderWidth + 2)
            continue;
        painter.setPen(pal.color(QPalette::WindowText));
        painter.drawText(QRect(left, 2, textWidth + 2, RulerHeight - 8), Qt::AlignLeft | Qt::AlignVCenter,
                         label);
        previousRight = left + textWidth;
    }
    painter.setFont(font());
}

void TimelineView::paintTrack(QPainter &painter, int t)
{
    const QPalette &pal = palette();
    const int width = viewport()->width();
    const int y = m_geometry.trackTop(t);
    const edit::EditTrack &track = m_model->track(t);
    const bool current = t == m_currentTrack;
    QColor band = t % 2 ? pal.color(QPalette::AlternateBase) : pal.color(QPalette::Base);
    painter.fillRect(QRect(HeaderWidth, y, width - HeaderWidth, TrackHeight), band);
    if (current) {
        QColor tint = pal.color(QPalette::Highlight);
        tint.setAlpha(28);
        painter.fillRect(QRect(HeaderWidth, y, width - HeaderWidth, TrackHeight), tint);
    }
    const QRect clipArea = m_geometry.area();
    painter.setClipRect(clipArea);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    const QFontMetrics metrics(font());
    const QFontMetrics smallMetrics(small);
    const qint64 first = m_geometry.firstVisibleFrame();
    const qint64 last = m_geometry.lastVisibleFrame();
    // Segments whose time range meets the visible one: the first candidate is found by binary search on
    // the running maximum of ends; the scan stops at the first start past the view.
    const std::vector<int> &order = m_model->order(t);
    const std::vector<qint64> &reach = m_model->reach(t);
    auto it = std::upper_bound(reach.begin(), reach.end(), first);
    int lastRight = INT_MIN;
    const int fps = m_model->fps();
    for (size_t i = size_t(it - reach.begin()); i < order.size(); ++i) {
        const int index = order[i];
        const Clip &clip = m_model->clip(t, index);
        if (clip.start() > last)
            break;
        if (clip.end() < first)
            continue;
        const QRect whole = m_geometry.blockRect(t, clip.start(), clip.values.duration);
        if (whole.right() <= lastRight && whole.width() < 2)
            continue; // hidden under the one just drawn at this zoom
        lastRight = whole.right();
        ++m_lastPainted;
        const QRect block = whole.adjusted(0, 0, whole.width() > 3 ? -1 : 0, 0);
        const bool changed = m_model->isChanged(t, index);
        const QColor color = segmentColor(track.kind, clip);
        const QColor fill = changed ? color.lighter(135) : color;
        const QColor words = Theme::textOn(fill);
        painter.fillRect(block, fill);
        if (block.width() < 6)
            continue;
        // A clip shorter than its segment holds its last frame: that part is hatched.
        if (clip.mediaFrames > 0 && clip.values.in + clip.values.duration > clip.mediaFrames) {
            const qint64 held = clip.values.in + clip.values.duration - clip.mediaFrames;
            const qint64 from = clip.end() - qMin(held, clip.values.duration);
            QRect holdRect = m_geometry.blockRect(t, from, clip.end() - from).intersected(block);
            painter.fillRect(holdRect, QBrush(color.darker(150), Qt::BDiagPattern));
        }
        // Fades as ramps in the corners.
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(QPen(QColor(255, 255, 255, 170), 1));
        if (clip.values.fadeIn > 0) {
            const int x = m_geometry.xFor(clip.start() + clip.values.fadeIn);
            painter.drawLine(block.left(), block.bottom(), qMin(x, block.right()), block.top());
        }
        if (clip.values.fadeOut > 0) {
            const int x = m_geometry.xFor(clip.end() - clip.values.fadeOut);
            painter.drawLine(qMax(x, block.left()), block.top(), block.right(), block.bottom());
        }
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(changed ? QPen(QColor(255, 200, 0), 2) : QPen(color.darker(140)));
        painter.drawRect(block.adjusted(0, 0, -1, -1));
        // Changed by hand: a small mark in the corner.
        if (clip.changed != 0 || !clip.isFromAgent()) {
            QPolygon mark;
            mark << QPoint(block.right() - 7, block.top() + 1) << QPoint(block.right(), block.top() + 1)
                 << QPoint(block.right(), block.top() + 8);
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(255, 255, 255, 200));
            painter.drawPolygon(mark);
            painter.setBrush(Qt::NoBrush);
        }
        if (block.width() < 24)
            continue;
        QString label = labelOf(track.kind, clip);
        if (label.isEmpty())
            label = track.name;
        // Labels stay readable when a segment starts left of the view.
        QRect textRect = block.adjusted(5, 2, -4, -2);
        textRect.setLeft(qMax(textRect.left(), HeaderWidth + 5));
        if (textRect.width() < 20)
            continue;
        painter.setFont(font());
        painter.setPen(words);
        painter.drawText(textRect, Qt::AlignLeft | Qt::AlignTop,
                         metrics.elidedText(label, Qt::ElideRight, textRect.width()));
        painter.setFont(small);
        QString detail = timecode::frames(clip.values.duration, fps);
        if (clip.values.volume >= 0) {
            detail = tr("Volume %1 · %2").arg(draft::Draft::formatVolume(clip.values.volume), detail);
            // The level as a line across the block, under the words (not through them).
            const int level =
                block.bottom() - int(double(block.height() - 4) * qBound(0.0, clip.values.volume, 1.0));
            painter.setPen(QPen(QColor(255, 255, 255, 150), 1, Qt::DashLine));
            painter.drawLine(block.left() + 1, level, block.right() - 1, level);
        }
        const QString shown = smallMetrics.elidedText(detail, Qt::ElideRight, textRect.width());
        QRect detailRect =
            smallMetrics.boundingRect(textRect, Qt::AlignLeft | Qt::AlignBottom, shown).adjusted(-2, 0, 2, 0);
        painter.fillRect(detailRect.intersected(block.adjusted(1, 1, -1, -1)), fill);
        painter.setPen(words);
        painter.drawText(textRect, Qt::AlignLeft | Qt::AlignBottom, shown);
    }
    painter.setClipping(false);
    // The track header.
    const QRect header(0, y, HeaderWidth, TrackHeight);
    painter.fillRect(header, pal.color(QPalette::Button));
    if (current) {
        QColor tint = pal.color(QPalette::Highlight);
        tint.setAlpha(50);
        painter.fillRect(header, tint);
    }
    painter.fillRect(QRect(0, y, current ? 6 : 4, TrackHeight),
                     current ? pal.color(QPalette::Highlight) : trackColor(track.kind));
    painter.setPen(pal.color(QPalette::ButtonText));
    painter.setFont(font());
    QFont name = font();
    name.setBold(current);
    painter.setFont(name);
    painter.drawText(header.adjusted(10, 4, -6, -TrackHeight / 2), Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetrics(name).elidedText(track.name, Qt::ElideRight, HeaderWidth - 16));
    painter.setFont(small);
    painter.setPen(pal.color(QPalette::PlaceholderText));
    painter.drawText(
        header.adjusted(10, TrackHeight / 2, -6, -4), Qt::AlignLeft | Qt::AlignVCenter,
        smallMetrics.elidedText(tr("%1 · %n segment(s)", nullptr, int(track.clips.size()))
                                    .arg(m_model->document().agent().tracks().at(track.baseIndex).kindName()),
                                Qt::ElideRight, HeaderWidth - 16));
    painter.setFont(font());
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(0, y + TrackHeight - 1, viewport()->width(), y + TrackHeight - 1);
}

void TimelineView::paintOverlay(QPainter &painter, const QRect &dirty)
{
    if (!m_model)
        return;
    const QPalette &pal = palette();
    const QColor highlight = pal.color(QPalette::Highlight);
    painter.setClipRect(m_geometry.area().intersected(dirty));
    painter.setBrush(Qt::NoBrush);
    // The selection.
    for (const QString &key : std::as_const(m_selection)) {
        int t = 0;
        int i = 0;
        if (!m_model->document().locate(key, &t, &i))
            continue;
        const Clip &clip = m_model->clip(t, i);
        const QRect block = m_geometry.blockRect(t, clip.start(), clip.values.duration);
        if (!block.intersects(dirty))
            continue;
        // Brighter, with a white frame inside a dark one: clear on any segment colour, light or dark.
        painter.fillRect(block, QColor(255, 255, 255, 70));
        painter.setPen(QPen(QColor(0, 0, 0, 200), 1));
        painter.drawRect(block.adjusted(0, 0, -1, -1));
        painter.setPen(QPen(Qt::white, 2));
        painter.drawRect(block.adjusted(2, 2, -2, -2));
    }
    // The dragged segment under the mouse, then where the rules will put things.
    if (m_mode == Mode::Moving && m_ghostStart >= 0 && m_dragTrack >= 0) {
        const QRect ghost = m_geometry.blockRect(m_dragTrack, m_ghostStart, m_dragEnd - m_dragStart);
        QColor fill = highlight;
        fill.setAlpha(50);
        painter.fillRect(ghost, fill);
        painter.setPen(QPen(pal.color(QPalette::Text), 1, Qt::DotLine));
        painter.drawRect(ghost.adjusted(0, 0, -1, -1));
    }
    if ((m_mode == Mode::Moving || m_mode == Mode::TrimmingIn || m_mode == Mode::TrimmingOut) &&
        m_proposal.ok()) {
        QColor ghost = highlight;
        ghost.setAlpha(90);
        for (const edit::EditOp &op : std::as_const(m_proposal.edit.ops)) {
            int t = 0;
            int i = 0;
            if (op.kind == edit::EditOp::Kind::Remove ||
                !m_model->document().locate(op.kind == edit::EditOp::Kind::Insert ? op.afterKey : op.key, &t,
                                            &i))
                continue;
            const QRect block = m_geometry.blockRect(t, op.after.start, op.after.duration);
            if (!block.intersects(dirty))
                continue;
            painter.fillRect(block, ghost);
            painter.setPen(QPen(highlight, 2, Qt::DashLine));
            painter.drawRect(block.adjusted(0, 0, -1, -1));
        }
    }
    if (m_snapFrame >= 0 && m_mode != Mode::Idle) {
        const int x = m_geometry.xFor(m_snapFrame);
        painter.setPen(QPen(QColor(255, 170, 0), 1, Qt::DashLine));
        painter.drawLine(x, RulerHeight, x, viewport()->height());
    }
    if (m_mode == Mode::RubberBand && !m_band.isNull()) {
        QColor fill = highlight;
        fill.setAlpha(40);
        painter.fillRect(m_band, fill);
        painter.setPen(QPen(highlight, 1));
        painter.drawRect(m_band.adjusted(0, 0, -1, -1));
    }
    painter.setClipRect(dirty);
    // The playhead: one thin line and its marker (no brush is left set for what follows).
    const int x = m_geometry.xFor(playheadFrame());
    if (x >= HeaderWidth && x < viewport()->width() && m_model->trackCount() > 0) {
        const QColor head(220, 40, 40);
        painter.setPen(QPen(head, 1));
        painter.drawLine(x, 0, x, viewport()->height());
        QPolygon marker;
        marker << QPoint(x - 6, 0) << QPoint(x + 6, 0) << QPoint(x, 8);
        painter.setBrush(head);
        painter.setPen(Qt::NoPen);
        painter.drawPolygon(marker);
        painter.setBrush(Qt::NoBrush);
    }
    if (hasFocus()) {
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(highlight, 2));
        painter.drawRect(viewport()->rect().adjusted(1, 1, -1, -1));
    }
}

void TimelineView::paintEvent(QPaintEvent *event)
{
    QElapsedTimer clock;
    clock.start();
    syncGeometry();
    if (!m_layerValid || m_layer.size() != viewport()->size() * devicePixelRatioF())
        renderLayer();
    QPainter painter(viewport());
    painter.drawPixmap(event->rect(), m_layer,
                       QRectF(QPointF(event->rect().topLeft()) * m_layer.devicePixelRatio(),
                              QSizeF(event->rect().size()) * m_layer.devicePixelRatio()));
    paintOverlay(painter, event->rect());
    if (hasFocus())
        Theme::paintFocusRing(&painter, viewport()->rect(), palette());
    m_lastPaintMs = double(clock.nsecsElapsed()) / 1e6;
}

void TimelineView::updatePlayheadStrip(qint64 fromFrame, qint64 toFrame)
{
    syncGeometry();
    for (qint64 frame : {fromFrame, toFrame}) {
        const int x = m_geometry.xFor(frame);
        viewport()->update(QRect(x - 8, 0, 17, viewport()->height()));
    }
}

// ---- queries ----

QRect TimelineView::segmentRect(int track, int segment) const
{
    if (!m_model || track < 0 || track >= m_model->trackCount() || segment < 0 ||
        segment >= m_model->track(track).clips.size())
        return {};
    const Clip &clip = m_model->clip(track, segment);
    return m_geometry.blockRect(track, clip.start(), clip.values.duration).intersected(viewport()->rect());
}

std::pair<int, int> TimelineView::segmentAt(const QPoint &position) const
{
    if (!m_model)
        return {-1, -1};
    const TimelineGeometry::Hit hit = m_geometry.hitTest(position, *m_model);
    if (hit.clip < 0)
        return {-1, -1};
    return {hit.track, hit.clip};
}

QString TimelineView::segmentDescription(int track, int segment) const
{
    const edit::EditTrack &t = m_model->track(track);
    const Clip &clip = m_model->clip(track, segment);
    const int fps = m_model->fps();
    QStringList lines;
    lines << labelOf(t.kind, clip);
    lines << tr("%1 · %2 – %3 (%4)")
                 .arg(t.name, timecode::frames(clip.start(), fps), timecode::frames(clip.end(), fps),
                      timecode::frames(clip.values.duration, fps));
    if (clip.values.in > 0 && t.kind != TrackKind::Text)
        lines << tr("From %1 into the media").arg(timecode::frames(clip.values.in, fps));
    if (clip.values.volume >= 0)
        lines << tr("Volume %1").arg(draft::Draft::formatVolume(clip.values.volume));
    if (clip.values.fadeIn > 0 || clip.values.fadeOut > 0)
        lines << tr("Fades in over %1, out over %2")
                     .arg(timecode::frames(clip.values.fadeIn, fps),
                          timecode::frames(clip.values.fadeOut, fps));
    if (clip.mediaFrames > 0 && clip.values.in + clip.values.duration > clip.mediaFrames)
        lines << tr("The media is shorter: its last frame holds for %1")
                     .arg(timecode::frames(clip.values.in + clip.values.duration - clip.mediaFrames, fps));
    if (!clip.source.isEmpty()) {
        const QString local = m_localFile ? m_localFile(clip.source) : QString();
        lines << (local.isEmpty()
                      ? tr("Not on this computer yet: %1").arg(draft::Draft::displayName(clip.source))
                      : tr("File: %1").arg(QDir::toNativeSeparators(local)));
    }
    if (m_model->isChanged(track, segment))
        lines << tr("Changed by the last reply");
    if (clip.changed != 0 || !clip.isFromAgent())
        lines << tr("Edited by hand");
    return lines.join(QLatin1Char('\n'));
}

QStringList TimelineView::targets() const
{
    if (!m_model)
        return {};
    QStringList keys;
    for (const QString &key : m_selection) {
        if (m_model->document().clip(key))
            keys << key;
    }
    if (!keys.isEmpty()) {
        keys.sort();
        return keys;
    }
    const QString under = Editor(m_model->document()).clipAt(m_currentTrack, playheadFrame());
    return under.isEmpty() ? QStringList() : QStringList{under};
}

// ---- editing ----

void TimelineView::perform(const Editor::Result &result)
{
    if (!m_history)
        return;
    if (result.edit.ops.isEmpty() && result.edit.kind == edit::Edit::Kind::Change && result.problem.isEmpty())
        return; // nothing to do (a drag that ends where it began)
    QString why;
    if (!m_history->perform(result, &why))
        emit problem(why);
}

void TimelineView::splitAtPlayhead()
{
    if (!m_model)
        return;
    const qint64 at = playheadFrame();
    QStringList keys;
    for (const QString &key : targets()) {
        const Clip *clip = m_model->document().clip(key);
        if (clip && clip->start() < at && at < clip->end())
            keys << key;
    }
    if (keys.isEmpty()) {
        emit problem(tr("There is no segment to split under the playhead on the current track."));
        return;
    }
    // One segment at a time: each split is its own step.
    for (const QString &key : std::as_const(keys))
        perform(Editor(m_model->document()).split(key, at));
}

void TimelineView::removeTargets(bool ripple)
{
    const QStringList keys = targets();
    if (keys.isEmpty()) {
        emit problem(tr("Select a segment first (or put the playhead over one on the current track)."));
        return;
    }
    perform(Editor(m_model->document()).remove(keys, ripple));
}

void TimelineView::trimTargetsToPlayhead(bool in, bool ripple)
{
    const QStringList keys = targets();
    if (keys.isEmpty()) {
        emit problem(tr("Select a segment first (or put the playhead over one on the current track)."));
        return;
    }
    const qint64 at = playheadFrame();
    for (const QString &key : keys) {
        const Editor editor(m_model->document());
        perform(in ? editor.trimIn(key, at, ripple) : editor.trimOut(key, at, ripple));
    }
}

void TimelineView::nudgeTargets(int frames)
{
    const QStringList keys = targets();
    if (keys.isEmpty())
        return;
    perform(Editor(m_model->document()).nudge(keys, frames));
}

void TimelineView::seekFrame(qint64 frame)
{
    if (!m_model)
        return;
    const qint64 end = qMax<qint64>(0, contentFrames() - 1);
    frame = qBound<qint64>(0, frame, end);
    ensureFrameVisible(frame);
    const qint64 ms = frameToMs(frame);
    if (m_playhead)
        m_playhead->setPosition(ms);
    emit seekRequested(ms);
}

void TimelineView::ensureFrameVisible(qint64 frame)
{
    syncGeometry();
    const int x = m_geometry.xFor(frame);
    const int margin = 30;
    if (x < HeaderWidth + margin || x > viewport()->width() - margin) {
        const int target =
            int(double(frame) * m_geometry.pixelsPerFrame) - (viewport()->width() - HeaderWidth) / 3;
        horizontalScrollBar()->setValue(qMax(0, target));
    }
}

void TimelineView::selectAdjacent(int direction)
{
    if (!m_model || m_currentTrack < 0)
        return;
    const std::vector<int> &order = m_model->order(m_currentTrack);
    if (order.empty())
        return;
    // From the selected segment on this track, else from the playhead.
    qint64 from = playheadFrame();
    int current = -1;
    for (size_t i = 0; i < order.size(); ++i) {
        if (m_selection.contains(m_model->clip(m_currentTrack, order[i]).key))
            current = int(i);
    }
    int next = -1;
    if (current >= 0) {
        next = qBound(0, current + direction, int(order.size()) - 1);
    } else {
        for (size_t i = 0; i < order.size(); ++i) {
            const Clip &clip = m_model->clip(m_currentTrack, order[i]);
            if (direction > 0 && clip.start() > from) {
                next = int(i);
                break;
            }
            if (direction < 0 && clip.start() < from)
                next = int(i);
        }
        if (next < 0)
            next = direction > 0 ? int(order.size()) - 1 : 0;
    }
    const Clip &clip = m_model->clip(m_currentTrack, order[size_t(next)]);
    setSelection({clip.key});
    seekFrame(clip.start());
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    if (!m_model) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    const Qt::KeyboardModifiers mods =
        event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
    const bool plain = mods == Qt::NoModifier;
    const bool shift = mods == Qt::ShiftModifier;
    const qint64 frame = playheadFrame();
    const int fps = m_model->fps();
    switch (event->key()) {
    case Qt::Key_Space:
        if (mods == Qt::ControlModifier) {
            const QString under = Editor(m_model->document()).clipAt(m_currentTrack, frame);
            setSelection(under.isEmpty() ? QSet<QString>() : QSet<QString>{under});
        } else {
            emit togglePlayRequested();
        }
        return;
    case Qt::Key_K:
        m_shuttle = 0;
        emit pauseRequested();
        return;
    case Qt::Key_L:
        emit playRequested();
        return;
    case Qt::Key_J:
        emit pauseRequested();
        seekFrame(frame - fps);
        return;
    case Qt::Key_Home:
        seekFrame(0);
        return;
    case Qt::Key_End:
        seekFrame(contentFrames() - 1);
        return;
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const int direction = event->key() == Qt::Key_Left ? -1 : 1;
        if (mods == Qt::ControlModifier)
            selectAdjacent(direction);
        else if (mods == Qt::AltModifier)
            seekFrame(Editor(m_model->document()).nextEdge(frame, direction));
        else
            seekFrame(frame + direction);
        return;
    }
    case Qt::Key_PageUp:
        seekFrame(frame - fps);
        return;
    case Qt::Key_PageDown:
        seekFrame(frame + fps);
        return;
    case Qt::Key_Up:
        setCurrentTrack(qMax(0, m_currentTrack - 1));
        return;
    case Qt::Key_Down:
        setCurrentTrack(m_currentTrack + 1);
        return;
    case Qt::Key_S:
        if (plain) {
            splitAtPlayhead();
            return;
        }
        break;
    case Qt::Key_X:
        if (plain) {
            removeTargets(true);
            return;
        }
        break;
    case Qt::Key_Z:
        if (plain) {
            removeTargets(false);
            return;
        }
        break;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (plain || shift) {
            removeTargets(shift);
            return;
        }
        break;
    case Qt::Key_I:
    case Qt::Key_O:
        if (plain || shift) {
            trimTargetsToPlayhead(event->key() == Qt::Key_I, shift);
            return;
        }
        break;
    case Qt::Key_Comma:
    case Qt::Key_Less:
        nudgeTargets(-1);
        return;
    case Qt::Key_Period:
    case Qt::Key_Greater:
        nudgeTargets(1);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter: {
        const QStringList keys = targets();
        if (!keys.isEmpty())
            emit editSegmentRequested(keys.first());
        return;
    }
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        if (!(mods & Qt::ControlModifier)) {
            zoomIn();
            return;
        }
        break;
    case Qt::Key_Minus:
        if (!(mods & Qt::ControlModifier)) {
            zoomOut();
            return;
        }
        break;
    case Qt::Key_0:
        if (!(mods & Qt::ControlModifier)) {
            zoomToFit();
            return;
        }
        break;
    case Qt::Key_Escape:
        if (!m_selection.isEmpty()) {
            setSelection({});
            return;
        }
        break;
    case Qt::Key_A:
        if (mods == Qt::ControlModifier) {
            QSet<QString> all;
            for (int t = 0; t < m_model->trackCount(); ++t) {
                for (const Clip &clip : m_model->track(t).clips)
                    all.insert(clip.key);
            }
            setSelection(all);
            return;
        }
        break;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

// ---- the mouse ----

qint64 TimelineView::snapTolerance(int pixels) const
{
    return qMax<qint64>(1, qint64(std::ceil(double(pixels) / m_geometry.pixelsPerFrame)));
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (!m_model || event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    syncGeometry();
    const QPoint position = event->position().toPoint();
    const TimelineGeometry::Hit hit = m_geometry.hitTest(position, *m_model);
    m_pressPos = position;
    m_proposal = Editor::Result();
    m_snapFrame = -1;
    const Qt::KeyboardModifiers mods = event->modifiers();
    switch (hit.part) {
    case Part::Ruler:
        m_mode = Mode::Scrubbing;
        seekFrame(m_geometry.frameAt(position.x()));
        break;
    case Part::Body:
    case Part::LeftEdge:
    case Part::RightEdge: {
        const Clip &clip = m_model->clip(hit.track, hit.clip);
        setCurrentTrack(hit.track);
        QSet<QString> selection = m_selection;
        if (mods & Qt::ControlModifier) {
            if (!selection.remove(clip.key))
                selection.insert(clip.key);
        } else if (mods & Qt::ShiftModifier) {
            selection.insert(clip.key);
        } else if (!selection.contains(clip.key) || hit.part != Part::Body) {
            selection = {clip.key};
        }
        setSelection(selection);
        m_dragKey = clip.key;
        m_dragTrack = hit.track;
        m_dragStart = clip.start();
        m_dragEnd = clip.end();
        m_mode = hit.part == Part::Body  ? Mode::Pending
            : hit.part == Part::LeftEdge ? Mode::TrimmingIn
                                         : Mode::TrimmingOut;
        break;
    }
    case Part::Track:
    case Part::Header:
        setCurrentTrack(hit.track);
        m_mode = Mode::RubberBand;
        m_bandBase = mods & (Qt::ControlModifier | Qt::ShiftModifier) ? m_selection : QSet<QString>();
        m_band = QRect();
        if (m_bandBase.isEmpty())
            setSelection({});
        break;
    case Part::None:
        m_mode = Mode::Idle;
        break;
    }
    event->accept();
}

void TimelineView::propose(const QPoint &position, Qt::KeyboardModifiers modifiers)
{
    const Editor editor(m_model->document());
    const bool snap = m_snapping && !(modifiers & Qt::AltModifier);
    const qint64 playheadAt = playheadFrame();
    const qint64 delta = m_geometry.frameAt(position.x()) - m_geometry.frameAt(m_pressPos.x());
    m_snapFrame = -1;
    if (m_mode == Mode::Moving) {
        const QSet<QString> moving = m_selection.contains(m_dragKey) ? m_selection : QSet<QString>{m_dragKey};
        qint64 start = qMax<qint64>(0, m_dragStart + delta);
        if (snap) {
            // The start or the end, whichever lands nearer an edge or the playhead.
            const qint64 tolerance = snapTolerance(MoveSnapPixels);
            bool startSnapped = false;
            bool endSnapped = false;
            const qint64 length = m_dragEnd - m_dragStart;
            const qint64 byStart = editor.snap(start, tolerance, moving, playheadAt, &startSnapped);
            const qint64 byEnd = editor.snap(start + length, tolerance, moving, playheadAt, &endSnapped);
            if (startSnapped && (!endSnapped || qAbs(byStart - start) <= qAbs(byEnd - start - length))) {
                start = byStart;
                m_snapFrame = byStart;
            } else if (endSnapped) {
                start = byEnd - length;
                m_snapFrame = byEnd;
            }
        }
        m_ghostStart = start;
        if (moving.size() > 1) {
            QStringList keys(moving.begin(), moving.end());
            keys.sort();
            m_proposal = editor.moveBy(keys, start - m_dragStart, m_ripple);
        } else {
            m_proposal = editor.move(m_dragKey, start, m_ripple);
        }
    } else if (m_mode == Mode::TrimmingIn || m_mode == Mode::TrimmingOut) {
        const bool in = m_mode == Mode::TrimmingIn;
        qint64 edge = (in ? m_dragStart : m_dragEnd) + delta;
        if (snap) {
            bool snapped = false;
            edge = editor.snap(edge, snapTolerance(TrimSnapPixels), {m_dragKey}, playheadAt, &snapped);
            if (snapped)
                m_snapFrame = edge;
        }
        m_proposal =
            in ? editor.trimIn(m_dragKey, edge, m_ripple) : editor.trimOut(m_dragKey, edge, m_ripple);
    }
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_model) {
        QAbstractScrollArea::mouseMoveEvent(event);
        return;
    }
    syncGeometry();
    const QPoint position = event->position().toPoint();
    switch (m_mode) {
    case Mode::Idle:
        updateCursor(position);
        break;
    case Mode::Scrubbing:
        seekFrame(m_geometry.frameAt(position.x()));
        break;
    case Mode::Pending:
        if ((position - m_pressPos).manhattanLength() < 4)
            break;
        m_mode = Mode::Moving;
        viewport()->setCursor(Qt::ClosedHandCursor);
        [[fallthrough]];
    case Mode::Moving:
    case Mode::TrimmingIn:
    case Mode::TrimmingOut:
        propose(position, event->modifiers());
        viewport()->update();
        break;
    case Mode::RubberBand: {
        m_band = QRect(m_pressPos, position).normalized().intersected(m_geometry.area());
        QSet<QString> selection = m_bandBase;
        for (int t = 0; t < m_model->trackCount(); ++t) {
            const QRect band = m_geometry.trackRect(t);
            if (!band.intersects(m_band))
                continue;
            const qint64 from = m_geometry.frameUnder(m_band.left());
            const qint64 to = m_geometry.frameUnder(m_band.right()) + 1;
            for (const Clip &clip : m_model->track(t).clips) {
                if (clip.start() < to && clip.end() > from)
                    selection.insert(clip.key);
            }
        }
        setSelection(selection);
        viewport()->update();
        break;
    }
    }
    event->accept();
}

void TimelineView::finishDrag()
{
    const Mode mode = std::exchange(m_mode, Mode::Idle);
    if (mode == Mode::Moving || mode == Mode::TrimmingIn || mode == Mode::TrimmingOut) {
        // The whole drag is one step, pushed on release.
        const Editor::Result proposal = std::exchange(m_proposal, Editor::Result());
        if (!proposal.problem.isEmpty() && proposal.problem != tr("Nothing would change."))
            emit problem(proposal.problem);
        else if (proposal.ok())
            perform(proposal);
    }
    m_proposal = Editor::Result();
    m_snapFrame = -1;
    m_ghostStart = -1;
    m_band = QRect();
    viewport()->unsetCursor();
    viewport()->update();
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_mode != Mode::Idle) {
        if (m_mode == Mode::Moving || m_mode == Mode::TrimmingIn || m_mode == Mode::TrimmingOut)
            propose(event->position().toPoint(), event->modifiers());
        finishDrag();
        event->accept();
        return;
    }
    QAbstractScrollArea::mouseReleaseEvent(event);
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (!m_model)
        return;
    syncGeometry();
    const TimelineGeometry::Hit hit = m_geometry.hitTest(event->position().toPoint(), *m_model);
    if (hit.clip >= 0) {
        m_mode = Mode::Idle;
        emit editSegmentRequested(m_model->clip(hit.track, hit.clip).key);
        event->accept();
        return;
    }
    QAbstractScrollArea::mouseDoubleClickEvent(event);
}

void TimelineView::updateCursor(const QPoint &position)
{
    const TimelineGeometry::Hit hit = m_geometry.hitTest(position, *m_model);
    switch (hit.part) {
    case Part::LeftEdge:
    case Part::RightEdge:
        viewport()->setCursor(Qt::SizeHorCursor);
        break;
    case Part::Body:
        viewport()->setCursor(Qt::OpenHandCursor);
        break;
    default:
        viewport()->unsetCursor();
        break;
    }
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        setPixelsPerSecond(m_zoom * std::pow(ZoomStep, steps), int(event->position().x()));
        event->accept();
        return;
    }
    if (verticalScrollBar()->maximum() == 0 || event->modifiers() & Qt::ShiftModifier) {
        const int delta = event->angleDelta().y() != 0 ? event->angleDelta().y() : event->angleDelta().x();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta);
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_model) {
        auto *help = static_cast<QHelpEvent *>(event);
        syncGeometry();
        const auto [track, segment] = segmentAt(help->pos());
        if (track >= 0)
            QToolTip::showText(help->globalPos(), segmentDescription(track, segment), viewport(),
                               segmentRect(track, segment));
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace nemo::app
