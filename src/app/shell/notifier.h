#pragma once

#include <QObject>

class QSystemTrayIcon;

namespace nemo::app {

// Desktop notifications ("Your video is ready"): the freedesktop notification service on Linux,
// the system tray elsewhere; when neither is there, the window asks for attention instead.
class Notifier : public QObject
{
    Q_OBJECT
public:
    explicit Notifier(QWidget *window);
    // Never waits: the desktop's answer comes later (and, if it is no, the window is alerted instead).
    void notify(const QString &title, const QString &body);
    // Notifications the desktop has accepted.
    int sent() const { return m_sent; }
    // Times the window asked for attention because no notification could be shown.
    int alerts() const { return m_alerts; }

private:
    void notifyWithoutTheBus(const QString &title, const QString &body);

    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    int m_sent = 0;
    int m_alerts = 0;
};

} // namespace nemo::app
