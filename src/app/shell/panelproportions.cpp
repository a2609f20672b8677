#include "shell/panelproportions.h"

#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QTimer>

namespace nemo::app {

PanelProportions::PanelProportions(QMainWindow *window, const QList<Panel> &panels)
    : QObject(window)
    , m_window(window)
    , m_panels(panels)
{
    window->installEventFilter(this);
    for (const Qt::Orientation orientation : {Qt::Horizontal, Qt::Vertical}) {
        QList<QDockWidget *> docks;
        QList<int> sizes;
        for (const Panel &panel : std::as_const(m_panels)) {
            if (panel.orientation == orientation) {
                docks << panel.dock;
                sizes << panel.initial;
            }
        }
        if (!docks.isEmpty())
            window->resizeDocks(docks, sizes, orientation);
    }
    for (const Panel &panel : std::as_const(m_panels))
        panel.dock->installEventFilter(this);
}

double PanelProportions::share(const QDockWidget *dock) const
{
    for (const Panel &panel : m_panels) {
        if (panel.dock == dock)
            return panel.share;
    }
    return 0;
}

// A dock in its place in the window, shown: a floating or closed one has no share to keep.
bool PanelProportions::follows(const Panel &panel) const
{
    return panel.dock->isVisible() && !panel.dock->isFloating();
}

void PanelProportions::remember(Panel &panel)
{
    const int whole = panel.orientation == Qt::Horizontal ? m_window->width() : m_window->height();
    const int part = panel.orientation == Qt::Horizontal ? panel.dock->width() : panel.dock->height();
    if (whole > 0 && part > 0)
        panel.share = double(part) / whole;
}

bool PanelProportions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Resize && m_window->isVisible()) {
        // After the layout has taken the new size (this filter runs before it).
        QMetaObject::invokeMethod(this, &PanelProportions::apply, Qt::QueuedConnection);
    } else if (watched == m_window && event->type() == QEvent::Show && m_laidOut.isEmpty()) {
        // The first layout on screen (the arranged or the restored one) gives the shares.
        QTimer::singleShot(0, this, [this] {
            for (Panel &panel : m_panels) {
                if (follows(panel))
                    remember(panel);
            }
            m_laidOut = m_window->size();
        });
    } else if (event->type() == QEvent::Resize && watched != m_window && !m_applying &&
               !m_laidOut.isEmpty() && m_window->size() == m_laidOut) {
        // The window kept its size and a dock changed: a separator moved by hand.
        for (Panel &panel : m_panels) {
            if (panel.dock == watched && follows(panel))
                remember(panel);
        }
    }
    return QObject::eventFilter(watched, event);
}

void PanelProportions::apply()
{
    if (m_laidOut.isEmpty() || m_window->size() == m_laidOut)
        return;
    QList<QDockWidget *> docks[2];
    QList<int> sizes[2];
    for (const Panel &panel : std::as_const(m_panels)) {
        if (!follows(panel) || panel.share <= 0)
            continue;
        const bool across = panel.orientation == Qt::Horizontal;
        docks[across ? 0 : 1] << panel.dock;
        sizes[across ? 0 : 1] << qRound(panel.share * (across ? m_window->width() : m_window->height()));
    }
    m_applying = true;
    if (!docks[0].isEmpty())
        m_window->resizeDocks(docks[0], sizes[0], Qt::Horizontal);
    if (!docks[1].isEmpty())
        m_window->resizeDocks(docks[1], sizes[1], Qt::Vertical);
    // The docks take their sizes when the layout runs (a posted request, before this).
    QTimer::singleShot(0, this, [this] {
        m_applying = false;
        m_laidOut = m_window->size();
    });
}

} // namespace nemo::app
