#include "shell/mainwindow.h"

#include "auth/authenticator.h"
#include "auth/claimtokenquery.h"
#include "auth/secretstorage.h"
#include "chat/chatpanel.h"
#include "chat/chatview.h"
#include "chat/messageinput.h"
#include "client/workspace.h"
#include "common/appsettings.h"
#include "common/firstpaint.h"
#include "common/theme.h"
#include "export/exportdialog.h"
#include "export/projectexport.h"
#include "media/mediabinpanel.h"
#include "preview/previewmonitor.h"
#include "project/projectkeeper.h"
#include "project/projectstore.h"
#include "render/exporter.h"
#include "render/previewrenderer.h"
#include "settings/settingsdialog.h"
#include "shell/notifier.h"
#include "shell/statuspanel.h"
#include "timeline/edithistory.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"
#include "util/nemoversion.h"
#include "util/translations.h"
#include "util/weblink.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QShortcut>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleHints>
#include <QTimer>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>
#include <QWindow>

namespace nemo::app {

using agent::GuiAction;
using agent::Intent;
using client::Workspace;
using render::Exporter;

MainWindow::MainWindow(client::Workspace *workspace, AppSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
    , m_settings(settings)
    , m_chat(new ChatPanel(workspace->conversation(), this))
    , m_bin(new MediaBinPanel(workspace->uploads(), this))
    , m_timeline(new TimelinePanel(workspace, this))
    , m_mediaDock(new QDockWidget(this))
    , m_timelineDock(new QDockWidget(this))
    , m_monitor(new PreviewMonitor(workspace->preview(), workspace->playhead(), this))
    , m_monitorDock(new QDockWidget(this))
    , m_historyDock(new QDockWidget(this))
    , m_status(new StatusPanel(workspace, this))
    , m_notifier(new Notifier(this))
    , m_projectExport(new ProjectExport(workspace, settings, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    connect(m_projectExport, &ProjectExport::message, this, [this](const QString &text, int timeout) {
        if (text.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(text, timeout);
    });
    connect(m_projectExport, &ProjectExport::exported, this, &MainWindow::projectExported);
    setAcceptDrops(true);
    // The chat, with a banner above it while the service can't be reached.
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_offlineBanner = new QFrame(central);
    m_offlineBanner->setObjectName(QStringLiteral("OfflineBanner"));
    m_offlineBanner->setAutoFillBackground(true);
    QPalette bannerPalette = m_offlineBanner->palette();
    bannerPalette.setColor(QPalette::Window, QColor(0xfff3cd));
    bannerPalette.setColor(QPalette::WindowText, QColor(0x664d03));
    m_offlineBanner->setPalette(bannerPalette);
    auto *bannerLayout = new QHBoxLayout(m_offlineBanner);
    m_offlineText = new QLabel(m_offlineBanner);
    m_offlineText->setWordWrap(true);
    m_offlineRetry = new QPushButton(m_offlineBanner);
    m_offlineRetry->setObjectName(QStringLiteral("OfflineRetryButton"));
    bannerLayout->addWidget(m_offlineText, 1);
    bannerLayout->addWidget(m_offlineRetry);
    m_offlineBanner->hide();
    centralLayout->addWidget(m_offlineBanner);
    centralLayout->addWidget(m_chat, 1);
    setCentralWidget(central);
    m_offlineTicker = new QTimer(this);
    m_offlineTicker->setInterval(1000);
    connect(m_offlineTicker, &QTimer::timeout, this, &MainWindow::updateOfflineBanner);
    connect(m_offlineRetry, &QPushButton::clicked, workspace, &Workspace::connectToService);
    connect(workspace, &Workspace::connectionChanged, this, &MainWindow::updateOfflineBanner);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks |
                   QMainWindow::AllowTabbedDocks);
    m_mediaDock->setObjectName(QStringLiteral("MediaDock"));
    m_mediaDock->setWidget(m_bin);
    m_timelineDock->setObjectName(QStringLiteral("TimelineDock"));
    m_timelineDock->setWidget(m_timeline);
    addDockWidget(Qt::LeftDockWidgetArea, m_mediaDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_timelineDock);
    m_monitorDock->setObjectName(QStringLiteral("MonitorDock"));
    m_monitorDock->setWidget(m_monitor);
    // The preview of a reopened project starts once the window is on screen (melt starting beside it
    // would slow the first paint down).
    m_workspace->preview()->hold();
    addDockWidget(Qt::RightDockWidgetArea, m_monitorDock);
    // Every hand edit, undoable from any point (a click on a line goes back to it).
    m_historyDock->setObjectName(QStringLiteral("HistoryDock"));
    auto *history = new QUndoView(m_timeline->history()->stack(), m_historyDock);
    history->setObjectName(QStringLiteral("HistoryView"));
    m_historyDock->setWidget(history);
    addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
    tabifyDockWidget(m_monitorDock, m_historyDock);
    m_monitorDock->raise();
    resizeDocks({m_mediaDock, m_monitorDock}, {340, 420}, Qt::Horizontal);
    resizeDocks({m_timelineDock}, {230}, Qt::Vertical);
    statusBar()->addPermanentWidget(m_status);

    createActions();
    createMenus();
    retranslate();

#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    // "Follow the system" keeps following when the desktop switches between light and dark.
    connect(QGuiApplication::styleHints(), &QStyleHints::colorSchemeChanged, this, [this] {
        if (m_settings->theme() == AppSettings::Theme::System)
            Theme::apply(AppSettings::Theme::System);
    });
#endif
    connect(m_bin, &MediaBinPanel::addMediaRequested, this, &MainWindow::addMedia);
    connect(m_chat, &ChatPanel::guiActionTriggered, this, &MainWindow::handleGuiAction);
    connect(m_chat, &ChatPanel::linkActivated, this, &MainWindow::openLink);
    connect(m_timeline, &TimelinePanel::refreshRequested, workspace, &Workspace::refreshState);
    connect(workspace->conversation(), &client::Conversation::intentRequested, this,
            &MainWindow::handleIntent);
    connect(workspace, &Workspace::timelineChanged, m_timeline, &TimelinePanel::showState);
    connect(m_timeline, &TimelinePanel::message, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    // The preview and the timeline share the workspace's playhead; the timeline's transport keys drive
    // the monitor.
    connect(m_timeline->view(), &TimelineView::togglePlayRequested, m_monitor, &PreviewMonitor::togglePlay);
    connect(m_timeline->view(), &TimelineView::playRequested, m_monitor, &PreviewMonitor::play);
    connect(m_timeline->view(), &TimelineView::pauseRequested, m_monitor, &PreviewMonitor::pause);
    connect(workspace, &Workspace::notice, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    connect(workspace->exporter(), &Exporter::finished, this, &MainWindow::exportFinished);

    resize(1280, 820);
    if (!settings->windowGeometry().isEmpty())
        restoreGeometry(settings->windowGeometry());
    if (!settings->windowState().isEmpty())
        restoreState(settings->windowState());
}

MainWindow::~MainWindow() = default;

QAction *MainWindow::action(const QString &name) const
{
    return m_actions.value(name);
}

void MainWindow::createActions()
{
    // Icons are looked up once the window is on screen (the first search of the icon theme is slow).
    auto icons = std::make_shared<QList<std::pair<QAction *, QString>>>();
    afterFirstPaint(this, [icons] {
        for (const auto &[action, icon] : *icons)
            action->setIcon(QIcon::fromTheme(icon));
    });
    auto add = [this, icons](const QString &name, const QKeySequence &shortcut, const QString &icon,
                             auto slot) {
        auto *action = new QAction(this);
        action->setObjectName(name);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        if (!icon.isEmpty())
            icons->append({action, icon});
        connect(action, &QAction::triggered, this, slot);
        m_actions.insert(name, action);
        addAction(action);
        return action;
    };
    add(QStringLiteral("newProject"), QKeySequence::New, QStringLiteral("document-new"), [this] {
        if (m_keeper)
            m_keeper->newProject();
    });
    // Ctrl+Shift+S everywhere (the platforms' own Save As is not bound on Windows and plain X11).
    add(QStringLiteral("saveCopy"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
        QStringLiteral("document-save-as"), [this] { saveProjectCopy(); });
    add(QStringLiteral("addMedia"), QKeySequence::Open, QStringLiteral("list-add"), [this] { addMedia(); });
    add(QStringLiteral("pasteMedia"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V),
        QStringLiteral("edit-paste"), [this] { m_bin->paste(); });
    add(QStringLiteral("export"), QKeySequence(Qt::CTRL | Qt::Key_E), QStringLiteral("document-export"),
        [this] { openExport(); });
    add(QStringLiteral("quit"), QKeySequence::Quit, QStringLiteral("application-exit"), [this] { close(); });
    add(QStringLiteral("settings"), QKeySequence(Qt::CTRL | Qt::Key_Comma),
        QStringLiteral("preferences-system"), [this] { openSettings(); });
    add(QStringLiteral("focusChat"), QKeySequence(Qt::CTRL | Qt::Key_L), QString(),
        [this] { m_chat->focusInput(); });
    add(QStringLiteral("send"), QKeySequence(Qt::CTRL | Qt::Key_Return), QStringLiteral("document-send"),
        [this] { m_chat->submit(); });
    add(QStringLiteral("stop"), QKeySequence(), QStringLiteral("process-stop"),
        [this] { m_workspace->conversation()->stop(); });
    add(QStringLiteral("credits"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K), QString(),
        [this] { m_workspace->conversation()->submit(tr("credits")); });
    add(QStringLiteral("refreshTimeline"), QKeySequence::Refresh, QStringLiteral("view-refresh"), [this] {
        m_workspace->refreshState();
        showTimeline();
    });
    add(QStringLiteral("zoomIn"), QKeySequence::ZoomIn, QStringLiteral("zoom-in"),
        [this] { m_timeline->view()->zoomBy(1.25); });
    add(QStringLiteral("zoomOut"), QKeySequence::ZoomOut, QStringLiteral("zoom-out"),
        [this] { m_timeline->view()->zoomBy(1 / 1.25); });
    add(QStringLiteral("zoomFit"), QKeySequence(Qt::CTRL | Qt::Key_0), QStringLiteral("zoom-fit-best"),
        [this] { m_timeline->view()->zoomToFit(); });
    add(QStringLiteral("showTimeline"), QKeySequence(Qt::CTRL | Qt::Key_T), QString(),
        [this] { showTimeline(); });
    add(QStringLiteral("shortcuts"), QKeySequence::HelpContents, QStringLiteral("help-keyboard-shortcuts"),
        [this] { showShortcuts(); });
    add(QStringLiteral("website"), QKeySequence(), QStringLiteral("internet-web-browser"),
        [this] { openLink(QUrl(QStringLiteral("https://nemovideo.com"))); });
    add(QStringLiteral("openInWeb"), QKeySequence(), QStringLiteral("internet-web-browser"),
        [this] { openInWebApp(); });
    add(QStringLiteral("exportProject"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
        QStringLiteral("document-save-as"), [this] { exportProjectForShotcut(); });
    add(QStringLiteral("exportOtio"), QKeySequence(), QStringLiteral("document-save-as"),
        [this] { exportProjectAsOtio(); });
    add(QStringLiteral("about"), QKeySequence(), QStringLiteral("help-about"), [this] { about(); });
    add(QStringLiteral("aboutQt"), QKeySequence(), QString(), [] { QApplication::aboutQt(); });
    // Esc stops a running turn anywhere in the window (the chat's Stop button does the same); the
    // action is enabled only while a turn runs, so Esc is free for everything else the rest of the time.
    m_actions.value(QStringLiteral("stop"))->setShortcut(QKeySequence(Qt::Key_Escape));
    m_actions.value(QStringLiteral("stop"))->setShortcutContext(Qt::WindowShortcut);
    m_actions.value(QStringLiteral("stop"))->setEnabled(false);
    connect(m_workspace->conversation(), &client::Conversation::busyChanged,
            m_actions.value(QStringLiteral("stop")), &QAction::setEnabled);
    // Undo and redo of hand edits, named for what they undo ("Undo Trim photo2.jpg").
    QUndoStack *stack = m_timeline->history()->stack();
    QAction *undo = stack->createUndoAction(this);
    undo->setObjectName(QStringLiteral("undo"));
    undo->setShortcuts(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WindowShortcut);
    m_actions.insert(QStringLiteral("undo"), undo);
    addAction(undo);
    QAction *redo = stack->createRedoAction(this);
    redo->setObjectName(QStringLiteral("redo"));
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &key :
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)}) {
        if (!redoKeys.contains(key))
            redoKeys.append(key);
    }
    redo->setShortcuts(redoKeys);
    m_actions.insert(QStringLiteral("redo"), redo);
    addAction(redo);
    afterFirstPaint(this, [undo, redo] {
        undo->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
        redo->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo")));
    });
    m_mediaDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_timelineDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_monitorDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
}

void MainWindow::createMenus()
{
    auto menu = [this](std::initializer_list<QAction *> actions) {
        QMenu *m = menuBar()->addMenu(QString());
        for (QAction *action : actions) {
            if (action)
                m->addAction(action);
            else
                m->addSeparator();
        }
        m_menus.append(m);
        return m;
    };
    m_recentMenu = new QMenu(this);
    m_recentMenu->setObjectName(QStringLiteral("RecentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    QMenu *file = menu({action(QStringLiteral("newProject"))});
    file->addMenu(m_recentMenu);
    file->addAction(action(QStringLiteral("saveCopy")));
    file->addSeparator();
    // File → Export Project → for Shotcut / as OpenTimelineIO.
    m_exportProjectMenu = new QMenu(this);
    m_exportProjectMenu->setObjectName(QStringLiteral("ExportProjectMenu"));
    m_exportProjectMenu->addAction(action(QStringLiteral("exportProject")));
    m_exportProjectMenu->addAction(action(QStringLiteral("exportOtio")));
    for (const char *name : {"addMedia", "", "export", "exportProjectMenu", "openInWeb", "", "quit"}) {
        if (qstrcmp(name, "exportProjectMenu") == 0)
            file->addMenu(m_exportProjectMenu);
        else if (*name)
            file->addAction(action(QLatin1String(name)));
        else
            file->addSeparator();
    }
    menu({action(QStringLiteral("undo")), action(QStringLiteral("redo")), nullptr,
          action(QStringLiteral("pasteMedia")), nullptr, action(QStringLiteral("settings"))});
    menu({m_mediaDock->toggleViewAction(), m_timelineDock->toggleViewAction(),
          m_monitorDock->toggleViewAction(), m_historyDock->toggleViewAction(), nullptr,
          action(QStringLiteral("showTimeline")), action(QStringLiteral("refreshTimeline")), nullptr,
          action(QStringLiteral("zoomIn")), action(QStringLiteral("zoomOut")),
          action(QStringLiteral("zoomFit"))});
    menu({action(QStringLiteral("focusChat")), action(QStringLiteral("send")), action(QStringLiteral("stop")),
          nullptr, action(QStringLiteral("credits"))});
    menu({action(QStringLiteral("shortcuts")), action(QStringLiteral("website")),
          action(QStringLiteral("openInWeb")), nullptr, action(QStringLiteral("about")),
          action(QStringLiteral("aboutQt"))});
}

void MainWindow::retranslate()
{
    updateTitle();
    updateOfflineBanner();
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_exportProjectMenu->setTitle(tr("Export &Project"));
    const QStringList titles = {tr("&File"), tr("&Edit"), tr("&View"), tr("&Chat"), tr("&Help")};
    for (int i = 0; i < m_menus.size(); ++i)
        m_menus.at(i)->setTitle(titles.at(i));
    const QHash<QString, QString> texts = {
        {QStringLiteral("newProject"), tr("&New Project")},
        {QStringLiteral("saveCopy"), tr("Save a &Copy As…")},
        {QStringLiteral("addMedia"), tr("&Add Media…")},
        {QStringLiteral("pasteMedia"), tr("&Paste Media")},
        {QStringLiteral("export"), tr("&Export Video…")},
        {QStringLiteral("quit"), tr("&Quit")},
        {QStringLiteral("settings"), tr("&Settings…")},
        {QStringLiteral("focusChat"), tr("&Write to the Agent")},
        {QStringLiteral("send"), tr("&Send Message")},
        {QStringLiteral("stop"), tr("S&top Reply")},
        {QStringLiteral("credits"), tr("Show &Credits")},
        {QStringLiteral("refreshTimeline"), tr("&Refresh Timeline")},
        {QStringLiteral("zoomIn"), tr("Zoom &In")},
        {QStringLiteral("zoomOut"), tr("Zoom &Out")},
        {QStringLiteral("zoomFit"), tr("&Fit Timeline")},
        {QStringLiteral("showTimeline"), tr("Show &Timeline")},
        {QStringLiteral("shortcuts"), tr("&Keyboard Shortcuts")},
        {QStringLiteral("website"), tr("NemoVideo on the &Web")},
        {QStringLiteral("openInWeb"), tr("Open in NemoVideo &Web")},
        {QStringLiteral("exportProject"), tr("For &Shotcut (.mlt)…")},
        {QStringLiteral("exportOtio"), tr("As &OpenTimelineIO (.otio)…")},
        {QStringLiteral("about"), tr("&About Nemo Studio")},
        {QStringLiteral("aboutQt"), tr("About &Qt")},
    };
    for (auto it = texts.cbegin(); it != texts.cend(); ++it)
        m_actions.value(it.key())->setText(it.value());
    m_mediaDock->setWindowTitle(tr("Media"));
    m_mediaDock->toggleViewAction()->setText(tr("&Media Bin"));
    m_timelineDock->setWindowTitle(tr("Timeline"));
    m_timelineDock->toggleViewAction()->setText(tr("T&imeline"));
    m_monitorDock->setWindowTitle(tr("Preview"));
    m_monitorDock->toggleViewAction()->setText(tr("&Preview"));
    m_historyDock->setWindowTitle(tr("History"));
    m_historyDock->toggleViewAction()->setText(tr("&History"));
    m_actions.value(QStringLiteral("undo"))->setToolTip(tr("Undo the last hand edit (Ctrl+Z)"));
    m_actions.value(QStringLiteral("redo"))->setToolTip(tr("Redo the hand edit last undone (Ctrl+Shift+Z)"));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::setProjectKeeper(project::ProjectKeeper *keeper)
{
    m_keeper = keeper;
    connect(keeper, &project::ProjectKeeper::projectChanged, this, &MainWindow::updateTitle);
    connect(keeper, &project::ProjectKeeper::problem, this, [this](const QString &message) {
        // While the project can't be written the work is only in memory: said until it is saved again.
        statusBar()->showMessage(message, m_keeper->isUnsaved() ? 0 : 30000);
        updateTitle();
    });
    connect(keeper, &project::ProjectKeeper::saved, this, [this] {
        if (!windowTitle().contains(tr("(not saved)")))
            return;
        updateTitle();
        statusBar()->showMessage(tr("The project is saved again."), 10000);
    });
    updateTitle();
}

void MainWindow::saveProjectCopy(const QString &chosenPath)
{
    if (!m_keeper)
        return;
    auto save = [this](const QString &path) {
        QString error;
        if (m_keeper->saveCopy(path, &error))
            statusBar()->showMessage(
                tr("A copy of this project was saved as %1.").arg(QDir::toNativeSeparators(path)), 20000);
        else
            QMessageBox::warning(this, tr("Save a Copy"), error);
    };
    if (!chosenPath.isEmpty()) {
        save(chosenPath);
        return;
    }
    auto *dialog = new QFileDialog(this, tr("Save a Copy of This Project"),
                                   QDir(m_settings->downloadFolder())
                                       .filePath(m_keeper->projectName().isEmpty() ? tr("Nemo Studio project")
                                                                                   : m_keeper->projectName()),
                                   tr("Nemo Studio project (*.nemo)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("nemo"));
    connect(dialog, &QFileDialog::fileSelected, this, save);
    dialog->open();
}

void MainWindow::setSecretStorage(auth::SecretStorage *storage)
{
    m_storage = storage;
    connect(m_workspace->service()->auth(), &auth::Authenticator::storageProblem, this,
            &MainWindow::askWhereToKeepSignIn);
}

void MainWindow::askWhereToKeepSignIn(const QString &reason)
{
    // Asked once per run, and only while the keychain is the choice: never a silent fallback to a file.
    if (!m_storage || m_askedAboutStorage ||
        m_settings->secretStorage() != auth::SecretStorage::Kind::Keychain)
        return;
    m_askedAboutStorage = true;
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Where Should Nemo Studio Keep Your Sign-in?"),
                        tr("The system keychain can't be used: %1").arg(reason), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("SecretStorageChoice"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("Nemo Studio never saves your sign-in anywhere else on its own. You can:\n\n"
           "• Sign in each time: nothing is saved; you paste your token (or get a new free sign-in) each "
           "time "
           "Nemo Studio starts.\n"
           "• Keep it in a file: %1, readable by your user account only but NOT encrypted.\n\n"
           "You can change this later in Settings.")
            .arg(QDir::toNativeSeparators(m_storage->filePath())));
    QPushButton *eachRun = box->addButton(tr("Sign In Each Time"), QMessageBox::AcceptRole);
    eachRun->setObjectName(QStringLiteral("eachRunButton"));
    QPushButton *file = box->addButton(tr("Keep in a File (Not Encrypted)"), QMessageBox::DestructiveRole);
    file->setObjectName(QStringLiteral("fileButton"));
    QPushButton *later = box->addButton(tr("Ask Me Next Time"), QMessageBox::RejectRole);
    later->setObjectName(QStringLiteral("laterButton"));
    box->setDefaultButton(eachRun);
    connect(box, &QMessageBox::buttonClicked, this, [this, eachRun, file](QAbstractButton *button) {
        if (button == eachRun)
            m_settings->setSecretStorage(auth::SecretStorage::Kind::Memory);
        else if (button == file)
            m_settings->setSecretStorage(auth::SecretStorage::Kind::File);
        else
            return;
        applySecretStorage();
    });
    box->open();
}

bool MainWindow::askForSessionToken()
{
    QInputDialog dialog(this);
    dialog.setObjectName(QStringLiteral("SessionTokenDialog"));
    dialog.setWindowTitle(tr("Sign In"));
    dialog.setLabelText(
        tr("Nemo Studio doesn't keep your sign-in on this computer (see Settings).\nPaste your "
           "NemoVideo token for this session, or leave it empty to use a free sign-in:"));
    dialog.setTextEchoMode(QLineEdit::Password);
    if (dialog.exec() != QDialog::Accepted || dialog.textValue().trimmed().isEmpty())
        return false;
    m_workspace->service()->auth()->setEnvironmentToken(dialog.textValue().trimmed());
    return true;
}

void MainWindow::applySecretStorage()
{
    if (!m_storage)
        return;
    auth::SecretStore *store = m_storage->store(m_settings->secretStorage());
    if (store == m_workspace->service()->secrets())
        return;
    m_workspace->service()->setSecrets(store);
    statusBar()->showMessage(tr("Your sign-in is now kept in: %1.").arg(store->displayName()), 15000);
}

void MainWindow::updateOfflineBanner()
{
    const bool offline = m_workspace->connection() == Workspace::Connection::Offline;
    m_offlineBanner->setVisible(offline);
    if (!offline) {
        m_offlineTicker->stop();
        return;
    }
    const int seconds = m_workspace->secondsToReconnect();
    m_offlineText->setText(
        seconds > 0
            ? tr("You're offline: Nemo Studio can't reach the NemoVideo service. Your work is kept; trying "
                 "again in %n s.",
                 nullptr, seconds)
            : tr("You're offline: Nemo Studio can't reach the NemoVideo service. Your work is kept; trying "
                 "again…"));
    m_offlineBanner->setAccessibleName(m_offlineText->text());
    m_offlineRetry->setText(tr("Try Now"));
    if (!m_offlineTicker->isActive())
        m_offlineTicker->start();
}

void MainWindow::updateTitle()
{
    if (m_keeper && !m_keeper->projectId().isEmpty() && m_keeper->isUnsaved())
        setWindowTitle(tr("%1 %2 — Nemo Studio").arg(m_keeper->projectName(), tr("(not saved)")));
    else if (m_keeper && !m_keeper->projectId().isEmpty())
        setWindowTitle(tr("%1 — Nemo Studio").arg(m_keeper->projectName()));
    else
        setWindowTitle(tr("Nemo Studio"));
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QList<project::ProjectStore::Entry> entries =
        m_keeper ? m_keeper->recent() : QList<project::ProjectStore::Entry>();
    for (const project::ProjectStore::Entry &entry : entries) {
        QString text = entry.name;
        text.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *open = m_recentMenu->addAction(
            tr("%1 (%2)").arg(text, QLocale().toString(entry.modified, QLocale::ShortFormat)));
        open->setCheckable(true);
        open->setChecked(entry.id == m_keeper->projectId());
        const QString id = entry.id;
        connect(open, &QAction::triggered, this, [this, id] {
            if (!m_keeper->open(id))
                QMessageBox::warning(this, tr("Open Project"), m_keeper->lastProblem());
        });
    }
    if (entries.isEmpty())
        m_recentMenu->addAction(tr("No saved projects"))->setEnabled(false);
}

ExportDialog *MainWindow::exportDialog()
{
    if (!m_export)
        m_export = new ExportDialog(m_workspace, m_settings, this);
    return m_export;
}

void MainWindow::addMedia()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Add Media"), folder,
                                                            media::MediaValidator::fileDialogFilter());
    m_bin->addPaths(files);
    m_mediaDock->show();
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
    m_timelineDock->show();
    m_timelineDock->raise();
    m_timeline->view()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::handleIntent(Intent intent)
{
    switch (intent) {
    case Intent::Export:
        openExport();
        break;
    case Intent::Upload:
        addMedia();
        break;
    case Intent::State:
        showTimeline();
        break;
    case Intent::Credits:
    case Intent::Chat:
        break;
    }
}

void MainWindow::handleGuiAction(GuiAction action)
{
    switch (action) {
    case GuiAction::OpenExport:
        openExport();
        break;
    case GuiAction::ShowTimeline:
        showTimeline();
        break;
    case GuiAction::RefreshState:
        m_workspace->refreshState();
        showTimeline();
        break;
    case GuiAction::ComposeEdit:
        m_chat->focusInput(tr("Move "));
        break;
    case GuiAction::OpenWebApp:
        openInWebApp();
        break;
    }
}

void MainWindow::exportProjectForShotcut(const QString &chosenPath)
{
    m_projectExport->start(ProjectExport::Format::Shotcut, chosenPath);
}

void MainWindow::exportProjectAsOtio(const QString &chosenPath)
{
    m_projectExport->start(ProjectExport::Format::OpenTimelineIO, chosenPath);
}

void MainWindow::openInWebApp()
{
    // A claim token for this project's task and session; the sign-in itself never goes into the link.
    QAction *open = action(QStringLiteral("openInWeb"));
    open->setEnabled(false);
    statusBar()->showMessage(tr("Opening this project in the NemoVideo web app…"));
    auth::ClaimTokenQuery *query = m_workspace->service()->claimWebLink(this);
    connect(query, &net::ServiceJob::finished, this, [this, query, open] {
        open->setEnabled(true);
        if (query->error()) {
            statusBar()->clearMessage();
            m_workspace->conversation()->addError(
                query->error(),
                tr("Couldn't open the project in the web app: %1").arg(query->error().message()));
            return;
        }
        statusBar()->showMessage(tr("Opened in your browser: continue there with the same project."), 15000);
        openLink(query->webUrl());
    });
}

void MainWindow::openLink(const QUrl &url)
{
    // Only web links, and only because the user clicked one.
    if (util::isWebLink(url))
        QDesktopServices::openUrl(url);
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(m_settings, m_workspace, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::applied, this, [this] {
        m_workspace->service()->setConfig(m_settings->serviceConfig());
        if (m_translations)
            m_translations->apply(m_settings->language());
        Theme::apply(m_settings->theme());
        applySecretStorage();
        emit settingsApplied();
        if (m_workspace->connection() != Workspace::Connection::Ready)
            m_workspace->connectToService();
    });
    connect(dialog, &SettingsDialog::signOutRequested, this, [this] {
        m_workspace->service()->auth()->signOut(this, [this](const net::ApiError &error) {
            statusBar()->showMessage(error ? error.message() : tr("Signed out."), 10000);
        });
    });
    dialog->open();
}

void MainWindow::exportFinished()
{
    const Exporter *exporter = m_workspace->exporter();
    const bool done = exporter->phase() == Exporter::Phase::Done;
    const QString title = done ? tr("Your video is ready") : tr("The export failed");
    const QString body = done ? QFileInfo(exporter->targetPath()).fileName() : exporter->error().message();
    statusBar()->showMessage(title + QStringLiteral(": ") + body, 15000);
    // Tell the user when they are not looking.
    if (!isActiveWindow() || !m_export || !m_export->isVisible())
        m_notifier->notify(title, body);
}

void MainWindow::showShortcuts()
{
    QString text = QStringLiteral("<table>");
    for (QMenu *menu : std::as_const(m_menus)) {
        for (QAction *action : menu->actions()) {
            if (action->shortcut().isEmpty())
                continue;
            text += QStringLiteral("<tr><td>%1</td><td>&nbsp;&nbsp;<b>%2</b></td></tr>")
                        .arg(action->text().remove(QLatin1Char('&')).toHtmlEscaped(),
                             action->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped());
        }
    }
    text +=
        QStringLiteral("<tr><td>%1</td><td>&nbsp;&nbsp;<b>Enter</b></td></tr>").arg(tr("Send the message"));
    text += QStringLiteral("<tr><td>%1</td><td>&nbsp;&nbsp;<b>Shift+Enter</b></td></tr>")
                .arg(tr("New line in the message"));
    text += QStringLiteral("<tr><td>%1</td><td>&nbsp;&nbsp;<b>Ctrl+%2</b></td></tr>")
                .arg(tr("Zoom the timeline"), tr("wheel"));
    text += QStringLiteral("</table>");
    QMessageBox box(QMessageBox::NoIcon, tr("Keyboard Shortcuts"), text, QMessageBox::Close, this);
    box.setTextFormat(Qt::RichText);
    box.exec();
}

void MainWindow::about()
{
    QMessageBox::about(
        this, tr("About Nemo Studio"),
        tr("<h3>Nemo Studio %1</h3><p>A desktop studio for the NemoVideo AI video service: drop in your "
           "photos "
           "and clips, tell the agent what you want, watch the edit appear on the timeline, and export.</p>"
           "<p>Server: %2</p>")
            .arg(QStringLiteral(NEMO_VERSION_STRING),
                 m_workspace->service()->config().baseUrl.toString().toHtmlEscaped()));
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
    if (m_previewHeld && windowHandle()) {
        windowHandle()->installEventFilter(this);
        // Also when no expose comes (a window that starts hidden behind others on some systems).
        QTimer::singleShot(2000, this, &MainWindow::releasePreview);
    }
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // The first expose paints the window (synchronously); the preview may start right after.
    if (m_previewHeld && watched == windowHandle() && event->type() == QEvent::Expose)
        QTimer::singleShot(0, this, &MainWindow::releasePreview);
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::releasePreview()
{
    if (!m_previewHeld)
        return;
    m_previewHeld = false;
    if (windowHandle())
        windowHandle()->removeEventFilter(this);
    m_workspace->preview()->release();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_workspace->exporter()->isRunning()) {
        QMessageBox::information(
            this, tr("Export Still Running"),
            tr("Your export keeps running on the NemoVideo service. Nemo Studio will pick it up and "
               "download it the next time you open it."));
    }
    m_settings->saveWindow(saveGeometry(), saveState());
    if (m_keeper)
        m_keeper->flush();
    event->accept();
}

} // namespace nemo::app
