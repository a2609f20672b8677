#pragma once

#include <QRect>

#include <cmath>

namespace nemo::app {

class TimelineModel;

// Where things are on the timeline, apart from how they are painted: frames ↔ x, tracks ↔ y, a
// segment's rectangle, and what lies under a point (a segment's body or one of its edges, the ruler, a
// track header). A value: the view keeps one and changes it with zoom and scrolling.
class TimelineGeometry
{
public:
    static constexpr int HeaderWidth = 150;
    static constexpr int RulerHeight = 26;
    static constexpr int TrackHeight = 46;
    static constexpr int EdgeWidth = 6; // how near an edge a press trims rather than moves

    enum class Part
    {
        None,
        Ruler,
        Header,
        Track, // a track's empty space
        Body,
        LeftEdge,
        RightEdge
    };
    struct Hit
    {
        Part part = Part::None;
        int track = -1;
        int clip = -1;    // index into the track's clips
        qint64 frame = 0; // the frame under the point
    };

    double pixelsPerFrame = 1;
    int scrollX = 0; // pixels
    int scrollY = 0;
    int width = 0; // the viewport
    int height = 0;

    int xFor(qint64 frame) const
    {
        return HeaderWidth + int(std::floor(double(frame) * pixelsPerFrame)) - scrollX;
    }
    // The frame whose start is nearest to x.
    qint64 frameAt(int x) const
    {
        return qint64(std::llround(double(x - HeaderWidth + scrollX) / pixelsPerFrame));
    }
    // The frame x falls within.
    qint64 frameUnder(int x) const
    {
        return qint64(std::floor(double(x - HeaderWidth + scrollX) / pixelsPerFrame));
    }
    int trackTop(int track) const { return RulerHeight + track * TrackHeight - scrollY; }
    int trackAt(int y) const { return y < RulerHeight ? -1 : (y - RulerHeight + scrollY) / TrackHeight; }
    QRect trackRect(int track) const
    {
        return QRect(HeaderWidth, trackTop(track), width - HeaderWidth, TrackHeight);
    }
    QRect blockRect(int track, qint64 start, qint64 duration) const;
    QRect area() const { return QRect(HeaderWidth, RulerHeight, width - HeaderWidth, height - RulerHeight); }
    qint64 firstVisibleFrame() const { return qMax<qint64>(0, frameUnder(HeaderWidth)); }
    qint64 lastVisibleFrame() const { return frameUnder(width) + 1; }

    Hit hitTest(const QPoint &point, const TimelineModel &model) const;
};

} // namespace nemo::app
