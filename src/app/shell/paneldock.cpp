#include "shell/paneldock.h"

#include <QCoreApplication>
#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>

namespace nemo::app {

namespace {

class DockButtonNames : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange) {
            // The dock names its buttons again when its style changes: the same style, said again.
            QEvent restyle(QEvent::StyleChange);
            QCoreApplication::sendEvent(watched, &restyle);
        }
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

void addPanelDock(QMainWindow *window, QDockWidget *dock, const char *name, QWidget *panel,
                  Qt::DockWidgetArea area)
{
    dock->setObjectName(QLatin1String(name));
    dock->setWidget(panel);
    dock->installEventFilter(new DockButtonNames(dock));
    window->addDockWidget(area, dock);
}

} // namespace nemo::app
