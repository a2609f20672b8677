#include "timeline/timelineview.h"

#include "common/theme.h"
#include "timeline/timelinemodel.h"

#include <QElapsedTimer>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace nemo::app {

using draft::Segment;
using draft::Track;
using draft::TrackKind;

namespace {

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
QColor segmentColor(TrackKind track, const Segment &segment)
{
    if (track == TrackKind::Video &&
        Theme::kindOfName(segment.label.isEmpty() ? segment.source : segment.label) ==
            media::MediaKind::Image)
        return Theme::mediaColor(media::MediaKind::Image);
    return trackColor(track);
}

QString timecode(qint64 ms, bool fine)
{
    const qint64 seconds = ms / 1000;
    QString text = QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    if (fine)
        text += QStringLiteral(".%1").arg((ms % 1000) / 100);
    return text;
}

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    retranslate();
}

void TimelineView::retranslate()
{
    setAccessibleName(tr("Timeline"));
    const QString summary = m_model ? m_model->summary() : QString();
    setAccessibleDescription(summary.isEmpty()
                                 ? tr("No timeline yet: it appears here once the agent has made an edit.")
                                 : summary);
}

void TimelineView::setModel(TimelineModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            const bool wasEmpty = m_fitPending;
            if (wasEmpty || contentMs() * m_zoom / 1000.0 < viewport()->width() - HeaderWidth)
                zoomToFit();
            updateScrollBars();
            retranslate();
            viewport()->update();
        });
    }
    updateScrollBars();
    viewport()->update();
}

qint64 TimelineView::contentMs() const
{
    return m_model ? qMax<qint64>(m_model->draft().durationMs(), 0) : 0;
}

int TimelineView::xFor(qint64 ms) const
{
    return HeaderWidth + int(std::floor(double(ms) * m_zoom / 1000.0)) - horizontalScrollBar()->value();
}

qint64 TimelineView::timeAt(int x) const
{
    return qint64(double(x - HeaderWidth + horizontalScrollBar()->value()) * 1000.0 / m_zoom);
}

void TimelineView::zoomToFit()
{
    const qint64 duration = contentMs();
    const int width = viewport()->width() - HeaderWidth - 24;
    if (duration <= 0 || width <= 0)
        return;
    m_fitPending = false;
    setPixelsPerSecond(double(width) * 1000.0 / double(duration));
    horizontalScrollBar()->setValue(0);
}

void TimelineView::setPixelsPerSecond(double zoom, int anchorX)
{
    zoom = qBound(MinZoom, zoom, MaxZoom);
    if (qFuzzyCompare(zoom, m_zoom))
        return;
    const int x = anchorX >= HeaderWidth ? anchorX : HeaderWidth + (viewport()->width() - HeaderWidth) / 2;
    const qint64 anchorMs = timeAt(x);
    m_zoom = zoom;
    updateScrollBars();
    horizontalScrollBar()->setValue(int(double(anchorMs) * m_zoom / 1000.0) - (x - HeaderWidth));
    viewport()->update();
    emit zoomChanged(m_zoom);
}

void TimelineView::updateScrollBars()
{
    const int contentWidth = int(qMin<double>(1e9, double(contentMs()) * m_zoom / 1000.0)) + 40;
    const int visibleWidth = viewport()->width() - HeaderWidth;
    horizontalScrollBar()->setPageStep(visibleWidth);
    horizontalScrollBar()->setSingleStep(20);
    horizontalScrollBar()->setRange(0, qMax(0, contentWidth - visibleWidth));
    const int tracks = m_model ? m_model->rowCount() : 0;
    const int contentHeight = RulerHeight + tracks * TrackHeight;
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setSingleStep(TrackHeight / 2);
    verticalScrollBar()->setRange(0, qMax(0, contentHeight - viewport()->height()));
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_fitPending)
        zoomToFit();
    updateScrollBars();
}

void TimelineView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void TimelineView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QAbstractScrollArea::changeEvent(event);
}

void TimelineView::paintRuler(QPainter &painter, qint64 firstMs, qint64 lastMs)
{
    const QPalette &pal = palette();
    painter.fillRect(QRect(0, 0, viewport()->width(), RulerHeight), pal.color(QPalette::Window));
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(0, RulerHeight - 1, viewport()->width(), RulerHeight - 1);
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
    for (qint64 t = (firstMs / step) * step; t <= lastMs + step; t += step) {
        const int x = xFor(t);
        if (x < HeaderWidth)
            continue;
        painter.setPen(pal.color(QPalette::Mid));
        painter.drawLine(x, RulerHeight - 8, x, RulerHeight - 1);
        const int minor = xFor(t + step / 2);
        painter.drawLine(minor, RulerHeight - 4, minor, RulerHeight - 1);
        painter.setPen(pal.color(QPalette::WindowText));
        painter.drawText(QRect(x + 3, 2, 80, RulerHeight - 8), Qt::AlignLeft | Qt::AlignVCenter,
                         timecode(t, step < 1000));
    }
    painter.setFont(font());
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QElapsedTimer clock;
    clock.start();
    QPainter painter(viewport());
    const QPalette &pal = palette();
    painter.fillRect(viewport()->rect(), pal.color(QPalette::Base));
    int painted = 0;
    if (!m_model || m_model->rowCount() == 0) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect().adjusted(20, 10, -20, -10), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Your timeline appears here once the agent has made an edit.\nAdd media to the "
                            "bin and describe "
                            "the video you want in the chat."));
        m_lastPaintMs = double(clock.nsecsElapsed()) / 1e6;
        m_lastPainted = 0;
        return;
    }
    const qint64 firstMs = qMax<qint64>(0, timeAt(HeaderWidth));
    const qint64 lastMs = timeAt(viewport()->width());
    const int top = RulerHeight - verticalScrollBar()->value();
    const QList<Track> &tracks = m_model->draft().tracks();
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    const QFontMetrics metrics(font());
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QRect clip(HeaderWidth, RulerHeight, viewport()->width() - HeaderWidth,
                     viewport()->height() - RulerHeight);
    for (int t = 0; t < tracks.size(); ++t) {
        const int y = top + t * TrackHeight;
        if (y + TrackHeight < RulerHeight || y > viewport()->height())
            continue;
        const Track &track = tracks.at(t);
        painter.fillRect(QRect(HeaderWidth, y, viewport()->width() - HeaderWidth, TrackHeight),
                         t % 2 ? pal.color(QPalette::AlternateBase) : pal.color(QPalette::Base));
        painter.setClipRect(clip);
        // Segments whose time range meets the visible one: the first candidate is found by binary
        // search on the running maximum of ends; the scan stops at the first start past the view.
        const std::vector<int> &order = m_model->order(t);
        const std::vector<qint64> &reach = m_model->reach(t);
        auto it = std::upper_bound(reach.begin(), reach.end(), firstMs);
        int lastRight = INT_MIN;
        for (size_t i = size_t(it - reach.begin()); i < order.size(); ++i) {
            const int index = order[i];
            const Segment &segment = track.segments.at(index);
            if (segment.startMs > lastMs)
                break;
            if (segment.endMs() < firstMs)
                continue;
            const int x1 = xFor(segment.startMs);
            const int x2 = qMax(x1 + 1, xFor(segment.endMs()));
            if (x2 <= lastRight && x2 - x1 < 2)
                continue; // hidden under the one just drawn at this zoom
            lastRight = x2;
            ++painted;
            const QRect block(x1, y + 4, x2 - x1 - (x2 - x1 > 3 ? 1 : 0), TrackHeight - 8);
            const bool changed = m_model->isChanged(t, index);
            const QColor color = segmentColor(track.kind, segment);
            painter.fillRect(block, changed ? color.lighter(135) : color);
            if (block.width() < 6)
                continue;
            painter.setPen(changed ? QPen(QColor(255, 200, 0), 2) : QPen(color.darker(140)));
            painter.drawRect(block.adjusted(0, 0, -1, -1));
            if (block.width() < 24)
                continue;
            painter.setPen(Qt::white);
            painter.setFont(font());
            QString label = track.kind == TrackKind::Text && !segment.text.isEmpty()
                ? QStringLiteral("“%1”").arg(segment.text)
                : segment.label;
            if (label.isEmpty())
                label = track.displayName();
            // Labels stay readable when a segment starts left of the view.
            QRect textRect = block.adjusted(5, 2, -4, -2);
            textRect.setLeft(qMax(textRect.left(), HeaderWidth + 5));
            if (textRect.width() < 20)
                continue;
            painter.drawText(textRect, Qt::AlignLeft | Qt::AlignTop,
                             metrics.elidedText(label, Qt::ElideRight, textRect.width()));
            painter.setFont(small);
            QString detail = timecode(segment.durationMs, true);
            if (segment.volume >= 0) {
                detail = tr("Volume %1 · %2").arg(draft::Draft::formatVolume(segment.volume), detail);
                // The level as a line across the block.
                const int level =
                    block.bottom() - int(double(block.height() - 4) * qBound(0.0, segment.volume, 1.0));
                painter.setPen(QPen(QColor(255, 255, 255, 150), 1, Qt::DashLine));
                painter.drawLine(block.left() + 1, level, block.right() - 1, level);
                painter.setPen(Qt::white);
            }
            painter.drawText(textRect, Qt::AlignLeft | Qt::AlignBottom,
                             QFontMetrics(small).elidedText(detail, Qt::ElideRight, textRect.width()));
        }
        painter.setClipping(false);
        // The track header.
        const QRect header(0, y, HeaderWidth, TrackHeight);
        painter.fillRect(header, pal.color(QPalette::Button));
        painter.fillRect(QRect(0, y, 4, TrackHeight), trackColor(track.kind));
        painter.setPen(pal.color(QPalette::ButtonText));
        painter.setFont(font());
        painter.drawText(header.adjusted(10, 4, -6, -TrackHeight / 2), Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(track.displayName(), Qt::ElideRight, HeaderWidth - 16));
        painter.setFont(small);
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(header.adjusted(10, TrackHeight / 2, -6, -4), Qt::AlignLeft | Qt::AlignVCenter,
                         tr("%1 · %n segment(s)", nullptr, int(track.segments.size())).arg(track.kindName()));
        painter.setPen(pal.color(QPalette::Mid));
        painter.drawLine(0, y + TrackHeight - 1, viewport()->width(), y + TrackHeight - 1);
    }
    paintRuler(painter, firstMs, lastMs);
    painter.fillRect(QRect(0, 0, HeaderWidth, RulerHeight), pal.color(QPalette::Button));
    painter.setPen(pal.color(QPalette::ButtonText));
    painter.drawText(QRect(8, 0, HeaderWidth - 12, RulerHeight), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("%1 s total").arg(draft::Draft::formatSeconds(m_model->draft().durationMs())));
    if (m_playhead >= 0) {
        const int x = xFor(m_playhead);
        if (x >= HeaderWidth && x < viewport()->width()) {
            const QColor head(220, 40, 40);
            painter.setPen(QPen(head, 2));
            painter.drawLine(x, 0, x, viewport()->height());
            QPolygon marker;
            marker << QPoint(x - 6, 0) << QPoint(x + 6, 0) << QPoint(x, 8);
            painter.setBrush(head);
            painter.setPen(Qt::NoPen);
            painter.drawPolygon(marker);
        }
    }
    if (hasFocus()) {
        painter.setPen(QPen(pal.color(QPalette::Highlight), 1));
        painter.drawRect(viewport()->rect().adjusted(0, 0, -1, -1));
    }
    m_lastPainted = painted;
    m_lastPaintMs = double(clock.nsecsElapsed()) / 1e6;
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        setPixelsPerSecond(m_zoom * std::pow(1.25, steps), int(event->position().x()));
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

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        setPixelsPerSecond(m_zoom * 1.25);
        return;
    case Qt::Key_Minus:
        setPixelsPerSecond(m_zoom / 1.25);
        return;
    case Qt::Key_0:
        zoomToFit();
        return;
    case Qt::Key_Left:
        horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
        return;
    case Qt::Key_Right:
        horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        return;
    case Qt::Key_Home:
        horizontalScrollBar()->setValue(0);
        return;
    case Qt::Key_End:
        horizontalScrollBar()->setValue(horizontalScrollBar()->maximum());
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

std::pair<int, int> TimelineView::segmentAt(const QPoint &position) const
{
    if (!m_model || position.x() < HeaderWidth || position.y() < RulerHeight)
        return {-1, -1};
    const int track = (position.y() - RulerHeight + verticalScrollBar()->value()) / TrackHeight;
    const QList<Track> &tracks = m_model->draft().tracks();
    if (track < 0 || track >= tracks.size())
        return {-1, -1};
    const qint64 ms = timeAt(position.x());
    const QList<Segment> &segments = tracks.at(track).segments;
    // The last-starting segment under the pointer is the one drawn on top.
    const std::vector<int> &order = m_model->order(track);
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const Segment &segment = segments.at(*it);
        if (segment.startMs <= ms && ms < qMax(segment.endMs(), segment.startMs + qint64(1000.0 / m_zoom)))
            return {track, *it};
    }
    return {-1, -1};
}

QRect TimelineView::segmentRect(int track, int segment) const
{
    if (!m_model || track < 0 || track >= m_model->draft().tracks().size())
        return {};
    const Segment &s = m_model->draft().tracks().at(track).segments.value(segment);
    const int y = RulerHeight - verticalScrollBar()->value() + track * TrackHeight;
    return QRect(xFor(s.startMs), y + 4, qMax(1, xFor(s.endMs()) - xFor(s.startMs)), TrackHeight - 8)
        .intersected(viewport()->rect());
}

QString TimelineView::segmentDescription(int track, int segment) const
{
    const Track &t = m_model->draft().tracks().at(track);
    const Segment &s = t.segments.at(segment);
    QStringList lines;
    lines << (t.kind == TrackKind::Text && !s.text.isEmpty() ? QStringLiteral("“%1”").arg(s.text) : s.label);
    lines << tr("%1 · %2 – %3 (%4 s)")
                 .arg(t.displayName(), timecode(s.startMs, true), timecode(s.endMs(), true),
                      draft::Draft::formatSeconds(s.durationMs));
    if (s.volume >= 0)
        lines << tr("Volume %1").arg(draft::Draft::formatVolume(s.volume));
    if (!s.source.isEmpty())
        lines << tr("Source: %1").arg(s.source.left(120));
    if (m_model->isChanged(track, segment))
        lines << tr("Changed by the last reply");
    return lines.join(QLatin1Char('\n'));
}

void TimelineView::setPlayhead(qint64 ms)
{
    if (ms == m_playhead)
        return;
    const int before = m_playhead >= 0 ? xFor(m_playhead) : -100;
    m_playhead = ms;
    const int after = ms >= 0 ? xFor(ms) : -100;
    // Only the strips the line leaves and enters are repainted.
    viewport()->update(QRect(before - 8, 0, 16, viewport()->height()));
    viewport()->update(QRect(after - 8, 0, 16, viewport()->height()));
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    const QPoint position = event->position().toPoint();
    if (event->button() == Qt::LeftButton && position.y() < RulerHeight && position.x() >= HeaderWidth &&
        m_model) {
        m_scrubbing = true;
        emit seekRequested(qBound<qint64>(0, timeAt(position.x()), m_model->draft().durationMs()));
        event->accept();
        return;
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_scrubbing && m_model) {
        emit seekRequested(
            qBound<qint64>(0, timeAt(int(event->position().x())), m_model->draft().durationMs()));
        event->accept();
        return;
    }
    QAbstractScrollArea::mouseMoveEvent(event);
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    m_scrubbing = false;
    QAbstractScrollArea::mouseReleaseEvent(event);
}

bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
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
