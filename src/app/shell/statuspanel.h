#pragma once

#include "client/workspace.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace nemo::app {

// The status bar's right side: connection ("Setting up…", offline with Retry), credits (available
// and frozen) and days left on the sign-in. No token or raw answer is ever shown.
class StatusPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StatusPanel(client::Workspace *workspace, QWidget *parent = nullptr);

    QLabel *connectionLabel() const { return m_connection; }
    QLabel *creditsLabel() const { return m_credits; }
    QLabel *tokenLabel() const { return m_token; }
    QPushButton *retryButton() const { return m_retry; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void update();

    client::Workspace *m_workspace;
    QLabel *m_connection;
    QPushButton *m_retry;
    QLabel *m_credits;
    QLabel *m_token;
};

} // namespace nemo::app
