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
    // Returns false when no notification service was available (the window was alerted instead).
    bool notify(const QString &title, const QString &body);
    // Notifications the desktop has accepted.
    int sent() const { return m_sent; }

private:
    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    int m_sent = 0;
};

} // namespace nemo::app
