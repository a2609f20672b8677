#include "shell/taborder.h"

#include <QWidget>

namespace nemo::app {

void orderTabsByArea(QWidget *window, const QList<QWidget *> &areas)
{
    QList<QList<QWidget *>> byArea(areas.size());
    QWidget *widget = window;
    do {
        if (widget->focusPolicy() & Qt::TabFocus) {
            for (qsizetype i = 0; i < areas.size(); ++i) {
                if (areas.at(i) == widget || areas.at(i)->isAncestorOf(widget)) {
                    byArea[i].append(widget);
                    break;
                }
            }
        }
        widget = widget->nextInFocusChain();
    } while (widget && widget != window);
    QWidget *previous = nullptr;
    for (const QList<QWidget *> &area : std::as_const(byArea)) {
        for (QWidget *next : area) {
            if (previous)
                QWidget::setTabOrder(previous, next);
            previous = next;
        }
    }
}

} // namespace nemo::app
