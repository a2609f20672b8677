#pragma once

#include <QList>

class QWidget;

namespace nemo::app {

// Puts Tab's order in the order of `areas` (the panels as they are laid out): every control of the
// first area, then of the next, each area keeping its own order. Qt's default is the order the
// widgets were made in, which for docks is not where they sit.
void orderTabsByArea(QWidget *window, const QList<QWidget *> &areas);

} // namespace nemo::app
