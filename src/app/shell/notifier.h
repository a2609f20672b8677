#pragma once

#include <QObject>

#include <functional>

class QSystemTrayIcon;

namespace nemo::render {
class Exporter;
} // namespace nemo::render

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
    // An export's end ("Your video is ready: trip.mp4"): a message for the status bar, and a notification
    // when the user is not looking at it.
    void watchExports(render::Exporter *exporter, std::function<bool()> looking);
    // Notifications the desktop has accepted.
    int sent() const { return m_sent; }
    // Times the window asked for attention because no notification could be shown.
    int alerts() const { return m_alerts; }

signals:
    void message(const QString &text, int timeoutMs);

private:
    void notifyWithoutTheBus(const QString &title, const QString &body);

    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    int m_sent = 0;
    int m_alerts = 0;
};

} // namespace nemo::app
