#include "chat/chataccessible.h"

#include "chat/chatview.h"
#include "common/accessiblechildren.h"

#include <QAbstractItemModel>

namespace nemo::app {

namespace {

// One message of the conversation. Made for a row and forgotten when the rows change (the view asks
// ChatViewAccessible for fresh ones then), as Qt's own item views do.
class ChatMessageAccessible : public AccessibleItem
{
public:
    ChatMessageAccessible(ChatView *view, int row)
        : AccessibleItem(view, row)
    { }

    bool isValid() const override
    {
        const ChatView *view = chat();
        return view && view->model() && m_index >= 0 && m_index < view->model()->rowCount();
    }
    QAccessible::Role role() const override { return QAccessible::ListItem; }

    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return {};
        switch (t) {
        case QAccessible::Name: {
            const QString header = chat()->rowHeader(m_index);
            const QString text = chat()->rowText(m_index);
            return header.isEmpty()
                ? text
                : ChatView::tr("%1: %2", "a message: who and when, then its text").arg(header, text);
        }
        case QAccessible::Description: {
            const QStringList buttons = chat()->buttonLabels(m_index);
            return buttons.isEmpty() ? QString()
                                     : ChatView::tr("Buttons: %1 (Tab reaches them, Enter presses one)")
                                           .arg(buttons.join(QLatin1String(", ")));
        }
        case QAccessible::Value:
            return chat()->rowText(m_index);
        default:
            return {};
        }
    }

    QRect rect() const override
    {
        if (!isValid())
            return {};
        const QRect row = chat()->rowRect(m_index);
        return QRect(chat()->viewport()->mapToGlobal(row.topLeft()), row.size());
    }

    QAccessible::State state() const override
    {
        QAccessible::State state;
        if (!isValid()) {
            state.invalid = true;
            return state;
        }
        state.focusable = true;
        state.selectable = true;
        state.readOnly = true;
        const bool current = chat()->currentRow() == m_index;
        state.selected = current;
        state.focused = current && chat()->hasFocus();
        const QRect row = chat()->rowRect(m_index);
        if (!row.intersects(chat()->viewport()->rect()))
            state.offscreen = true;
        return state;
    }

private:
    ChatView *chat() const { return static_cast<ChatView *>(m_view.data()); }
};

} // namespace

ChatViewAccessible::ChatViewAccessible(ChatView *view)
    : QAccessibleWidget(view, QAccessible::List)
{ }

ChatView *ChatViewAccessible::view() const
{
    return static_cast<ChatView *>(widget());
}

int ChatViewAccessible::childCount() const
{
    return view()->model() ? view()->model()->rowCount() : 0;
}

QAccessibleInterface *ChatViewAccessible::child(int index) const
{
    if (index < 0 || index >= childCount())
        return nullptr;
    return view()->accessibleRows()->get(index,
                                         [this, index] { return new ChatMessageAccessible(view(), index); });
}

int ChatViewAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    return view()->accessibleRows()->indexOf(child);
}

QAccessibleInterface *ChatViewAccessible::childAt(int x, int y) const
{
    const QPoint at = view()->viewport()->mapFromGlobal(QPoint(x, y));
    const int row = view()->viewport()->rect().contains(at) ? view()->rowAt(at.y()) : -1;
    return row >= 0 ? child(row) : nullptr;
}

QAccessibleInterface *ChatViewAccessible::focusChild() const
{
    return view()->hasFocus() && view()->currentRow() >= 0 ? child(view()->currentRow()) : nullptr;
}

QString ChatViewAccessible::text(QAccessible::Text t) const
{
    if (t == QAccessible::Description) {
        const QString own = QAccessibleWidget::text(t);
        return ChatView::tr("%n message(s). %1", nullptr, childCount()).arg(own);
    }
    return QAccessibleWidget::text(t);
}

void installChatAccessibility()
{
    installAccessibleFactory<ChatView, ChatViewAccessible>();
}

} // namespace nemo::app
