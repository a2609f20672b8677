#pragma once

#include "agent/guireference.h"
#include "agent/intentrouter.h"

#include <QMainWindow>
#include <QPointer>

class QDockWidget;
class QLabel;
class QPushButton;
class QTimer;

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
class ProjectExport;
class MediaBinPanel;
class PreviewMonitor;
class Notifier;
class SettingsDialog;
class StatusPanel;
class TimelinePanel;

// Nemo Studio's window: the chat in the middle, the media bin and the timeline in docks, the export
// dialog, settings, and a status bar with the connection, credits and sign-in. It only presents
// the workspace; everything that talks to the service lives in core.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(client::Workspace *workspace, AppSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    ChatPanel *chatPanel() const { return m_chat; }
    MediaBinPanel *mediaBin() const { return m_bin; }
    TimelinePanel *timelinePanel() const { return m_timeline; }
    QDockWidget *mediaDock() const { return m_mediaDock; }
    QDockWidget *timelineDock() const { return m_timelineDock; }
    QDockWidget *monitorDock() const { return m_monitorDock; }
    QDockWidget *historyDock() const { return m_historyDock; }
    PreviewMonitor *monitor() const { return m_monitor; }
    StatusPanel *statusPanel() const { return m_status; }
    // Shown above the chat while the service can't be reached.
    QWidget *offlineBanner() const { return m_offlineBanner; }
    ExportDialog *exportDialog();
    Notifier *notifier() const { return m_notifier; }
    QAction *action(const QString &name) const;
    // Where applied settings switch the interface language (the window retranslates itself).
    void setTranslations(util::Translations *translations) { m_translations = translations; }
    // The project on disk: New Project, Open Recent and the title follow it.
    void setProjectKeeper(project::ProjectKeeper *keeper);
    project::ProjectKeeper *projectKeeper() const { return m_keeper; }
    // Where the sign-in may be kept; when the keychain fails the user is asked where to keep it instead.
    void setSecretStorage(auth::SecretStorage *storage);
    // When the user keeps the sign-in nowhere: asks for this run's token (never stored); empty = a free
    // sign-in. Returns whether a token was entered.
    bool askForSessionToken();

    void addMedia();
    void openExport();
    void showTimeline();
    void openSettings();
    void handleGuiAction(agent::GuiAction action);
    // Continue in the web app: a claim token for this task and session, then the browser.
    void openInWebApp();
    // File → Export Project for Shotcut…: the edit as an MLT document with every source on this computer.
    void exportProjectForShotcut(const QString &chosenPath = QString());
    // File → Save a Copy As…: the whole project written elsewhere (when its folder can't be written).
    void saveProjectCopy(const QString &chosenPath = QString());
    // File → Export Project → As OpenTimelineIO…: the edit as an .otio timeline (DaVinci Resolve …).
    void exportProjectAsOtio(const QString &chosenPath = QString());
    void openLink(const QUrl &url);

signals:
    // Settings were applied: language, theme and service configuration are in effect.
    void settingsApplied();
    // The edit was written for Shotcut.
    void projectExported(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void releasePreview();
    bool m_previewHeld = true;
    void createActions();
    void createMenus();
    void retranslate();
    void handleIntent(agent::Intent intent);
    void updateTitle();
    void updateOfflineBanner();
    void askWhereToKeepSignIn(const QString &reason);
    void applySecretStorage();
    void fillRecentMenu();
    void exportFinished();
    void showShortcuts();
    void about();

    client::Workspace *m_workspace;
    AppSettings *m_settings;
    util::Translations *m_translations = nullptr;
    project::ProjectKeeper *m_keeper = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_exportProjectMenu = nullptr;
    QWidget *m_offlineBanner = nullptr;
    QLabel *m_offlineText = nullptr;
    QPushButton *m_offlineRetry = nullptr;
    QTimer *m_offlineTicker = nullptr;
    auth::SecretStorage *m_storage = nullptr;
    bool m_askedAboutStorage = false;
    ChatPanel *m_chat;
    MediaBinPanel *m_bin;
    TimelinePanel *m_timeline;
    QDockWidget *m_mediaDock;
    QDockWidget *m_timelineDock;
    PreviewMonitor *m_monitor;
    QDockWidget *m_monitorDock;
    QDockWidget *m_historyDock;
    StatusPanel *m_status;
    Notifier *m_notifier;
    ProjectExport *m_projectExport;
    QPointer<ExportDialog> m_export;
    QHash<QString, QAction *> m_actions;
    QList<QMenu *> m_menus;
};

} // namespace nemo::app
