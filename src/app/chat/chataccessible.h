#pragma once

#include <QAccessibleWidget>

namespace nemo::app {

class ChatView;

// The conversation for screen readers: a list whose items are the messages, each named by its author,
// time and text ("Nemo · 17:24: Here is your video…"), the current one selected and focused. Installed
// once as a factory (installChatAccessibility) so that every ChatView answers with it.
class ChatViewAccessible : public QAccessibleWidget
{
public:
    explicit ChatViewAccessible(ChatView *view);

    int childCount() const override;
    QAccessibleInterface *child(int index) const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *childAt(int x, int y) const override;
    QAccessibleInterface *focusChild() const override;
    QString text(QAccessible::Text t) const override;

private:
    ChatView *view() const;
};

void installChatAccessibility();

} // namespace nemo::app
