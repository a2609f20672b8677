#include "shell/windowactions.h"

#include "common/firstpaint.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QWidget>

namespace nemo::app {

WindowActions::WindowActions(QWidget *window)
    : QObject(window)
    , m_window(window)
{ }

void WindowActions::add(ActionId id, std::function<void()> run)
{
    auto *action = new QAction(m_window);
    connect(action, &QAction::triggered, m_window, std::move(run));
    adopt(id, action);
}

void WindowActions::adopt(ActionId id, QAction *action)
{
    Q_ASSERT(!m_actions.at(size_t(id)));
    m_actions[size_t(id)] = action;
}

void WindowActions::finish()
{
    auto icons = std::make_shared<QList<std::pair<QAction *, QString>>>();
    for (const ActionSpec &spec : actions::table()) {
        QAction *action = at(spec.id);
        Q_ASSERT(action);
        action->setObjectName(QLatin1String(spec.name));
        action->setShortcuts(spec.keys);
        if (*spec.icon)
            icons->append({action, QLatin1String(spec.icon)});
        m_window->addAction(action);
    }
    // Icons once the window is on screen (the first search of the icon theme is slow).
    afterFirstPaint(m_window, [icons] {
        for (const auto &[action, icon] : *icons)
            action->setIcon(QIcon::fromTheme(icon));
    });
}

QMenu *WindowActions::addMenu(QMenuBar *bar, std::initializer_list<std::optional<ActionId>> ids)
{
    QMenu *menu = bar->addMenu(QString());
    for (const std::optional<ActionId> &id : ids) {
        if (id)
            menu->addAction(at(*id));
        else
            menu->addSeparator();
    }
    return menu;
}

void WindowActions::retranslate()
{
    for (const ActionSpec &spec : actions::table()) {
        // Undo and Redo name what they undo ("Undo Trim photo2.jpg"); the undo stack writes their text.
        if (spec.id != ActionId::Undo && spec.id != ActionId::Redo)
            at(spec.id)->setText(actions::text(spec));
    }
}

} // namespace nemo::app
