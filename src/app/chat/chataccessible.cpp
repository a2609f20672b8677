#include "chat/chataccessible.h"

#include "chat/chatview.h"

#include <QAbstractItemModel>
#include <QWindow>

namespace nemo::app {

namespace {

// One message of the conversation. Made for a row and forgotten when the rows change (the view asks
// ChatViewAccessible for fresh ones then), as Qt's own item views do.
class ChatMessageAccessible : public QAccessibleInterface
{
public:
    ChatMessageAccessible(ChatView *view, int row)
        : m_view(view)
        , m_row(row)
    { }

    bool isValid() const override
    {
        return m_view && m_view->model() && m_row >= 0 && m_row < m_view->model()->rowCount();
    }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_view ? m_view->window()->windowHandle() : nullptr; }
    QAccessibleInterface *parent() const override { return QAccessible::queryAccessibleInterface(m_view); }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessibleInterface *focusChild() const override { return nullptr; }
    QAccessible::Role role() const override { return QAccessible::ListItem; }

    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return {};
        switch (t) {
        case QAccessible::Name: {
            const QString header = m_view->rowHeader(m_row);
            const QString text = m_view->rowText(m_row);
            return header.isEmpty()
                ? text
                : ChatView::tr("%1: %2", "a message: who and when, then its text").arg(header, text);
        }
        case QAccessible::Description: {
            const QStringList buttons = m_view->buttonLabels(m_row);
            return buttons.isEmpty() ? QString()
                                     : ChatView::tr("Buttons: %1 (Tab reaches them, Enter presses one)")
                                           .arg(buttons.join(QLatin1String(", ")));
        }
        case QAccessible::Value:
            return m_view->rowText(m_row);
        default:
            return {};
        }
    }
    void setText(QAccessible::Text, const QString &) override { }

    QRect rect() const override
    {
        if (!isValid())
            return {};
        const QRect row = m_view->rowRect(m_row);
        return QRect(m_view->viewport()->mapToGlobal(row.topLeft()), row.size());
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
        const bool current = m_view->currentRow() == m_row;
        state.selected = current;
        state.focused = current && m_view->hasFocus();
        const QRect row = m_view->rowRect(m_row);
        if (!row.intersects(m_view->viewport()->rect()))
            state.offscreen = true;
        return state;
    }

private:
    QPointer<ChatView> m_view;
    int m_row;
};

QAccessibleInterface *chatFactory(const QString &className, QObject *object)
{
    if (className == QLatin1String("nemo::app::ChatView") && object && object->isWidgetType())
        return new ChatViewAccessible(static_cast<ChatView *>(object));
    return nullptr;
}

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
    return view()->accessibleRow(index, [this, index] { return new ChatMessageAccessible(view(), index); });
}

int ChatViewAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    for (int row = 0; row < childCount(); ++row) {
        if (view()->accessibleRowIfMade(row) == child)
            return row;
    }
    return -1;
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
    static bool installed = false;
    if (!installed) {
        installed = true;
        QAccessible::installFactory(chatFactory);
    }
}

} // namespace nemo::app
