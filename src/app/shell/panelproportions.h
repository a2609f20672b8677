#pragma once

#include <QList>
#include <QObject>
#include <QSize>

class QDockWidget;
class QMainWindow;

namespace nemo::app {

// The panels keep their share of the window as it grows and shrinks. QMainWindow gives every pixel of a
// resize to the central widget, so panels sized for a small window stay narrow on a large one; here
// each dock keeps the fraction of the window's width (or height) it had, and moving a separator by
// hand sets the new fraction.
class PanelProportions : public QObject
{
    Q_OBJECT
public:
    struct Panel
    {
        QDockWidget *dock;
        Qt::Orientation orientation;
        int initial;      // its width or height in pixels until the window is first laid out
        double share = 0; // of the window's width or height, from then on
    };

    PanelProportions(QMainWindow *window, const QList<Panel> &panels);

    double share(const QDockWidget *dock) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void apply();
    void remember(Panel &panel);
    bool follows(const Panel &panel) const;

    QMainWindow *m_window;
    QList<Panel> m_panels;
    QSize m_laidOut; // the window's size when the shares were last applied
    bool m_applying = false;
};

} // namespace nemo::app
