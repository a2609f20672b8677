#pragma once

// Runs the real nemo-cli as a person's terminal would: its own home (config and data folders), its own
// keychain entry, a language, and any extra environment; collects what it printed and how it ended.

#include "requirements.h"

#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

// nemo-cli keeps its sign-in in the keychain: on Linux a session bus with gnome-keyring must be there.
#if defined(Q_OS_LINUX)
#define NEMO_REQUIRE_CLI_KEYCHAIN()                                                                          \
    NEMO_REQUIRE(                                                                                            \
        !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),                                            \
        "nemo-cli keeps its sign-in in the keychain; run under dbus-run-session with gnome-keyring "         \
        "(./scripts/test does)")
#else
#define NEMO_REQUIRE_CLI_KEYCHAIN() static_cast<void>(0)
#endif

namespace nemo::test {

struct CliRun
{
    int exitCode = -1; // -2: ended by a signal
    QString out;
    QString err;
};

class CliRunner
{
public:
    CliRun run(const QUrl &server, const QStringList &arguments, int timeoutMs = 60000,
               const QString &input = QString())
    {
        QProcess process;
        start(process, server, arguments);
        if (!input.isEmpty())
            process.write(input.toUtf8());
        process.closeWriteChannel();
        return finish(process, timeoutMs);
    }

    // Starts nemo-cli without waiting for it (a second terminal); finish() collects it.
    void start(QProcess &process, const QUrl &server, const QStringList &arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"),
                           dataHome.isEmpty() ? home.filePath(QStringLiteral("data")) : dataHome);
        environment.insert(QStringLiteral("NEMO_KEYCHAIN_SERVICE"), keychainService);
        environment.remove(QStringLiteral("NEMO_TOKEN"));
        environment.remove(QStringLiteral("NEMO_API_BASE"));
        environment.insert(QStringLiteral("LANG"), language + QStringLiteral(".UTF-8"));
        environment.insert(QStringLiteral("LANGUAGE"), language);
        environment.remove(QStringLiteral("LC_ALL"));
        environment.remove(QStringLiteral("LC_MESSAGES"));
        for (auto it = extraEnvironment.cbegin(); it != extraEnvironment.cend(); ++it)
            environment.insert(it.key(), it.value());
        process.setProcessEnvironment(environment);
        QStringList all = arguments;
        if (server.isValid())
            all.prepend(server.toString()), all.prepend(QStringLiteral("--base-url"));
        process.start(QStringLiteral(NEMO_CLI_EXE), all);
    }

    CliRun finish(QProcess &process, int timeoutMs = 60000)
    {
        CliRun run;
        if (process.state() != QProcess::NotRunning && !process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            run.err = QStringLiteral("timed out");
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        everything += run.out + run.err;
        return run;
    }

    static QString describe(const CliRun &run)
    {
        return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(run.exitCode).arg(run.out, run.err);
    }

    QTemporaryDir home;
    QString dataHome; // XDG_DATA_HOME when not the one in home (a mounted disk)
    QString keychainService;
    QString language = QStringLiteral("en_US");
    QString everything; // all that every run printed (checked for tokens)
    QHash<QString, QString> extraEnvironment;
};

} // namespace nemo::test
