#include "notifier.h"

#include <QApplication>
#include <QSystemTrayIcon>
#include <QWidget>

#if defined(NEMO_HAVE_DBUS)
#include <QDBusConnection>
#include <QDBusInterface>
#include <QDBusReply>
#endif

namespace nemo::app {

Notifier::Notifier(QWidget *window)
    : QObject(window)
    , m_window(window)
{ }

bool Notifier::notify(const QString &title, const QString &body)
{
#if defined(NEMO_HAVE_DBUS)
    QDBusInterface notifications(
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("/org/freedesktop/Notifications"),
        QStringLiteral("org.freedesktop.Notifications"), QDBusConnection::sessionBus());
    // A notification daemon answers at once; one that hangs must not freeze the window.
    notifications.setTimeout(2000);
    if (notifications.isValid()) {
        const QDBusReply<uint> reply = notifications.call(
            QStringLiteral("Notify"), QApplication::applicationDisplayName(), uint(0),
            QStringLiteral("nemo-studio"), title, body, QStringList(), QVariantMap(), int(10000));
        if (reply.isValid()) {
            ++m_sent;
            return true;
        }
    }
#endif
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
            m_tray->show();
        }
        m_tray->showMessage(title, body, QSystemTrayIcon::Information, 10000);
        ++m_sent;
        return true;
    }
    QApplication::alert(m_window);
    return false;
}

} // namespace nemo::app
