#pragma once

#include <QPlainTextEdit>

namespace nemo::app {

// Where the user types to the agent: Enter sends, Shift+Enter starts a new line; grows with the text
// up to a few lines.
class MessageInput : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit MessageInput(QWidget *parent = nullptr);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // The hint shown while it is empty: `full` where it fits, else the `brief` one (the keys are on the
    // Send button's tooltip and in the accessible description).
    void setHints(const QString &brief, const QString &full);

signals:
    void submitted();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    int heightForLines(int lines) const;
    void updateHint();

    QString m_brief;
    QString m_full;
};

} // namespace nemo::app
