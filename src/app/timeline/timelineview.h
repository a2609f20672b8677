#pragma once

#include "timeline/timelinemodel.h"

#include <QAbstractScrollArea>
#include <QPointer>

namespace nemo::app {

// Paints the timeline: a ruler, one row per track with its kind and name, and each segment as a
// labelled block at its time (volume shown on audio, the last turn's changes highlighted). Only
// what is visible is painted, so a 10,000-segment draft repaints in a few milliseconds. Zoom with
// Ctrl+wheel, the +/- keys or setPixelsPerSecond(); hover a segment for its details. A playhead shows
// where the preview is; a click or a drag on the ruler moves it (seekRequested).
class TimelineView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    static constexpr int HeaderWidth = 150;
    static constexpr int RulerHeight = 26;
    static constexpr int TrackHeight = 46;
    static constexpr double MinZoom = 0.2; // pixels per second
    static constexpr double MaxZoom = 800;

    explicit TimelineView(QWidget *parent = nullptr);

    void setModel(TimelineModel *model);
    TimelineModel *model() const { return m_model; }

    double pixelsPerSecond() const { return m_zoom; }
    void setPixelsPerSecond(double zoom, int anchorX = -1);
    void zoomToFit();
    // Where a segment is drawn, in viewport coordinates (empty when off screen).
    QRect segmentRect(int track, int segment) const;
    // The segment under a point, or {-1, -1}.
    std::pair<int, int> segmentAt(const QPoint &position) const;
    QString segmentDescription(int track, int segment) const;
    // How long the last paint took, in milliseconds (for the benchmark).
    double lastPaintMs() const { return m_lastPaintMs; }
    int segmentsPaintedLastTime() const { return m_lastPainted; }
    // The playhead, in milliseconds of the edit; -1 hides it.
    void setPlayhead(qint64 ms);
    qint64 playhead() const { return m_playhead; }
    // Where the ruler shows a time, in viewport coordinates (for tests and the playhead).
    int rulerX(qint64 ms) const { return xFor(ms); }

signals:
    void zoomChanged(double pixelsPerSecond);
    // The user clicked or dragged on the ruler.
    void seekRequested(qint64 ms);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateScrollBars();
    void paintRuler(QPainter &painter, qint64 firstMs, qint64 lastMs);
    qint64 timeAt(int x) const;
    int xFor(qint64 ms) const;
    qint64 contentMs() const;

    QPointer<TimelineModel> m_model;
    double m_zoom = 40;
    bool m_fitPending = true;
    double m_lastPaintMs = 0;
    qint64 m_playhead = -1;
    bool m_scrubbing = false;
    int m_lastPainted = 0;
};

} // namespace nemo::app
