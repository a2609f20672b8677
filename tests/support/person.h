#pragma once

// One person's real nemo-studio, on a desktop of its own (Xvfb and openbox), driven by typed keys as a
// person drives it, and looked at as another program would: the project on disk, the windows.
#include "agent/chatmessage.h"
#include "guiharness.h"
#include "project/project.h"
#include "realprogram.h"

#include <QProcess>
#include <QTest>

#include <algorithm>
#include <optional>

namespace nemo::test {

// One person's nemo-studio on its own desktop.
class Person
{
public:
    explicit Person(GuiHarness &h)
        : profile(h.home.filePath(QStringLiteral("person")), h.server.baseUrl())
    { }

    bool setUp(QString *why)
    {
        if (!desktop.start(why))
            return false;
        profile.env = desktop.environment(profile.env);
        // Under AddressSanitizer, the program's normal exit would end in LeakSanitizer's report of what
        // Mesa's driver and GStreamer's plugins keep after they were unloaded ("<unknown module>": no
        // suppression can name it). The leaks of our own code are checked where it runs in-process.
        if (profile.env.contains(QStringLiteral("ASAN_OPTIONS"))) {
            profile.env.insert(QStringLiteral("ASAN_OPTIONS"),
                               profile.env.value(QStringLiteral("ASAN_OPTIONS")) +
                                   QStringLiteral(":detect_leaks=0"));
        }
        return true;
    }

    // Starts the program (with these files for its media bin) and waits for its window; its id, or empty.
    QString start(QProcess *app, const QStringList &files = {})
    {
        profile.start(app, files);
        if (!app->waitForStarted())
            return QString();
        QString window;
        if (!QTest::qWaitFor(
                [&] { return !(window = desktop.window(QStringLiteral("Nemo Studio$"))).isEmpty(); },
                30000)) {
            // Say what there is instead: the program's state and the desktop's windows.
            QStringList windows;
            const QString ids =
                desktop.xdotool({QStringLiteral("search"), QStringLiteral("--name"), QString()});
            for (const QString &id : ids.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                const QString name = desktop.xdotool({QStringLiteral("getwindowname"), id});
                if (!name.isEmpty())
                    windows.append(name + QLatin1Char(' ') +
                                   desktop.xdotool({QStringLiteral("getwindowgeometry"), id}).simplified());
            }
            qWarning("no window: program %s (exit %d); windows: %s; %s",
                     app->state() == QProcess::Running ? "running" : "not running", app->exitCode(),
                     qPrintable(windows.join(QStringLiteral(" | "))),
                     qPrintable(desktop.windowManagerState()));
            return QString();
        }
        return window;
    }

    // Writes to the agent as a person does: Ctrl+L to the chat, the words typed, Enter.
    bool ask(const QString &window, const QString &text)
    {
        return desktop.key(window, QStringLiteral("ctrl+l")) && desktop.type(window, text) &&
            desktop.key(window, QStringLiteral("Return"));
    }

    // Export Video (Ctrl+E) and its default button, Start Export (Enter).
    bool exportVideo(const QString &window)
    {
        if (!desktop.key(window, QStringLiteral("ctrl+e")))
            return false;
        QString dialog;
        if (!QTest::qWaitFor(
                [&] { return !(dialog = desktop.window(QStringLiteral("^Export Video$"))).isEmpty(); },
                15000))
            return false;
        return desktop.key(dialog, QStringLiteral("Return"));
    }

    // Asks for a video, waits for the reply, exports it, and waits until the export on disk is in `phase`.
    bool askAndExport(const QString &window, project::RenderRecord::State phase)
    {
        return ask(window, QStringLiteral("make a travel video")) &&
            QTest::qWaitFor(
                   [this] {
                       const auto project = onDisk();
                       const agent::ChatMessage *said = reply(project);
                       return project && project->drafts.size() == 1 && said &&
                           said->state == agent::ChatMessage::State::Done;
                   },
                   30000) &&
            exportVideo(window) &&
            QTest::qWaitFor([this, phase] { return render() && render()->state == phase; }, 30000);
    }

    // Its media bin on disk holds `count` items, every one uploaded.
    bool uploaded(int count) const
    {
        const auto project = onDisk();
        return project && project->media.size() == count &&
            std::all_of(project->media.cbegin(), project->media.cend(), [](const media::MediaItem &item) {
                   return item.state == media::MediaItem::State::Uploaded;
               });
    }

    // The agent's last reply is finished, with a timeline, on disk.
    bool replied() const
    {
        const auto project = onDisk();
        const agent::ChatMessage *said = reply(project);
        return project && !project->drafts.isEmpty() && said &&
            said->state == agent::ChatMessage::State::Done;
    }

    // The program opened its project (a new one is written with its first content).
    bool started() const { return !profile.store.lastProjectId().isEmpty(); }

    // The project as it is on disk now, read as another program would (never changing it).
    std::optional<project::Project> onDisk() const
    {
        const QString id = profile.store.lastProjectId();
        return id.isEmpty() ? std::nullopt : profile.store.load(id).project;
    }

    const agent::ChatMessage *reply(const std::optional<project::Project> &project) const
    {
        if (!project)
            return nullptr;
        for (auto it = project->messages.crbegin(); it != project->messages.crend(); ++it) {
            if (it->role == agent::ChatMessage::Role::Agent)
                return &*it;
        }
        return nullptr;
    }

    std::optional<project::RenderRecord> render() const
    {
        const auto project = onDisk();
        if (!project || project->renders.isEmpty())
            return std::nullopt;
        return project->renders.constLast();
    }

    Desktop desktop;
    Profile profile;
};

} // namespace nemo::test
