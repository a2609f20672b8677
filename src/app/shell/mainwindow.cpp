#include "shell/mainwindow.h"

#include "auth/authenticator.h"
#include "chat/chatpanel.h"
#include "client/workspace.h"
#include "common/appsettings.h"
#include "common/dialogs.h"
#include "common/firstpaint.h"
#include "common/mediawarmup.h"
#include "common/theme.h"
#include "common/weblinks.h"
#include "export/exportdialog.h"
#include "export/projectexport.h"
#include "export/webapphandoff.h"
#include "media/mediabinpanel.h"
#include "preview/previewmonitor.h"
#include "project/projectkeeper.h"
#include "render/previewrenderer.h"
#include "settings/settingsdialog.h"
#include "settings/signinchoice.h"
#include "shell/helpdialogs.h"
#include "shell/notifier.h"
#include "shell/offlinebanner.h"
#include "shell/paneldock.h"
#include "shell/panelproportions.h"
#include "shell/projectmenu.h"
#include "shell/quitguard.h"
#include "shell/statuspanel.h"
#include "shell/taborder.h"
#include "shell/windowactions.h"
#include "timeline/edithistory.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleHints>
#include <QTimer>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

namespace nemo::app {

using agent::GuiAction;
using client::Workspace;

MainWindow::MainWindow(client::Workspace *workspace, AppSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
    , m_settings(settings)
    , m_chat(new ChatPanel(workspace->conversation(), this))
    , m_bin(new MediaBinPanel(workspace->uploads(), this))
    , m_timeline(new TimelinePanel(workspace, this))
    , m_monitor(new PreviewMonitor(workspace->preview(), workspace->playhead(), this))
    , m_status(new StatusPanel(workspace, this))
    , m_offline(new OfflineBanner(workspace, this))
    , m_mediaDock(new QDockWidget(this))
    , m_timelineDock(new QDockWidget(this))
    , m_monitorDock(new QDockWidget(this))
    , m_historyDock(new QDockWidget(this))
    , m_notifier(new Notifier(this))
    , m_projectExport(new ProjectExport(workspace, settings, this))
    , m_projects(new ProjectMenu(settings, this))
    , m_webApp(new WebAppHandoff(workspace, this))
    , m_actions(new WindowActions(this))
    , m_quitGuard(new QuitGuard(workspace, m_projects, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    arrangePanels();
    createActions();
    createMenus();
    retranslate();
    connectPanels();
    resize(1280, 820);
    if (!settings->windowGeometry().isEmpty())
        restoreGeometry(settings->windowGeometry());
    if (!settings->windowState().isEmpty())
        restoreState(settings->windowState());
}

void MainWindow::arrangePanels()
{
    // The chat, with the offline banner above it.
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_offline);
    centralLayout->addWidget(m_chat, 1);
    setCentralWidget(central);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks |
                   QMainWindow::AllowTabbedDocks);
    addPanelDock(this, m_mediaDock, "MediaDock", m_bin, Qt::LeftDockWidgetArea);
    addPanelDock(this, m_timelineDock, "TimelineDock", m_timeline, Qt::BottomDockWidgetArea);
    addPanelDock(this, m_monitorDock, "MonitorDock", m_monitor, Qt::RightDockWidgetArea);
    addPanelDock(this, m_historyDock, "HistoryDock", m_timeline->historyView(), Qt::RightDockWidgetArea);
    tabifyDockWidget(m_monitorDock, m_historyDock);
    // Tab as the window is laid out: media (left), chat (middle), preview (top right), timeline (bottom).
    orderTabsByArea(this, {m_bin, m_chat, m_monitor, m_timeline});
    m_monitorDock->raise();
    new PanelProportions(this,
                         {{m_mediaDock, Qt::Horizontal, 340},
                          {m_monitorDock, Qt::Horizontal, 420},
                          {m_timelineDock, Qt::Vertical, 230}});
    statusBar()->addPermanentWidget(m_status);
    // The preview of a reopened project starts once the window is on screen (melt starting beside it
    // would slow the first paint down).
    m_workspace->preview()->hold();
}

void MainWindow::connectPanels()
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    // "Follow the system" keeps following when the desktop switches between light and dark.
    connect(QGuiApplication::styleHints(), &QStyleHints::colorSchemeChanged, this, [this] {
        if (m_settings->theme() == AppSettings::Theme::System)
            Theme::apply(AppSettings::Theme::System);
    });
#endif
    connect(m_projectExport, &ProjectExport::message, this, &MainWindow::showMessage);
    connect(m_projects, &ProjectMenu::message, this, &MainWindow::showMessage);
    connect(m_webApp, &WebAppHandoff::message, this, &MainWindow::showMessage);
    connect(m_projectExport, &ProjectExport::exported, this, &MainWindow::projectExported);
    connect(m_projects, &ProjectMenu::titleChanged, this, &QWidget::setWindowTitle);
    connect(m_webApp, &WebAppHandoff::runningChanged, action(ActionId::OpenInWeb),
            [open = action(ActionId::OpenInWeb)](bool running) { open->setEnabled(!running); });
    connect(m_bin, &MediaBinPanel::addMediaRequested, this, &MainWindow::addMedia);
    connect(m_chat, &ChatPanel::guiActionTriggered, this, &MainWindow::runGuiAction);
    connect(m_chat, &ChatPanel::linkActivated, this, &openWebLink);
    connect(m_workspace->conversation(), &client::Conversation::guiActionRequested, this,
            &MainWindow::runGuiAction);
    connect(m_timeline, &TimelinePanel::refreshRequested, m_workspace, &Workspace::refreshState);
    connect(m_workspace, &Workspace::timelineChanged, m_timeline, &TimelinePanel::showState);
    connect(m_timeline, &TimelinePanel::message, this,
            [this](const QString &text) { showMessage(text, 10000); });
    // One playhead for the preview and the timeline; the timeline's transport keys drive the monitor.
    connect(m_timeline->view(), &TimelineView::togglePlayRequested, m_monitor, &PreviewMonitor::togglePlay);
    connect(m_timeline->view(), &TimelineView::playRequested, m_monitor, &PreviewMonitor::play);
    connect(m_timeline->view(), &TimelineView::pauseRequested, m_monitor, &PreviewMonitor::pause);
    connect(m_workspace, &Workspace::notice, this, [this](const QString &text) { showMessage(text, 15000); });
    connect(m_notifier, &Notifier::message, this, &MainWindow::showMessage);
    m_notifier->watchExports(m_workspace->exporter(),
                             [this] { return isActiveWindow() && m_export && m_export->isVisible(); });
}

void MainWindow::createActions()
{
    using A = ActionId;
    m_actions->add(A::NewProject, [this] { m_projects->newProject(); });
    m_actions->add(A::SaveCopy, [this] { m_projects->saveCopy(); });
    m_actions->add(A::RenameProject, [this] { m_projects->rename(); });
    m_actions->add(A::AddMedia, [this] { addMedia(); });
    m_actions->add(A::PasteMedia, [this] { m_bin->paste(); });
    m_actions->add(A::Export, [this] { openExport(); });
    m_actions->add(A::ExportForShotcut, [this] { m_projectExport->start(ProjectExport::Format::Shotcut); });
    m_actions->add(A::ExportOtio, [this] { m_projectExport->start(ProjectExport::Format::OpenTimelineIO); });
    m_actions->add(A::OpenInWeb, [this] { m_webApp->start(); });
    m_actions->add(A::Quit, [this] { close(); });
    m_actions->add(A::Settings, [this] { openSettings(); });
    m_actions->add(A::GoToMedia, [this] { showPanel(m_mediaDock, m_bin->view()); });
    m_actions->add(A::ShowTimeline, [this] { showTimeline(); });
    m_actions->add(A::GoToPreview, [this] { showPanel(m_monitorDock, m_monitor); });
    m_actions->add(A::RefreshTimeline, [this] { runGuiAction(GuiAction::RefreshState); });
    m_actions->add(A::ZoomIn, [this] { m_timeline->view()->zoomIn(); });
    m_actions->add(A::ZoomOut, [this] { m_timeline->view()->zoomOut(); });
    m_actions->add(A::ZoomFit, [this] { m_timeline->view()->zoomToFit(); });
    m_actions->add(A::FocusChat, [this] { m_chat->focusInput(); });
    m_actions->add(A::Send, [this] { m_chat->submit(); });
    m_actions->add(A::Stop, [this] { m_workspace->conversation()->stop(); });
    m_actions->add(A::Credits, [this] { m_workspace->conversation()->showCredits(); });
    m_actions->add(A::Shortcuts, [this] { dialogs::open(new ShortcutsDialog(this)); });
    m_actions->add(A::Website, [] { openWebLink(QUrl(QStringLiteral("https://nemovideo.com"))); });
    m_actions->add(A::About, [this] { showAbout(this, m_workspace->service()->config().baseUrl); });
    m_actions->add(A::AboutQt, [this] { showAboutQt(this); });
    QUndoStack *stack = m_timeline->history()->stack(); // the hand edits and the media bin's removals
    m_bin->setUndoStack(stack);
    m_actions->adopt(A::Undo, stack->createUndoAction(this));
    m_actions->adopt(A::Redo, stack->createRedoAction(this));
    m_actions->adopt(A::ShowMediaPanel, m_mediaDock->toggleViewAction());
    m_actions->adopt(A::ShowTimelinePanel, m_timelineDock->toggleViewAction());
    m_actions->adopt(A::ShowPreviewPanel, m_monitorDock->toggleViewAction());
    m_actions->adopt(A::ShowHistoryPanel, m_historyDock->toggleViewAction());
    m_actions->finish();
    // Esc stops a running reply while this window has focus (a dialog keeps its own Esc); the action is
    // enabled only while a reply runs, so Esc is free for everything else the rest of the time.
    QAction *stop = action(A::Stop);
    stop->setShortcutContext(Qt::WindowShortcut);
    stop->setEnabled(false);
    connect(m_workspace->conversation(), &client::Conversation::busyChanged, stop, &QAction::setEnabled);
}

void MainWindow::createMenus()
{
    using A = ActionId;
    constexpr std::nullopt_t separator = std::nullopt;
    QMenu *file = m_actions->addMenu(menuBar(), {A::NewProject});
    file->addMenu(m_projects->recentMenu());
    file->addActions({action(A::SaveCopy), action(A::RenameProject), file->addSeparator(),
                      action(A::AddMedia), file->addSeparator(), action(A::Export)});
    // File → Export Project → for Shotcut / as OpenTimelineIO.
    m_exportProjectMenu = file->addMenu(QString());
    m_exportProjectMenu->setObjectName(QStringLiteral("ExportProjectMenu"));
    m_exportProjectMenu->addActions({action(A::ExportForShotcut), action(A::ExportOtio)});
    file->addActions({action(A::OpenInWeb), file->addSeparator(), action(A::Quit)});
    m_menus = {
        file,
        m_actions->addMenu(menuBar(), {A::Undo, A::Redo, separator, A::PasteMedia, separator, A::Settings}),
        m_actions->addMenu(menuBar(),
                           {A::ShowMediaPanel, A::ShowTimelinePanel, A::ShowPreviewPanel, A::ShowHistoryPanel,
                            separator, A::GoToMedia, A::ShowTimeline, A::GoToPreview, A::RefreshTimeline,
                            separator, A::ZoomIn, A::ZoomOut, A::ZoomFit}),
        m_actions->addMenu(menuBar(), {A::FocusChat, A::Send, A::Stop, separator, A::Credits}),
        m_actions->addMenu(menuBar(),
                           {A::Shortcuts, A::Website, A::OpenInWeb, separator, A::About, A::AboutQt})};
}

void MainWindow::retranslate()
{
    m_projects->retranslate();
    m_actions->retranslate();
    m_exportProjectMenu->setTitle(tr("Export &Project"));
    const QStringList titles = {tr("&File"), tr("&Edit"), tr("&View"), tr("&Chat"), tr("&Help")};
    for (int i = 0; i < m_menus.size(); ++i)
        m_menus.at(i)->setTitle(titles.at(i));
    m_mediaDock->setWindowTitle(tr("Media"));
    m_timelineDock->setWindowTitle(tr("Timeline"));
    m_monitorDock->setWindowTitle(tr("Preview"));
    m_historyDock->setWindowTitle(tr("History"));
    action(ActionId::Undo)->setToolTip(tr("Undo the last change (Ctrl+Z)"));
    action(ActionId::Redo)->setToolTip(tr("Redo the change last undone (Ctrl+Shift+Z)"));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

QAction *MainWindow::action(ActionId id) const
{
    return m_actions->at(id);
}

QWidget *MainWindow::offlineBanner() const
{
    return m_offline;
}

void MainWindow::setProjectKeeper(project::ProjectKeeper *keeper)
{
    m_keeper = keeper;
    m_projects->setKeeper(keeper);
}

void MainWindow::setSecretStorage(auth::SecretStorage *storage)
{
    m_signIn = new SignInChoice(m_workspace, m_settings, storage, this);
    connect(m_signIn, &SignInChoice::message, this,
            [this](const QString &text) { showMessage(text, 15000); });
}

void MainWindow::showMessage(const QString &text, int timeoutMs)
{
    if (text.isEmpty())
        statusBar()->clearMessage();
    else
        statusBar()->showMessage(text, timeoutMs);
}

ExportDialog *MainWindow::exportDialog()
{
    if (!m_export)
        m_export = new ExportDialog(m_workspace, m_settings, this);
    return m_export;
}

void MainWindow::runGuiAction(GuiAction guiAction)
{
    switch (guiAction) {
    case GuiAction::OpenExport:
        openExport();
        break;
    case GuiAction::RefreshState:
        m_workspace->refreshState();
        showTimeline();
        break;
    case GuiAction::ShowTimeline:
        showTimeline();
        break;
    case GuiAction::ComposeEdit:
        m_chat->focusInput(tr("Move "));
        break;
    case GuiAction::OpenWebApp:
        m_webApp->start();
        break;
    case GuiAction::AddMedia:
        addMedia();
        break;
    }
}

void MainWindow::addMedia()
{
    dialogs::askOpenPaths(this, tr("Add Media"),
                          QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
                          media::MediaValidator::fileDialogFilter(), [this](const QStringList &files) {
                              m_bin->addPaths(files);
                              m_mediaDock->show();
                          });
}

void MainWindow::openExport()
{
    ExportDialog *dialog = exportDialog();
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::showTimeline()
{
    showPanel(m_timelineDock, m_timeline->view());
}

void MainWindow::showPanel(QDockWidget *dock, QWidget *focus)
{
    dock->show();
    dock->raise();
    focus->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(m_settings, m_workspace, this);
    dialog->setAppliesTo(m_translations, m_signIn);
    connect(dialog, &SettingsDialog::applied, this, &MainWindow::settingsApplied);
    connect(dialog, &SettingsDialog::signOutRequested, this, [this] {
        m_workspace->service()->auth()->signOut(this, [this](const net::ApiError &error) {
            showMessage(error ? error.message() : tr("Signed out."), 10000);
        });
    });
    dialogs::open(dialog);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    // Dropped anywhere on the window, media goes to the bin.
    if (m_bin->addFromMime(event->mimeData()))
        m_mediaDock->show();
    event->acceptProposedAction();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (std::exchange(m_previewHeld, false)) {
        // The preview starts once the first frame is on screen, or 2 s after showing when no frame comes
        // (a window that starts hidden behind others on some systems).
        render::PreviewRenderer *preview = m_workspace->preview();
        afterFirstPaint(this, [preview] {
            preview->release();
            warmUpMediaBackend();
        });
        QTimer::singleShot(2000, preview, &render::PreviewRenderer::release);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_quitGuard->mayClose()) {
        event->ignore();
        return;
    }
    m_settings->saveWindow(saveGeometry(), saveState());
    if (project::ProjectKeeper *keeper = m_projects->keeper())
        keeper->flush();
    event->accept();
}

} // namespace nemo::app
