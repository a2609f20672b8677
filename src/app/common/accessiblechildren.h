#pragma once

#include <QAccessible>
#include <QHash>
#include <QPointer>
#include <QWidget>
#include <QWindow>

#include <functional>

namespace nemo::app {

// One item a custom view draws (a message, a segment), for assistive technology: a leaf under the view,
// the view telling what it is. Subclasses give its role, text, place and state.
class AccessibleItem : public QAccessibleInterface
{
public:
    AccessibleItem(QWidget *view, int index)
        : m_view(view)
        , m_index(index)
    { }

    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_view ? m_view->window()->windowHandle() : nullptr; }
    QAccessibleInterface *parent() const override { return QAccessible::queryAccessibleInterface(m_view); }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessibleInterface *focusChild() const override { return nullptr; }
    void setText(QAccessible::Text, const QString &) override { }

protected:
    QPointer<QWidget> m_view;
    int m_index;
};

// Installs, once, the factory that answers for every widget of class View with Interface.
template<typename View, typename Interface>
void installAccessibleFactory()
{
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    QAccessible::installFactory([](const QString &className, QObject *object) -> QAccessibleInterface * {
        if (className == QLatin1String(View::staticMetaObject.className()) && object &&
            object->isWidgetType())
            return new Interface(static_cast<View *>(object));
        return nullptr;
    });
}

// The accessibility interfaces a custom view makes for the items it draws (messages, segments): made
// once a reader asks for one, kept in Qt's cache under an id, and forgotten together when the items
// change, as Qt's own item views do.
class AccessibleChildren
{
public:
    AccessibleChildren() = default;
    AccessibleChildren(const AccessibleChildren &) = delete;
    AccessibleChildren &operator=(const AccessibleChildren &) = delete;
    ~AccessibleChildren() { forget(); }

    QAccessibleInterface *get(int index, const std::function<QAccessibleInterface *()> &make)
    {
        if (const auto found = m_ids.constFind(index); found != m_ids.cend())
            return QAccessible::accessibleInterface(*found);
        QAccessibleInterface *made = make();
        m_ids.insert(index, QAccessible::registerAccessibleInterface(made));
        return made;
    }
    QAccessibleInterface *ifMade(int index) const
    {
        const auto found = m_ids.constFind(index);
        return found == m_ids.cend() ? nullptr : QAccessible::accessibleInterface(*found);
    }
    int indexOf(const QAccessibleInterface *child) const
    {
        for (auto it = m_ids.cbegin(); it != m_ids.cend(); ++it) {
            if (QAccessible::accessibleInterface(it.value()) == child)
                return it.key();
        }
        return -1;
    }
    void forget()
    {
        for (const QAccessible::Id id : std::as_const(m_ids))
            QAccessible::deleteAccessibleInterface(id);
        m_ids.clear();
    }

private:
    QHash<int, QAccessible::Id> m_ids;
};

} // namespace nemo::app
