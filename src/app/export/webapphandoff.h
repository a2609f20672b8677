#pragma once

#include <QObject>

namespace nemo::client {
class Workspace;
} // namespace nemo::client

namespace nemo::app {

// Help → Open in NemoVideo Web: this project's task and session continued in the browser, through a
// claim token (the sign-in itself never goes into the link).
class WebAppHandoff : public QObject
{
    Q_OBJECT
public:
    explicit WebAppHandoff(client::Workspace *workspace, QObject *parent = nullptr);

    void start();
    bool isRunning() const { return m_running; }

signals:
    void runningChanged(bool running);
    // For the status bar; an empty text clears it.
    void message(const QString &text, int timeoutMs);

private:
    client::Workspace *m_workspace;
    bool m_running = false;
};

} // namespace nemo::app
