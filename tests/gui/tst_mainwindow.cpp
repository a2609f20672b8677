// The real window, driven as a person would, under a real X server, against the local server.
#include "auth/filesecretstore.h"
#include "auth/memorysecretstore.h"
#include "auth/secretstorage.h"
#include "chat/chatmodel.h"
#include "chat/chatpanel.h"
#include "chat/chatview.h"
#include "chat/messageinput.h"
#include "client/playhead.h"
#include "common/mediawarmup.h"
#include "common/theme.h"
#include "common/videoplayer.h"
#include "common/weblinks.h"
#include "draft/draft.h"
#include "draft/draftdiff.h"
#include "export/exportdialog.h"
#include "export/projectexport.h"
#include "faultmatrix.h"
#include "guiharness.h"
#include "lookcheck.h"
#include "media/clipdialog.h"
#include "media/mediabinmodel.h"
#include "media/mediabinpanel.h"
#include "media/mediaitemdelegate.h"
#include "mounts.h"
#include "otioreader.h"
#include "preview/previewmonitor.h"
#include "project/projectdatabase.h"
#include "project/projectkeeper.h"
#include "project/projectstore.h"
#include "realprogram.h"
#include "render/previewrenderer.h"
#include "requirements.h"
#include "scriptedsession.h"
#include "settings/settingsdialog.h"
#include "settings/signinchoice.h"
#include "shell/helpdialogs.h"
#include "shell/notifier.h"
#include "shell/statuspanel.h"
#include "testproxies.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"
#include "ui_exportdialog.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QGroupBox>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMediaPlayer>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QScreen>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QToolButton>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QUrlQuery>
#include <QVideoFrame>
#include <QVideoSink>
#include <QVideoWidget>

#if defined(NEMO_HAVE_DBUS)
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusContext>
#include <QDBusMessage>
#endif

using namespace nemo;
using agent::ChatMessage;
using media::MediaItem;
using test::data;

namespace {

// A drop from the file manager, as the window system delivers it.
bool drop(QWidget *target, const QList<QUrl> &urls)
{
    QMimeData mime;
    mime.setUrls(urls);
    const QPoint position = target->rect().center();
    QDragEnterEvent enter(position, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent dropEvent(QPointF(position), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropEvent);
    return true;
}

// Shortcuts and focus need an active window (there is no window manager under Xvfb to activate it).
bool showActive(QWidget *window)
{
    window->show();
    window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

void type(app::MainWindow *window, const QString &text)
{
    app::MessageInput *input = window->chatPanel()->input();
    input->setFocus();
    QTest::keyClicks(input, text);
    QTest::keyClick(input, Qt::Key_Return);
}

int indexOfLast(client::Conversation *conversation, ChatMessage::Role role)
{
    for (int i = conversation->size() - 1; i >= 0; --i) {
        if (conversation->at(i).role == role)
            return i;
    }
    return -1;
}

const ChatMessage *lastOf(client::Conversation *conversation, ChatMessage::Role role)
{
    for (qsizetype i = conversation->size() - 1; i >= 0; --i) {
        if (conversation->at(int(i)).role == role)
            return &conversation->at(int(i));
    }
    return nullptr;
}

bool allUploaded(const media::UploadQueue *queue, int count)
{
    const auto &items = queue->items();
    return items.size() == count && std::all_of(items.begin(), items.end(), [](const MediaItem &item) {
               return item.state == MediaItem::State::Uploaded;
           });
}

// Photos dropped into the media bin, uploaded, and a request about them answered.
bool photosAndAsk(test::GuiHarness &h, const QStringList &photos, const QString &text)
{
    app::MainWindow *window = h.window.get();
    if (!showActive(window))
        return false;
    h.workspace->connectToService();
    if (!QTest::qWaitFor([&] { return h.workspace->connection() == client::Workspace::Connection::Ready; },
                         10000))
        return false;
    QList<QUrl> urls;
    for (const QString &photo : photos)
        urls << QUrl::fromLocalFile(data(qPrintable(photo)));
    if (!photos.isEmpty() &&
        (!drop(window->mediaBin(), urls) ||
         !QTest::qWaitFor([&] { return allUploaded(h.workspace->uploads(), int(photos.size())); }, 15000)))
        return false;
    type(window, text);
    return QTest::qWaitFor([&] { return !h.workspace->conversation()->isBusy(); }, 20000);
}

// Signs in, types a message as a person would and waits for the reply to end; false if it did not.
bool connectAndAsk(test::GuiHarness &h, const QString &text)
{
    return photosAndAsk(h, {}, text);
}

// The window connected, a photo of the user's own (copied to `photo`) and photo2.png uploaded from the
// media bin, and a 6-second video made of them.
bool editWithOwnPhoto(test::GuiHarness &h, const QString &photo)
{
    app::MainWindow *window = h.window.get();
    if (!showActive(window) || !QFile::copy(data("photo1.jpg"), photo))
        return false;
    h.workspace->connectToService();
    if (!QTest::qWaitFor([&] { return h.workspace->connection() == client::Workspace::Connection::Ready; },
                         10000) ||
        !drop(window->mediaBin(), {QUrl::fromLocalFile(photo), QUrl::fromLocalFile(data("photo2.png"))}) ||
        !QTest::qWaitFor([&] { return allUploaded(h.workspace->uploads(), 2); }, 15000))
        return false;
    type(window, QStringLiteral("make a 6-second video"));
    return QTest::qWaitFor([&] { return !h.workspace->conversation()->isBusy(); }, 20000);
}

#if defined(NEMO_HAVE_DBUS)
// A desktop notification daemon on the test's own session bus, to see what the app sends.
class NotificationDaemon
    : public QObject
    , protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Shown
    {
        QString app, summary, body;
    };
    QList<Shown> shown;

public slots:
    uint Notify(const QString &app, uint, const QString &, const QString &summary, const QString &body,
                const QStringList &, const QVariantMap &, int)
    {
        // Only this process's: other programs on the test's bus (the real nemo-studio of another test) may
        // send theirs too.
        if (calledFromDBus() && message().service() != connection().baseService())
            return 0;
        shown.append({app, summary, body});
        return uint(shown.size());
    }
};
#endif

// Stands in for the desktop's URL handlers.
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened.append(url); }
};

// Every text the window shows (tests/support/lookcheck.h), and the conversation.
QStringList shownText(test::GuiHarness &h)
{
    QStringList texts = test::shownText(h.window.get());
    for (const ChatMessage &message : h.workspace->conversation()->messages())
        texts << message.text;
    return texts;
}

// True when a token or client id (as the secret store holds them) is on screen.
// How many colours the screen shows where the widget is (its native video surface included: the
// pixels are read back from the X server, not painted again).
int coloursOnScreen(QWidget *widget)
{
    const QPoint at = widget->mapToGlobal(QPoint(0, 0));
    const QImage picture =
        widget->screen()->grabWindow(0, at.x(), at.y(), widget->width(), widget->height()).toImage();
    QSet<QRgb> colours;
    for (int y = 0; y < picture.height(); y += 4) {
        for (int x = 0; x < picture.width(); x += 4)
            colours.insert(picture.pixel(x, y));
    }
    return int(colours.size());
}

// The rows of a test run in English and in Chinese (its "language" column).
void inBothLanguages()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("Chinese") << QStringLiteral("zh_CN");
}

// The harness's window in the row's language; English again when the returned guard goes.
[[nodiscard]] auto inTheRowsLanguage(test::GuiHarness &h)
{
    QFETCH(QString, language);
    h.translations.apply(language);
    return qScopeGuard([&h] { h.translations.apply(QStringLiteral("en")); });
}

bool showsASecret(test::GuiHarness &h)
{
    const QString all = shownText(h).join(QLatin1Char('\n'));
    if (all.contains(QLatin1String("nmv_usr_")) || all.contains(QLatin1String("Bearer")))
        return true;
    for (const QString &key : h.secrets.keys()) {
        QString value;
        bool done = false;
        QObject context;
        h.secrets.read(key, &context, [&](const auth::SecretResult &result) {
            value = result.value;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }))
            return true; // a store that does not answer cannot be vouched for
        const QString token =
            QJsonDocument::fromJson(value.toUtf8()).object().value(QLatin1String("token")).toString();
        for (const QString &secret : {token, value}) {
            if (secret.size() >= 16 && all.contains(secret))
                return true;
        }
    }
    return false;
}

} // namespace

using test::Profile;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // before anything reads a path (QSettings keeps its own)
        QApplication::setOrganizationName(QStringLiteral("NemoStudioTests"));
        QApplication::setApplicationName(QStringLiteral("NemoStudioGuiTests"));
    }

    void fromDropToPlayingVideo()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        QCOMPARE(window->statusPanel()->connectionLabel()->text(), QStringLiteral("Setting up…"));
        h.workspace->connectToService();
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->connection(), client::Workspace::Connection::Ready, 10000);
        QTRY_VERIFY(window->statusPanel()->creditsLabel()->text().contains(QLatin1String("100 credits")));
        QVERIFY(window->statusPanel()->tokenLabel()->text().contains(QLatin1String("days left")));

        // Drop two images and a file that is not media onto the bin.
        QTemporaryDir dir;
        const QString notes = dir.filePath(QStringLiteral("notes.txt"));
        QFile file(notes);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("shopping list");
        file.close();
        QVERIFY(drop(window->mediaBin(),
                     {QUrl::fromLocalFile(data("photo1.jpg")), QUrl::fromLocalFile(data("photo2.png")),
                      QUrl::fromLocalFile(notes)}));
        QTRY_VERIFY_WITH_TIMEOUT(allUploaded(h.workspace->uploads(), 2), 15000);
        QVERIFY(window->mediaBin()->refusalText().contains(QLatin1String("notes.txt")));
        QVERIFY(window->mediaBin()->refusalText().contains(QLatin1String("Accepted: mp4")));
        QCOMPARE(h.server.callCount(QStringLiteral("upload")), 2); // nothing was sent for the refused file
        QCOMPARE(window->mediaBin()->model()->rowCount(), 2);
        QTRY_VERIFY(!window->mediaBin()
                         ->model()
                         ->index(0)
                         .data(app::MediaBinModel::ThumbnailRole)
                         .value<QImage>()
                         .isNull());

        // Type a prompt; the reply streams into the chat.
        QSignalSpy changed(h.workspace->conversation(), &client::Conversation::messageChanged);
        type(window, QStringLiteral("Turn these images into a 6-second promo titled \"Urban Dreams\""));
        QVERIFY(h.workspace->conversation()->isBusy());
        QVERIFY(window->chatPanel()->stopButton()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!h.workspace->conversation()->isBusy(), 20000);
        QVERIFY(changed.count() >= 3); // it came in pieces
        const ChatMessage *reply = lastOf(h.workspace->conversation(), ChatMessage::Role::Agent);
        QVERIFY(reply);
        QVERIFY(reply->text.contains(QLatin1String("Urban Dreams")));
        QCOMPARE(reply->text.count(QLatin1String("Done!")), 1);
        QVERIFY(!window->chatPanel()->stopButton()->isVisible());
        QVERIFY(window->chatPanel()->input()->toPlainText().isEmpty());

        // The timeline shows the tracks from the state.
        app::TimelineModel *timeline = window->timelinePanel()->model();
        QTRY_COMPARE(timeline->rowCount(), 2);
        QCOMPARE(timeline->index(0, 0).data(app::TimelineModel::NameRole).toString(),
                 QStringLiteral("Video"));
        QCOMPARE(timeline->rowCount(timeline->index(0, 0)), 2);
        QVERIFY(timeline->index(0, 0, timeline->index(0, 0)).data(app::TimelineModel::ChangedRole).toBool());
        QCOMPARE(window->timelinePanel()->view()->accessibleDescription(),
                 h.workspace->state()->draft.summary());
        QVERIFY(window->timelinePanel()->view()->segmentRect(0, 0).width() > 20);

        // Export through the dialog; the video plays in it.
        QTest::keySequence(window, QKeySequence(Qt::CTRL | Qt::Key_E));
        app::ExportDialog *dialog = window->exportDialog();
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(!dialog->isModal());
        QVERIFY(dialog->form()->startButton->isEnabled());
        QVideoSink *sink = dialog->player()->videoWidget()->videoSink();
        QSignalSpy frames(sink, &QVideoSink::videoFrameChanged);
        QTRY_VERIFY(dialog->isActiveWindow());
        dialog->form()->startButton->setFocus();
        QTest::keyClick(dialog->form()->startButton, Qt::Key_Space);
        QTRY_VERIFY(dialog->form()->progressBar->isVisible());
        // The keyboard goes from Start Export (now hidden) to Cancel, and to Play once it is done.
        QTRY_VERIFY(dialog->form()->cancelExportButton->hasFocus());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->form()->checkNowButton->isVisible(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->exporter()->phase(), render::Exporter::Phase::Done, 60000);
        const QString video = h.workspace->exporter()->targetPath();
        QVERIFY(QFileInfo(video).size() > 1000);
        QVERIFY(video.startsWith(h.settings.downloadFolder()));
        QVERIFY(dialog->form()->saveAsButton->isVisible());
        QVERIFY(dialog->form()->showInFolderButton->isVisible());
        QVERIFY(dialog->form()->exportAgainButton->isVisible());
        QTRY_VERIFY(dialog->player()->playButton()->hasFocus());
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() >= 3, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->player()->player()->position() > 500, 20000);
        QCOMPARE(dialog->player()->player()->error(), QMediaPlayer::NoError);
        // The picture is on the screen, not only in the player (the video's area is more than a black
        // box), on the output chooseVideoOutput() picked for this computer.
        QTRY_VERIFY_WITH_TIMEOUT(coloursOnScreen(dialog->player()->videoWidget()) > 16, 10000);
        // Closing the dialog leaves the export alone.
        dialog->close();
        QCOMPARE(h.workspace->exporter()->phase(), render::Exporter::Phase::Done);
        // After the whole journey, no secret anywhere on screen.
        QVERIFY2(!showsASecret(h), qPrintable(shownText(h).join(QLatin1Char('\n')).left(2000)));
    }

    // Without a graphics card the window paints without OpenGL (Mesa would emulate it on the UI
    // thread); NEMO_VIDEO_OUTPUT chooses either way.
    void videoOutputFollowsTheGraphicsCard()
    {
        const QByteArray before = qgetenv("NEMO_VIDEO_OUTPUT");
        auto restore = qScopeGuard([&] {
            qputenv("NEMO_VIDEO_OUTPUT", before);
            app::chooseVideoOutput();
        });
        qputenv("NEMO_VIDEO_OUTPUT", "opengl");
        QCOMPARE(app::chooseVideoOutput(), app::VideoOutput::OpenGL);
        QVERIFY(!QCoreApplication::testAttribute(Qt::AA_ForceRasterWidgets));
        qputenv("NEMO_VIDEO_OUTPUT", "raster");
        QCOMPARE(app::chooseVideoOutput(), app::VideoOutput::Raster);
        QVERIFY(QCoreApplication::testAttribute(Qt::AA_ForceRasterWidgets));
        qunsetenv("NEMO_VIDEO_OUTPUT");
        const bool card =
            !QDir(QStringLiteral("/dev/dri")).entryList({QStringLiteral("renderD*")}, QDir::System).isEmpty();
        const bool software = qEnvironmentVariableIntValue("LIBGL_ALWAYS_SOFTWARE") != 0;
        QCOMPARE(app::chooseVideoOutput(),
                 card && !software ? app::VideoOutput::OpenGL : app::VideoOutput::Raster);
        QCOMPARE(QCoreApplication::testAttribute(Qt::AA_ForceRasterWidgets), !card || software);
    }

    // The conversation to a screen reader: a list of messages, each named by who, when and what; the
    // current one focused; a reply's buttons reached by Tab and pressed by Enter; the agent's status
    // named by its live text.
    void conversationByKeyboardAndScreenReader()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        window->timelineDock()->hide();
        app::ChatView *view = window->chatPanel()->view();
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(view);
        QVERIFY(list);
        QCOMPARE(list->role(), QAccessible::List);
        QCOMPARE(list->text(QAccessible::Name), QStringLiteral("Conversation"));
        QLabel *status = window->chatPanel()->statusLabel();
        QAccessibleInterface *statusAccessible = QAccessible::queryAccessibleInterface(status);
        QStringList heard; // the status as a screen reader hears it while the reply is written
        QTimer listen;
        connect(&listen, &QTimer::timeout, [&] {
            const QString name = statusAccessible->text(QAccessible::Name);
            if (!name.isEmpty() && !heard.contains(name))
                heard << name;
        });
        listen.start(5);
        type(window, QStringLiteral("make a short video"));
        QTRY_VERIFY_WITH_TIMEOUT(h.workspace->conversation()->isBusy(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!h.workspace->conversation()->isBusy(), 20000);
        listen.stop();
        QVERIFY2(heard.size() >= 2 && !heard.isEmpty() &&
                     heard.first().startsWith(QStringLiteral("Working…")),
                 qPrintable(heard.join(QLatin1Char('|'))));
        const int rows = int(h.workspace->conversation()->size());
        QCOMPARE(list->childCount(), rows);
        const int row = indexOfLast(h.workspace->conversation(), ChatMessage::Role::Agent);
        QVERIFY(row >= 0);
        for (int i = 0; i < rows; ++i) {
            QAccessibleInterface *message = list->child(i);
            QVERIFY(message && message->isValid());
            QCOMPARE(message->role(), QAccessible::ListItem);
            QCOMPARE(message->parent(), list);
            QCOMPARE(list->indexOfChild(message), i);
            QVERIFY2(message->text(QAccessible::Name).contains(view->rowText(i).left(40)),
                     qPrintable(message->text(QAccessible::Name)));
        }
        const QString said = list->child(row)->text(QAccessible::Name);
        QVERIFY2(said.startsWith(view->rowHeader(row) + QStringLiteral(": ")), qPrintable(said));
        QVERIFY(list->child(row)->text(QAccessible::Description).contains(QLatin1String("Open Export")));

        // By keyboard: Ctrl+2 to the conversation, which shows and names the latest message; Tab to its
        // buttons, Enter presses one; Tab past the last leaves the conversation.
        QTest::keyClick(window, Qt::Key_2, Qt::ControlModifier);
        view->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(view->hasFocus());
        view->setCurrentRow(row);
        QCOMPARE(list->focusChild(), list->child(row));
        QVERIFY(list->child(row)->state().focused);
        QCOMPARE(view->focusedButton(), -1);
        QSignalSpy pressed(view, &app::ChatView::guiActionTriggered);
        QTest::keyClick(view, Qt::Key_Tab);
        QVERIFY(view->hasFocus());
        QCOMPARE(view->focusedButton(), 0);
        QTest::keyClick(view, Qt::Key_Tab);
        QCOMPARE(view->focusedButton(), 1);
        QTest::keyClick(view, Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(view->focusedButton(), 0);
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_COMPARE(pressed.size(), 1);
        QTRY_VERIFY(window->timelineDock()->isVisible());
        view->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(view->hasFocus());
        view->setCurrentRow(row);
        QTest::keyClick(view, Qt::Key_Space); // on the message: to its first button
        QCOMPARE(view->focusedButton(), 0);
        QTest::keyClick(view, Qt::Key_Tab);
        QTest::keyClick(view, Qt::Key_Tab);
        QTRY_VERIFY(!view->hasFocus());
    }

    void guiReferenceButtons()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        window->timelineDock()->hide();
        type(window, QStringLiteral("make a short video"));
        QTRY_VERIFY_WITH_TIMEOUT(!h.workspace->conversation()->isBusy(), 20000);
        app::ChatView *view = window->chatPanel()->view();
        const int row = indexOfLast(h.workspace->conversation(), ChatMessage::Role::Agent);
        QVERIFY(row >= 0);
        const QStringList labels = view->buttonLabels(row);
        QCOMPARE(labels, (QStringList{QStringLiteral("Show Timeline"), QStringLiteral("Open Export")}));
        view->scrollToRow(row);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier,
                          view->buttonRect(row, 0).center());
        QTRY_VERIFY(window->timelineDock()->isVisible());
        QTRY_VERIFY(window->timelinePanel()->view()->hasFocus());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier,
                          view->buttonRect(row, 1).center());
        QTRY_VERIFY(window->exportDialog()->isVisible());
    }

    void routedCommands()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        type(window, QStringLiteral("credits"));
        QTRY_VERIFY(lastOf(h.workspace->conversation(), ChatMessage::Role::Notice) &&
                    lastOf(h.workspace->conversation(), ChatMessage::Role::Notice)
                        ->text.contains(QLatin1String("100 credits available")));
        window->timelineDock()->hide();
        type(window, QStringLiteral("show tracks"));
        QTRY_VERIFY(window->timelineDock()->isVisible());
        QTRY_VERIFY(lastOf(h.workspace->conversation(), ChatMessage::Role::Notice)
                        ->text.contains(QLatin1String("Timeline is empty")));
        type(window, QStringLiteral("export"));
        QTRY_VERIFY(window->exportDialog()->isVisible());
        QVERIFY(!window->exportDialog()->form()->startButton->isEnabled()); // nothing to export yet
        QVERIFY(window->exportDialog()->form()->readinessLabel->text().contains(QLatin1String("empty")));
        QCOMPARE(h.server.chatMessages().size(), 0); // none of these went to the agent
        window->exportDialog()->close();
        // More than the command is a request for the agent, in Chinese as in English.
        // (Chinese comes through an input method, not as key presses: committed as text.)
        window->chatPanel()->input()->setFocus();
        window->chatPanel()->input()->insertPlainText(QStringLiteral("把标题改大一点，然后导出"));
        QTest::keyClick(window->chatPanel()->input(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(h.server.chatMessages().size(), 1, 10000);
        QCOMPARE(h.server.chatMessages().first(), QStringLiteral("把标题改大一点，然后导出"));
        QTRY_VERIFY_WITH_TIMEOUT(!h.workspace->conversation()->isBusy(), 20000);
        QVERIFY(!window->exportDialog()->isVisible());
    }

    // A long reply is laid out in parts while it streams (the paragraphs complete so far once, the one
    // being written with every chunk): what shows meanwhile is the reply so far, and once complete it is
    // laid out whole, exactly as a view that opens the finished chat lays it out.
    void aLongReplyStreamsInParts()
    {
        fake::Scenario scenario = test::quickScenario();
        scenario.eventDelayMs = 15; // about 4 s for the reply, to look at it while it streams
        test::GuiHarness h(scenario);
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        h.workspace->connectToService();
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->connection(), client::Workspace::Connection::Ready, 10000);
        app::ChatView *view = window->chatPanel()->view();
        client::Conversation *chat = h.workspace->conversation();
        const int row = chat->size() + 1; // the reply, after the message
        type(window, QStringLiteral("write 900 words"));
        // Streaming: the bubble grows as paragraphs complete, and what was written is on screen.
        QTRY_VERIFY_WITH_TIMEOUT(chat->size() > row &&
                                     chat->at(row).state == agent::ChatMessage::State::Streaming &&
                                     view->rowRect(row).height() > 150,
                                 15000);
        QCOMPARE(chat->at(row).role, agent::ChatMessage::Role::Agent);
        const int streamingHeight = view->rowRect(row).height();
        QVERIFY2(view->rowText(row).startsWith(QLatin1String("**video** timeline")),
                 qPrintable(view->rowText(row).left(40)));
        QTRY_VERIFY_WITH_TIMEOUT(!chat->isBusy(), 30000);
        QCOMPARE(chat->at(row).state, agent::ChatMessage::State::Done);
        QVERIFY(view->rowRect(row).height() > streamingHeight);
        // The finished reply, laid out by a view that never saw it stream: the same height.
        app::ChatView fresh;
        fresh.resize(view->size());
        fresh.setModel(view->model());
        fresh.show();
        QVERIFY(QTest::qWaitForWindowExposed(&fresh));
        fresh.scrollToRow(row);
        view->scrollToRow(row);
        QCOMPARE(view->rowRect(row).height(), fresh.rowRect(row).height());
    }

    void enterSendsShiftEnterAddsALine()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        app::MessageInput *input = window->chatPanel()->input();
        input->setFocus();
        QTest::keyClicks(input, QStringLiteral("first line"));
        QTest::keyClick(input, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(input, QStringLiteral("second line?"));
        QCOMPARE(input->toPlainText(), QStringLiteral("first line\nsecond line?"));
        QCOMPARE(h.workspace->conversation()->size(), 0);
        QTest::keyClick(input, Qt::Key_Return);
        QCOMPARE(h.workspace->conversation()->at(0).text, QStringLiteral("first line\nsecond line?"));
        QTRY_VERIFY_WITH_TIMEOUT(!h.workspace->conversation()->isBusy(), 20000);
    }

    void outOfCreditsShowsTheRegistrationLink()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        window->show();
        h.workspace->connectToService();
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->connection(), client::Workspace::Connection::Ready, 10000);
        h.server.setCredits(0);
        type(window, QStringLiteral("make a video"));
        QTRY_VERIFY_WITH_TIMEOUT(lastOf(h.workspace->conversation(), ChatMessage::Role::Error), 10000);
        const ChatMessage *error = lastOf(h.workspace->conversation(), ChatMessage::Role::Error);
        QVERIFY(error->text.contains(QLatin1String("out of free credits")));
        QVERIFY(error->actionUrl.toString().startsWith(
            QLatin1String("https://nemovideo.com/register?bind=anon_")));
        app::ChatView *view = window->chatPanel()->view();
        const int row = h.workspace->conversation()->size() - 1;
        QCOMPARE(view->buttonLabels(row),
                 (QStringList{QStringLiteral("Continue in the Web App"), QStringLiteral("Register")}));
        QSignalSpy links(view, &app::ChatView::linkActivated);
        view->scrollToRow(row);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier,
                          view->buttonRect(row, 1).center());
        QCOMPARE(links.count(), 1);
        QCOMPARE(links.first().first().toUrl(), error->actionUrl);
        QCOMPARE(h.server.chatMessages().size(), 0);

        // "Continue in the Web App": a claim token for this task and session, then the browser.
        UrlCatcher catcher;
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
        const auto restore = qScopeGuard([] { QDesktopServices::unsetUrlHandler(QStringLiteral("https")); });
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier,
                          view->buttonRect(row, 0).center());
        QTRY_COMPARE_WITH_TIMEOUT(catcher.opened.size(), 1, 10000);
        const QUrl opened = catcher.opened.first();
        QCOMPARE(opened.host(), QStringLiteral("nemovideo.com"));
        QCOMPARE(opened.path(), QStringLiteral("/workspace/claim"));
        QCOMPARE(h.server.claimTokens().size(), 1);
        QCOMPARE(QUrlQuery(opened).queryItemValue(QStringLiteral("ct")), h.server.claimTokens().first());
        // The sign-in never goes into the link: the claim token is all it carries.
        QCOMPARE(QUrlQuery(opened).queryItems().size(), 1);
        QVERIFY(!opened.toString().contains(QLatin1String("nmv_")));
        // The same from the File menu.
        window->action(app::ActionId::OpenInWeb)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(catcher.opened.size(), 2, 10000);
        QCOMPARE(h.server.claimTokens().size(), 2);
        QCOMPARE(QUrlQuery(catcher.opened.last()).queryItemValue(QStringLiteral("ct")),
                 h.server.claimTokens().last());
    }

    void linksOpenOnlyForTheWebAndOnlyOnClick()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        // Whatever would open a URL goes here instead of to the desktop.
        UrlCatcher catcher;
        for (const char *scheme : {"https", "http", "file", "javascript", "smb"})
            QDesktopServices::setUrlHandler(QLatin1String(scheme), &catcher, "open");
        const auto restore = qScopeGuard([] {
            for (const char *scheme : {"https", "http", "file", "javascript", "smb"})
                QDesktopServices::unsetUrlHandler(QLatin1String(scheme));
        });
        agent::ChatMessage reply;
        reply.id = 1;
        reply.role = ChatMessage::Role::Agent;
        reply.time = QDateTime::currentDateTime();
        reply.text = QStringLiteral(
            "Read [the guide](https://example.com/guide), not [this file](file:///etc/passwd), "
            "[that](javascript:alert(1)) or [a share](smb://host/x).");
        h.workspace->conversation()->restore({reply});
        app::ChatView *view = window->chatPanel()->view();
        QTRY_VERIFY(view->rowRect(0).height() > 0);
        QVERIFY(catcher.opened.isEmpty()); // nothing opens by being shown
        // Click every few pixels over the whole message: only the web link ever opens.
        QSignalSpy links(view, &app::ChatView::linkActivated);
        const QRect rect = view->rowRect(0);
        for (int y = rect.top(); y < rect.bottom(); y += 4) {
            for (int x = rect.left(); x < rect.right(); x += 4)
                QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(x, y));
        }
        QVERIFY(!links.isEmpty());
        for (const QList<QVariant> &link : std::as_const(links))
            QCOMPARE(link.first().toUrl(), QUrl(QStringLiteral("https://example.com/guide")));
        QVERIFY(!catcher.opened.isEmpty());
        for (const QUrl &url : std::as_const(catcher.opened))
            QCOMPARE(url.scheme(), QStringLiteral("https"));
        // And the window refuses anything else even when asked directly.
        catcher.opened.clear();
        for (const char *url : {"file:///etc/passwd", "javascript:alert(1)", "smb://host/x"})
            app::openWebLink(QUrl(QLatin1String(url)));
        QVERIFY(catcher.opened.isEmpty());
    }

    void exportBlockedSaysItIsThePlan()
    {
        fake::Scenario scenario = test::quickScenario();
        scenario.exportBlocked = true;
        test::GuiHarness h(scenario);
        h.openProjects(h.home.filePath(QStringLiteral("projects")));
        app::MainWindow *window = h.window.get();
        window->show();
        type(window, QStringLiteral("make a short video"));
        QTRY_VERIFY_WITH_TIMEOUT(!h.workspace->conversation()->isBusy(), 20000);
        QTRY_VERIFY(h.workspace->state() && h.workspace->state()->draft.isExportable());
        window->openExport();
        app::ExportDialog *dialog = window->exportDialog();
        QTest::mouseClick(dialog->form()->startButton, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->exporter()->phase(), render::Exporter::Phase::Failed, 10000);
        QVERIFY(dialog->form()->phaseLabel->text().contains(
            QLatin1String("Register or upgrade your plan to unlock export")));
        QVERIFY(dialog->form()->phaseLabel->text().contains(QLatin1String("not your credits")));
        QVERIFY(dialog->form()->retryButton->isVisible());

        // The way out that needs no plan: the same export on this computer, playing right here.
        QVERIFY(dialog->form()->localInsteadButton->isVisible());
        QVideoSink *sink = dialog->player()->videoWidget()->videoSink();
        QSignalSpy frames(sink, &QVideoSink::videoFrameChanged);
        QTest::mouseClick(dialog->form()->localInsteadButton, Qt::LeftButton);
        QCOMPARE(h.workspace->exporter()->engine(), render::Exporter::Engine::Local);
        QCOMPARE(dialog->form()->engineCombo->currentData().toString(), QStringLiteral("local"));
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->exporter()->phase(), render::Exporter::Phase::Done, 60000);
        const QString video = h.workspace->exporter()->targetPath();
        QVERIFY(QFileInfo(video).size() > 1000);
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() >= 3, 20000);
        QVERIFY(dialog->player()->videoWidget()->height() >= 180); // the dialog made room for the video
        // A new project: the export dialog forgets this video (nothing of it plays on, hidden).
        QTRY_COMPARE(dialog->player()->player()->playbackState(), QMediaPlayer::PlayingState);
        window->action(app::ActionId::NewProject)->trigger();
        QTRY_COMPARE(h.workspace->exporter()->phase(), render::Exporter::Phase::Idle);
        QTRY_COMPARE(dialog->player()->player()->playbackState(), QMediaPlayer::StoppedState);
        QVERIFY(dialog->player()->player()->source().isEmpty());
        QVERIFY(!dialog->form()->playerHost->isVisible());
        QCOMPARE(h.server.callCount(QStringLiteral("render")), 1); // the refused one only
    }

    void previewPlaysAndTheRulerSeeks()
    {
        test::GuiHarness h;
        h.openProjects(h.home.filePath(QStringLiteral("projects")));
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        h.workspace->connectToService();
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->connection(), client::Workspace::Connection::Ready, 10000);
        QVERIFY(drop(window->mediaBin(),
                     {QUrl::fromLocalFile(data("photo1.jpg")), QUrl::fromLocalFile(data("photo2.png"))}));
        QTRY_VERIFY_WITH_TIMEOUT(allUploaded(h.workspace->uploads(), 2), 15000);
        app::PreviewMonitor *monitor = window->monitor();
        QVERIFY(window->monitorDock()->isVisible());
        type(window, QStringLiteral("make a 6-second video titled \"Preview\""));
        QTRY_VERIFY_WITH_TIMEOUT(!h.workspace->conversation()->isBusy(), 20000);
        // Rendered here after the turn; paused at the playhead, the picture there made in this process.
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->preview()->state(), render::PreviewRenderer::State::Ready,
                                  30000);
        QTRY_VERIFY(monitor->hasPreview());
        QTRY_VERIFY_WITH_TIMEOUT(!monitor->still().isNull(), 10000);
        QVERIFY(!monitor->isPlaying()); // never on its own
        QVERIFY(monitor->statusLabel()->text().contains(QLatin1String("Space plays")));
        // The Full screen button by keyboard alone: Enter and Space press it, F toggles, Esc leaves and
        // gives the focus back to the button; playback is left alone.
        QToolButton *full = monitor->fullScreenButton();
        const auto fullScreen = [monitor] { return monitor->videoWidget()->window()->isFullScreen(); };
        QVERIFY(full->isEnabled());
        for (const Qt::Key key : {Qt::Key_Return, Qt::Key_Space, Qt::Key_F}) {
            full->setFocus();
            QTRY_VERIFY(full->hasFocus());
            QTest::keyClick(full, key);
            QTRY_VERIFY2(fullScreen(), qPrintable(QKeySequence(key).toString()));
            QTest::keyClick(monitor->videoWidget()->window(), key == Qt::Key_F ? Qt::Key_F : Qt::Key_Escape);
            QTRY_VERIFY(!fullScreen());
            QTRY_VERIFY(full->hasFocus());
            QVERIFY(!monitor->isPlaying());
        }
        monitor->seek(2000);
        QTRY_COMPARE_WITH_TIMEOUT(monitor->stillFrame(), 50, 5000); // 25 fps
        QVideoSink *sink = monitor->videoWidget()->videoSink();
        QSignalSpy frames(sink, &QVideoSink::videoFrameChanged);
        monitor->setFocus();
        QTest::keyClick(monitor, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(monitor->isPlaying(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() >= 3, 20000);
        // The playhead (and the timeline's) follows playback frame by frame, from where it was.
        app::TimelineView *view = window->timelinePanel()->view();
        QTRY_VERIFY_WITH_TIMEOUT(h.workspace->playhead()->position() > 2200, 10000);
        QTRY_VERIFY(view->playhead() > 2200);
        monitor->togglePlay(); // pause
        QTRY_VERIFY(!monitor->isPlaying());
        const qint64 pausedAt = h.workspace->playhead()->position();
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(monitor->stillFrame() * 40 - pausedAt) <= 80, 5000);
        // …and a click on the ruler seeks.
        view->zoomToFit();
        const int x = view->rulerX(4000);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier,
                          QPoint(x, app::TimelineView::RulerHeight / 2));
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(h.workspace->playhead()->position() - 4000) < 250, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::abs(monitor->stillFrame() * 40 - h.workspace->playhead()->position()) <= 40, 5000);
        QVERIFY(std::abs(view->playhead() - 4000) < 250);
        // A new turn replaces the preview by itself.
        monitor->seek(3900);
        const QString first = h.workspace->preview()->file();
        type(window, QStringLiteral("set the length to 4 seconds"));
        QTRY_VERIFY_WITH_TIMEOUT(!h.workspace->conversation()->isBusy(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(h.workspace->preview()->file() != first &&
                                     h.workspace->preview()->state() == render::PreviewRenderer::State::Ready,
                                 30000);
        QVERIFY(!QFile::exists(first));
        // The playhead stays where the user left it (within the new, shorter edit), paused.
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(h.workspace->playhead()->position() - 3900) < 300, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::abs(monitor->stillFrame() * 40 - h.workspace->playhead()->position()) <= 40, 5000);
        QVERIFY(!monitor->isPlaying());

        // New Project (Ctrl+N) while it plays: nothing of this edit stays, neither its picture nor its
        // sound nor its timeline.
        const QString edited = h.keeper->projectId();
        monitor->togglePlay();
        QTRY_VERIFY_WITH_TIMEOUT(monitor->isPlaying(), 10000);
        QTest::keyClick(window, Qt::Key_N, Qt::ControlModifier);
        QTRY_COMPARE(h.workspace->preview()->state(), render::PreviewRenderer::State::Idle);
        QTRY_VERIFY(monitor->still().isNull());
        QVERIFY(!monitor->isPlaying());
        QVERIFY(!monitor->hasPreview());
        QCOMPARE(window->timelinePanel()->model()->rowCount(), 0);
        // Open Recent brings it back, paused: a preview never starts playing on its own.
        QVERIFY(h.keeper->open(edited));
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->preview()->state(), render::PreviewRenderer::State::Ready,
                                  30000);
        QTRY_VERIFY_WITH_TIMEOUT(!monitor->still().isNull(), 10000);
        QVERIFY(!monitor->isPlaying());
    }

    // One colour per kind of media: a photo's badge in the media bin and its block on the timeline are
    // painted in the same colour (read off the painted widgets), and clips would be another.
    void mediaBinAndTimelineShareColours()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        h.workspace->connectToService();
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->connection(), client::Workspace::Connection::Ready, 10000);
        QVERIFY(drop(window->mediaBin(), {QUrl::fromLocalFile(data("photo1.jpg"))}));
        QTRY_VERIFY_WITH_TIMEOUT(allUploaded(h.workspace->uploads(), 1), 15000);
        type(window, QStringLiteral("make a 4-second video"));
        QTRY_VERIFY_WITH_TIMEOUT(!h.workspace->conversation()->isBusy(), 20000);
        const QColor photo = app::Theme::mediaColor(media::MediaKind::Image);
        QVERIFY(photo != app::Theme::mediaColor(media::MediaKind::Video));
        auto count = [](const QImage &image, const QColor &color) {
            int n = 0;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x)
                    n += image.pixel(x, y) == color.rgb() ? 1 : 0;
            }
            return n;
        };
        const QImage bin = window->mediaBin()->view()->viewport()->grab().toImage();
        QVERIFY2(count(bin, photo) > 20, "the photo's badge is not in the photo colour");
        app::TimelineView *timeline = window->timelinePanel()->view();
        timeline->zoomToFit();
        const QImage painted = timeline->viewport()->grab().toImage();
        // The block itself (just below its top edge, away from its words); lighter while marked as new.
        const QColor block =
            painted.pixelColor(timeline->rulerX(500) + 2, app::TimelineView::RulerHeight + 7);
        QVERIFY2(block.rgb() == photo.rgb() || block.rgb() == photo.lighter(135).rgb(),
                 qPrintable(block.name()));
    }

    // Before the preview is ready the monitor shows the frame under the playhead; for a video clip that
    // frame comes from the clip itself (melt is held back here so that the still stays on screen).
    void previewShowsTheClipsFrameUntilReady()
    {
        QTemporaryDir mine;
        const QString clip = mine.filePath(QStringLiteral("red.mp4"));
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"),
                      QStringLiteral("lavfi"), QStringLiteral("-i"),
                      QStringLiteral("color=c=red:size=320x180:rate=25:duration=4"),
                      QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), clip});
        QVERIFY(ffmpeg.waitForFinished(30000) && ffmpeg.exitCode() == 0);
        const QString slowMelt = mine.filePath(QStringLiteral("melt"));
        {
            QFile script(slowMelt);
            QVERIFY(script.open(QIODevice::WriteOnly));
            script.write("#!/bin/sh\nsleep 60\nexec melt \"$@\"\n");
        }
        QVERIFY(QFile::setPermissions(slowMelt, QFile::permissions(slowMelt) | QFileDevice::ExeOwner));
        qputenv("NEMO_MELT", slowMelt.toLocal8Bit());
        const auto restore = qScopeGuard([] { qunsetenv("NEMO_MELT"); });

        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        h.workspace->connectToService();
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->connection(), client::Workspace::Connection::Ready, 10000);
        QVERIFY(drop(window->mediaBin(), {QUrl::fromLocalFile(clip)}));
        QTRY_VERIFY_WITH_TIMEOUT(allUploaded(h.workspace->uploads(), 1), 15000);
        app::PreviewMonitor *monitor = window->monitor();
        type(window, QStringLiteral("make a 4-second video"));
        QTRY_VERIFY_WITH_TIMEOUT(!h.workspace->conversation()->isBusy(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->preview()->state(), render::PreviewRenderer::State::Rendering,
                                  10000);
        monitor->seek(1000);
        // The clip's own frame, from the media backend: red, at the monitor's size.
        QTRY_VERIFY_WITH_TIMEOUT(!monitor->still().isNull(), 15000);
        QVERIFY(!monitor->isPlaying());
        const QImage still = monitor->still();
        // Away from the title the agent puts in the middle.
        const QColor middle = still.pixelColor(still.width() / 5, still.height() / 5);
        QVERIFY2(middle.red() > 200 && middle.green() < 60 && middle.blue() < 60, qPrintable(middle.name()));
        QVERIFY(still.width() > 100);
    }

    // The length you see is the length you get: the generated clip (2 s of picture in a 30 s draft)
    // holds its last frame, and a click anywhere on the ruler, the end included, shows it on the monitor.
    void theRulerShowsTheHeldFrameToTheEnd()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        QVERIFY(connectAndAsk(h, QStringLiteral("make a 30-second video")));
        QTRY_VERIFY(h.workspace->state() && h.workspace->state()->draft.durationMs() == 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!h.workspace->uploads()->isBusy(), 20000); // the clip is on this computer
        window->showTimeline();
        app::TimelineView *timeline = window->timelinePanel()->view();
        timeline->zoomToFit();
        // The timeline hatches the held part: past the 5 s the service gives the clip, to 30 s.
        QApplication::processEvents();
        {
            const QImage painted = timeline->viewport()->grab().toImage();
            const QRect block = timeline->segmentRect(0, 0);
            const QColor base = painted.pixelColor(block.left() + 3, block.top() + 3);
            auto darker = [&](const QRect &area) {
                int n = 0;
                for (int y = area.top(); y <= area.bottom(); ++y) {
                    for (int x = area.left(); x <= area.right(); ++x)
                        n += painted.pixelColor(x, y).value() < base.value() - 30 ? 1 : 0;
                }
                return n;
            };
            // A band between the segment's name and its details (the words may be dark on a light block).
            const int mediaEnd = timeline->rulerX(5000);
            const int band = block.top() + timeline->fontMetrics().height() + 5;
            const int held = darker(QRect(mediaEnd + 4, band, block.right() - mediaEnd - 8, 6));
            const int playing = darker(QRect(block.left() + 2, band, mediaEnd - block.left() - 6, 6));
            QVERIFY2(held > 40, qPrintable(QString::number(held)));
            QVERIFY2(playing < 4, qPrintable(QString::number(playing)));
        }
        app::PreviewMonitor *monitor = window->monitor();
        QTRY_VERIFY_WITH_TIMEOUT(h.workspace->preview()->hasFrames(), 30000);
        // The clip itself at its end (1.96 s), then the held part and the very end of the ruler.
        auto clickAt = [&](qint64 ms) {
            const int x = qMin(timeline->rulerX(ms), timeline->viewport()->width() - 1);
            QTest::mouseClick(timeline->viewport(), Qt::LeftButton, Qt::NoModifier,
                              QPoint(x, app::TimelineView::RulerHeight / 2));
        };
        auto frameAt = [&](qint64 ms, qint64 expectMs) {
            clickAt(ms);
            const qint64 expectFrame = expectMs * 25 / 1000; // the monitor's frames are the preview's, 25 fps
            if (!QTest::qWaitFor(
                    [&] {
                        return qAbs(monitor->stillFrame() - expectFrame) <= 2 && !monitor->still().isNull();
                    },
                    20000))
                return QImage();
            return monitor->still().scaled(64, 36).convertToFormat(QImage::Format_RGB32);
        };
        const QImage clip = frameAt(1960, 1960); // its last frame
        QVERIFY(!clip.isNull());
        const QImage held = frameAt(28000, 28000);
        QVERIFY2(!held.isNull(), qPrintable(QString::number(monitor->stillFrame())));
        const QImage end = frameAt(31000, 29960); // past the last frame: the last frame
        QVERIFY2(!end.isNull(), qPrintable(QString::number(monitor->stillFrame())));
        // Compared above the middle, where the agent's title is during the first seconds.
        auto difference = [](const QImage &a, const QImage &b) {
            double sum = 0;
            for (int y = 0; y < a.height() / 3; ++y) {
                for (int x = 0; x < a.width(); ++x) {
                    const QRgb p = a.pixel(x, y);
                    const QRgb q = b.pixel(x, y);
                    sum += qAbs(qRed(p) - qRed(q)) + qAbs(qGreen(p) - qGreen(q)) + qAbs(qBlue(p) - qBlue(q));
                }
            }
            return sum / (a.width() * (a.height() / 3) * 3);
        };
        QImage black(64, 36, QImage::Format_RGB32);
        black.fill(Qt::black);
        QVERIFY2(difference(clip, black) > 20, "the clip's frame is black");
        QVERIFY2(difference(held, clip) < 4, qPrintable(QString::number(difference(held, clip))));
        QVERIFY2(difference(end, clip) < 4, qPrintable(QString::number(difference(end, clip))));
        // The playhead on the last frame (at 30 fps, 29.967 s), and the slider with it.
        QVERIFY2(h.workspace->playhead()->position() >= 30000 - 34,
                 qPrintable(QString::number(h.workspace->playhead()->position())));
        QVERIFY(monitor->positionSlider()->value() >= monitor->positionSlider()->maximum() - 40);
    }

    void localExportAsksBeforeLeavingMediaOut()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        QTemporaryDir mine;
        const QString photo = mine.filePath(QStringLiteral("beach.jpg"));
        QVERIFY(editWithOwnPhoto(h, photo));
        // The photo is gone from this computer, and the service can't give it back either.
        QVERIFY(QFile::remove(photo));
        fake::Fault gone = test::fault("media", 0);
        gone.httpStatus = 404;
        h.server.addFault(gone);
        window->openExport();
        app::ExportDialog *dialog = window->exportDialog();
        dialog->form()->engineCombo->setCurrentIndex(
            dialog->form()->engineCombo->findData(QStringLiteral("local")));
        QVERIFY(!dialog->form()->qualityCombo->isEnabled()); // made at the draft's own size, and it says so
        QCOMPARE(dialog->form()->qualityCombo->currentText(),
                 QStringLiteral("The edit's own size, as in the preview"));
        // Back to the cloud, its choice is back; and here again.
        dialog->form()->engineCombo->setCurrentIndex(
            dialog->form()->engineCombo->findData(QStringLiteral("cloud")));
        QTRY_COMPARE(dialog->form()->qualityCombo->currentText(), QStringLiteral("High (1080p)"));
        QVERIFY(dialog->form()->qualityCombo->isEnabled());
        QCOMPARE(dialog->form()->qualityCombo->count(), 3);
        dialog->form()->engineCombo->setCurrentIndex(
            dialog->form()->engineCombo->findData(QStringLiteral("local")));
        QTRY_VERIFY(!dialog->form()->qualityCombo->isEnabled());
        QTest::mouseClick(dialog->form()->startButton, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->exporter()->phase(), render::Exporter::Phase::Failed, 20000);
        QVERIFY2(dialog->form()->phaseLabel->text().contains(
                     QLatin1String("beach.jpg is no longer on this computer")),
                 qPrintable(dialog->form()->phaseLabel->text()));
        QVERIFY(QDir(h.settings.downloadFolder()).entryList(QDir::Files).isEmpty()); // never a silent gap
        QVERIFY(dialog->form()->localInsteadButton->isVisible());
        QCOMPARE(dialog->form()->localInsteadButton->text(),
                 QStringLiteral("Render &Without the Missing Media"));
        QTest::mouseClick(dialog->form()->localInsteadButton, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->exporter()->phase(), render::Exporter::Phase::Done, 60000);
        QVERIFY(QFileInfo(h.workspace->exporter()->targetPath()).size() > 1000);
    }

    // "beach.jpg is no longer on this computer — Locate…": the file found where it went, the media bin
    // points there, and the same export starts over and finishes with it.
    void localExportLocatesAFileThatMoved()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        QTemporaryDir mine;
        const QString photo = mine.filePath(QStringLiteral("beach.jpg"));
        QVERIFY(editWithOwnPhoto(h, photo));
        // Moved away (and the service can't give it back).
        QVERIFY(QDir(mine.path()).mkpath(QStringLiteral("Holiday")));
        const QString moved = mine.filePath(QStringLiteral("Holiday/beach.jpg"));
        QVERIFY(QFile::rename(photo, moved));
        fake::Fault gone = test::fault("media", 0);
        gone.httpStatus = 404;
        h.server.addFault(gone);
        window->openExport();
        app::ExportDialog *dialog = window->exportDialog();
        dialog->form()->engineCombo->setCurrentIndex(
            dialog->form()->engineCombo->findData(QStringLiteral("local")));
        QTest::mouseClick(dialog->form()->startButton, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->exporter()->phase(), render::Exporter::Phase::Failed, 20000);
        QVERIFY(dialog->form()->locateButton->isVisible());
        QCOMPARE(dialog->form()->locateButton->text(), QStringLiteral("&Locate beach.jpg…"));
        QTest::mouseClick(dialog->form()->locateButton, Qt::LeftButton);
        QFileDialog *chooser = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((chooser = dialog->findChild<QFileDialog *>()) && chooser->isVisible(),
                                 5000);
        QCOMPARE(QDir(chooser->directory()).canonicalPath(),
                 QDir(mine.path()).canonicalPath()); // where it was
        // The file picked in the dialog, then Open.
        chooser->selectFile(moved);
        auto *buttons = chooser->findChild<QDialogButtonBox *>();
        QVERIFY(buttons && buttons->button(QDialogButtonBox::Open));
        QTRY_VERIFY(buttons->button(QDialogButtonBox::Open)->isEnabled());
        QTest::mouseClick(buttons->button(QDialogButtonBox::Open), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->exporter()->phase(), render::Exporter::Phase::Done, 60000);
        QVERIFY(h.workspace->exporter()->missing().isEmpty());
        QCOMPARE(h.workspace->uploads()->at(0).path, QFileInfo(moved).absoluteFilePath());
        QVERIFY(QFileInfo(h.workspace->exporter()->targetPath()).size() > 1000);
    }

    void exportProjectForShotcut()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        QVERIFY(connectAndAsk(h, QStringLiteral("make a short video")));
        QTRY_VERIFY(h.workspace->state() && h.workspace->state()->draft.isExportable());
        // The generated clip is in the bin and on disk (its fetch may not have begun when the turn ends).
        QTRY_VERIFY_WITH_TIMEOUT(h.workspace->uploads()->size() > 0 &&
                                     QFileInfo::exists(h.workspace->uploads()->at(0).path) &&
                                     !h.workspace->uploads()->isBusy(),
                                 10000);
        const QString path = h.home.filePath(QStringLiteral("hand-off.mlt"));
        QSignalSpy exported(window, &app::MainWindow::projectExported);
        window->projectExport()->start(app::ProjectExport::Format::Shotcut, path);
        QVERIFY(exported.wait(20000));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray xml = file.readAll();
        QVERIFY(xml.contains("<mlt"));
        QVERIFY(xml.contains(QFile::encodeName(h.workspace->uploads()->at(0).path)));
        QVERIFY(window->statusBar()->currentMessage().contains(QLatin1String("open it in Shotcut")));
        QVERIFY(window->action(app::ActionId::ExportForShotcut));

        // File → Export Project → As OpenTimelineIO: the same edit for DaVinci Resolve.
        auto *exportMenu = window->findChild<QMenu *>(QStringLiteral("ExportProjectMenu"));
        QVERIFY(exportMenu);
        QCOMPARE(exportMenu->title(), QStringLiteral("Export &Project"));
        QVERIFY(exportMenu->actions().contains(window->action(app::ActionId::ExportForShotcut)));
        QVERIFY(exportMenu->actions().contains(window->action(app::ActionId::ExportOtio)));
        const QString otio = h.home.filePath(QStringLiteral("hand-off.otio"));
        window->projectExport()->start(app::ProjectExport::Format::OpenTimelineIO, otio);
        QVERIFY(exported.wait(20000));
        QCOMPARE(exported.last().first().toString(), otio);
        QFile timelineFile(otio);
        QVERIFY(timelineFile.open(QIODevice::ReadOnly));
        const test::OtioReader timeline(timelineFile.readAll());
        QVERIFY2(timeline.ok(), qPrintable(timeline.error()));
        QCOMPARE(timeline.length(), h.workspace->state()->draft.durationMs() * 30 / 1000);
        QVERIFY(!timeline.clips().isEmpty());
        QCOMPARE(timeline.clips().first().file, h.workspace->uploads()->at(0).path);
        QVERIFY(window->statusBar()->currentMessage().contains(QLatin1String("DaVinci Resolve")));
    }

    // File → Save a Copy As… (Ctrl+Shift+S): the whole project, chat and timeline, to a file the user
    // picks in the dialog; the project being worked on stays the open one.
    void saveACopyOfTheProject()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        project::ProjectKeeper *keeper = h.openProjects(h.home.filePath(QStringLiteral("projects")));
        QVERIFY(connectAndAsk(h, QStringLiteral("make a short video")));
        QTRY_VERIFY(h.workspace->state() && h.workspace->state()->draft.isExportable());
        QAction *saveCopy = window->action(app::ActionId::SaveCopy);
        QVERIFY(saveCopy);
        QCOMPARE(saveCopy->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
        QCOMPARE(saveCopy->text(), QStringLiteral("Save a &Copy As…"));
        const QString openId = keeper->projectId();
        QVERIFY(showActive(window));
        QTest::keyClick(window, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        QFileDialog *chooser = nullptr;
        QTRY_VERIFY((chooser = window->findChild<QFileDialog *>()) && chooser->isVisible());
        const QString path = h.home.filePath(QStringLiteral("kept elsewhere.nemo"));
        chooser->selectFile(path);
        auto *buttons = chooser->findChild<QDialogButtonBox *>();
        QVERIFY(buttons && buttons->button(QDialogButtonBox::Save));
        QTRY_VERIFY(buttons->button(QDialogButtonBox::Save)->isEnabled());
        QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
        QTRY_VERIFY(window->statusBar()->currentMessage().contains(
            QLatin1String("A copy of this project was saved")));
        project::ProjectDatabase copy(path);
        QCOMPARE(copy.open(), project::ProjectDatabase::Status::Ok);
        const std::optional<project::Project> saved = copy.read(project::ProjectDatabase::Drafts::Last);
        QVERIFY(saved);
        QCOMPARE(saved->messages.size(), h.workspace->conversation()->size());
        QVERIFY(!saved->drafts.isEmpty());
        QCOMPARE(saved->drafts.last().draft.bytes(), h.workspace->state()->draft.bytes());
        QVERIFY(saved->id != openId);
        QCOMPARE(keeper->projectId(), openId);
    }

    // The disk with the projects fills up while the user works: the window says so until the project is
    // saved again (the title too), and saves it on its own once there is room.
    void aFullDiskIsSaidUntilTheProjectIsSaved()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        const QString folder = h.home.filePath(QStringLiteral("disk"));
        QString why;
        const std::unique_ptr<test::Mount> disk = test::Mount::tmpfs(folder, 512, &why);
        if (!disk)
            QSKIP(qPrintable(why));
        project::ProjectKeeper *keeper = h.openProjects(folder);
        h.workspace->conversation()->addNotice(QStringLiteral("before the disk filled"));
        QVERIFY(keeper->flush());
        QVERIFY(!window->windowTitle().contains(QLatin1String("not saved")));
        const QString filler = test::fillDisk(folder);
        QVERIFY(!filler.isEmpty());
        for (int i = 0; i < 20; ++i)
            h.workspace->conversation()->addNotice(QStringLiteral("while full %1 ").arg(i).repeated(60));
        QTRY_VERIFY_WITH_TIMEOUT(window->windowTitle().contains(QLatin1String("(not saved)")), 5000);
        QVERIFY2(window->statusBar()->currentMessage().contains(QLatin1String("the disk is full")),
                 qPrintable(window->statusBar()->currentMessage()));
        QVERIFY(window->statusBar()->currentMessage().contains(QLatin1String("Save a Copy As")));
        QVERIFY(window->action(app::ActionId::SaveCopy)->isEnabled());
        // Closing now asks first, without a nested loop (close() returns at once), and Cancel keeps it open.
        QVERIFY(showActive(window));
        QVERIFY(!window->close());
        QMessageBox *question = nullptr;
        QTRY_VERIFY((question = window->findChild<QMessageBox *>(QStringLiteral("QuitQuestion"))) &&
                    question->isVisible());
        QVERIFY2(question->text().contains(QLatin1String("could not be saved")),
                 qPrintable(question->text()));
        QTest::mouseClick(question->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(!window->findChild<QMessageBox *>(QStringLiteral("QuitQuestion")));
        QVERIFY(window->isVisible());
        QVERIFY(QFile::remove(filler));
        QTRY_VERIFY_WITH_TIMEOUT(!window->windowTitle().contains(QLatin1String("not saved")),
                                 project::ProjectKeeper::RetryDelayMs * 2);
        QTRY_VERIFY(window->statusBar()->currentMessage().contains(QLatin1String("saved again")));
    }

    void droppedStreamKeepsThePartialReply()
    {
        test::GuiHarness h;
        fake::Fault drop;
        drop.endpoint = QStringLiteral("sse");
        drop.nth = 1;
        drop.dropAfterEvents = 3;
        h.server.addFault(drop);
        app::MainWindow *window = h.window.get();
        window->show();
        type(window, QStringLiteral("make a video"));
        QTRY_VERIFY_WITH_TIMEOUT(!h.workspace->conversation()->isBusy(), 20000);
        const ChatMessage *reply = lastOf(h.workspace->conversation(), ChatMessage::Role::Agent);
        QVERIFY(reply);
        QVERIFY(!reply->text.isEmpty());
        QCOMPARE(reply->state, ChatMessage::State::Interrupted);
        const ChatMessage *error = lastOf(h.workspace->conversation(), ChatMessage::Role::Error);
        QVERIFY(error);
        QVERIFY(error->text.contains(QLatin1String("not sent again")));
        QCOMPARE(h.server.chatMessages().size(), 1);
        QTRY_VERIFY(window->timelinePanel()->model()->rowCount() > 0); // the state was fetched instead
    }

    void stopWaitingAfterADroppedStream()
    {
        using namespace std::chrono_literals;
        test::GuiHarness h;
        net::ServiceConfig config = h.workspace->service()->config();
        config.droppedStreamFirstCheck = 20s; // long enough to read the status and press the button
        h.workspace->service()->setConfig(config);
        fake::Fault drop = test::fault("sse", 1);
        drop.dropAfterEvents = 3;
        h.server.addFault(drop);
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        type(window, QStringLiteral("make a video"));
        app::ChatPanel *chat = window->chatPanel();
        QTRY_VERIFY_WITH_TIMEOUT(chat->stopWaitingButton()->isVisible(), 20000);
        QTRY_VERIFY(chat->statusLabel()->text().contains(QLatin1String("next look at the timeline in 0:")));
        const int states = h.server.callCount(QStringLiteral("state"));
        QTest::mouseClick(chat->stopWaitingButton(), Qt::LeftButton);
        QVERIFY(!chat->stopWaitingButton()->isVisible());
        QVERIFY(!h.workspace->conversation()->isWatching());
        QVERIFY(chat->statusLabel()->text().isEmpty());
        QVERIFY(lastOf(h.workspace->conversation(), ChatMessage::Role::Notice)
                    ->text.startsWith(QLatin1String("Stopped waiting for the agent")));
        QCOMPARE(h.server.callCount(QStringLiteral("state")), states);
        QCOMPARE(h.server.chatMessages().size(), 1);
    }

    void generatedClipsAreInTheBin()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        // Nothing uploaded: the agent generates a clip from the words.
        QVERIFY(connectAndAsk(h, QStringLiteral("a sunrise over the sea")));
        app::MediaBinModel *model = window->mediaBin()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
        const QModelIndex row = model->index(0);
        QVERIFY(row.data(app::MediaBinModel::GeneratedRole).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(MediaItem::State(row.data(app::MediaBinModel::StateRole).toInt()),
                                  MediaItem::State::Uploaded, 15000);
        QVERIFY(row.data(Qt::ToolTipRole).toString().contains(QLatin1String("a sunrise over the sea")));
        QVERIFY(
            row.data(Qt::AccessibleTextRole).toString().contains(QLatin1String("generated by the agent")));
        QTRY_VERIFY_WITH_TIMEOUT(!row.data(app::MediaBinModel::ThumbnailRole).value<QImage>().isNull(),
                                 15000);
        QVERIFY(row.data(app::MediaBinModel::DurationRole).toLongLong() > 0);
        QCOMPARE(h.server.callCount(QStringLiteral("upload")), 0); // never sent back up

        // Double-click: it plays here.
        app::MediaListView *list = window->mediaBin()->view();
        list->scrollTo(row);
        // A double-click as the window system delivers it: press and release, then the double-click.
        QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, list->visualRect(row).center());
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, list->visualRect(row).center());
        app::ClipDialog *clip = nullptr;
        QTRY_VERIFY((clip = window->mediaBin()->findChild<app::ClipDialog *>()) && clip->isVisible());
        QVideoSink *sink = clip->player()->videoWidget()->videoSink();
        QSignalSpy frames(sink, &QVideoSink::videoFrameChanged);
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() >= 3, 20000);
        QCOMPARE(clip->player()->player()->error(), QMediaPlayer::NoError);

        // Save As: a copy where the user chose; an existing file there is replaced only by the whole copy.
        const QString target = h.home.filePath(QStringLiteral("sunrise.mp4"));
        QFile existing(target);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("an older file");
        existing.close();
        QSignalSpy saved(clip, &app::ClipDialog::saved);
        clip->saveTo(target);
        QVERIFY(saved.wait(10000));
        QFile copy(target);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QFile cached(h.workspace->uploads()->at(0).path);
        QVERIFY(cached.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), cached.readAll());
        clip->close();
    }

    void cancelExportFromTheDialog()
    {
        fake::Scenario scenario = test::quickScenario();
        scenario.renderMs = 60000;
        test::GuiHarness h(scenario);
        app::MainWindow *window = h.window.get();
        QVERIFY(connectAndAsk(h, QStringLiteral("make a short video")));
        QTRY_VERIFY(h.workspace->state() && h.workspace->state()->draft.isExportable());
        QTest::keySequence(window, QKeySequence(Qt::CTRL | Qt::Key_E));
        app::ExportDialog *dialog = window->exportDialog();
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(!dialog->form()->cancelExportButton->isVisible());
        // Before and during the export the settings and the progress are as tall as they need: no
        // stretched, empty boxes (the room goes to the video once there is one).
        QVERIFY(dialog->form()->optionsGroup->height() <=
                dialog->form()->optionsGroup->sizeHint().height() + 2);
        QTest::mouseClick(dialog->form()->startButton, Qt::LeftButton);
        QTRY_VERIFY(dialog->form()->cancelExportButton->isVisible());
        QTRY_VERIFY(dialog->form()->progressGroup->height() <=
                    dialog->form()->progressGroup->sizeHint().height() + 2);
        QTRY_VERIFY(!h.workspace->exporter()->jobId().isEmpty());
        // The estimate from the reported progress; the lines speak of the export, never of its job's id.
        QTRY_VERIFY_WITH_TIMEOUT(dialog->form()->timingLabel->text().contains(QLatin1String(" left")), 10000);
        const QString jobId = h.workspace->exporter()->jobId();
        for (const QLabel *label : dialog->findChildren<QLabel *>())
            QVERIFY2(!label->text().contains(jobId), qPrintable(label->text()));
        QVERIFY(!dialog->form()->phaseLabel->text().contains(QLatin1String("(pending)")));
        QVERIFY(!dialog->form()->phaseLabel->text().contains(QLatin1String("(processing)")));
        // The quality box says what each engine does: the cloud's choice, the edit's own size here.
        QCOMPARE(dialog->form()->qualityCombo->currentText(), QStringLiteral("High (1080p)"));
        QTest::mouseClick(dialog->form()->cancelExportButton, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->exporter()->phase(), render::Exporter::Phase::Cancelled,
                                  10000);
        QVERIFY(dialog->form()->phaseLabel->text().contains(QLatin1String("cancelled")));
        QVERIFY(!dialog->form()->cancelExportButton->isVisible());
        QVERIFY(dialog->form()->exportAgainButton->isVisible());
        QVERIFY(!dialog->form()->saveAsButton->isVisible());
        QCOMPARE(h.server.callCount(QStringLiteral("render_cancel")), 1);
        QCOMPARE(h.server.callCount(QStringLiteral("media")), 1); // the generated clip, never the video
        const QStringList left = QDir(h.settings.downloadFolder()).entryList(QDir::Files);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
    }

    void heartbeatsOnlyKeepTheUserInformed()
    {
        test::GuiHarness h;
        h.workspace->service()->setConfig([&] {
            net::ServiceConfig config = h.workspace->service()->config();
            config.heartbeatOnlyLimit = std::chrono::milliseconds(2500);
            return config;
        }());
        fake::Fault beats;
        beats.endpoint = QStringLiteral("sse");
        beats.heartbeatsOnly = true;
        h.server.addFault(beats);
        app::MainWindow *window = h.window.get();
        window->show();
        type(window, QStringLiteral("make a video"));
        QTRY_VERIFY(window->chatPanel()->statusLabel()->text().startsWith(QStringLiteral("Working… 0:")));
        QVERIFY(window->chatPanel()->stopButton()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!h.workspace->conversation()->isBusy(), 15000);
        const ChatMessage *error = lastOf(h.workspace->conversation(), ChatMessage::Role::Error);
        QVERIFY(error);
        QVERIFY(error->text.contains(QLatin1String("took too long")));
        QCOMPARE(h.server.chatMessages().size(), 1);
    }

    void stopButton()
    {
        fake::Scenario scenario = test::quickScenario();
        scenario.eventDelayMs = 120;
        test::GuiHarness h(scenario);
        app::MainWindow *window = h.window.get();
        window->show();
        type(window, QStringLiteral("make a video"));
        QTRY_VERIFY(lastOf(h.workspace->conversation(), ChatMessage::Role::Agent) &&
                    !lastOf(h.workspace->conversation(), ChatMessage::Role::Agent)->text.isEmpty());
        QTest::mouseClick(window->chatPanel()->stopButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!h.workspace->conversation()->isBusy(), 10000);
        QCOMPARE(lastOf(h.workspace->conversation(), ChatMessage::Role::Agent)->state,
                 ChatMessage::State::Stopped);
        QVERIFY(lastOf(h.workspace->conversation(), ChatMessage::Role::Notice)
                    ->text.startsWith(QLatin1String("Stopped.")));
    }

    void offlineThenBackAgain_data()
    {
        QTest::addColumn<bool>("clickRetry");
        QTest::newRow("Retry clicked") << true;
        // Nobody clicks: the workspace keeps trying with growing pauses and comes back by itself.
        QTest::newRow("on its own") << false;
    }
    void offlineThenBackAgain()
    {
        QFETCH(bool, clickRetry);
        test::GuiHarness h;
        const quint16 port = h.server.port();
        h.server.close();
        app::MainWindow *window = h.window.get();
        window->show();
        h.workspace->connectToService();
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->connection(), client::Workspace::Connection::Offline, 10000);
        QVERIFY(window->statusPanel()->connectionLabel()->text().contains(QLatin1String("Offline")));
        QVERIFY(window->statusPanel()->retryButton()->isVisible());
        QTRY_VERIFY(window->offlineBanner()->isVisible());
        QVERIFY(window->offlineBanner()->findChild<QLabel *>()->text().contains(
            QLatin1String("Your work is kept")));
        QVERIFY(h.server.listen(port));
        if (clickRetry)
            QTest::mouseClick(window->statusPanel()->retryButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->connection(), client::Workspace::Connection::Ready, 15000);
        QVERIFY(!window->statusPanel()->retryButton()->isVisible());
        QVERIFY(!window->offlineBanner()->isVisible());
    }

    void projectsNewAndRecent()
    {
        test::GuiHarness h;
        project::ProjectKeeper &keeper = *h.openProjects(h.home.filePath(QStringLiteral("projects")));
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        h.workspace->connectToService();
        QTRY_COMPARE(h.workspace->connection(), client::Workspace::Connection::Ready);
        type(window, QStringLiteral("make a travel video titled \"Lisbon Light\""));
        QTRY_VERIFY_WITH_TIMEOUT(
            !h.workspace->conversation()->isBusy() && h.workspace->conversation()->size() >= 2, 20000);
        // Named after the video's title in the agent's draft, not the prompt.
        QTRY_COMPARE(window->windowTitle(), QStringLiteral("Lisbon Light — Nemo Studio"));
        const QString first = keeper.projectId();

        // Ctrl+N twice: fresh projects, the old one saved; the empty one left behind is not kept.
        QTest::keyClick(window, Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY(keeper.projectId() != first);
        QTest::keyClick(window, Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(h.workspace->conversation()->size(), 0);
        QCOMPARE(window->windowTitle(), QStringLiteral("Untitled project — Nemo Studio"));
        QCOMPARE(window->chatPanel()->view()->model()->rowCount(), 0);

        // File > Open Recent lists the one with something in it, once; choosing it brings it back.
        auto *recent = window->findChild<QMenu *>(QStringLiteral("RecentMenu"));
        QVERIFY(recent);
        emit recent->aboutToShow();
        QAction *open = nullptr;
        int entries = 0;
        for (QAction *action : recent->actions()) {
            ++entries;
            if (action->text().startsWith(QLatin1String("Lisbon Light")))
                open = action;
        }
        QCOMPARE(entries, 1);
        QVERIFY(open);
        open->trigger();
        QCOMPARE(keeper.projectId(), first);
        QVERIFY(h.workspace->conversation()->size() >= 2);
        QCOMPARE(h.workspace->conversation()->at(0).text,
                 QStringLiteral("make a travel video titled \"Lisbon Light\""));
        QCOMPARE(window->chatPanel()->view()->model()->rowCount(), h.workspace->conversation()->size());

        // File > Rename Project…: typed into its dialog, the name is the title from then on.
        QVERIFY(showActive(window));
        window->action(app::ActionId::RenameProject)->trigger();
        QInputDialog *rename = nullptr;
        QTRY_VERIFY((rename = window->findChild<QInputDialog *>(QStringLiteral("RenameProjectDialog"))) &&
                    rename->isVisible());
        QCOMPARE(rename->textValue(), QStringLiteral("Lisbon Light"));
        auto *edit = rename->findChild<QLineEdit *>();
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("Weekend in Lisbon"));
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_COMPARE(window->windowTitle(), QStringLiteral("Weekend in Lisbon — Nemo Studio"));
        QVERIFY(keeper.flush());
        QCOMPARE(keeper.recent().first().name, QStringLiteral("Weekend in Lisbon"));
        QCOMPARE(h.server.chatMessages().size(), 1);
    }

    void quittingDuringAnExportSaysItKeepsRunning()
    {
        fake::Scenario scenario = test::quickScenario();
        scenario.renderMs = 60000; // still rendering when the window closes
        test::GuiHarness h(scenario);
        h.openProjects(h.home.filePath(QStringLiteral("projects")));
        project::ProjectStore &store = *h.projects;
        app::MainWindow *window = h.window.get();
        QVERIFY(connectAndAsk(h, QStringLiteral("make a short video")));
        QTRY_VERIFY(h.workspace->state() && h.workspace->state()->draft.isExportable());
        h.workspace->exporter()->start(h.workspace->state()->draft, render::RenderOptions(),
                                       h.home.filePath(QStringLiteral("video.mp4")));
        QTRY_VERIFY(!h.workspace->exporter()->jobId().isEmpty());
        const QString jobId = h.workspace->exporter()->jobId();

        // Quit: the question comes up (the window stays until it is answered); Quit closes it.
        QVERIFY(showActive(window));
        QVERIFY(!window->close());
        QMessageBox *question = nullptr;
        QTRY_VERIFY((question = window->findChild<QMessageBox *>(QStringLiteral("QuitQuestion"))) &&
                    question->isVisible());
        QVERIFY2(question->text().contains(QLatin1String("keeps running")), qPrintable(question->text()));
        QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("quitButton")), Qt::LeftButton);
        QTRY_VERIFY(!window->isVisible());
        // The job is on disk as running, and the next start picks it up (polls the same job).
        h.keeper.reset();
        const project::ProjectStore::Loaded saved = store.load(store.lastProjectId());
        QVERIFY(saved.project);
        QCOMPARE(saved.project->renders.size(), 1);
        QCOMPARE(saved.project->renders.first().jobId, jobId);
        QVERIFY(saved.project->renders.first().isRunning());
        auth::MemorySecretStore secrets;
        client::Workspace next(test::quickConfig(h.server.baseUrl()), &secrets);
        project::ProjectKeeper again(&next, &store);
        again.openLast();
        QCOMPARE(next.exporter()->jobId(), jobId);
        QCOMPARE(next.exporter()->phase(), render::Exporter::Phase::Rendering);
        QCOMPARE(h.server.callCount(QStringLiteral("render")), 1);
    }

    void realAppKilledMidUploadComesBackInterrupted()
    {
        // The program itself, not a harness: started with a photo on its command line (as "Open with"
        // does), killed with SIGKILL while the service holds the upload, then its project opened in a
        // window. The photo shows as interrupted with Retry, and Retry uploads it once.
        NEMO_REQUIRE(
            QSysInfo::kernelType() == QLatin1String("linux"),
            "the program's settings and projects are placed with the XDG folders, which only Linux has");
        test::GuiHarness h;
        fake::Fault hold = test::fault("upload", 1);
        hold.delayMs = 120000;
        h.server.addFault(hold);
        const QString appHome = h.home.filePath(QStringLiteral("killed"));
        const Profile profile(appHome, h.server.baseUrl());
        QProcess app;
        profile.start(&app, {data("photo1.jpg")});
        QVERIFY(app.waitForStarted());
        auto stopApp = qScopeGuard([&] {
            app.kill();
            app.waitForFinished();
        });
        const project::ProjectStore &store = profile.store;
        auto uploadingOnDisk = [&] {
            const project::ProjectStore::Loaded saved = store.load(store.lastProjectId());
            return saved.project && saved.project->media.size() == 1 &&
                saved.project->media.first().state == MediaItem::State::Uploading;
        };
        QTRY_VERIFY_WITH_TIMEOUT(h.server.callCount(QStringLiteral("upload")) == 1 && uploadingOnDisk(),
                                 30000);
        app.kill(); // SIGKILL: nothing is saved on the way out
        QVERIFY(app.waitForFinished());
        QCOMPARE(app.exitStatus(), QProcess::CrashExit);

        // Started again as the same person: the sign-in it kept, the project it saved.
        const QString signInFile = appHome + QStringLiteral("/config/NemoStudio/NemoStudio/secrets.json");
        QVERIFY(QFile::exists(signInFile));
        auth::FileSecretStore signIn(signInFile);
        h.workspace->service()->setSecrets(&signIn);
        h.openProjects(store.folder());
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        h.workspace->connectToService();
        app::MediaBinPanel *bin = window->mediaBin();
        QCOMPARE(bin->model()->rowCount(), 1);
        const QModelIndex row = bin->model()->index(0, 0);
        QCOMPARE(row.data(app::MediaBinModel::NameRole).toString(), QStringLiteral("photo1.jpg"));
        QCOMPARE(MediaItem::State(row.data(app::MediaBinModel::StateRole).toInt()),
                 MediaItem::State::Interrupted);
        QVERIFY(row.data(Qt::AccessibleTextRole).toString().contains(QLatin1String("interrupted")));
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->connection(), client::Workspace::Connection::Ready, 10000);
        QCOMPARE(h.server.callCount(QStringLiteral("upload")), 1); // not uploaded again on its own

        // The row's Retry button, clicked where it is drawn.
        const QRect rect = bin->view()->visualRect(row);
        const QRect retry = app::MediaItemDelegate::retryRect(rect, bin->view()->fontMetrics());
        QTest::mouseClick(bin->view()->viewport(), Qt::LeftButton, Qt::NoModifier, retry.center());
        QTRY_VERIFY_WITH_TIMEOUT(allUploaded(h.workspace->uploads(), 1), 15000);
        QCOMPARE(h.server.callCount(QStringLiteral("upload")), 2);
        test::FaultMatrix::record(QStringLiteral("SIGKILL of nemo-studio itself mid-upload"),
                                  QStringLiteral("window shows it interrupted; its Retry uploads it once"));
    }

    static QStringList mediaOnDisk(const project::ProjectStore &store)
    {
        QStringList names;
        const project::ProjectStore::Loaded saved = store.load(store.lastProjectId());
        if (saved.project) {
            for (const MediaItem &item : saved.project->media)
                names.append(item.name);
        }
        names.sort();
        return names;
    }

    void aSecondLaunchHandsItsFilesToTheRunningWindow()
    {
        // As a person does it: Nemo Studio is open; "Open with" on a photo starts the program again.
        NEMO_REQUIRE(QSysInfo::kernelType() == QLatin1String("linux"),
                     "the program's profile is placed with the XDG folders, which only Linux has");
        test::GuiHarness h;
        const Profile profile(h.home.filePath(QStringLiteral("once")), h.server.baseUrl());
        const project::ProjectStore &store = profile.store;
        QProcess first;
        profile.start(&first);
        QVERIFY(first.waitForStarted());
        auto stopFirst = qScopeGuard([&] {
            first.kill();
            first.waitForFinished();
        });
        QTRY_VERIFY_WITH_TIMEOUT(!store.lastProjectId().isEmpty(), 30000); // running, its project open

        QProcess second;
        profile.start(&second, {data("photo1.jpg")});
        QVERIFY(second.waitForFinished(20000)); // it ends at once: no second window
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0);
        QCOMPARE(first.state(), QProcess::Running);
        // The photo is in the running window's media bin (and so in its project), uploaded once.
        QTRY_COMPARE_WITH_TIMEOUT(mediaOnDisk(store), QStringList{QStringLiteral("photo1.jpg")}, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(h.server.callCount(QStringLiteral("upload")), 1, 20000);
        test::FaultMatrix::record(
            QStringLiteral("nemo-studio started again while it runs"),
            QStringLiteral("no second window; its files land in the running window's bin"));

        // Killed: the socket and lock it leaves behind do not stop the next start from being the window.
        first.kill();
        QVERIFY(first.waitForFinished());
        QProcess after;
        profile.start(&after, {data("photo2.png")});
        QVERIFY(after.waitForStarted());
        auto stopAfter = qScopeGuard([&] {
            after.kill();
            after.waitForFinished();
        });
        QTRY_COMPARE_WITH_TIMEOUT(mediaOnDisk(store),
                                  (QStringList{QStringLiteral("photo1.jpg"), QStringLiteral("photo2.png")}),
                                  30000);
        QCOMPARE(after.state(), QProcess::Running);
    }

    void twoLaunchesAtOnceMakeOneWindow()
    {
        NEMO_REQUIRE(QSysInfo::kernelType() == QLatin1String("linux"),
                     "the program's profile is placed with the XDG folders, which only Linux has");
        test::GuiHarness h;
        const Profile profile(h.home.filePath(QStringLiteral("twice")), h.server.baseUrl());
        const project::ProjectStore &store = profile.store;
        QProcess a;
        QProcess b;
        // A double click that counted twice: both start in the same moment, each with a file.
        profile.start(&a, {data("photo1.jpg")});
        profile.start(&b, {data("photo2.png")});
        QVERIFY(a.waitForStarted());
        QVERIFY(b.waitForStarted());
        auto stop = qScopeGuard([&] {
            for (QProcess *p : {&a, &b}) {
                p->kill();
                p->waitForFinished();
            }
        });
        // Exactly one ends (handing its file over) and one stays: the window.
        QTRY_VERIFY_WITH_TIMEOUT(a.state() == QProcess::NotRunning || b.state() == QProcess::NotRunning,
                                 20000);
        QProcess &ended = a.state() == QProcess::NotRunning ? a : b;
        QProcess &window = &ended == &a ? b : a;
        QCOMPARE(ended.exitStatus(), QProcess::NormalExit);
        QCOMPARE(ended.exitCode(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(mediaOnDisk(store),
                                  (QStringList{QStringLiteral("photo1.jpg"), QStringLiteral("photo2.png")}),
                                  30000);
        QCOMPARE(window.state(), QProcess::Running);
        QCOMPARE(store.recent().size(), 1); // one project, written by one process
        test::FaultMatrix::record(QStringLiteral("two launches of nemo-studio at once"),
                                  QStringLiteral("one window; both launches' files in its media bin"));
    }

    void signInEachTimeAsksForTheToken()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        auth::SecretStorage storage(QStringLiteral("unused"),
                                    h.home.filePath(QStringLiteral("config/secrets.json")));
        window->setSecretStorage(&storage);
        QVERIFY(showActive(window));
        // The dialog is window-modal and answered by signal: type a token and press Enter as a person would.
        std::optional<bool> entered;
        window->signIn()->askForSessionToken([&entered](bool yes) { entered = yes; });
        QInputDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<QInputDialog *>(QStringLiteral("SessionTokenDialog"))) &&
                    dialog->isVisible());
        auto *edit = dialog->findChild<QLineEdit *>();
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QTest::keyClicks(edit, QStringLiteral("nmv_usr_typed_by_hand"));
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_VERIFY(entered.has_value());
        QVERIFY(*entered);
        QCOMPARE(h.workspace->service()->auth()->source(), auth::Authenticator::Source::Environment);
        h.workspace->connectToService();
        // That token is the one used (the server does not know it), and it is stored nowhere.
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->connection(), client::Workspace::Connection::SignedOut, 10000);
        QVERIFY(!h.secrets.keys().contains(h.workspace->service()->auth()->tokenKey()));
    }

    void keychainFailureAsksWhereToKeepTheSignIn()
    {
        test::GuiHarness h;
        auth::SecretStorage storage(QStringLiteral("unused"),
                                    h.home.filePath(QStringLiteral("config/secrets.json")));
        app::MainWindow *window = h.window.get();
        window->setSecretStorage(&storage);
        window->show();
        h.secrets.setFailing(true); // a locked keyring
        h.workspace->connectToService();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window->findChild<QMessageBox *>(QStringLiteral("SecretStorageChoice"))));
        QVERIFY(box->informativeText().contains(QLatin1String("NOT encrypted")));
        // Nothing was written anywhere while the user decides.
        QVERIFY(!QFile::exists(storage.filePath()));
        QCOMPARE(h.settings.secretStorage(), auth::SecretStorage::Kind::Keychain);
        QTRY_COMPARE(h.workspace->connection(), client::Workspace::Connection::Ready); // it works meanwhile

        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("fileButton")), Qt::LeftButton);
        QCOMPARE(h.settings.secretStorage(), auth::SecretStorage::Kind::File);
        QCOMPARE(h.workspace->service()->secrets(), storage.store(auth::SecretStorage::Kind::File));
        QTRY_VERIFY(QFileInfo(storage.filePath()).size() > 0);
        QFile file(storage.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("nmv_usr_"));
        QCOMPARE(QFileInfo(storage.filePath()).permissions() &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                      QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QVERIFY(window->statusBar()->currentMessage().contains(QLatin1String("unencrypted")));
        // Asked once: a later keychain problem does not ask again.
        QTRY_VERIFY(!window->findChild<QMessageBox *>(QStringLiteral("SecretStorageChoice")));
        emit h.workspace->service()->auth()->storageProblem(QStringLiteral("again"));
        QVERIFY(!window->findChild<QMessageBox *>(QStringLiteral("SecretStorageChoice")));
        // Settings says where the sign-in is, never what it is.
        window->openSettings();
        QTRY_VERIFY(window->findChild<app::SettingsDialog *>());
        QVERIFY(!showsASecret(h));
        window->findChild<app::SettingsDialog *>()->reject();
    }

    // No key does two things at once: among the window's actions that share a scope (the window, or one
    // widget), every shortcut is bound once.
    void noShortcutIsBoundTwice()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        QHash<QString, QString> bound; // scope + key → the action's name
        int checked = 0;
        for (QAction *action : window->findChildren<QAction *>()) {
            const bool windowWide = action->shortcutContext() == Qt::WindowShortcut ||
                action->shortcutContext() == Qt::ApplicationShortcut;
            const QObject *scope = windowWide ? window : action->parent();
            for (const QKeySequence &key : action->shortcuts()) {
                if (key.isEmpty())
                    continue;
                ++checked;
                const QString slot =
                    QString::number(quintptr(scope)) + key.toString(QKeySequence::PortableText);
                const QString name = action->objectName().isEmpty() ? action->text() : action->objectName();
                QVERIFY2(
                    !bound.contains(slot),
                    qPrintable(QStringLiteral("%1 is bound to both %2 and %3")
                                   .arg(key.toString(QKeySequence::NativeText), bound.value(slot), name)));
                bound.insert(slot, name);
            }
        }
        QVERIFY2(checked >= 10, qPrintable(QString::number(checked))); // the window's keys were found
    }

    void proxyFromSettings()
    {
        test::GuiHarness h;
        test::HttpProxy proxy(QStringLiteral("erin"), QStringLiteral("hunter2"));
        QVERIFY(proxy.listen());
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        window->openSettings();
        app::SettingsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<app::SettingsDialog *>()));
        auto *mode = dialog->findChild<QComboBox *>(QStringLiteral("proxyModeCombo"));
        auto *host = dialog->findChild<QLineEdit *>(QStringLiteral("proxyHostEdit"));
        QVERIFY(mode && host && !host->isEnabled());
        mode->setCurrentIndex(mode->findData(int(net::ProxySettings::Mode::Http)));
        QVERIFY(host->isEnabled());
        // Half filled: refused with a message, nothing applied.
        dialog->accept();
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("errorLabel"))
                    ->text()
                    .contains(QLatin1String("proxy")));
        QTest::keyClicks(host, QStringLiteral("127.0.0.1"));
        dialog->findChild<QSpinBox *>(QStringLiteral("proxyPortSpin"))->setValue(proxy.port());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("proxyUserEdit")),
                         QStringLiteral("erin"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("proxyPasswordEdit")),
                         QStringLiteral("hunter2"));
        // The keychain refuses the password: said in the dialog, nothing applied, nothing in the settings.
        h.secrets.setFailing(true);
        dialog->accept();
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("errorLabel"));
        QTRY_VERIFY(error->text().contains(QLatin1String("couldn't be kept")));
        QVERIFY(error->isVisible() && dialog->isVisible());
        QCOMPARE(h.workspace->service()->config().proxy.mode, net::ProxySettings::Mode::System);
        QVERIFY(!h.secrets.keys().contains(net::ProxySettings::passwordKey()));
        QSettings().sync();
        {
            QFile settingsFile(QSettings().fileName());
            QVERIFY(!settingsFile.open(QIODevice::ReadOnly) || !settingsFile.readAll().contains("hunter2"));
        }
        h.secrets.setFailing(false);
        dialog->accept();
        QTRY_VERIFY(!window->findChild<app::SettingsDialog *>());
        QCOMPARE(h.workspace->service()->config().proxy.mode, net::ProxySettings::Mode::Http);
        h.workspace->connectToService();
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->connection(), client::Workspace::Connection::Ready, 10000);
        QVERIFY(proxy.requests() >= 2);
        // Every request went through the proxy (the credits and timeline queries that follow "ready" may
        // still be on their way when this is first looked at).
        QTRY_COMPARE(proxy.requests(), h.server.stats().value(QLatin1String("requests")).toInt());
        // The password is with the sign-in, not in the settings file.
        QSettings().sync();
        QFile settingsFile(QSettings().fileName());
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        QVERIFY(!settingsFile.readAll().contains("hunter2"));
        QVERIFY(h.secrets.keys().contains(net::ProxySettings::passwordKey()));
    }

    void windowLayoutIsRemembered()
    {
        QByteArray state;
        {
            test::GuiHarness h;
            h.window->show();
            h.window->resize(1000, 700);
            h.window->timelineDock()->hide();
            h.window->close();
            state = h.settings.windowState();
            QVERIFY(!state.isEmpty());
            test::GuiHarness again;
            again.settings.saveWindow(h.settings.windowGeometry(), state);
            app::MainWindow restored(again.workspace.get(), &again.settings);
            restored.show();
            QVERIFY(QTest::qWaitForWindowExposed(&restored));
            QVERIFY(!restored.timelineDock()->isVisible());
            QVERIFY(restored.mediaDock()->isVisible());
        }
    }

    void languageSwitchesAtRunTime()
    {
        test::GuiHarness h;
        QVERIFY(showActive(h.window.get()));
        // The system's language with no translation of its own (here C) reads English with English
        // plurals, as when English is chosen; the system's formats stay whatever is chosen.
        const QLocale formats = QLocale();
        h.translations.apply(QString());
        QCOMPARE(QCoreApplication::translate("nemo::edit::Editor", "Move %n segment(s)", nullptr, 1),
                 QStringLiteral("Move 1 segment"));
        QCOMPARE(QCoreApplication::translate("nemo::edit::Editor", "Move %n segment(s)", nullptr, 3),
                 QStringLiteral("Move 3 segments"));
        const auto chooseLanguage = [&](const QString &language) {
            h.window->openSettings();
            auto *dialog = h.window->findChild<app::SettingsDialog *>();
            QVERIFY(dialog);
            auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("languageCombo"));
            QVERIFY(combo);
            const int index = combo->findData(language);
            QVERIFY(index >= 0);
            combo->setCurrentIndex(index);
            auto *buttons = dialog->findChild<QDialogButtonBox *>();
            QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
            QTRY_VERIFY(!h.window->findChild<app::SettingsDialog *>());
        };
        QCOMPARE(h.window->action(app::ActionId::Export)->text(), QStringLiteral("&Export Video…"));

        chooseLanguage(QStringLiteral("zh_CN"));
        // Menus, docks and panels retranslate in place, without a restart.
        QCOMPARE(h.window->action(app::ActionId::Export)->text(), QStringLiteral("导出视频(&E)…"));
        QCOMPARE(h.window->mediaDock()->windowTitle(), QStringLiteral("素材"));
        QCOMPARE(h.window->chatPanel()->input()->placeholderText(),
                 QStringLiteral("描述你想要的视频…（Enter 发送，Shift+Enter 换行）"));
        QCOMPARE(h.settings.language(), QStringLiteral("zh_CN"));
        // Messages that come from core are in the chosen language too.
        QTemporaryDir dir;
        const QString notes = dir.filePath(QStringLiteral("notes.txt"));
        QFile file(notes);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("plain text");
        file.close();
        h.window->mediaBin()->addPaths({notes});
        QTRY_VERIFY(h.window->mediaBin()->refusalText().contains(QStringLiteral("不是支持的类型")));
        // The timeline's summary and a turn's changes: Chinese words, units and punctuation, and no
        // break between a number and its unit.
        QFile briefFile(data("draft_brief.json"));
        QVERIFY(briefFile.open(QIODevice::ReadOnly));
        const draft::Draft brief = draft::Draft::fromBytes(briefFile.readAll());
        QCOMPARE(brief.summary(),
                 QStringLiteral("时间线（3 条轨道）：1. 视频：city timelapse（0–10\u00a0秒） "
                                "2. 背景音乐：Lo-fi（0–10\u00a0秒，35%） "
                                "3. 标题：“Urban Dreams”（0–3\u00a0秒）"));
        QCOMPARE(draft::DraftDiff::between(draft::Draft(), brief).describe(),
                 QStringLiteral(
                     "添加了轨道 视频，添加了轨道 背景音乐，添加了轨道 标题，时长 0\u00a0秒 → 10\u00a0秒"));

        QCOMPARE(QLocale(), formats); // Chinese words, the system's dates and times
        chooseLanguage(QStringLiteral("en"));
        QCOMPARE(h.window->action(app::ActionId::Export)->text(), QStringLiteral("&Export Video…"));
        QCOMPARE(QLocale(), formats);
        QCOMPARE(h.window->mediaDock()->windowTitle(), QStringLiteral("Media"));
        h.translations.apply(QStringLiteral("en"));
    }

    void themeOverrideAndHighDpiIcons()
    {
        test::GuiHarness h;
        // The style's and the desktop theme's icons come right after the window's first frame.
        QVERIFY(h.window->chatPanel()->stopButton()->icon().isNull());
        QVERIFY(showActive(h.window.get()));
        QTRY_VERIFY(!h.window->chatPanel()->stopButton()->icon().isNull());
        app::Theme::apply(app::AppSettings::Theme::Dark);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        QTRY_VERIFY(h.window->palette().color(QPalette::WindowText).lightness() > 180);
        app::Theme::apply(app::AppSettings::Theme::Light);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
        app::Theme::apply(app::AppSettings::Theme::System);
        // Icons are vector art: at 200% they are rendered at twice the pixels, not scaled up.
        const QIcon icon(QStringLiteral(":/icons/nemo-studio.svg"));
        for (const qreal ratio : {1.0, 1.5, 2.0}) {
            const QPixmap pixmap = icon.pixmap(QSize(32, 32), ratio);
            QCOMPARE(pixmap.size(), QSize(qRound(32 * ratio), qRound(32 * ratio)));
        }
    }

    void accessibleAndKeyboardOnly()
    {
        fake::Scenario scenario = test::quickScenario();
        scenario.eventDelayMs = 150;
        test::GuiHarness h(scenario);
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        // The chat list, the bin, the timeline and the player have names and descriptions.
        const QList<QWidget *> described = {window->chatPanel()->view(), window->mediaBin()->view(),
                                            window->timelinePanel()->view(),
                                            window->exportDialog()->player()->videoWidget()};
        for (QWidget *widget : described) {
            QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
            QVERIFY2(!widget->accessibleDescription().isEmpty(), widget->metaObject()->className());
        }
        // Menus list their shortcuts; Esc stops a running turn.
        QVERIFY(window->action(app::ActionId::Stop)->shortcut() == QKeySequence(Qt::Key_Escape));
        type(window, QStringLiteral("make a video"));
        QTRY_VERIFY(lastOf(h.workspace->conversation(), ChatMessage::Role::Agent) &&
                    !lastOf(h.workspace->conversation(), ChatMessage::Role::Agent)->text.isEmpty());
        QVERIFY(h.workspace->conversation()->isBusy());
        QVERIFY(window->action(app::ActionId::Stop)->isEnabled());
        QVERIFY(window->isActiveWindow()); // a window shortcut: only the active window's keys reach it
        QTest::keyClick(window->chatPanel()->input(), Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!h.workspace->conversation()->isBusy(), 10000);
        QCOMPARE(lastOf(h.workspace->conversation(), ChatMessage::Role::Agent)->state,
                 ChatMessage::State::Stopped);
        // Tab reaches the message box, the conversation, the bin and the timeline.
        QSet<QWidget *> reached;
        window->chatPanel()->input()->setFocus();
        QTRY_VERIFY(window->chatPanel()->input()->hasFocus());
        for (int i = 0; i < 40; ++i) {
            reached.insert(QApplication::focusWidget());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        }
        for (QWidget *widget : {static_cast<QWidget *>(window->chatPanel()->input()),
                                static_cast<QWidget *>(window->chatPanel()->view()),
                                static_cast<QWidget *>(window->mediaBin()->view()),
                                static_cast<QWidget *>(window->timelinePanel()->view())})
            QVERIFY2(reached.contains(widget), widget->metaObject()->className());
    }

#if defined(NEMO_HAVE_DBUS)
    void finishedExportNotifiesWhenNotLooking()
    {
        NotificationDaemon daemon;
        QDBusConnection bus = QDBusConnection::sessionBus();
        NEMO_REQUIRE(bus.isConnected(), "no D-Bus session bus (./scripts/test provides one)");
        QVERIFY(bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &daemon,
                                   QDBusConnection::ExportAllSlots));
        QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.Notifications")));
        const auto cleanup = qScopeGuard([&] {
            bus.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
            bus.unregisterObject(QStringLiteral("/org/freedesktop/Notifications"));
        });

        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        QVERIFY(connectAndAsk(h, QStringLiteral("make a short video")));
        QTRY_VERIFY(h.workspace->state() && !h.workspace->state()->draft.isEmpty());

        window->openExport();
        app::ExportDialog *dialog = window->exportDialog();
        QTRY_VERIFY(dialog->isVisible());
        QTest::mouseClick(dialog->form()->startButton, Qt::LeftButton);
        // The user closes the dialog and goes elsewhere while the render runs.
        dialog->close();
        QWidget elsewhere;
        QVERIFY(showActive(&elsewhere));
        QTRY_COMPARE_WITH_TIMEOUT(h.workspace->exporter()->phase(), render::Exporter::Phase::Done, 60000);
        QTRY_COMPARE(daemon.shown.size(), 1);
        QCOMPARE(daemon.shown.first().summary, QStringLiteral("Your video is ready"));
        QCOMPARE(daemon.shown.first().body, QFileInfo(h.workspace->exporter()->targetPath()).fileName());
        QTRY_COMPARE(window->notifier()->sent(), 1);
    }

    // No notification daemon on the bus: the call is made without asking first (no blocking D-Bus
    // question), and its failure turns into the window asking for attention.
    void noNotificationDaemonAlertsTheWindow()
    {
        QDBusConnection bus = QDBusConnection::sessionBus();
        NEMO_REQUIRE(bus.isConnected(), "no D-Bus session bus (./scripts/test provides one)");
        NEMO_REQUIRE(!bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.Notifications")),
                     "a notification daemon runs on this bus");
        test::GuiHarness h;
        app::Notifier *notifier = h.window->notifier();
        notifier->notify(QStringLiteral("Your video is ready"), QStringLiteral("video.mp4"));
        QCOMPARE(notifier->alerts(), 0); // the answer has not come yet: nothing waited for it
        QTRY_COMPARE(notifier->alerts(), 1);
        QCOMPARE(notifier->sent(), 0);
    }
#endif

    void actionsComeFromOneTable()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        // Each id is its row (spec(id) is a lookup by position), and every command is built and in a menu.
        QSet<QAction *> inMenus;
        for (QMenu *menu : window->menuBar()->findChildren<QMenu *>()) {
            for (QAction *action : menu->actions())
                inMenus.insert(action);
        }
        for (size_t row = 0; row < app::actions::table().size(); ++row) {
            const app::ActionSpec &spec = app::actions::table().at(row);
            QCOMPARE(size_t(spec.id), row);
            QAction *action = window->action(spec.id);
            QVERIFY2(action, spec.name);
            QCOMPARE(action->objectName(), QLatin1String(spec.name));
            QCOMPARE(action->shortcuts(), spec.keys);
            QVERIFY2(inMenus.contains(action), spec.name);
        }
        QCOMPARE(window->action(app::ActionId::AddMedia)->shortcut(), QKeySequence(QKeySequence::Open));
        QCOMPARE(window->action(app::ActionId::Export)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));

        // Help → Keyboard Shortcuts reads the same table: each command once, with the keys its panel adds
        // (Send: Ctrl+Return and Enter on one line), the player's Space and the timeline's keys, the title
        // whole.
        QVERIFY(showActive(window));
        window->action(app::ActionId::Shortcuts)->trigger();
        app::ShortcutsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<app::ShortcutsDialog *>()) && dialog->isVisible());
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Keyboard Shortcuts"));
        QMultiHash<QString, QString> rows; // command → keys
        for (QTreeWidgetItemIterator it(dialog->list()); *it; ++it) {
            if ((*it)->parent())
                rows.insert((*it)->text(0), (*it)->text(1));
        }
        QCOMPARE(rows.values(QStringLiteral("Send Message")).size(), 1);
        QVERIFY(rows.value(QStringLiteral("Send Message")).contains(QLatin1String("Enter")));
        QVERIFY(rows.value(QStringLiteral("Send Message")).contains(QLatin1String("Ctrl+Return")));
        QCOMPARE(rows.values(QStringLiteral("Play or pause")),
                 (QStringList{QStringLiteral("Space"), QStringLiteral("Space")}));
        QCOMPARE(rows.value(QStringLiteral("Split at the playhead")), QStringLiteral("S"));
        QCOMPARE(rows.value(QStringLiteral("Export Video…")), QStringLiteral("Ctrl+E"));
        for (auto it = rows.cbegin(); it != rows.cend(); ++it)
            QVERIFY2(!it.key().contains(QLatin1Char('&')), qPrintable(it.key())); // no access-key marks
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!window->findChild<app::ShortcutsDialog *>());
    }

    // The longest time the window did not answer during a first session (photos, a reply, scrubbing, an
    // export): recorded here, reported against its target by bench_gui's session part.
    void theLongestUiStallIsMeasured()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        test::StallMeter meter;
        // The meter sees a stall: the UI thread blocked for 120 ms is measured as that, in its step.
        meter.start();
        meter.setStep(QStringLiteral("planted"));
        QTest::qWait(20);
        QThread::msleep(120);
        QTest::qWait(20);
        meter.setStep(QString());
        QTest::qWait(20);
        meter.stop();
        QVERIFY2(meter.longestMs() >= 120, qPrintable(QString::number(meter.longestMs())));
        QCOMPARE(meter.longestStep(), QStringLiteral("planted"));
        meter.start();
        QString why;
        QVERIFY2(test::runScriptedSession(h, meter, {data("photo1.jpg"), data("photo2.png")}, &why),
                 qPrintable(why));
        meter.stop();
        qInfo("longest UI stall in the session: %lld ms (%s)", static_cast<long long>(meter.longestMs()),
              qPrintable(meter.longestStep()));
        QVERIFY(!meter.longestStep().isEmpty() && meter.longestStep() != QLatin1String("planted"));
        QVERIFY(window->monitor()->isVisible());
    }

    // Alt+letter reaches one thing only: within the menu bar, each menu, and each dialog's controls, in
    // English and in Chinese (where the letter is written in brackets: 平台(&A)).
    // A screen reader's walk over the window and its dialogs: every control the keyboard can reach
    // has a name (a tooltip is not one), in both languages; the conversation is a list with its
    // messages in it.
    void everyFocusableControlIsNamed_data()
    {
        inBothLanguages();
    }
    void everyFocusableControlIsNamed()
    {
        test::GuiHarness h;
        const auto english = inTheRowsLanguage(h);
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        type(window, QStringLiteral("make a short video"));
        QTRY_VERIFY_WITH_TIMEOUT(!h.workspace->conversation()->isBusy(), 20000);
        window->openSettings();
        app::SettingsDialog *settings = nullptr;
        QTRY_VERIFY((settings = window->findChild<app::SettingsDialog *>()));
        window->openExport();
        QTRY_VERIFY(window->exportDialog()->isVisible());
        int walked = 0;
        int lists = 0;
        QStringList unnamed;
        const std::function<void(QAccessibleInterface *, int)> walk = [&](QAccessibleInterface *node,
                                                                          int depth) {
            if (!node || !node->isValid() || depth > 40)
                return;
            ++walked;
            const QAccessible::State state = node->state();
            if (state.focusable && !state.invisible && !state.disabled &&
                node->text(QAccessible::Name).trimmed().isEmpty()) {
                QObject *object = node->object();
                QObject *parent = object ? object->parent() : nullptr;
                unnamed << QStringLiteral("%1 \"%2\" (role %3) in %4 \"%5\"")
                               .arg(object ? QLatin1String(object->metaObject()->className())
                                           : QLatin1String("item"),
                                    object ? object->objectName() : QString())
                               .arg(int(node->role()))
                               .arg(parent ? QLatin1String(parent->metaObject()->className())
                                           : QLatin1String("-"),
                                    parent ? parent->objectName() : QString());
            }
            if (node->object() == window->chatPanel()->view()) {
                ++lists;
                QCOMPARE(node->role(), QAccessible::List);
                QVERIFY(node->childCount() >= 2);
                QVERIFY(!node->child(node->childCount() - 1)->text(QAccessible::Name).isEmpty());
            }
            for (int i = 0; i < node->childCount(); ++i)
                walk(node->child(i), depth + 1);
        };
        for (QWidget *top : {static_cast<QWidget *>(window), static_cast<QWidget *>(settings),
                             static_cast<QWidget *>(window->exportDialog())})
            walk(QAccessible::queryAccessibleInterface(top), 0);
        QVERIFY(walked > 100);
        QCOMPARE(lists, 1);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1Char('\n'))));
    }

    // The timeline to a screen reader: its segments as a list, each named by what it is, its track and
    // its time, selected as on screen and selectable through its actions.
    void timelineSegmentsToScreenReaders()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        QVERIFY(photosAndAsk(h, {QStringLiteral("photo1.jpg"), QStringLiteral("photo2.png")},
                             QStringLiteral("make a 6-second video titled \"Trip\"")));
        app::TimelineView *view = window->timelinePanel()->view();
        app::TimelineModel *model = window->timelinePanel()->model();
        QTRY_VERIFY(model->trackCount() > 0);
        QAccessibleInterface *timeline = QAccessible::queryAccessibleInterface(view);
        QVERIFY(timeline);
        QCOMPARE(timeline->role(), QAccessible::List);
        int segments = 0;
        for (int t = 0; t < model->trackCount(); ++t)
            segments += int(model->track(t).clips.size());
        QVERIFY(segments >= 3);
        QCOMPARE(timeline->childCount(), segments);
        QStringList names;
        for (int i = 0; i < segments; ++i) {
            QAccessibleInterface *segment = timeline->child(i);
            QVERIFY(segment && segment->isValid());
            QCOMPARE(segment->role(), QAccessible::ListItem);
            QCOMPARE(timeline->indexOfChild(segment), i);
            QVERIFY(segment->state().selectable);
            QVERIFY(!segment->state().selected);
            names << segment->text(QAccessible::Name);
        }
        const QString all = names.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("photo1.jpg")) && all.contains(QLatin1String("photo2.png")),
                 qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("Trip")), qPrintable(all));
        QVERIFY2(names.first().contains(QLatin1String("00:00:00")), qPrintable(names.first())); // its time
        // Selecting through the accessibility interface selects on screen.
        QAccessibleActionInterface *first = timeline->child(0)->actionInterface();
        QVERIFY(first);
        QVERIFY(first->actionNames().contains(QAccessibleActionInterface::pressAction()));
        first->doAction(QAccessibleActionInterface::pressAction());
        QCOMPARE(view->selection().size(), 1);
        QVERIFY(timeline->child(0)->state().selected);
        timeline->child(1)->actionInterface()->doAction(QAccessibleActionInterface::toggleAction());
        QCOMPARE(view->selection().size(), 2);
        first->doAction(QAccessibleActionInterface::toggleAction());
        QCOMPARE(view->selection().size(), 1);
        QVERIFY(!timeline->child(0)->state().selected);
        QVERIFY(timeline->child(1)->state().selected);
    }

    // Every area the keyboard reaches shows that it has it, in both appearances: what the area looks
    // like changes when the focus arrives.
    void focusIsVisibleEverywhere_data()
    {
        QTest::addColumn<int>("theme");
        QTest::newRow("light") << int(app::AppSettings::Theme::Light);
        QTest::newRow("dark") << int(app::AppSettings::Theme::Dark);
    }
    void focusIsVisibleEverywhere()
    {
        QFETCH(int, theme);
        app::Theme::apply(app::AppSettings::Theme(theme));
        const auto restore = qScopeGuard([] { app::Theme::apply(app::AppSettings::Theme::Light); });
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        auto *pages = window->monitor()->findChild<QStackedWidget *>();
        QVERIFY(pages);
        // Each area: what takes the focus, and what shows it.
        const QList<std::pair<QWidget *, QWidget *>> areas = {
            {window->mediaBin()->view(), window->mediaBin()->view()},
            {window->timelinePanel()->view(), window->timelinePanel()->view()},
            {pages, window->monitor()},
        };
        for (const auto &[focus, shown] : areas) {
            window->chatPanel()->input()->setFocus();
            QTRY_VERIFY(!focus->hasFocus());
            const QImage before = shown->grab().toImage();
            focus->setFocus(Qt::TabFocusReason);
            QTRY_VERIFY(focus->hasFocus());
            QTRY_VERIFY2(shown->grab().toImage() != before, focus->metaObject()->className());
        }
        // The conversation, once there is one.
        type(window, QStringLiteral("make a short video"));
        QTRY_VERIFY_WITH_TIMEOUT(!h.workspace->conversation()->isBusy(), 20000);
        app::ChatView *view = window->chatPanel()->view();
        window->chatPanel()->input()->setFocus();
        QTRY_VERIFY(!view->hasFocus());
        const QImage before = view->grab().toImage();
        view->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(view->hasFocus());
        QTRY_VERIFY(view->grab().toImage() != before);
    }

    // A small screen (800×600) holds the whole window, in English and in Chinese: nothing holds it
    // wider (the suggested requests end in "…" and keep their whole words for screen readers and
    // tooltips), and the welcome scrolls rather than being cut off.
    void aSmallWindowFits_data()
    {
        inBothLanguages();
    }
    void aSmallWindowFits()
    {
        test::GuiHarness h;
        const auto english = inTheRowsLanguage(h);
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        QVERIFY2(window->minimumSizeHint().width() <= 800,
                 qPrintable(QString::number(window->minimumSizeHint().width())));
        window->resize(800, 600);
        QTRY_COMPARE(window->size(), QSize(800, 600));
        const QStringList prompts = window->chatPanel()->suggestions();
        int elided = 0;
        for (QPushButton *button : window->chatPanel()->findChildren<QPushButton *>()) {
            const qsizetype index = prompts.indexOf(button->accessibleName());
            if (index < 0)
                continue;
            QCOMPARE(button->toolTip(), prompts.at(index));
            QVERIFY(button->fontMetrics().horizontalAdvance(button->text()) <= button->width());
            if (button->text() != prompts.at(index)) {
                QVERIFY(button->text().endsWith(QChar(0x2026)));
                ++elided;
            }
        }
        QVERIFY(elided > 0); // at 800 px some are shortened…
        window->resize(1600, 900);
        QTRY_COMPARE(window->size(), QSize(1600, 900));
        for (QPushButton *button : window->chatPanel()->findChildren<QPushButton *>()) {
            if (prompts.contains(button->accessibleName()))
                QTRY_COMPARE(button->text(), button->accessibleName()); // …and whole again with room
        }
    }

    // Tab goes through the window as it is laid out: the media on the left, then the chat (its
    // conversation above its input), the preview at the top right, the timeline along the bottom.
    void tabOrderFollowsTheLayout()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        type(window, QStringLiteral("make a short video"));
        QTRY_VERIFY_WITH_TIMEOUT(!h.workspace->conversation()->isBusy(), 20000);
        QTRY_VERIFY(window->chatPanel()->view()->isVisible());
        window->mediaBin()->view()->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(window->mediaBin()->view()->hasFocus());
        const QList<std::pair<QString, QWidget *>> places = {
            {QStringLiteral("media"), window->mediaDock()},
            {QStringLiteral("conversation"), window->chatPanel()->view()},
            {QStringLiteral("message"), window->chatPanel()->input()},
            {QStringLiteral("preview"), window->monitorDock()},
            {QStringLiteral("timeline"), window->timelineDock()},
        };
        QStringList visited;
        for (int press = 0; press < 60; ++press) {
            QWidget *now = QApplication::focusWidget();
            for (const auto &[name, area] : places) {
                if (now && (now == area || area->isAncestorOf(now))) {
                    if (visited.isEmpty() || visited.constLast() != name)
                        visited << name;
                    break;
                }
            }
            QTest::keyClick(now ? now : window, Qt::Key_Tab);
        }
        // Around and around: each area once per round, in the layout's order.
        QStringList round = visited.mid(0, 5);
        QCOMPARE(
            round,
            (QStringList{QStringLiteral("media"), QStringLiteral("conversation"), QStringLiteral("message"),
                         QStringLiteral("preview"), QStringLiteral("timeline")}));
    }

    void accessKeysAreUniqueInEveryMenuAndDialog_data()
    {
        inBothLanguages();
    }
    void accessKeysAreUniqueInEveryMenuAndDialog()
    {
        test::GuiHarness h;
        const auto english = inTheRowsLanguage(h);
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        const auto keyOf = [](QString text) -> QChar {
            text.replace(QStringLiteral("&&"), QString());
            const qsizetype at = text.indexOf(QLatin1Char('&'));
            return at >= 0 && at + 1 < text.size() ? text.at(at + 1).toUpper() : QChar();
        };
        // Within one place: every text's key once; `where` names the place in the failure.
        const auto unique = [&keyOf](const QString &where, const QStringList &texts) {
            QHash<QChar, QString> seen;
            for (const QString &text : texts) {
                const QChar key = keyOf(text);
                if (key.isNull())
                    continue;
                if (seen.contains(key))
                    return QStringLiteral("%1: Alt+%2 on both \"%3\" and \"%4\"")
                        .arg(where, key, seen.value(key), text);
                seen.insert(key, text);
            }
            return QString();
        };
        QStringList titles;
        int menus = 0;
        for (QAction *top : window->menuBar()->actions()) {
            titles << top->text();
            QList<QMenu *> open = {top->menu()};
            while (!open.isEmpty()) {
                QMenu *menu = open.takeFirst();
                QStringList texts;
                for (QAction *action : menu->actions()) {
                    if (action->isSeparator())
                        continue;
                    texts << action->text();
                    if (action->menu())
                        open << action->menu();
                }
                ++menus;
                const QString problem = unique(menu->title(), texts);
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
            }
        }
        QVERIFY(menus >= 6);
        const QString problem = unique(QStringLiteral("the menu bar"), titles);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // The dialogs, by what a person sees in them: labels, buttons, boxes and group titles.
        window->openSettings();
        app::SettingsDialog *settings = nullptr;
        QTRY_VERIFY((settings = window->findChild<app::SettingsDialog *>()));
        const QList<QWidget *> dialogs = {settings, window->exportDialog()};
        for (QWidget *dialog : dialogs) {
            QStringList texts;
            for (const QLabel *label : dialog->findChildren<QLabel *>())
                texts << label->text();
            for (const QAbstractButton *button : dialog->findChildren<QAbstractButton *>())
                texts << button->text();
            for (const QGroupBox *group : dialog->findChildren<QGroupBox *>())
                texts << group->title();
            QVERIFY(texts.size() >= 4);
            const QString clash = unique(dialog->windowTitle(), texts);
            QVERIFY2(clash.isEmpty(), qPrintable(clash));
        }
        settings->reject();
    }

    // Ctrl+1…4 go to the media bin, the chat, the timeline and the preview: a hidden panel is shown, and
    // the focus is in it (they never hide one).
    void ctrlNumberGoesToAPanel()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        window->mediaDock()->hide();
        window->timelineDock()->hide();
        window->monitorDock()->hide();
        const struct
        {
            Qt::Key key;
            QDockWidget *dock;
            QWidget *focus;
        } panels[] = {
            {Qt::Key_1, window->mediaDock(), window->mediaBin()->view()},
            {Qt::Key_2, nullptr, window->chatPanel()->input()},
            {Qt::Key_3, window->timelineDock(), window->timelinePanel()->view()},
            {Qt::Key_4, window->monitorDock(), window->monitor()},
        };
        for (int round = 0; round < 2; ++round) { // a second press keeps it shown
            for (const auto &panel : panels) {
                QTest::keyClick(window, panel.key, Qt::ControlModifier);
                if (panel.dock)
                    QTRY_VERIFY2(panel.dock->isVisible(), qPrintable(panel.dock->objectName()));
                QTRY_VERIFY2(panel.focus->hasFocus() ||
                                 panel.focus->isAncestorOf(QApplication::focusWidget()),
                             panel.focus->metaObject()->className());
            }
        }
    }

    // Delete (or Backspace) on media selected in the bin takes them out, as the Remove button does; with
    // nothing selected it does nothing.
    void deleteRemovesTheSelectedMedia()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        window->mediaBin()->addPaths({data("photo1.jpg"), data("photo2.png")});
        app::MediaListView *view = window->mediaBin()->view();
        QTRY_COMPARE(view->model()->rowCount(), 2);
        view->setFocus();
        view->clearSelection();
        QTest::keyClick(view, Qt::Key_Delete);
        QCOMPARE(view->model()->rowCount(), 2);
        view->selectionModel()->select(view->model()->index(0, 0), QItemSelectionModel::ClearAndSelect);
        const QString kept = view->model()->index(1, 0).data(Qt::DisplayRole).toString();
        QTest::keyClick(view, Qt::Key_Delete);
        QTRY_COMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, 0).data(Qt::DisplayRole).toString(), kept);
        view->selectionModel()->select(view->model()->index(0, 0), QItemSelectionModel::ClearAndSelect);
        QTest::keyClick(view, Qt::Key_Backspace);
        QTRY_COMPARE(view->model()->rowCount(), 0);
    }

    void escapeStopsTheReplyOnlyFromTheWindow()
    {
        fake::Scenario scenario = test::quickScenario();
        scenario.eventDelayMs = 300; // a reply that runs for seconds
        test::GuiHarness h(scenario);
        app::MainWindow *window = h.window.get();
        QVERIFY(showActive(window));
        type(window, QStringLiteral("make a video"));
        QTRY_VERIFY(lastOf(h.workspace->conversation(), ChatMessage::Role::Agent) &&
                    !lastOf(h.workspace->conversation(), ChatMessage::Role::Agent)->text.isEmpty());
        QVERIFY(h.workspace->conversation()->isBusy());
        // Esc in a dialog closes the dialog; the reply goes on.
        window->openSettings();
        app::SettingsDialog *settings = nullptr;
        QTRY_VERIFY((settings = window->findChild<app::SettingsDialog *>()) && settings->isActiveWindow());
        QTest::keyClick(settings->focusWidget() ? settings->focusWidget() : settings, Qt::Key_Escape);
        QTRY_VERIFY(!window->findChild<app::SettingsDialog *>());
        QVERIFY(h.workspace->conversation()->isBusy());
        // Back in the window, Esc stops it.
        QTRY_VERIFY(window->isActiveWindow());
        QTest::keyClick(window->chatPanel()->input(), Qt::Key_Escape);
        QTRY_VERIFY(!h.workspace->conversation()->isBusy());
        const ChatMessage *reply = lastOf(h.workspace->conversation(), ChatMessage::Role::Agent);
        QVERIFY(reply);
        QCOMPARE(reply->state, ChatMessage::State::Stopped);
        // With no reply running, Esc is the timeline's again (it clears a selection).
        QVERIFY(!window->action(app::ActionId::Stop)->isEnabled());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
