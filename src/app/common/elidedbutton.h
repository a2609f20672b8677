#pragma once

#include <QPushButton>

namespace nemo::app {

// A push button whose words end in "…" when there is not room for all of them, so that a long label
// (a suggested request) never holds a small window wider than the screen. Its tooltip and accessible
// name keep the whole text.
class ElidedButton : public QPushButton
{
    Q_OBJECT
public:
    using QPushButton::QPushButton;

    void setFullText(const QString &text);
    QString fullText() const { return m_full; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();
    int padding() const;

    QString m_full;
};

} // namespace nemo::app
