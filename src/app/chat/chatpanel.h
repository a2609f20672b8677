#pragma once

#include "agent/guireference.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QScrollArea;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace nemo::client {
class Conversation;
} // namespace nemo::client

namespace nemo::app {

class ElidedButton;

class ChatModel;
class ChatView;
class MessageInput;

// The chat: suggestions while it is empty, then the transcript; a status line that shows the agent is
// alive while a turn runs ("Working… 2:14 — editing the timeline") with a Stop button in plain sight,
// or, after a dropped stream, when the timeline is looked at next (with Stop Waiting); and the input.
class ChatPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChatPanel(client::Conversation *conversation, QWidget *parent = nullptr);

    ChatView *view() const { return m_view; }
    MessageInput *input() const { return m_input; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *stopWaitingButton() const { return m_stopWaiting; }
    QLabel *statusLabel() const { return m_status; }
    QStringList suggestions() const;

    void focusInput(const QString &hint = QString());
    void submit();

signals:
    void guiActionTriggered(nemo::agent::GuiAction action);
    void linkActivated(const QUrl &url);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateBusy(bool busy);
    void updateWatching();
    void updateStatus();
    void retranslate();
    void updatePage();

    client::Conversation *m_conversation;
    ChatModel *m_model;
    ChatView *m_view;
    QStackedWidget *m_pages;
    QWidget *m_welcome;
    QLabel *m_welcomeTitle;
    QLabel *m_welcomeText;
    QList<ElidedButton *> m_suggestionButtons;
    QScrollArea *m_welcomeScroll = nullptr;
    QLabel *m_pulse;
    QLabel *m_status;
    QPushButton *m_stop;
    QPushButton *m_stopWaiting;
    MessageInput *m_input;
    QToolButton *m_send;
    QTimer m_clock;
    QElapsedTimer m_sinceHeartbeat;
    bool m_stillWorking = false;
    int m_pulseLevel = 0;
};

} // namespace nemo::app
