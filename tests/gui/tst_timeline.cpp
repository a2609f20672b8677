// The timeline as a person edits it in the real window: real mouse drags (move, reorder, both edges,
// rubber band, snapping), the keys, undo from the Edit menu and the History dock, the hand-edits list
// over the agent's next draft, a title edited in its dialog, and pictures of the view (focus, a
// selection, a drag under way, the playhead moved, light and dark) checked by their pixels.
#include "chat/chatpanel.h"
#include "chat/messageinput.h"
#include "client/playhead.h"
#include "common/appsettings.h"
#include "common/theme.h"
#include "edit/handedits.h"
#include "guiharness.h"
#include "render/previewrenderer.h"
#include "shell/mainwindow.h"
#include "timeline/edithistory.h"
#include "timeline/handeditlist.h"
#include "timeline/segmentdialog.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListWidget>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>
#include <QUndoView>

using namespace nemo;
using app::TimelineView;

namespace {

QJsonObject segment(const QString &id, int start, int length, const QString &file, QJsonObject meta = {})
{
    meta.insert(QStringLiteral("name"), file);
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("st"), start},
                       {QStringLiteral("d"), length},
                       {QStringLiteral("src"), QString(QStringLiteral("/mnt/userdata/u1/") + file)},
                       {QStringLiteral("m"), meta}};
}

// Four 3 s photos, a 10 s clip from 2 s into it (its media is 20 s), music under all, a 3 s title.
QByteArray fixture(bool titleMoved = false)
{
    const QJsonArray video{segment(QStringLiteral("v1"), 0, 3000, QStringLiteral("photo1.jpg")),
                           segment(QStringLiteral("v2"), 3000, 3000, QStringLiteral("photo2.jpg")),
                           segment(QStringLiteral("v3"), 6000, 3000, QStringLiteral("photo3.jpg")),
                           segment(QStringLiteral("v4"), 9000, 3000, QStringLiteral("photo4.jpg"))};
    QJsonObject clip = segment(QStringLiteral("c1"), 12000, 10000, QStringLiteral("clip.mp4"));
    clip.insert(QStringLiteral("in"), 2000);
    QJsonArray videoAll = video;
    videoAll.append(clip);
    const QJsonArray music{segment(QStringLiteral("bgm"), 0, 22000, QStringLiteral("song.mp3"),
                                   QJsonObject{{QStringLiteral("volume"), 0.35}})};
    const QJsonArray title{QJsonObject{
        {QStringLiteral("id"), QStringLiteral("title")},
        {QStringLiteral("st"), titleMoved ? 1000 : 0},
        {QStringLiteral("d"), 3000},
        {QStringLiteral("m"), QJsonObject{{QStringLiteral("text"), QStringLiteral("Urban Dreams")}}}}};
    const QJsonObject draft{
        {QStringLiteral("t"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("tv")},
                                {QStringLiteral("tt"), 0},
                                {QStringLiteral("n"), QStringLiteral("Video")},
                                {QStringLiteral("sg"), videoAll}},
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("ta")},
                                {QStringLiteral("tt"), 1},
                                {QStringLiteral("n"), QStringLiteral("BGM")},
                                {QStringLiteral("sg"), music}},
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("tt")},
                                {QStringLiteral("tt"), 7},
                                {QStringLiteral("n"), QStringLiteral("Title")},
                                {QStringLiteral("sg"), title}}}},
        {QStringLiteral("d"), 22000},
        {QStringLiteral("m"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Urban Dreams")}}}};
    return QJsonDocument(draft).toJson(QJsonDocument::Compact);
}

// The real window with that draft as the agent's, the timeline shown and zoomed to 30 px a second.
struct Editing
{
    Editing()
    {
        window = h.window.get();
        window->resize(1400, 900);
        window->show();
        if (!QTest::qWaitForWindowExposed(window))
            qFatal("the window was not shown");
        h.workspace->preview()->hold(); // the preview is not what these tests look at
        agent::ProjectState state;
        state.draft = draft::Draft::fromBytes(fixture());
        state.videoInfos = QJsonArray{QJsonObject{{QStringLiteral("filename"), QStringLiteral("clip.mp4")},
                                                  {QStringLiteral("duration"), 20.0}}};
        h.workspace->service()->noteState(state);
        panel = window->timelinePanel();
        view = panel->view();
        window->showTimeline();
        view->setPixelsPerSecond(30); // a frame is a pixel
        view->horizontalScrollBar()->setValue(0);
        QApplication::processEvents();
    }
    edit::HandEdits *edits() const { return h.workspace->handEdits(); }
    const edit::Clip *clip(const char *key) const { return edits()->document().clip(QLatin1String(key)); }
    QRect rect(const char *key) const
    {
        int t = 0;
        int i = 0;
        edits()->document().locate(QLatin1String(key), &t, &i);
        return view->segmentRect(t, i);
    }
    QWidget *viewport() const { return view->viewport(); }
    QUndoStack *stack() const { return panel->history()->stack(); }

    test::GuiHarness h;
    app::MainWindow *window = nullptr;
    app::TimelinePanel *panel = nullptr;
    TimelineView *view = nullptr;
};

// A drag as the mouse makes it: press, moves with the button held, release.
void drag(QWidget *widget, QPoint from, QPoint to, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::mousePress(widget, Qt::LeftButton, modifiers, from);
    const int steps = 6;
    for (int i = 1; i <= steps; ++i) {
        const QPoint at = from + (to - from) * i / steps;
        QMouseEvent move(QEvent::MouseMove, at, widget->mapToGlobal(at), Qt::NoButton, Qt::LeftButton,
                         modifiers);
        QApplication::sendEvent(widget, &move);
    }
    QTest::mouseRelease(widget, Qt::LeftButton, modifiers, to);
}

int countColour(const QImage &image, const QRect &area, const std::function<bool(QColor)> &match)
{
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            n += match(image.pixelColor(x, y)) ? 1 : 0;
    }
    return n;
}

bool isPlayheadRed(QColor c)
{
    return c.red() > 200 && c.green() < 70 && c.blue() < 70;
}

} // namespace

class TestTimeline final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void aClickSelectsAndModifiersAdd()
    {
        Editing e;
        QTest::mouseClick(e.viewport(), Qt::LeftButton, Qt::NoModifier, e.rect("v2").center());
        QCOMPARE(e.view->selection(), QSet<QString>{QStringLiteral("v2")});
        QCOMPARE(e.view->currentTrack(), 0);
        QTest::mouseClick(e.viewport(), Qt::LeftButton, Qt::ShiftModifier, e.rect("v3").center());
        QCOMPARE(e.view->selection(), (QSet<QString>{QStringLiteral("v2"), QStringLiteral("v3")}));
        QTest::mouseClick(e.viewport(), Qt::LeftButton, Qt::ControlModifier, e.rect("v2").center());
        QCOMPARE(e.view->selection(), QSet<QString>{QStringLiteral("v3")});
        QTest::mouseClick(e.viewport(), Qt::LeftButton, Qt::NoModifier, e.rect("bgm").center());
        QCOMPARE(e.view->selection(), QSet<QString>{QStringLiteral("bgm")});
        QCOMPARE(e.view->currentTrack(), 1);
        // An empty place clears it.
        const QRect title = e.rect("title");
        QTest::mouseClick(e.viewport(), Qt::LeftButton, Qt::NoModifier,
                          QPoint(title.right() + 200, title.center().y()));
        QVERIFY(e.view->selection().isEmpty());
        QCOMPARE(e.view->currentTrack(), 2);
        // Tooltips name the file on this computer or, without one, the file's name: never a link.
        const QString tip = e.view->segmentDescription(0, 0);
        QVERIFY2(tip.contains(QLatin1String("photo1.jpg")) && !tip.contains(QLatin1String("/mnt/userdata")),
                 qPrintable(tip));
    }

    void aDragIntoAGapIsOneStep()
    {
        Editing e;
        QTest::mouseClick(e.viewport(), Qt::LeftButton, Qt::NoModifier, e.rect("v2").center());
        QTest::keyClick(e.view, Qt::Key_Z); // lift: a gap where photo2 was
        QVERIFY(!e.clip("v2"));
        QCOMPARE(e.stack()->count(), 1);
        // photo4 dropped over photo3: it goes to the free space nearest to where it was dropped.
        const QRect from = e.rect("v4");
        drag(e.viewport(), from.center(), from.center() - QPoint(150, 0));
        QCOMPARE(e.clip("v4")->start(), 90);
        QCOMPARE(e.stack()->count(), 2); // the whole drag is one step
        QCOMPARE(e.window->action(app::ActionId::Undo)->text(), QStringLiteral("Undo Move photo4.jpg"));
        e.window->action(app::ActionId::Undo)->trigger();
        QCOMPARE(e.clip("v4")->start(), 270);
        e.window->action(app::ActionId::Redo)->trigger();
        QCOMPARE(e.clip("v4")->start(), 90);
    }

    void aDragReordersAGaplessTrack()
    {
        Editing e;
        const QRect from = e.rect("v1");
        drag(e.viewport(), from.center(), from.center() + QPoint(200, 0));
        QCOMPARE(e.clip("v2")->start(), 0);
        QCOMPARE(e.clip("v3")->start(), 90);
        QCOMPARE(e.clip("v1")->start(), 180);
        QCOMPARE(e.clip("v4")->start(), 270);
        QCOMPARE(e.stack()->count(), 1);
    }

    void bothEdgesTrimByDrag()
    {
        Editing e;
        // The clip's left edge 30 frames right: its content stays in place (the in-point moves too).
        QRect clip = e.rect("c1");
        drag(e.viewport(), QPoint(clip.left() + 1, clip.center().y()),
             QPoint(clip.left() + 31, clip.center().y()));
        QCOMPARE(e.clip("c1")->start(), 390);
        QCOMPARE(e.clip("c1")->values.in, 90);
        QCOMPARE(e.clip("c1")->values.duration, 270);
        // The right edge past the media's end: held at its last frame (20 s of media from 3 s).
        clip = e.rect("c1");
        drag(e.viewport(), QPoint(clip.right(), clip.center().y()),
             QPoint(clip.right() + 600, clip.center().y()));
        QCOMPARE(e.clip("c1")->values.in + e.clip("c1")->values.duration, 600);
        QCOMPARE(e.stack()->count(), 2);
        // A photo's right edge stops at the next segment.
        const QRect photo = e.rect("v1");
        drag(e.viewport(), QPoint(photo.right(), photo.center().y()),
             QPoint(photo.right() + 40, photo.center().y()));
        QCOMPARE(e.clip("v1")->values.duration, 90);
    }

    void aRubberBandSelects()
    {
        Editing e;
        // From empty space on the title track, up over the video track's first two segments.
        const QRect title = e.rect("title");
        const QRect v2 = e.rect("v2");
        drag(e.viewport(), QPoint(title.right() + 30, title.center().y()),
             QPoint(v2.left() + 10, v2.center().y()));
        QCOMPARE(e.view->selection(), (QSet<QString>{QStringLiteral("v2"), QStringLiteral("bgm")}));
        QCOMPARE(e.stack()->count(), 0);
    }

    void dragsSnapAndAltDoesNot()
    {
        Editing e;
        QTest::mouseClick(e.viewport(), Qt::LeftButton, Qt::NoModifier, e.rect("v3").center());
        QTest::keyClick(e.view, Qt::Key_Z); // a gap from 180 to 270
        // photo4 dragged 85 px left: its start is 5 px from photo2's end (180) and snaps to it.
        QRect from = e.rect("v4");
        drag(e.viewport(), from.center(), from.center() - QPoint(85, 0));
        QCOMPARE(e.clip("v4")->start(), 180);
        e.window->action(app::ActionId::Undo)->trigger();
        QCOMPARE(e.clip("v4")->start(), 270);
        // With Alt held it goes exactly where the mouse put it.
        from = e.rect("v4");
        drag(e.viewport(), from.center(), from.center() - QPoint(85, 0), Qt::AltModifier);
        QCOMPARE(e.clip("v4")->start(), 185);
        // A trim snaps to the playhead, within 4 px.
        e.h.workspace->playhead()->setPosition(e.edits()->document().toMs(150));
        const QRect photo2 = e.rect("v2");
        drag(e.viewport(), QPoint(photo2.right(), photo2.center().y()),
             QPoint(photo2.right() - 27, photo2.center().y()));
        QCOMPARE(e.clip("v2")->end(), 150);
    }

    void keysActOnTheCurrentTracksSegmentOnly()
    {
        Editing e;
        e.view->setFocus();
        // The playhead 100 frames in: photo2 on Video, the music on BGM. Nothing selected.
        e.h.workspace->playhead()->setPosition(e.edits()->document().toMs(100));
        QCOMPARE(e.view->currentTrack(), 0);
        QTest::keyClick(e.view, Qt::Key_X); // ripple delete: photo2 only
        QVERIFY(!e.clip("v2"));
        QVERIFY(e.clip("bgm"));
        QCOMPARE(e.clip("v3")->start(), 90);
        QTest::keyClick(e.view, Qt::Key_Down); // BGM
        QCOMPARE(e.view->currentTrack(), 1);
        QTest::keyClick(e.view, Qt::Key_S); // split the music at the playhead
        QCOMPARE(e.edits()->document().tracks().at(1).clips.size(), 2);
        QCOMPARE(e.clip("bgm")->values.duration, 100);
        QCOMPARE(e.edits()->document().tracks().at(0).clips.size(), 4); // Video untouched
        // Home, End, arrows, PageUp/PageDown move the playhead by frames and seconds.
        QTest::keyClick(e.view, Qt::Key_Home);
        QCOMPARE(e.view->playheadFrame(), 0);
        QTest::keyClick(e.view, Qt::Key_Right);
        QCOMPARE(e.view->playheadFrame(), 1);
        QTest::keyClick(e.view, Qt::Key_PageDown);
        QCOMPARE(e.view->playheadFrame(), 31);
        QTest::keyClick(e.view, Qt::Key_Right, Qt::AltModifier); // the next edit point
        QCOMPARE(e.view->playheadFrame(), 90);
        QTest::keyClick(e.view, Qt::Key_End);
        QCOMPARE(e.view->playheadFrame(), e.edits()->document().durationFrames() - 1);
        // Ctrl+Space selects the current track's segment under the playhead; Ctrl+Left the one before.
        QTest::keyClick(e.view, Qt::Key_Up);
        e.h.workspace->playhead()->setPosition(e.edits()->document().toMs(100));
        QTest::keyClick(e.view, Qt::Key_Space, Qt::ControlModifier);
        QCOMPARE(e.view->selection(), QSet<QString>{QStringLiteral("v3")});
        QTest::keyClick(e.view, Qt::Key_Left, Qt::ControlModifier);
        QCOMPARE(e.view->selection(), QSet<QString>{QStringLiteral("v1")});
        // Nudges: three presses, one step.
        const int steps = e.stack()->count();
        QTest::mouseClick(e.viewport(), Qt::LeftButton, Qt::NoModifier, e.rect("title").center());
        e.view->setFocus();
        QTest::keyClick(e.view, Qt::Key_Period);
        QTest::keyClick(e.view, Qt::Key_Period);
        QTest::keyClick(e.view, Qt::Key_Period);
        QCOMPARE(e.clip("title")->start(), 3);
        QCOMPARE(e.stack()->count(), steps + 1);
        e.window->action(app::ActionId::Undo)->trigger();
        QCOMPARE(e.clip("title")->start(), 0);
        // I and O trim the selected segment to the playhead.
        QTest::mouseClick(e.viewport(), Qt::LeftButton, Qt::NoModifier, e.rect("v3").center());
        e.h.workspace->playhead()->setPosition(e.edits()->document().toMs(150));
        QTest::keyClick(e.view, Qt::Key_O);
        QCOMPARE(e.clip("v3")->end(), 150);
        // Keys typed in the chat never edit the timeline.
        const int before = e.stack()->count();
        e.window->chatPanel()->focusInput();
        QTest::keyClicks(e.window->chatPanel()->input(), QStringLiteral("xzs,."));
        QCOMPARE(e.stack()->count(), before);
    }

    void undoFromTheHistoryDock()
    {
        Editing e;
        QTest::mouseClick(e.viewport(), Qt::LeftButton, Qt::NoModifier, e.rect("v1").center());
        QTest::keyClick(e.view, Qt::Key_Z);
        QTest::mouseClick(e.viewport(), Qt::LeftButton, Qt::NoModifier, e.rect("v3").center());
        QTest::keyClick(e.view, Qt::Key_X);
        QCOMPARE(e.stack()->count(), 2);
        auto *history = e.window->historyDock()->findChild<QUndoView *>();
        QVERIFY(history);
        // The first line is the agent's timeline: a click goes all the way back.
        history->setCurrentIndex(history->model()->index(0, 0));
        QCOMPARE(e.stack()->index(), 0);
        QVERIFY(e.clip("v1") && e.clip("v3"));
        QCOMPARE(e.h.workspace->state()->draft.bytes(), draft::Draft::fromBytes(fixture()).bytes());
        history->setCurrentIndex(history->model()->index(2, 0));
        QVERIFY(!e.clip("v1") && !e.clip("v3"));
        QCOMPARE(e.window->action(app::ActionId::Undo)->text(), QStringLiteral("Undo Delete photo3.jpg"));
    }

    void aTitleIsEditedInItsDialog()
    {
        Editing e;
        QTest::mouseDClick(e.viewport(), Qt::LeftButton, Qt::NoModifier, e.rect("title").center());
        auto *dialog = e.window->findChild<app::SegmentDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        dialog->textEdit()->setText(QStringLiteral("City Nights"));
        dialog->durationEdit()->setText(QStringLiteral("4"));
        dialog->accept();
        QCOMPARE(e.clip("title")->values.text, QStringLiteral("City Nights"));
        QCOMPARE(e.clip("title")->values.duration, 120);
        QCOMPARE(e.stack()->count(), 1);
        // The edited draft is what every output reads, the message to the agent says it.
        QVERIFY(e.h.workspace->state()->draft.summary().contains(QLatin1String("City Nights")));
        QCOMPARE(e.edits()->pendingSummary(),
                 QStringLiteral("changed the title to “City Nights” and made the title 4 s"));
        // The music's volume and fades, one step.
        QTest::mouseClick(e.viewport(), Qt::LeftButton, Qt::NoModifier, e.rect("bgm").center());
        QTest::keyClick(e.view, Qt::Key_Return);
        QTRY_VERIFY((dialog = e.window->findChild<app::SegmentDialog *>()) && dialog->isVisible());
        dialog->volumeBox()->setValue(20);
        dialog->accept();
        QCOMPARE(e.clip("bgm")->values.volume, 0.2);
        QCOMPARE(e.stack()->count(), 2);
    }

    void theAgentsNextDraftKeepsTheHandEdits()
    {
        Editing e;
        QTest::mouseClick(e.viewport(), Qt::LeftButton, Qt::NoModifier, e.rect("v4").center());
        QTest::keyClick(e.view, Qt::Key_Z);
        QTest::mouseClick(e.viewport(), Qt::LeftButton, Qt::NoModifier, e.rect("title").center());
        QTest::keyClick(e.view, Qt::Key_Period);
        // The agent's next draft: the title moved by the agent too, photo4 still there.
        agent::ProjectState next;
        next.draft = draft::Draft::fromBytes(fixture(true));
        e.h.workspace->service()->noteState(next);
        QVERIFY(!e.clip("v4"));                // the lift applies again
        QCOMPARE(e.clip("title")->start(), 1); // its absolute value, made over the agent's move: marked
        app::HandEditList *list = e.panel->handEditList();
        QCOMPARE(list->list()->count(), 2);
        QVERIFY2(list->list()->item(1)->text().contains(QLatin1String("the agent changed it too")),
                 qPrintable(list->list()->item(1)->text()));
        QCOMPARE(e.stack()->count(), 2);
        // Drop it: the agent's title position comes back; the rest stays.
        list->list()->setCurrentRow(1);
        QTest::mouseClick(list->dropButton(), Qt::LeftButton);
        QCOMPARE(e.clip("title")->start(), 30);
        QVERIFY(!e.clip("v4"));
        QCOMPARE(e.stack()->count(), 1);
        // Discard: back to the agent's draft, itself a step that can be undone.
        QTest::mouseClick(list->discardButton(), Qt::LeftButton);
        QVERIFY(e.clip("v4"));
        QCOMPARE(e.h.workspace->state()->draft.bytes(), next.draft.bytes());
        QCOMPARE(e.window->action(app::ActionId::Undo)->text(), QStringLiteral("Undo Discard Hand Edits"));
        e.window->action(app::ActionId::Undo)->trigger();
        QVERIFY(!e.clip("v4"));
    }

    void pictures_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    // The view grabbed with focus, a selection and the playhead moved, then with a drag under way:
    // the tracks and segments show, the playhead is one thin line, nothing else is red.
    void pictures()
    {
        QFETCH(bool, dark);
        app::Theme::apply(dark ? app::AppSettings::Theme::Dark : app::AppSettings::Theme::Light);
        auto restore = qScopeGuard([] { app::Theme::apply(app::AppSettings::Theme::System); });
        Editing e;
        e.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(e.window));
        e.view->setFocus();
        QTest::mouseClick(e.viewport(), Qt::LeftButton, Qt::NoModifier, e.rect("v2").center());
        QVERIFY(e.view->hasFocus());
        e.h.workspace->playhead()->setPosition(e.edits()->document().toMs(200));
        QApplication::processEvents();
        auto check = [&](const QImage &image, const char *name, const char *selected) {
            image.save(QStringLiteral("%1/timeline-%2-%3.png")
                           .arg(QDir::currentPath(), QLatin1String(name),
                                dark ? QStringLiteral("dark") : QStringLiteral("light")));
            const QRect tracks(TimelineView::HeaderWidth, TimelineView::RulerHeight,
                               image.width() - TimelineView::HeaderWidth, 3 * TimelineView::TrackHeight);
            // One thin line: in a row through the tracks, the playhead's red is one or two pixels wide.
            const int y = TimelineView::RulerHeight + TimelineView::TrackHeight / 2;
            const int red = countColour(image, QRect(0, y, image.width(), 1), isPlayheadRed);
            QVERIFY2(
                red >= 1 && red <= 2,
                qPrintable(QStringLiteral("%1: %2 red pixels across").arg(QLatin1String(name)).arg(red)));
            const int redArea = countColour(image, tracks, isPlayheadRed);
            QVERIFY2(redArea < tracks.height() * 3 + 200,
                     qPrintable(QStringLiteral("%1: %2 red pixels").arg(QLatin1String(name)).arg(redArea)));
            // The segments are there in their colours.
            const QColor photo = app::Theme::mediaColor(media::MediaKind::Image);
            const int photos = countColour(image, tracks, [&](QColor c) { return c.rgb() == photo.rgb(); });
            QVERIFY2(photos > 2000,
                     qPrintable(QStringLiteral("%1: %2 photo pixels").arg(QLatin1String(name)).arg(photos)));
            const QColor title = app::Theme::titleColor();
            QVERIFY(countColour(image, tracks, [&](QColor c) { return c.rgb() == title.rgb(); }) > 500);
            // The selection's white frame, and the focus frame in the highlight colour.
            QVERIFY(countColour(image, e.rect(selected),
                                [&](QColor c) { return c.rgb() == QColor(Qt::white).rgb(); }) > 200);
            QVERIFY(countColour(image, e.rect("v3"),
                                [&](QColor c) { return c.rgb() == QColor(Qt::white).rgb(); }) < 250);
            const QColor highlight = e.view->palette().color(QPalette::Highlight);
            QCOMPARE(image.pixelColor(1, image.height() / 2).rgb(), highlight.rgb());
        };
        check(e.view->viewport()->grab().toImage(), "selected", "v2");
        // A drag under way: the ghost where it will land, the picture still clean.
        const QRect v4 = e.rect("v4");
        QTest::mousePress(e.viewport(), Qt::LeftButton, Qt::NoModifier, v4.center());
        const QPoint to = v4.center() + QPoint(40, 0);
        QMouseEvent move(QEvent::MouseMove, to, e.viewport()->mapToGlobal(to), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QApplication::sendEvent(e.viewport(), &move);
        QCOMPARE(e.view->mode(), TimelineView::Mode::Moving);
        const QImage dragging = e.view->viewport()->grab().toImage();
        check(dragging, "dragging", "v4");
        // The dragged segment's ghost follows the mouse, translucent over what it covers.
        const QRect c1 = e.rect("c1");
        const QColor under = dragging.pixelColor(c1.left() + 20, c1.center().y() + 6);
        const QColor clipColour = app::Theme::mediaColor(media::MediaKind::Video);
        QVERIFY2(under.rgb() != clipColour.rgb(), qPrintable(under.name()));
        QTest::mouseRelease(e.viewport(), Qt::LeftButton, Qt::NoModifier, to);
        // Scrubbing leaves no marks: the playhead moved across, one line remains.
        for (int frame = 0; frame < 300; frame += 7)
            e.h.workspace->playhead()->setPosition(e.edits()->document().toMs(frame));
        QApplication::processEvents();
        QImage after = e.view->viewport()->grab().toImage();
        const int y = TimelineView::RulerHeight + TimelineView::TrackHeight + TimelineView::TrackHeight / 2;
        const int red = countColour(after, QRect(0, y, after.width(), 1), isPlayheadRed);
        QVERIFY2(red <= 2, qPrintable(QString::number(red)));
    }
};

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
