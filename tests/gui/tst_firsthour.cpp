// The first hour in the real window, looked at as a reviewer looks at screenshots, in English and in
// Chinese: the empty start, media in the bin, a reply with its timeline and preview, a segment
// selected with the history, the export dialog before and after, settings, the keyboard shortcuts, a
// new project and Open Recent. Each state is seen at 800×600, 1366×768 and 1920×1080 in the light and
// the dark appearance; every picture is checked (tests/support/lookcheck.h: text that does not fit,
// widgets over each other, flat panels, contrast, internal ids) and kept for a person to look at, in
// NEMO_SCREENSHOTS_DIR or first-hour/ beside this program.
#include "chat/chatpanel.h"
#include "chat/chatview.h"
#include "chat/messageinput.h"
#include "common/theme.h"
#include "common/videoplayer.h"
#include "export/exportdialog.h"
#include "guiharness.h"
#include "lookcheck.h"
#include "media/mediabinpanel.h"
#include "preview/previewmonitor.h"
#include "project/projectkeeper.h"
#include "render/previewrenderer.h"
#include "settings/settingsdialog.h"
#include "shell/helpdialogs.h"
#include "shell/projectmenu.h"
#include "shell/statuspanel.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QListView>
#include <QMediaPlayer>
#include <QMenu>
#include <QProcess>
#include <QScopeGuard>
#include <QScreen>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

#include <map>

using namespace nemo;
using test::data;

namespace {

const QList<QSize> screens = {QSize(800, 600), QSize(1366, 768), QSize(1920, 1080)};

bool allUploaded(const media::UploadQueue *queue, int count)
{
    const auto &items = queue->items();
    return items.size() == count && std::all_of(items.begin(), items.end(), [](const media::MediaItem &item) {
               return item.state == media::MediaItem::State::Uploaded;
           });
}

// The window once it has settled: two renderings in a row the same (every posted layout pass applied,
// the new theme painted everywhere), however busy the computer is. The checks read this rendering.
QImage settled(QWidget *window)
{
    QImage last;
    QImage now;
    if (!QTest::qWaitFor(
            [&] {
                now = window->grab().toImage();
                return std::exchange(last, now) == now;
            },
            10000))
        qWarning("%s kept changing for 10 s; checking its last rendering", qPrintable(window->objectName()));
    return now;
}

// The window as the screen shows it (native surfaces such as the video included), for a person to
// look at: once two captures in a row are the same (the X server has every repaint).
QImage onScreen(QWidget *window)
{
    QImage last;
    QImage now;
    const bool steady = QTest::qWaitFor(
        [&] {
            now = window->screen()->grabWindow(window->winId()).toImage();
            return !now.isNull() && std::exchange(last, now) == now;
        },
        10000);
    return steady ? now : window->grab().toImage();
}

// The buttons under the agent's replies, which the conversation draws itself: each whole within the
// conversation's width (a row that does not fit wraps).
QStringList chatButtonsOutside(app::ChatView *view)
{
    QStringList found;
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QStringList labels = view->buttonLabels(row);
        for (int i = 0; i < labels.size(); ++i) {
            const QRect rect = view->buttonRect(row, i);
            if (rect.isValid() && (rect.left() < 0 || rect.right() >= view->viewport()->width()))
                found << QStringLiteral("the reply's button \"%1\" is cut at the conversation's edge")
                             .arg(labels.at(i));
        }
    }
    return found;
}

// The words the timeline writes on its segments (the name at the top of each block), against the
// block's colour as rendered.
QStringList timelineWordsFaint(app::TimelineView *view, QWidget *top, const QImage &picture)
{
    QStringList found;
    if (!view->isVisible() || !view->model())
        return found;
    for (int track = 0; track < view->model()->trackCount(); ++track) {
        for (int segment = 0; segment < view->model()->track(track).clips.size(); ++segment) {
            const QRect block = view->segmentRect(track, segment);
            if (block.width() < 60 || block.height() < view->fontMetrics().height() + 4)
                continue;
            const QRect words(view->viewport()->mapTo(top, block.topLeft() + QPoint(5, 2)),
                              QSize(std::min(block.width() - 9, 60), view->fontMetrics().height()));
            QColor background;
            const double ratio = test::inkContrast(picture, words, &background);
            if (ratio < 4.45)
                found << QStringLiteral("timeline: the words on segment %1 of track %2 at %3:1 against %4")
                             .arg(segment)
                             .arg(track)
                             .arg(ratio, 0, 'f', 1)
                             .arg(background.name());
        }
    }
    return found;
}

class FirstHour : public QObject
{
    Q_OBJECT

    QString m_folder;
    // Each problem once, with the pictures it was seen in.
    std::map<QString, QStringList> m_problems;
    QStringList m_pictures;
    test::GuiHarness *m_h = nullptr;
    QString m_language;

    void note(const QStringList &problems, const QString &where)
    {
        for (const QString &problem : problems)
            m_problems[problem] << where;
    }

    // Ids this run has handed out that a person must never see.
    QStringList knownIds() const
    {
        QStringList ids;
        if (const auto state = m_h->workspace->state()) {
            ids << state->sessionId;
            for (const draft::Track &track : state->draft.tracks()) {
                ids << track.id;
                for (const draft::Segment &segment : track.segments)
                    ids << segment.id;
            }
        }
        ids << m_h->workspace->exporter()->status().id;
        if (m_h->keeper)
            ids << m_h->keeper->projectId();
        ids.removeAll(QString());
        return ids;
    }

    // One state of the first hour, in every size and both appearances: `top` is the window or the dialog
    // looked at; the main window takes each screen's size and a dialog is held within it.
    void look(const QString &state, QWidget *top, const QList<QWidget *> &panels = {})
    {
        app::MainWindow *window = m_h->window.get();
        QStringList texts = test::shownText(window);
        if (top != window)
            texts += test::shownText(top);
        note(test::internalIds(texts, knownIds()), state);
        if (m_language.startsWith(QLatin1String("zh"))) {
            // The window's own words (not the conversation's, the media's or the edit's: those are the
            // person's and the agent's).
            QStringList own = test::shownText(window, false);
            if (top != window)
                own += test::shownText(top, false);
            note(test::englishAmong(own), state);
        }
        const QSize natural = top->size(); // as the app opened it
        for (const QSize &screen : screens) {
            window->move(0, 0);
            window->resize(screen);
            if (top != window) {
                const QSize least = top->minimumSizeHint().expandedTo(top->minimumSize());
                if (least.width() > screen.width() || least.height() > screen.height())
                    note({QStringLiteral("%1 needs at least %2x%3, more than the screen")
                              .arg(test::describe(top))
                              .arg(least.width())
                              .arg(least.height())},
                         state);
                top->move(0, 0);
                top->resize(natural.expandedTo(least).boundedTo(screen));
            }
            for (const auto appearance : {app::AppSettings::Theme::Light, app::AppSettings::Theme::Dark}) {
                const bool dark = appearance == app::AppSettings::Theme::Dark;
                app::Theme::apply(appearance);
                QTRY_VERIFY(window->size() == screen);
                const QImage shown = onScreen(top);
                const QString name = QStringLiteral("%1-%2x%3-%4")
                                         .arg(state)
                                         .arg(screen.width())
                                         .arg(screen.height())
                                         .arg(QLatin1String(dark ? "dark" : "light"));
                const QString path =
                    QDir(m_folder).filePath(m_language + QLatin1Char('/') + name + QLatin1String(".png"));
                QVERIFY2(shown.save(path), qPrintable(path));
                m_pictures << path;
                // Nothing runs between this rendering and the checks: they measure what it shows.
                const QImage picture = settled(top);
                note(test::textThatDoesNotFit(top), name);
                note(test::widgetsThatOverlap(top), name);
                note(test::lowContrast(top, picture), name);
                note(test::flatPanels(panels, top, picture), name);
                if (top == window) {
                    note(chatButtonsOutside(window->chatPanel()->view()), name);
                    note(timelineWordsFaint(window->timelinePanel()->view(), window, picture), name);
                }
                note(test::paletteContrast(QApplication::palette()), QLatin1String(dark ? "dark" : "light"));
            }
        }
        app::Theme::apply(app::AppSettings::Theme::Light);
    }

    // A menu as it opens, grabbed from the widget itself (a root-window capture of a popup under Xvfb
    // without a compositor is black): each entry's text fits, in both appearances.
    void lookAtMenu(const QString &state, QMenu *menu)
    {
        emit menu->aboutToShow();
        note(test::internalIds(
                 test::shownText(menu) +
                     [&] {
                         QStringList texts;
                         for (QAction *action : menu->actions())
                             texts << action->text() << action->toolTip();
                         return texts;
                     }(),
                 knownIds()),
             state);
        menu->popup(m_h->window->mapToGlobal(QPoint(40, 40)));
        QTRY_VERIFY(menu->isVisible());
        for (const auto appearance : {app::AppSettings::Theme::Light, app::AppSettings::Theme::Dark}) {
            const bool dark = appearance == app::AppSettings::Theme::Dark;
            app::Theme::apply(appearance);
            const QImage picture = settled(menu);
            const QString name = state + QLatin1String(dark ? "-dark" : "-light");
            const QString path =
                QDir(m_folder).filePath(m_language + QLatin1Char('/') + name + QLatin1String(".png"));
            QVERIFY2(picture.save(path), qPrintable(path));
            m_pictures << path;
            for (QAction *action : menu->actions()) {
                if (action->isSeparator() || !action->isVisible())
                    continue;
                const QRect place = menu->actionGeometry(action);
                const int needed = menu->fontMetrics().horizontalAdvance(test::plainText(action->text()));
                if (needed > place.width() - 2 * menu->style()->pixelMetric(QStyle::PM_MenuHMargin))
                    note({QStringLiteral("menu entry \"%1\" needs %2 px, has %3")
                              .arg(test::plainText(action->text()))
                              .arg(needed)
                              .arg(place.width())},
                         name);
                if (action->isEnabled()) {
                    QColor background;
                    const double ratio =
                        test::inkContrast(picture, place.adjusted(2, 2, -2, -2), &background);
                    if (ratio < 4.5)
                        note({QStringLiteral("menu entry \"%1\" at %2:1 against %3")
                                  .arg(test::plainText(action->text()))
                                  .arg(ratio, 0, 'f', 1)
                                  .arg(background.name())},
                             name);
                }
            }
        }
        app::Theme::apply(app::AppSettings::Theme::Light);
        menu->close();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_folder = qEnvironmentVariable("NEMO_SCREENSHOTS_DIR");
        if (m_folder.isEmpty())
            m_folder = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("first-hour"));
    }

    // The panels keep their share of the window as it grows and shrinks (QMainWindow alone would give
    // every pixel to the chat), and a separator dragged by hand sets the new share.
    void panelsKeepTheirShareOfTheWindow()
    {
        test::GuiHarness h;
        app::MainWindow *window = h.window.get();
        window->move(0, 0);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        const auto shareOf = [window](QDockWidget *dock, Qt::Orientation across) {
            return across == Qt::Horizontal ? double(dock->width()) / window->width()
                                            : double(dock->height()) / window->height();
        };
        const auto resizeTo = [window](const QSize &size) {
            window->resize(size);
            QTRY_COMPARE(window->size(), size);
            settled(window); // the docks take their share in the layout's next pass
        };
        resizeTo(QSize(1366, 768));
        const double media = shareOf(window->mediaDock(), Qt::Horizontal);
        const double preview = shareOf(window->monitorDock(), Qt::Horizontal);
        const double timeline = shareOf(window->timelineDock(), Qt::Vertical);
        QVERIFY2(media > 0.1 && preview > 0.1 && timeline > 0.1, qPrintable(QString::number(media)));
        for (const QSize &size : {QSize(800, 600), QSize(1920, 1080), QSize(1366, 768), QSize(1920, 1080)}) {
            resizeTo(size);
            if (size.width() < 1000)
                continue; // the least sizes of the panels rule on a small screen
            QTRY_VERIFY2(qAbs(shareOf(window->mediaDock(), Qt::Horizontal) - media) < 0.02,
                         qPrintable(QStringLiteral("media %1 of %2 at %3")
                                        .arg(window->mediaDock()->width())
                                        .arg(window->width())
                                        .arg(media)));
            QTRY_VERIFY(qAbs(shareOf(window->monitorDock(), Qt::Horizontal) - preview) < 0.02);
            QTRY_VERIFY(qAbs(shareOf(window->timelineDock(), Qt::Vertical) - timeline) < 0.02);
        }
        // The separator right of the media bin, dragged 200 px to the right by the mouse.
        const int before = window->mediaDock()->width();
        const QPoint grip(
            (window->mediaDock()->geometry().right() + window->centralWidget()->geometry().left()) / 2,
            window->mediaDock()->geometry().center().y());
        // Real pointer input from the X server (xdotool), as a hand drags it.
        const QPoint at = window->mapToGlobal(grip);
        const auto pointer = [](const QStringList &arguments) {
            return QProcess::execute(QStringLiteral("xdotool"), arguments) == 0;
        };
        QVERIFY(pointer({QStringLiteral("mousemove"), QString::number(at.x()), QString::number(at.y())}));
        QTest::qWait(100);
        QVERIFY(pointer({QStringLiteral("mousedown"), QStringLiteral("1")}));
        for (int dx = 40; dx <= 200; dx += 40) {
            QTest::qWait(50);
            QVERIFY(pointer(
                {QStringLiteral("mousemove"), QString::number(at.x() + dx), QString::number(at.y())}));
        }
        QTest::qWait(50);
        QVERIFY(pointer({QStringLiteral("mouseup"), QStringLiteral("1")}));
        QTRY_VERIFY2(window->mediaDock()->width() > before + 150,
                     qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(window->mediaDock()->width())));
        const double dragged = shareOf(window->mediaDock(), Qt::Horizontal);
        resizeTo(QSize(1366, 768));
        QTRY_VERIFY2(qAbs(shareOf(window->mediaDock(), Qt::Horizontal) - dragged) < 0.02,
                     qPrintable(QStringLiteral("%1 of %2, share %3")
                                    .arg(window->mediaDock()->width())
                                    .arg(window->width())
                                    .arg(dragged)));
    }

    // Delete on a chosen item in the media bin removes it, as Remove does; Edit > Undo puts it back in
    // its place, uploaded as it was, and Redo removes it again.
    void deleteInTheMediaBinCanBeUndone()
    {
        test::GuiHarness h;
        h.openProjects(h.home.filePath(QStringLiteral("projects")));
        app::MainWindow *window = h.window.get();
        window->show();
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        h.workspace->connectToService();
        window->mediaBin()->addPaths({data("photo1.jpg"), data("photo2.png")});
        QTRY_VERIFY_WITH_TIMEOUT(allUploaded(h.workspace->uploads(), 2), 15000);
        QListView *view = window->mediaBin()->view();
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Delete);
        QCOMPARE(h.workspace->uploads()->items().size(), 1);
        QCOMPARE(h.workspace->uploads()->items().first().name, QStringLiteral("photo2.png"));
        QAction *undo = window->action(app::ActionId::Undo);
        QVERIFY(undo->isEnabled());
        QVERIFY2(undo->text().contains(QStringLiteral("photo1.jpg")), qPrintable(undo->text()));
        QTest::keyClick(window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(h.workspace->uploads()->items().size(), 2);
        const media::MediaItem back = h.workspace->uploads()->items().first();
        QCOMPARE(back.name, QStringLiteral("photo1.jpg"));
        QCOMPARE(back.state, media::MediaItem::State::Uploaded);
        QVERIFY(!back.uploaded.cdnUrl.isEmpty());
        window->action(app::ActionId::Redo)->trigger();
        QCOMPARE(h.workspace->uploads()->items().size(), 1);
        // A new project has nothing to undo: the last project's media never comes into it.
        window->action(app::ActionId::NewProject)->trigger();
        QTRY_VERIFY(h.workspace->uploads()->items().isEmpty());
        QVERIFY(!undo->isEnabled());
        undo->trigger();
        QVERIFY(h.workspace->uploads()->items().isEmpty());
    }

    // Settings speaks to a new user in plain words: where the service is and what the app tells it are
    // under Advanced (folded away while they are as shipped), the choices have names rather than the
    // service's codes, the account is never named by its id, and the dialog fits an 800x600 screen.
    void settingsKeepTheJargonUnderAdvanced()
    {
        test::GuiHarness h;
        h.workspace->connectToService();
        QTRY_VERIFY_WITH_TIMEOUT(h.workspace->connection() == client::Workspace::Connection::Ready, 10000);
        const auto opened = [&h] {
            auto *dialog = new app::SettingsDialog(&h.settings, h.workspace.get(), h.window.get());
            dialog->show();
            return dialog;
        };
        {
            // The local server is not the shipped address: Advanced opens to show it.
            std::unique_ptr<app::SettingsDialog> dialog(opened());
            QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
            QVERIFY(dialog->findChild<QWidget *>(QStringLiteral("advancedGroup"))->isVisible());
            auto *source = dialog->findChild<QComboBox *>(QStringLiteral("sourceCombo"));
            auto *platform = dialog->findChild<QComboBox *>(QStringLiteral("platformCombo"));
            for (int i = 0; i < source->count(); ++i)
                QVERIFY2(!source->itemText(i).contains(QLatin1Char('-')), qPrintable(source->itemText(i)));
            QCOMPARE(platform->currentText(), QStringLiteral("None (not reported)"));
            const QString account = dialog->findChild<QLabel *>(QStringLiteral("accountLabel"))->text();
            QVERIFY2(account.contains(QStringLiteral("a free account")) &&
                         !account.contains(QStringLiteral("anon_")),
                     qPrintable(account));
        }
        net::ServiceConfig shipped = h.workspace->service()->config();
        shipped.baseUrl = net::ServiceConfig::defaultBaseUrl();
        h.workspace->service()->setConfig(shipped);
        std::unique_ptr<app::SettingsDialog> dialog(opened());
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        auto *advanced = dialog->findChild<QToolButton *>(QStringLiteral("advancedButton"));
        QWidget *group = dialog->findChild<QWidget *>(QStringLiteral("advancedGroup"));
        QVERIFY(!group->isVisible());
        QVERIFY(dialog->height() <= 600);
        QTest::mouseClick(advanced, Qt::LeftButton);
        QTRY_VERIFY(group->isVisible());
        // As narrow as it goes, nothing is cut: the page scrolls up and down, never across.
        dialog->resize(1, dialog->height());
        QTRY_VERIFY(dialog->width() == dialog->minimumWidth());
        QVERIFY2(test::widgetsThatOverlap(dialog.get()).isEmpty(),
                 qPrintable(test::widgetsThatOverlap(dialog.get()).join(QLatin1Char('\n'))));
        QVERIFY2(test::textThatDoesNotFit(dialog.get()).isEmpty(),
                 qPrintable(test::textThatDoesNotFit(dialog.get()).join(QLatin1Char('\n'))));
        QVERIFY(dialog->height() <= dialog->screen()->availableGeometry().height());
        // A proxy of one's own shows its fields; the system's hides them.
        auto *proxy = dialog->findChild<QComboBox *>(QStringLiteral("proxyModeCombo"));
        QWidget *host = dialog->findChild<QWidget *>(QStringLiteral("proxyHostEdit"));
        QVERIFY(!host->isVisible());
        proxy->setCurrentIndex(proxy->findData(int(net::ProxySettings::Mode::Http)));
        QTRY_VERIFY(host->isVisible());
    }

    // Words on the coloured blocks of the media bin (its kind badges) and the timeline (segments, plain
    // and just changed by the agent) reach 4.5:1, and on the plain colours they are white; so do the
    // media bin's words for an upload done or failed.
    void wordsOnColouredBlocksStandOut()
    {
        const QList<QColor> fills = {
            app::Theme::mediaColor(media::MediaKind::Image), app::Theme::mediaColor(media::MediaKind::Video),
            app::Theme::mediaColor(media::MediaKind::Audio),
            app::Theme::mediaColor(media::MediaKind::Unknown), app::Theme::titleColor()};
        // The media bin's "✓ Uploaded" and its failures, on the list's base in both appearances.
        for (const QPalette &palette : {app::Theme::lightPalette(), app::Theme::darkPalette()}) {
            const QColor base = palette.color(QPalette::Base);
            for (const QColor &words : {app::Theme::goodText(palette), app::Theme::badText(palette)}) {
                const double ratio = test::contrastRatio(words, base);
                QVERIFY2(
                    ratio >= 4.5,
                    qPrintable(QStringLiteral("%1 on %2: %3").arg(words.name(), base.name()).arg(ratio)));
            }
        }
        for (const QColor &fill : fills) {
            QCOMPARE(app::Theme::textOn(fill), QColor(Qt::white));
            for (const QColor &shown : {fill, fill.lighter(135)}) {
                const double ratio = test::contrastRatio(app::Theme::textOn(shown), shown);
                QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1 on %2").arg(ratio).arg(shown.name())));
            }
        }
    }

    void firstHour_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QStringLiteral("en");
        QTest::newRow("Chinese") << QStringLiteral("zh_CN");
    }

    void firstHour()
    {
        QFETCH(QString, language);
        m_language = language;
        m_problems.clear();
        QDir(QDir(m_folder).filePath(language)).removeRecursively(); // the last run's pictures
        QVERIFY(QDir().mkpath(QDir(m_folder).filePath(language)));
        fake::Scenario scenario = test::quickScenario();
        scenario.renderSize = QSize(640, 360);
        test::GuiHarness h(scenario);
        m_h = &h;
        const auto clear = qScopeGuard([this] { m_h = nullptr; });
        h.translations.apply(language);
        h.openProjects(h.home.filePath(QStringLiteral("projects")));
        app::MainWindow *window = h.window.get();
        window->move(0, 0);
        window->show();
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        const QList<QWidget *> panels = {window->mediaDock(), window->chatPanel(), window->monitorDock(),
                                         window->timelineDock()};

        h.workspace->connectToService();
        QTRY_VERIFY_WITH_TIMEOUT(h.workspace->connection() == client::Workspace::Connection::Ready, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(window->statusPanel()->creditsLabel()->isVisible(), 10000);
        look(QStringLiteral("01-start"), window, panels);

        window->mediaBin()->addPaths({data("photo1.jpg"), data("photo2.png"), data("music.mp3")});
        QTRY_VERIFY_WITH_TIMEOUT(allUploaded(h.workspace->uploads(), 3), 15000);
        look(QStringLiteral("02-media"), window, panels);

        app::MessageInput *input = window->chatPanel()->input();
        input->setFocus();
        QTest::keyClicks(
            input, QStringLiteral("Turn these into a 12-second promo titled \"Urban Dreams\" with music"));
        QTest::keyClick(input, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!h.workspace->conversation()->isBusy() && h.workspace->state() &&
                                     !h.workspace->state()->draft.isEmpty(),
                                 20000);
        QTRY_VERIFY_WITH_TIMEOUT(h.workspace->preview()->state() == render::PreviewRenderer::State::Ready,
                                 60000);
        QTRY_VERIFY_WITH_TIMEOUT(window->monitor()->hasPreview() && !window->monitor()->still().isNull(),
                                 20000);
        look(QStringLiteral("03-reply"), window, panels);

        // A segment chosen on the timeline, with the edit's history beside it.
        app::TimelineView *view = window->timelinePanel()->view();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Right);
        window->action(app::ActionId::ShowHistoryPanel)->setChecked(true);
        window->historyDock()->raise(); // its tab in front of the preview's
        // (A dock behind another's tab stays "visible"; it is covered.)
        QTRY_VERIFY(!window->historyDock()->visibleRegion().isEmpty() &&
                    window->monitorDock()->visibleRegion().isEmpty());
        look(QStringLiteral("04-timeline"), window, panels);
        window->action(app::ActionId::ShowHistoryPanel)->setChecked(false);

        window->openExport();
        app::ExportDialog *dialog = window->exportDialog();
        QTRY_VERIFY(dialog->isVisible());
        look(QStringLiteral("05-export"), dialog);
        dialog->startExport();
        QTRY_VERIFY_WITH_TIMEOUT(h.workspace->exporter()->phase() == render::Exporter::Phase::Done, 60000);
        // The finished video plays in the dialog; held a little way in for the pictures.
        QTRY_VERIFY_WITH_TIMEOUT(dialog->player()->player()->position() > 500, 20000);
        dialog->player()->player()->pause();
        look(QStringLiteral("06-exported"), dialog);
        dialog->close();

        auto *settings = new app::SettingsDialog(&h.settings, h.workspace.get(), window);
        const auto closeSettings = qScopeGuard([settings] { delete settings; });
        settings->show();
        QVERIFY(QTest::qWaitForWindowExposed(settings));
        look(QStringLiteral("07-settings"), settings);
        settings->close();

        auto *shortcuts = new app::ShortcutsDialog(window);
        const auto closeShortcuts = qScopeGuard([shortcuts] { delete shortcuts; });
        shortcuts->show();
        QVERIFY(QTest::qWaitForWindowExposed(shortcuts));
        look(QStringLiteral("08-shortcuts"), shortcuts);
        shortcuts->close();

        window->activateWindow();
        window->action(app::ActionId::NewProject)->trigger();
        QTRY_VERIFY(!window->monitor()->hasPreview());
        look(QStringLiteral("09-new-project"), window, panels);

        lookAtMenu(QStringLiteral("10-open-recent"), window->projectMenu()->recentMenu());

        QStringList lines;
        for (const auto &[problem, where] : m_problems) {
            QStringList places = where;
            places.removeDuplicates();
            lines << QStringLiteral("%1   [%2]")
                         .arg(problem,
                              places.mid(0, 4).join(QStringLiteral(", ")) +
                                  (places.size() > 4 ? QStringLiteral(", …") : QString()));
        }
        QFile report(QDir(m_folder).filePath(language + QStringLiteral("/problems.txt")));
        QVERIFY(report.open(QIODevice::WriteOnly));
        report.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n');
        std::printf("%lld pictures of the first hour in %s\n", static_cast<long long>(m_pictures.size()),
                    qPrintable(QDir(m_folder).filePath(language)));
        QVERIFY2(lines.isEmpty(), qPrintable(QStringLiteral("\n") + lines.join(QLatin1Char('\n'))));
    }
};

} // namespace

QTEST_MAIN(FirstHour)
#include "tst_firsthour.moc"
