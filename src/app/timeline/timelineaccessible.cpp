#include "timeline/timelineaccessible.h"

#include "common/accessiblechildren.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelineview.h"

namespace nemo::app {

namespace {

// Where the index-th child is: its track and its clip, counting the tracks' segments in time order.
bool locate(const TimelineModel *model, int index, int *track, int *clip)
{
    if (!model || index < 0)
        return false;
    for (int t = 0; t < model->trackCount(); ++t) {
        const std::vector<int> &order = model->order(t);
        if (index < int(order.size())) {
            *track = t;
            *clip = order.at(size_t(index));
            return true;
        }
        index -= int(order.size());
    }
    return false;
}

class SegmentAccessible
    : public AccessibleItem
    , public QAccessibleActionInterface
{
public:
    SegmentAccessible(TimelineView *view, int index)
        : AccessibleItem(view, index)
    { }

    bool isValid() const override
    {
        int track = 0;
        int clip = 0;
        return timeline() && locate(timeline()->model(), m_index, &track, &clip);
    }
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    void *interface_cast(QAccessible::InterfaceType type) override
    {
        return type == QAccessible::ActionInterface ? static_cast<QAccessibleActionInterface *>(this)
                                                    : nullptr;
    }

    QString text(QAccessible::Text t) const override
    {
        int track = 0;
        int clip = 0;
        if (!timeline() || !locate(timeline()->model(), m_index, &track, &clip))
            return {};
        QStringList lines = timeline()->segmentDescription(track, clip).split(QLatin1Char('\n'));
        switch (t) {
        case QAccessible::Name:
            // What it is, and its track and time.
            return lines.mid(0, 2).join(QStringLiteral(", "));
        case QAccessible::Description:
            return lines.mid(2).join(QLatin1Char('\n'));
        default:
            return {};
        }
    }

    QRect rect() const override
    {
        int track = 0;
        int clip = 0;
        if (!timeline() || !locate(timeline()->model(), m_index, &track, &clip))
            return {};
        const QRect drawn = timeline()->segmentRect(track, clip);
        return drawn.isEmpty() ? QRect()
                               : QRect(timeline()->viewport()->mapToGlobal(drawn.topLeft()), drawn.size());
    }

    QAccessible::State state() const override
    {
        QAccessible::State state;
        int track = 0;
        int clip = 0;
        if (!timeline() || !locate(timeline()->model(), m_index, &track, &clip)) {
            state.invalid = true;
            return state;
        }
        state.selectable = true;
        state.multiSelectable = true;
        state.selected = timeline()->selection().contains(timeline()->model()->clip(track, clip).key);
        state.offscreen = timeline()->segmentRect(track, clip).isEmpty();
        return state;
    }

    // Select: this segment alone, as a click does; Toggle: in or out of the selection, as Ctrl+click.
    QStringList actionNames() const override { return {pressAction(), toggleAction()}; }
    QString localizedActionDescription(const QString &name) const override
    {
        return name == pressAction() ? TimelineView::tr("Select this segment alone")
                                     : TimelineView::tr("Add this segment to the selection or take it out");
    }
    QStringList keyBindingsForAction(const QString &) const override { return {}; }
    void doAction(const QString &name) override
    {
        int track = 0;
        int clip = 0;
        if (!timeline() || !locate(timeline()->model(), m_index, &track, &clip))
            return;
        const QString key = timeline()->model()->clip(track, clip).key;
        QSet<QString> selection = timeline()->selection();
        if (name == pressAction())
            selection = {key};
        else if (name == toggleAction() && !selection.remove(key))
            selection.insert(key);
        else if (name != toggleAction())
            return;
        timeline()->setSelection(selection);
    }

private:
    TimelineView *timeline() const { return static_cast<TimelineView *>(m_view.data()); }
};

} // namespace

TimelineViewAccessible::TimelineViewAccessible(TimelineView *view)
    : QAccessibleWidget(view, QAccessible::List)
{ }

TimelineView *TimelineViewAccessible::view() const
{
    return static_cast<TimelineView *>(widget());
}

int TimelineViewAccessible::childCount() const
{
    const TimelineModel *model = view()->model();
    int count = 0;
    for (int t = 0; model && t < model->trackCount(); ++t)
        count += int(model->order(t).size());
    return count;
}

QAccessibleInterface *TimelineViewAccessible::child(int index) const
{
    if (index < 0 || index >= childCount())
        return nullptr;
    return view()->accessibleSegments()->get(index,
                                             [this, index] { return new SegmentAccessible(view(), index); });
}

int TimelineViewAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    return view()->accessibleSegments()->indexOf(child);
}

QAccessibleInterface *TimelineViewAccessible::childAt(int x, int y) const
{
    const auto [track, clip] = view()->segmentAt(view()->viewport()->mapFromGlobal(QPoint(x, y)));
    if (track < 0)
        return nullptr;
    const TimelineModel *model = view()->model();
    int index = 0;
    for (int t = 0; t < track; ++t)
        index += int(model->order(t).size());
    const std::vector<int> &order = model->order(track);
    const auto at = std::find(order.begin(), order.end(), clip);
    return at == order.end() ? nullptr : child(index + int(at - order.begin()));
}

void installTimelineAccessibility()
{
    installAccessibleFactory<TimelineView, TimelineViewAccessible>();
}

} // namespace nemo::app
