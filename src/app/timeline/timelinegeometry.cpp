#include "timeline/timelinegeometry.h"

#include "timeline/timelinemodel.h"

#include <algorithm>

namespace nemo::app {

QRect TimelineGeometry::blockRect(int track, qint64 start, qint64 duration) const
{
    const int x1 = xFor(start);
    const int x2 = qMax(x1 + 1, xFor(start + duration));
    return QRect(x1, trackTop(track) + 4, x2 - x1, TrackHeight - 8);
}

TimelineGeometry::Hit TimelineGeometry::hitTest(const QPoint &point, const TimelineModel &model) const
{
    Hit hit;
    hit.frame = qMax<qint64>(0, frameUnder(point.x()));
    if (point.y() < RulerHeight) {
        hit.part = point.x() >= HeaderWidth ? Part::Ruler : Part::None;
        return hit;
    }
    hit.track = trackAt(point.y());
    if (hit.track < 0 || hit.track >= model.trackCount()) {
        hit.track = -1;
        return hit;
    }
    if (point.x() < HeaderWidth) {
        hit.part = Part::Header;
        return hit;
    }
    hit.part = Part::Track;
    const QRect band = trackRect(hit.track);
    if (point.y() < band.top() + 4 || point.y() >= band.bottom() - 3)
        return hit;
    // The last-starting segment under the point is the one painted on top; its edges win within a few
    // pixels (the nearer one when a segment is narrow).
    const std::vector<int> &order = model.order(hit.track);
    const std::vector<qint64> &reach = model.reach(hit.track);
    const qint64 left = frameUnder(point.x() - EdgeWidth);
    const qint64 right = frameUnder(point.x() + EdgeWidth) + 1;
    auto from = std::upper_bound(reach.begin(), reach.end(), left);
    int best = -1;
    Part bestPart = Part::None;
    int bestDistance = EdgeWidth + 1;
    for (size_t i = size_t(from - reach.begin()); i < order.size(); ++i) {
        const auto &clip = model.clip(hit.track, order[i]);
        if (clip.start() > right)
            break;
        const QRect block = blockRect(hit.track, clip.start(), clip.values.duration);
        const int toLeft = qAbs(point.x() - block.left());
        const int toRight = qAbs(point.x() - (block.right() + 1));
        const bool inside = point.x() >= block.left() && point.x() <= block.right();
        if (block.width() >= 3 * EdgeWidth || !inside) {
            // On an edge two segments share, the one the point is inside is the one trimmed.
            if (toLeft <= EdgeWidth && (toLeft < bestDistance || (toLeft == bestDistance && inside)) &&
                point.x() >= block.left() - EdgeWidth / 2) {
                best = order[i];
                bestPart = Part::LeftEdge;
                bestDistance = toLeft;
            }
            if (toRight <= EdgeWidth && (toRight < bestDistance || (toRight == bestDistance && inside)) &&
                point.x() <= block.right() + EdgeWidth / 2) {
                best = order[i];
                bestPart = Part::RightEdge;
                bestDistance = toRight;
            }
        }
        if (inside && bestPart != Part::LeftEdge && bestPart != Part::RightEdge) {
            best = order[i];
            bestPart = Part::Body;
        }
    }
    if (best >= 0) {
        hit.clip = best;
        hit.part = bestPart;
    }
    return hit;
}

} // namespace nemo::app
