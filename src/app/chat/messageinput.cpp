#include "chat/messageinput.h"

#include <QKeyEvent>
#include <QTextBlock>

namespace nemo::app {

MessageInput::MessageInput(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    connect(this, &QPlainTextEdit::textChanged, this, [this] { updateGeometry(); });
}

int MessageInput::heightForLines(int lines) const
{
    const QMargins margins = contentsMargins();
    return lines * fontMetrics().lineSpacing() + int(2 * document()->documentMargin()) + margins.top() +
        margins.bottom() + 2 * frameWidth();
}

QSize MessageInput::sizeHint() const
{
    const int lines = qBound(2, int(document()->size().height()), 6);
    return QSize(QPlainTextEdit::sizeHint().width(), heightForLines(lines));
}

QSize MessageInput::minimumSizeHint() const
{
    return QSize(120, heightForLines(2));
}

void MessageInput::setHints(const QString &brief, const QString &full)
{
    m_brief = brief;
    m_full = full;
    updateHint();
}

void MessageInput::updateHint()
{
    const int room = viewport()->width() - int(2 * document()->documentMargin());
    const QRect needed =
        fontMetrics().boundingRect(QRect(0, 0, qMax(1, room), 10000), Qt::TextWordWrap, m_full);
    const int lines = qMax(1,
                           (viewport()->height() - int(2 * document()->documentMargin())) /
                               qMax(1, fontMetrics().lineSpacing()));
    setPlaceholderText(needed.height() <= lines * fontMetrics().lineSpacing() ? m_full : m_brief);
}

void MessageInput::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateHint();
}

void MessageInput::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & (Qt::ShiftModifier | Qt::AltModifier))) {
        emit submitted();
        return;
    }
    if (enter && event->modifiers() & Qt::ShiftModifier) {
        insertPlainText(QStringLiteral("\n"));
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace nemo::app
