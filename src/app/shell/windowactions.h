#pragma once

#include "shell/actions.h"

#include <QObject>

#include <array>
#include <functional>
#include <optional>

class QAction;
class QMenu;
class QMenuBar;
class QWidget;

namespace nemo::app {

// The window's commands as QActions, built from the action table (shell/actions.h): object names,
// shortcuts, icons and translated texts all come from the table, looked up by typed id.
class WindowActions : public QObject
{
    Q_OBJECT
public:
    explicit WindowActions(QWidget *window);

    // A command of the window's own, running `run`.
    void add(ActionId id, std::function<void()> run);
    // A command a panel or Qt made (undo from the undo stack, a dock's show/hide switch).
    void adopt(ActionId id, QAction *action);
    // Names, keys and icons from the table; every id must have been added or adopted.
    void finish();
    QAction *at(ActionId id) const { return m_actions.at(size_t(id)); }
    // A menu of these commands on the bar; nullopt is a separator.
    QMenu *addMenu(QMenuBar *bar, std::initializer_list<std::optional<ActionId>> ids);
    void retranslate();

private:
    QWidget *m_window;
    std::array<QAction *, size_t(ActionId::AboutQt) + 1> m_actions{};
};

} // namespace nemo::app
