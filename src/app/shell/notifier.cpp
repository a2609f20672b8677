#include "shell/notifier.h"

#include <QApplication>
#include <QSystemTrayIcon>
#include <QWidget>

#if defined(NEMO_HAVE_DBUS)
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#endif

namespace nemo::app {

Notifier::Notifier(QWidget *window)
    : QObject(window)
    , m_window(window)
{ }

bool Notifier::notify(const QString &title, const QString &body)
{
#if defined(NEMO_HAVE_DBUS)
    // Asynchronous, so a slow or hung notification daemon never stalls the window; if it answers
    // with an error, the window asks for attention instead.
    QDBusConnection bus = QDBusConnection::sessionBus();
    const QString service = QStringLiteral("org.freedesktop.Notifications");
    if (bus.isConnected() && bus.interface() && bus.interface()->isServiceRegistered(service)) {
        QDBusMessage call = QDBusMessage::createMethodCall(
            service, QStringLiteral("/org/freedesktop/Notifications"), service, QStringLiteral("Notify"));
        call << QApplication::applicationDisplayName() << uint(0) << QStringLiteral("nemo-studio") << title
             << body << QStringList() << QVariantMap() << int(10000);
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 5000), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *finished) {
            finished->deleteLater();
            if (finished->isError())
                QApplication::alert(m_window);
            else
                ++m_sent;
        });
        return true;
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
