#include "shell/notifier.h"

#include "render/exporter.h"

#include <QApplication>
#include <QFileInfo>
#include <QSystemTrayIcon>
#include <QWidget>

#if defined(NEMO_HAVE_DBUS)
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#endif

namespace nemo::app {

Notifier::Notifier(QWidget *window)
    : QObject(window)
    , m_window(window)
{ }

void Notifier::watchExports(render::Exporter *exporter, std::function<bool()> looking)
{
    connect(exporter, &render::Exporter::finished, this, [this, exporter, looking] {
        const bool done = exporter->phase() == render::Exporter::Phase::Done;
        const QString title = done ? tr("Your video is ready") : tr("The export failed");
        const QString body =
            done ? QFileInfo(exporter->targetPath()).fileName() : exporter->error().message();
        emit message(title + QStringLiteral(": ") + body, 15000);
        if (!looking())
            notify(title, body);
    });
}

void Notifier::notify(const QString &title, const QString &body)
{
#if defined(NEMO_HAVE_DBUS)
    // Only asynchronous calls, so a slow or hung bus or notification daemon never stalls the window: no
    // question first whether the daemon is there; if the call fails (no daemon, an error), the tray or
    // the window's alert takes over.
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        const QString service = QStringLiteral("org.freedesktop.Notifications");
        QDBusMessage call = QDBusMessage::createMethodCall(
            service, QStringLiteral("/org/freedesktop/Notifications"), service, QStringLiteral("Notify"));
        call << QApplication::applicationDisplayName() << uint(0) << QStringLiteral("nemo-studio") << title
             << body << QStringList() << QVariantMap() << int(10000);
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 5000), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this,
                [this, title, body](QDBusPendingCallWatcher *finished) {
                    finished->deleteLater();
                    if (finished->isError())
                        notifyWithoutTheBus(title, body);
                    else
                        ++m_sent;
                });
        return;
    }
#endif
    notifyWithoutTheBus(title, body);
}

void Notifier::notifyWithoutTheBus(const QString &title, const QString &body)
{
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
            m_tray->show();
        }
        m_tray->showMessage(title, body, QSystemTrayIcon::Information, 10000);
        ++m_sent;
        return;
    }
    QApplication::alert(m_window);
    ++m_alerts;
}

} // namespace nemo::app
