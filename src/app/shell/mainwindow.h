#pragma once

#include "agent/guireference.h"
#include "shell/actions.h"

#include <QMainWindow>
#include <QPointer>

class QDockWidget;

namespace nemo::util {
class Translations;
} // namespace nemo::util

namespace nemo::auth {
class SecretStorage;
} // namespace nemo::auth

namespace nemo::client {
class Workspace;
} // namespace nemo::client

namespace nemo::project {
class ProjectKeeper;
} // namespace nemo::project

namespace nemo::app {

class AppSettings;
class ChatPanel;
class ExportDialog;
class MediaBinPanel;
class Notifier;
class OfflineBanner;
class PreviewMonitor;
class ProjectExport;
class ProjectMenu;
class QuitGuard;
class SignInChoice;
class StatusPanel;
class TimelinePanel;
class WebAppHandoff;
class WindowActions;

// Nemo Studio's window, the shell: it arranges the panels (the chat in the middle, the media bin, the
// timeline, the preview and the history in docks), builds the menus from the action table and routes
// between the panels; the work is the panels' and the core's.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(client::Workspace *workspace, AppSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override = default;

    ChatPanel *chatPanel() const { return m_chat; }
    MediaBinPanel *mediaBin() const { return m_bin; }
    TimelinePanel *timelinePanel() const { return m_timeline; }
    PreviewMonitor *monitor() const { return m_monitor; }
    StatusPanel *statusPanel() const { return m_status; }
    QDockWidget *mediaDock() const { return m_mediaDock; }
    QDockWidget *timelineDock() const { return m_timelineDock; }
    QDockWidget *monitorDock() const { return m_monitorDock; }
    QDockWidget *historyDock() const { return m_historyDock; }
    QWidget *offlineBanner() const;
    ExportDialog *exportDialog();
    Notifier *notifier() const { return m_notifier; }
    ProjectExport *projectExport() const { return m_projectExport; }
    ProjectMenu *projectMenu() const { return m_projects; }
    SignInChoice *signIn() const { return m_signIn; }
    QAction *action(ActionId id) const;
    // Where applied settings switch the interface language (the window retranslates itself).
    void setTranslations(util::Translations *translations) { m_translations = translations; }
    // The project on disk: New Project, Open Recent and the title follow it.
    void setProjectKeeper(project::ProjectKeeper *keeper);
    project::ProjectKeeper *projectKeeper() const { return m_keeper; }
    // Where the sign-in may be kept; when the keychain fails the user is asked where to keep it instead.
    void setSecretStorage(auth::SecretStorage *storage);

    // The one way the window runs what a reply offers or a typed command asks for.
    void runGuiAction(agent::GuiAction action);
    void addMedia();
    void openExport();
    void showTimeline();
    void openSettings();

signals:
    // Settings were applied: language, theme and service configuration are in effect.
    void settingsApplied();
    // The edit was written for Shotcut or as OpenTimelineIO.
    void projectExported(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void arrangePanels();
    void connectPanels();
    void createActions();
    void createMenus();
    void retranslate();
    void showMessage(const QString &text, int timeoutMs);
    void showPanel(QDockWidget *dock, QWidget *focus);

    client::Workspace *m_workspace;
    AppSettings *m_settings;
    util::Translations *m_translations = nullptr;
    ChatPanel *m_chat;
    MediaBinPanel *m_bin;
    TimelinePanel *m_timeline;
    PreviewMonitor *m_monitor;
    StatusPanel *m_status;
    OfflineBanner *m_offline;
    QDockWidget *m_mediaDock;
    QDockWidget *m_timelineDock;
    QDockWidget *m_monitorDock;
    QDockWidget *m_historyDock;
    Notifier *m_notifier;
    ProjectExport *m_projectExport;
    ProjectMenu *m_projects;
    WebAppHandoff *m_webApp;
    SignInChoice *m_signIn = nullptr;
    project::ProjectKeeper *m_keeper = nullptr;
    QPointer<ExportDialog> m_export;
    WindowActions *m_actions;
    QuitGuard *m_quitGuard;
    QList<QMenu *> m_menus;
    QMenu *m_exportProjectMenu = nullptr;
    bool m_previewHeld = true;
};

} // namespace nemo::app
