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

signals:
    void submitted();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    int heightForLines(int lines) const;
};

} // namespace nemo::app
