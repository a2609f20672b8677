#include "common/elidedbutton.h"

#include <QResizeEvent>

namespace nemo::app {

void ElidedButton::setFullText(const QString &text)
{
    m_full = text;
    setToolTip(text);
    setAccessibleName(text);
    QPushButton::setText(text);
    updateGeometry();
    elide();
}

int ElidedButton::padding() const
{
    // What the style puts around the words: the button's own hint less its text's width.
    return QPushButton::sizeHint().width() - fontMetrics().horizontalAdvance(text());
}

QSize ElidedButton::sizeHint() const
{
    QSize size = QPushButton::sizeHint();
    size.setWidth(padding() + fontMetrics().horizontalAdvance(m_full));
    return size;
}

QSize ElidedButton::minimumSizeHint() const
{
    QSize size = QPushButton::minimumSizeHint();
    size.setWidth(
        qMin(sizeHint().width(), padding() + fontMetrics().horizontalAdvance(QStringLiteral("M")) * 8));
    return size;
}

void ElidedButton::resizeEvent(QResizeEvent *event)
{
    QPushButton::resizeEvent(event);
    elide();
}

void ElidedButton::elide()
{
    // Given the room it asked for, all of it (the elided measure rounds differently from the hint's).
    const QString shown = width() >= sizeHint().width()
        ? m_full
        : fontMetrics().elidedText(m_full, Qt::ElideRight, qMax(0, width() - padding()));
    if (shown != text())
        QPushButton::setText(shown);
}

} // namespace nemo::app
