#pragma once

// The real nemo-studio program, started and driven from outside as a person would: its own profile,
// and (for typed input) an X server of its own with a window manager, typed into with xdotool.
#include "auth/secretstorage.h"
#include "project/projectstore.h"

#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QStringList>
#include <QTest>
#include <QUrl>

namespace nemo::test {

// A person's profile under `appHome` for the real program: its own XDG folders, the sign-in kept in
// a file (so no keychain prompt waits for a person), the local server, the projects folder, exports
// into appHome/Videos.
struct Profile
{
    Profile(const QString &appHome, const QUrl &server)
        : base{QStringLiteral("--base-url"), server.toString()}
        , store(appHome + QStringLiteral("/data/NemoStudio/NemoStudio/projects"))
        , videos(appHome + QStringLiteral("/Videos"))
    {
        QSettings conf(appHome + QStringLiteral("/config/NemoStudio/NemoStudio.conf"), QSettings::IniFormat);
        conf.setValue(QStringLiteral("security/secretStorage"),
                      auth::SecretStorage::name(auth::SecretStorage::Kind::File));
        conf.setValue(QStringLiteral("export/folder"), videos);
        conf.sync();
        env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), appHome + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), appHome + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), appHome + QStringLiteral("/cache"));
        env.remove(QStringLiteral("NEMO_TOKEN"));
        env.remove(QStringLiteral("NEMO_API_BASE"));
    }
    // Starts nemo-studio in this profile with these files.
    void start(QProcess *process, const QStringList &files = {}) const
    {
        process->setProcessEnvironment(env);
        process->setProcessChannelMode(QProcess::ForwardedChannels);
        process->start(QStringLiteral(NEMO_STUDIO_EXE), base + files);
    }
    QProcessEnvironment env;
    QStringList base;
    project::ProjectStore store;
    QString videos;
};

// An X server of its own (Xvfb) with a window manager (openbox), so that typed input goes where a
// person's would: to the active window's focused widget. Other tests' windows on the test's own display
// are never touched.
class Desktop
{
public:
    Desktop() = default;
    Desktop(const Desktop &) = delete;
    Desktop &operator=(const Desktop &) = delete;
    ~Desktop()
    {
        for (QProcess *process : {&m_windowManager, &m_server}) {
            process->kill();
            process->waitForFinished();
        }
    }

    // False (and why) when Xvfb, openbox or xdotool is missing or does not start.
    bool start(QString *why)
    {
        for (const char *tool : {"Xvfb", "openbox", "xdotool"}) {
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty()) {
                *why = QStringLiteral("%1 is not installed (./scripts/test installs it)")
                           .arg(QLatin1String(tool));
                return false;
            }
        }
        // -displayfd: the server takes a free display and says which on its standard output. -noreset:
        // an X server resets when its last client leaves and refuses connections meanwhile (between one
        // xdotool call and the next client, say).
        m_server.start(QStringLiteral("Xvfb"),
                       {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-noreset"),
                        QStringLiteral("-screen"), QStringLiteral("0"), QStringLiteral("1280x800x24"),
                        QStringLiteral("-nolisten"), QStringLiteral("tcp")});
        if (!m_server.waitForStarted() ||
            !QTest::qWaitFor([this] { return m_server.canReadLine(); }, 15000)) {
            *why = QStringLiteral("Xvfb did not start");
            return false;
        }
        m_display = QLatin1Char(':') + QString::fromLatin1(m_server.readLine()).trimmed();
        // Taking connections once a client can ask it something.
        if (!QTest::qWaitFor(
                [this] {
                    bool ok = false;
                    xdotool({QStringLiteral("getdisplaygeometry")}, &ok);
                    return ok;
                },
                15000)) {
            *why = QStringLiteral("Xvfb does not take connections: ") + windowManagerState();
            return false;
        }
        m_windowManager.setProcessEnvironment(environment(QProcessEnvironment::systemEnvironment()));
        m_windowManager.setProcessChannelMode(QProcess::MergedChannels);
        m_windowManager.start(QStringLiteral("openbox"), {QStringLiteral("--sm-disable")});
        // Up once it has set its desktops on the root window: a window mapped before that could be
        // missed while it starts.
        if (!m_windowManager.waitForStarted() ||
            !QTest::qWaitFor(
                [this] {
                    bool ok = false;
                    xdotool({QStringLiteral("get_num_desktops")}, &ok);
                    return ok;
                },
                15000)) {
            *why = QStringLiteral("openbox did not start: ") + windowManagerState();
            return false;
        }
        return true;
    }

    // What the window manager said, and whether it still runs (when a window does not appear).
    QString windowManagerState()
    {
        auto state = [](const QProcess &process) {
            return process.state() == QProcess::Running ? QStringLiteral("running")
                                                        : QStringLiteral("not running");
        };
        return QStringLiteral("Xvfb on %1 %2 (%3); openbox %4: %5")
            .arg(m_display, state(m_server),
                 QString::fromLocal8Bit(m_server.readAllStandardError()).simplified(), state(m_windowManager),
                 QString::fromLocal8Bit(m_windowManager.readAll()).simplified());
    }

    // `base` with this desktop's display.
    QProcessEnvironment environment(QProcessEnvironment base) const
    {
        base.insert(QStringLiteral("DISPLAY"), m_display);
        base.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        base.remove(QStringLiteral("WAYLAND_DISPLAY"));
        return base;
    }

    // Runs xdotool on this desktop; its output, or a null string when it failed.
    QString xdotool(const QStringList &arguments, bool *ok = nullptr) const
    {
        QProcess process;
        process.setProcessEnvironment(environment(QProcessEnvironment::systemEnvironment()));
        process.start(QStringLiteral("xdotool"), arguments);
        const bool done = process.waitForFinished(20000) && process.exitStatus() == QProcess::NormalExit &&
            process.exitCode() == 0;
        if (ok)
            *ok = done;
        return done ? QString::fromUtf8(process.readAllStandardOutput()).trimmed() : QString();
    }

    // The first visible window whose title matches `title` (a regular expression), or empty.
    QString window(const QString &title) const
    {
        return xdotool({QStringLiteral("search"), QStringLiteral("--onlyvisible"), QStringLiteral("--name"),
                        title})
            .section(QLatin1Char('\n'), 0, 0);
    }

    // Keys pressed in `window`, brought to the front first, e.g. "ctrl+l" or "Return".
    bool key(const QString &window, const QString &keys) const
    {
        bool ok = false;
        xdotool({QStringLiteral("windowactivate"), QStringLiteral("--sync"), window}, &ok);
        if (ok)
            xdotool({QStringLiteral("key"), QStringLiteral("--clearmodifiers"), keys}, &ok);
        return ok;
    }

    // Text typed into `window`'s focused widget one key at a time.
    bool type(const QString &window, const QString &text) const
    {
        bool ok = false;
        xdotool({QStringLiteral("windowactivate"), QStringLiteral("--sync"), window}, &ok);
        if (ok)
            xdotool({QStringLiteral("type"), QStringLiteral("--delay"), QStringLiteral("12"), text}, &ok);
        return ok;
    }

private:
    QProcess m_server;
    QProcess m_windowManager;
    QString m_display;
};

} // namespace nemo::test
