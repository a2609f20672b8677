// The peer of the startup benchmark: a bare Qt Widgets window (a main window with a menu bar, a status
// bar and an empty central widget), timed by the same probe as nemo-studio --benchmark-startup: from
// the start of main() until its first paint has finished.
#include "shell/startupprobe.h"

#include <QApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>

int main(int argc, char **argv)
{
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    QMainWindow window;
    window.menuBar()->addMenu(QStringLiteral("&File"));
    window.setCentralWidget(new QWidget);
    window.statusBar()->showMessage(QStringLiteral("Ready"));
    window.resize(1280, 820); // the size Nemo Studio opens at
    QWidget *central = window.centralWidget();
    nemo::app::StartupProbe probe(clock, [central](QObject *watched) { return watched == central; });
    app.installEventFilter(&probe);
    window.show();
    return app.exec();
}
