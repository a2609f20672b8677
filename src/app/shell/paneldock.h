#pragma once

#include <Qt>

class QDockWidget;
class QMainWindow;
class QWidget;

namespace nemo::app {

// A panel in a dock of the window: named (for the saved layout), holding the panel, in its area. Its
// float and close buttons keep their names in the interface's language: Qt names them when it draws
// them for a style and never again, so a language chosen in Settings reaches them here.
void addPanelDock(QMainWindow *window, QDockWidget *dock, const char *name, QWidget *panel,
                  Qt::DockWidgetArea area);

} // namespace nemo::app
