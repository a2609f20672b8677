#include "common/banner.h"

#include "common/firstpaint.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace nemo::app {

Banner::Banner(Close close, QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
{
    setAutoFillBackground(true);
    // The same dark-on-amber in the light and the dark appearance (over 7:1).
    QPalette warning = palette();
    warning.setColor(QPalette::Window, QColor(0xfff3cd));
    warning.setColor(QPalette::WindowText, QColor(0x664d03));
    warning.setColor(QPalette::Text, QColor(0x664d03));
    setPalette(warning);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 4, 6);
    layout->addWidget(m_text, 1);
    if (close == Close::Yes) {
        m_close = new QToolButton(this);
        m_close->setAutoRaise(true);
        // Once the window is on screen (reading the style's icons is slow next to everything else at start).
        afterFirstPaint(this,
                        [this] { m_close->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton)); });
        layout->addWidget(m_close, 0, Qt::AlignTop);
        connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    }
    retranslate();
    hide();
}

void Banner::setText(const QString &text)
{
    m_text->setText(text);
    setAccessibleName(text);
}

QString Banner::text() const
{
    return m_text->text();
}

QPushButton *Banner::button()
{
    if (!m_button) {
        m_button = new QPushButton(this);
        static_cast<QHBoxLayout *>(layout())->insertWidget(1, m_button, 0, Qt::AlignVCenter);
    }
    return m_button;
}

void Banner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void Banner::retranslate()
{
    if (m_close) {
        m_close->setToolTip(tr("Dismiss"));
        m_close->setAccessibleName(tr("Dismiss"));
    }
}

} // namespace nemo::app
