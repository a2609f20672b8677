#pragma once

#include "common/accessiblechildren.h"
#include "edit/editor.h"
#include "timeline/timelinegeometry.h"
#include "timeline/timelinemodel.h"

#include <QAbstractScrollArea>
#include <QPixmap>
#include <QPointer>
#include <QSet>

#include <functional>

namespace nemo::client {
class Playhead;
} // namespace nemo::client

namespace nemo::app {

class EditHistory;

// The timeline, for looking and for editing by hand. Geometry and hit testing are TimelineGeometry's;
// the tracks are painted into a cached layer, and the playhead, the selection, drag feedback and the
// rubber band are drawn over it, so a drag or playback repaints only what moves. Interaction is a small
// state machine (idle, scrubbing, pending, moving, trimming, rubber band): a drag is one edit, pushed on
// release. Keys follow Shotcut: S split, X ripple delete, Z lift, I/O trim to the playhead (Shift:
// ripple), ',' '.' nudge, Home/End, arrows, PageUp/PageDown, Alt+arrows between edits, Up/Down the
// current track, J/K/L, Ctrl+Space/Ctrl+arrows select, -/+/0 zoom. With nothing selected a key acts on
// the current track's segment under the playhead only.
class TimelineView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    static constexpr int HeaderWidth = TimelineGeometry::HeaderWidth;
    static constexpr int RulerHeight = TimelineGeometry::RulerHeight;
    static constexpr int TrackHeight = TimelineGeometry::TrackHeight;
    static constexpr double MinZoom = 0.2; // pixels per second
    static constexpr double MaxZoom = 800;
    static constexpr int MoveSnapPixels = 10;
    static constexpr int TrimSnapPixels = 4;

    enum class Mode
    {
        Idle,
        Scrubbing,
        Pending, // pressed on a segment, not yet dragged
        Moving,
        TrimmingIn,
        TrimmingOut,
        RubberBand
    };

    explicit TimelineView(QWidget *parent = nullptr);

    void setModel(TimelineModel *model);
    TimelineModel *model() const { return m_model; }
    void setHistory(EditHistory *history) { m_history = history; }
    void setPlayhead(client::Playhead *playhead);
    // Where a segment's source is on this computer (for its tooltip).
    void setLocalFiles(std::function<QString(const QString &source)> lookup)
    {
        m_localFile = std::move(lookup);
    }

    double pixelsPerSecond() const;
    void setPixelsPerSecond(double zoom, int anchorX = -1);
    void zoomBy(double factor);
    // One step of the zoom (the keys, the View menu and the wheel's notch): 1.25× closer or further.
    void zoomIn();
    void zoomOut();
    void zoomToFit();
    const TimelineGeometry &geometry() const { return m_geometry; }

    // Where a segment is drawn, in viewport coordinates (empty when off screen).
    QRect segmentRect(int track, int segment) const;
    // The segment under a point, or {-1, -1}.
    std::pair<int, int> segmentAt(const QPoint &position) const;
    QString segmentDescription(int track, int segment) const;
    // The segments' accessibility interfaces (timeline/timelineaccessible), forgotten when they change.
    AccessibleChildren *accessibleSegments() { return &m_accessibleSegments; }
    // How long the last paint took, in milliseconds (for the benchmark), and how many segments it drew
    // into the layer.
    double lastPaintMs() const { return m_lastPaintMs; }
    int segmentsPaintedLastTime() const { return m_lastPainted; }
    // The playhead, in milliseconds of the edit.
    qint64 playhead() const;
    qint64 playheadFrame() const;
    // Where the ruler shows a time, in viewport coordinates (for tests and the playhead).
    int rulerX(qint64 ms) const;
    int frameX(qint64 frame) const { return m_geometry.xFor(frame); }

    // Selection (by segment identity) and the current track.
    QSet<QString> selection() const { return m_selection; }
    void setSelection(const QSet<QString> &keys);
    int currentTrack() const { return m_currentTrack; }
    void setCurrentTrack(int track);
    bool rippleMode() const { return m_ripple; }
    void setRippleMode(bool ripple);
    bool snapping() const { return m_snapping; }
    void setSnapping(bool snapping) { m_snapping = snapping; }
    Mode mode() const { return m_mode; }

    // The segments a key acts on: the selection, else the current track's segment under the playhead.
    QStringList targets() const;
    // The editing commands, as the keys and the panel's buttons run them.
    void splitAtPlayhead();
    void removeTargets(bool ripple);
    void trimTargetsToPlayhead(bool in, bool ripple);
    void nudgeTargets(int frames);
    void seekFrame(qint64 frame);

signals:
    void zoomChanged(double pixelsPerSecond);
    // The user asked to seek (a click or drag on the ruler, a key), in milliseconds.
    void seekRequested(qint64 ms);
    void playRequested();       // L
    void pauseRequested();      // K, J
    void togglePlayRequested(); // Space
    void selectionChanged();
    void currentTrackChanged(int track);
    void rippleModeChanged(bool ripple);
    // A segment's words, volume or fades to be edited (double-click, Enter).
    void editSegmentRequested(const QString &key);
    // An edit could not be made; for the status bar.
    void problem(const QString &message);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void retranslate();
    void updateScrollBars();
    void syncGeometry();
    void invalidateLayer();
    void renderLayer();
    void paintRuler(QPainter &painter);
    void paintTrack(QPainter &painter, int track);
    void paintOverlay(QPainter &painter, const QRect &dirty);
    void updatePlayheadStrip(qint64 fromFrame, qint64 toFrame);
    qint64 frameToMs(qint64 frame) const;
    qint64 msToFrame(qint64 ms) const;
    qint64 snapTolerance(int pixels) const;
    void perform(const edit::Editor::Result &result);
    void propose(const QPoint &position, Qt::KeyboardModifiers modifiers);
    void finishDrag();
    void selectAdjacent(int direction);
    void ensureFrameVisible(qint64 frame);
    void updateCursor(const QPoint &position);
    qint64 contentFrames() const;

    QPointer<TimelineModel> m_model;
    EditHistory *m_history = nullptr;
    QPointer<client::Playhead> m_playhead;
    std::function<QString(const QString &)> m_localFile;
    TimelineGeometry m_geometry;
    double m_zoom = 40; // pixels per second
    bool m_fitPending = true;
    QPixmap m_layer;
    bool m_layerValid = false;
    double m_lastPaintMs = 0;
    int m_lastPainted = 0;

    QSet<QString> m_selection;
    AccessibleChildren m_accessibleSegments;
    int m_currentTrack = -1;
    bool m_ripple = false;
    bool m_snapping = true;
    int m_shuttle = 0; // L pressed again plays faster

    Mode m_mode = Mode::Idle;
    QPoint m_pressPos;
    QString m_dragKey;
    int m_dragTrack = -1;
    qint64 m_dragStart = 0; // the dragged segment's start and end when pressed
    qint64 m_dragEnd = 0;
    QRect m_band;
    QSet<QString> m_bandBase; // selected before the rubber band began
    edit::Editor::Result m_proposal;
    qint64 m_snapFrame = -1;
    qint64 m_ghostStart = -1; // where the dragged segment is under the mouse (before the rules place it)
};

} // namespace nemo::app
