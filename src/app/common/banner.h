#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace nemo::app {

// A strip above a panel that says something the user should know now (offline, files refused), in
// the warning colours of both appearances, with an optional button and an optional ✕ that hides it.
class Banner : public QFrame
{
    Q_OBJECT
public:
    enum class Close
    {
        No,
        Yes
    };
    explicit Banner(Close close, QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const;
    // A button on the right (created on first use), e.g. "Try Now".
    QPushButton *button();
    QToolButton *closeButton() const { return m_close; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_text;
    QPushButton *m_button = nullptr;
    QToolButton *m_close = nullptr;
};

} // namespace nemo::app
