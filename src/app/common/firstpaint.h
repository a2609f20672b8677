#pragma once

#include <functional>

class QWidget;

namespace nemo::app {

// Runs `work` once `widget` has been painted for the first time, after that frame is on screen: for
// what the first sight of the window can do without, like icons searched for in the desktop's theme
// (the first search reads the theme's folders). Nothing runs if the widget is gone first.
void afterFirstPaint(QWidget *widget, std::function<void()> work);

} // namespace nemo::app
