#pragma once

#include <QAccessibleWidget>

namespace nemo::app {

class TimelineView;

// The timeline for screen readers: a list of its segments, track by track in time order, each named by
// what it is, its track and its time ("photo2.jpg, Video · 00:00:03:00 – 00:00:06:00 (00:00:03:00)"),
// selected as on screen, and selectable through its actions (Select, Toggle selection).
class TimelineViewAccessible : public QAccessibleWidget
{
public:
    explicit TimelineViewAccessible(TimelineView *view);

    int childCount() const override;
    QAccessibleInterface *child(int index) const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *childAt(int x, int y) const override;

private:
    TimelineView *view() const;
};

void installTimelineAccessibility();

} // namespace nemo::app
