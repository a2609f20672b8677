#pragma once

// A first session in the real window, as a person does it, with the longest stall of the UI thread
// measured throughout (tests/gui checks the measuring, tests/bench reports the figure).
#include "chat/chatpanel.h"
#include "chat/messageinput.h"
#include "client/conversation.h"
#include "client/workspace.h"
#include "common/videoplayer.h"
#include "export/exportdialog.h"
#include "guiharness.h"
#include "media/mediabinpanel.h"
#include "media/uploadqueue.h"
#include "render/exporter.h"
#include "shell/mainwindow.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QMediaPlayer>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QVideoWidget>

namespace nemo::test {

// The longest time the UI thread went without running a 2 ms timer: the longest a person would have
// waited for the window to answer, and the step it happened in.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_ticker.setInterval(2);
        connect(&m_ticker, &QTimer::timeout, this, [this] {
            const qint64 gap = m_sinceTick.restart();
            if (gap > m_longest) {
                m_longest = gap;
                m_longestStep = m_step;
            }
        });
    }
    void start()
    {
        m_longest = 0;
        m_sinceTick.start();
        m_ticker.start();
    }
    void stop() { m_ticker.stop(); }
    void setStep(const QString &step) { m_step = step; }
    qint64 longestMs() const { return m_longest; }
    QString longestStep() const { return m_longestStep; }

private:
    QTimer m_ticker;
    QElapsedTimer m_sinceTick;
    qint64 m_longest = 0;
    QString m_step;
    QString m_longestStep;
};

// Photos added, a typed request answered, the playhead scrubbed along the ruler, the video exported,
// downloaded and playing in the export dialog; the meter names each step. False, with why, when a step did
// not finish.
inline bool runScriptedSession(GuiHarness &h, StallMeter &meter, const QStringList &photos, QString *why)
{
    app::MainWindow *window = h.window.get();
    auto fail = [why](const QString &step) {
        *why = step + QStringLiteral(" did not finish");
        return false;
    };
    meter.setStep(QStringLiteral("connect"));
    h.workspace->connectToService();
    if (!QTest::qWaitFor([&] { return h.workspace->connection() == client::Workspace::Connection::Ready; },
                         15000))
        return fail(QStringLiteral("connecting"));
    meter.setStep(QStringLiteral("add media"));
    window->mediaBin()->addPaths(photos);
    const auto uploaded = [&] {
        const auto &items = h.workspace->uploads()->items();
        return items.size() == photos.size() &&
            std::all_of(items.begin(), items.end(), [](const media::MediaItem &item) {
                   return item.state == media::MediaItem::State::Uploaded;
               });
    };
    if (!QTest::qWaitFor(uploaded, 30000))
        return fail(QStringLiteral("adding media"));
    meter.setStep(QStringLiteral("chat"));
    app::MessageInput *input = window->chatPanel()->input();
    input->setFocus();
    QTest::keyClicks(input, QStringLiteral("make a 6-second video from these photos"));
    QTest::keyClick(input, Qt::Key_Return);
    if (!QTest::qWaitFor([&] { return !h.workspace->conversation()->isBusy(); }, 30000) ||
        !QTest::qWaitFor([&] { return h.workspace->state() && h.workspace->state()->draft.isExportable(); },
                         10000))
        return fail(QStringLiteral("the reply"));
    meter.setStep(QStringLiteral("scrub"));
    app::TimelineView *view = window->timelinePanel()->view();
    if (!QTest::qWaitFor([&] { return view->rulerX(1000) > view->rulerX(0); }, 10000))
        return fail(QStringLiteral("the timeline"));
    const int y = app::TimelineView::RulerHeight / 2;
    QTest::mousePress(view->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(view->rulerX(0), y));
    for (qint64 ms = 0; ms <= 6000; ms += 100) {
        QTest::mouseMove(view->viewport(), QPoint(view->rulerX(ms), y));
        QTest::qWait(16); // one pointer event a frame, as a hand gives them
    }
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(view->rulerX(6000), y));
    meter.setStep(QStringLiteral("export"));
    window->openExport();
    app::ExportDialog *dialog = window->exportDialog();
    auto *startButton = dialog->findChild<QPushButton *>(QStringLiteral("startButton"));
    if (!startButton)
        return fail(QStringLiteral("finding Start Export"));
    QTest::mouseClick(startButton, Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return h.workspace->exporter()->phase() == render::Exporter::Phase::Done; },
                         60000))
        return fail(QStringLiteral("the export"));
    // The finished video in the dialog, playing, as the person sees it.
    if (!QTest::qWaitFor(
            [&] {
                return dialog->player()->videoWidget()->isVisible() &&
                    dialog->player()->player()->playbackState() == QMediaPlayer::PlayingState;
            },
            20000))
        return fail(QStringLiteral("playing the export"));
    meter.setStep(QStringLiteral("done"));
    dialog->close();
    return QFileInfo(h.workspace->exporter()->targetPath()).size() > 0 ||
        fail(QStringLiteral("the download"));
}

} // namespace nemo::test
