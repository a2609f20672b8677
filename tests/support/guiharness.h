#pragma once

// For the GUI tests and the screenshot tool: the real MainWindow on a Workspace pointed at the local
// server (in-process), with the contract's timings shrunk.

#include "client/workspace.h"
#include "common/appsettings.h"
#include "common/mediawarmup.h"
#include "harness.h"
#include "project/projectkeeper.h"
#include "project/projectstore.h"
#include "shell/mainwindow.h"
#include "testsecretstore.h"
#include "util/translations.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <memory>

namespace nemo::test {

struct GuiHarness
{
    explicit GuiHarness(const fake::Scenario &scenario = quickScenario())
    {
        // Settings, projects and caches in QStandardPaths' test locations (~/.qttest), emptied for each
        // test; the program enables test mode before anything reads a path.
        if (!QStandardPaths::isTestModeEnabled())
            qFatal("GuiHarness needs QStandardPaths::setTestModeEnabled(true) first");
        for (const auto location : {QStandardPaths::AppConfigLocation, QStandardPaths::AppDataLocation,
                                    QStandardPaths::AppLocalDataLocation, QStandardPaths::CacheLocation})
            QDir(QStandardPaths::writableLocation(location)).removeRecursively();
        QSettings().clear();
        settings.setDownloadFolder(home.filePath(QStringLiteral("exports")));
        app::chooseVideoOutput(); // as main() does before the first window
        server.setScenario(scenario);
        if (!server.listen())
            qFatal("cannot start the local server");
        workspace = std::make_unique<client::Workspace>(quickConfig(server.baseUrl()), &secrets);
        window = std::make_unique<app::MainWindow>(workspace.get(), &settings);
        window->setTranslations(&translations);
    }

    // The window on a projects folder, as the app opens it at start: the last project, else a new one.
    project::ProjectKeeper *openProjects(const QString &folder)
    {
        projects = std::make_unique<project::ProjectStore>(folder);
        keeper = std::make_unique<project::ProjectKeeper>(workspace.get(), projects.get());
        window->setProjectKeeper(keeper.get());
        keeper->openLast();
        return keeper.get();
    }

    ScratchDir home;
    fake::FakeServer server;
    TestSecretStore secrets;
    app::AppSettings settings;
    util::Translations translations;
    std::unique_ptr<client::Workspace> workspace;
    std::unique_ptr<project::ProjectStore> projects;
    std::unique_ptr<project::ProjectKeeper> keeper;
    std::unique_ptr<app::MainWindow> window;
};

} // namespace nemo::test
