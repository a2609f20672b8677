// Benchmarks of the window: launch to first paint, timeline repaint with 10,000 segments, chat appends
// at 10,000 messages, and 1,000 photos dropped at once. Run under an X server (./scripts/bench uses Xvfb).
#include "auth/memorysecretstore.h"
#include "auth/secretstore.h"
#include "benchsupport.h"
#include "chat/chatmodel.h"
#include "chat/chatview.h"
#include "client/conversation.h"
#include "client/playhead.h"
#include "client/workspace.h"
#include "common/mediawarmup.h"
#include "common/videoplayer.h"
#include "edit/editor.h"
#include "edit/handedits.h"
#include "fakeserver.h"
#include "fakeserverthread.h"
#include "longproject.h"
#include "media/mediabinmodel.h"
#include "media/mediabinpanel.h"
#include "media/thumbnailloader.h"
#include "media/uploadqueue.h"
#include "project/project.h"
#include "project/projectstore.h"
#include "scriptedsession.h"
#include "timeline/edithistory.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMediaPlayer>
#include <QProcess>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <QVideoSink>
#include <QVideoWidget>

#include <ctime>

using namespace nemo;

namespace {

QJsonObject bigDraftJson(int segments)
{
    QJsonArray video;
    QJsonArray audio;
    QJsonArray text;
    for (int i = 0; i < segments; ++i) {
        QJsonArray &list = i % 10 == 0 ? audio : (i % 10 == 1 ? text : video);
        list.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("s%1").arg(i)},
                                {QStringLiteral("st"), i * 400},
                                {QStringLiteral("d"), 400},
                                {QStringLiteral("m"),
                                 QJsonObject{{QStringLiteral("name"), QStringLiteral("clip_%1.mp4").arg(i)},
                                             {QStringLiteral("text"), QStringLiteral("Caption %1").arg(i)},
                                             {QStringLiteral("volume"), 0.4}}}});
    }
    return QJsonObject{{QStringLiteral("t"),
                        QJsonArray{QJsonObject{{QStringLiteral("tt"), 0},
                                               {QStringLiteral("n"), QStringLiteral("Video")},
                                               {QStringLiteral("sg"), video}},
                                   QJsonObject{{QStringLiteral("tt"), 1},
                                               {QStringLiteral("n"), QStringLiteral("BGM")},
                                               {QStringLiteral("sg"), audio}},
                                   QJsonObject{{QStringLiteral("tt"), 7},
                                               {QStringLiteral("n"), QStringLiteral("Titles")},
                                               {QStringLiteral("sg"), text}}}}};
}

draft::Draft bigDraft(int segments)
{
    return draft::Draft::fromJson(bigDraftJson(segments));
}

// Time from the start of main() to a painted window, as reported by the program on its standard output.
double timedStart(const QString &program, const QStringList &arguments,
                  const QProcessEnvironment &environment)
{
    QProcess app;
    app.setProcessEnvironment(environment);
    app.start(program, arguments);
    QSignalSpy finished(&app, &QProcess::finished); // the local server answers meanwhile
    if (!finished.wait(30000)) {
        app.kill();
        app.waitForFinished();
        return -1;
    }
    const QByteArray out = app.readAllStandardOutput();
    const qsizetype at = out.indexOf("startup_ms=");
    return at >= 0 ? out.mid(at + 11).trimmed().toDouble() : -1;
}

// What a user gets: nemo-studio opening its last project (`turns` turns, a `segments`-segment timeline
// kept after each) and starting the connection to the service, until the window is painted with that
// timeline; against a bare Qt Widgets window started in the same run, alternately.
void startup(bool quick, int turns, int segments, const char *name, const char *target,
             const char *ratioTarget)
{
    QTemporaryDir home;
    fake::FakeServer server;
    if (!server.listen()) {
        bench::fail("the local server did not start");
        return;
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    environment.insert(QStringLiteral("NEMO_API_BASE"), server.baseUrl().toString());
    environment.remove(QStringLiteral("NEMO_TOKEN"));

    const project::ProjectStore store(home.filePath(QStringLiteral("data/NemoStudio/NemoStudio/projects")));
    const project::Project project = bench::longProject(turns, bigDraft(segments));
    QString error;
    if (!store.save(project, &error)) {
        std::fprintf(stderr, "the project could not be written: %s\n", qPrintable(error));
        bench::fail();
        return;
    }
    store.setLastProjectId(project.id);

    std::vector<double> ours;
    std::vector<double> bare;
    const int rounds = quick ? 1 : 7;
    for (int round = 0; round < rounds; ++round) {
        const double a =
            timedStart(QStringLiteral(NEMO_STUDIO_EXE), {QStringLiteral("--benchmark-startup")}, environment);
        const double b = timedStart(QStringLiteral(NEMO_BAREWINDOW_EXE), {}, environment);
        if (a > 0)
            ours.push_back(a);
        if (b > 0)
            bare.push_back(b);
    }
    // A launch that never showed its window is not a start of 0 ms: the figure would describe nothing.
    if (int(ours.size()) != rounds || int(bare.size()) != rounds) {
        bench::fail("launches failed: no figure");
        return;
    }
    // The first launch warms the disk cache; the median is what a user sees on the next start.
    const double oursMs = bench::median(ours);
    const double bareMs = bench::median(bare);
    char figure[96];
    std::snprintf(figure, sizeof figure, "gui.startup_%s_to_painted_timeline", name);
    bench::report(figure, oursMs, "ms", target);
    bench::report("gui.startup_bare_qt_window", bareMs, "ms", "(peer)");
    std::snprintf(figure, sizeof figure, "gui.startup_%s_ratio_to_bare_window", name);
    bench::report(figure, bareMs > 0 ? oursMs / bareMs : 0, "x", ratioTarget);
}

void timeline(bool quick)
{
    // The panel as the window has it, over the workspace's hand edits (no service is reached).
    auth::MemorySecretStore secrets;
    net::ServiceConfig config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    client::Workspace workspace(config, &secrets);
    workspace.setBackgroundWork(false);
    app::TimelinePanel panel(&workspace);
    panel.resize(1600, 300);
    panel.show();
    if (!QTest::qWaitForWindowExposed(&panel))
        std::fprintf(stderr, "the window was not shown\n");
    edit::HandEdits *edits = workspace.handEdits();
    edits->setAgentDraft(bigDraft(10000), 1);
    QSet<QString> changed;
    for (int i = 0; i < 10000; i += 97)
        changed.insert(QStringLiteral("0/s%1").arg(i));
    panel.model()->setChanges(changed);
    app::TimelineView *view = panel.view();
    auto measure = [&](const char *name, const std::function<void()> &step) {
        std::vector<double> times;
        int painted = 0;
        for (int i = 0; i < (quick ? 3 : 60); ++i) {
            step();
            view->viewport()->repaint();
            times.push_back(view->lastPaintMs());
            painted = view->segmentsPaintedLastTime();
        }
        bench::report(name, bench::median(times), "ms", "< 8");
        std::printf("  (%d segments painted per frame)\n", painted);
    };
    // A full repaint: the tracks' layer painted again, as after a change (the model says the tracks
    // changed, as an edit or a new turn does).
    auto changedTracks = [&] { panel.model()->setChanges(changed); };
    view->zoomToFit();
    measure("gui.timeline_repaint_10000_fit", changedTracks);
    view->setPixelsPerSecond(60);
    measure("gui.timeline_repaint_10000_zoomed", changedTracks);
    // The playhead moving (playback, scrubbing): only its strips, over the cached layer.
    qint64 moment = 0;
    measure("gui.timeline_playhead_move_10000", [&] {
        moment += 40;
        workspace.playhead()->setPosition(moment % 60000);
    });
    int x = 0;
    measure("gui.timeline_scroll_10000", [&] {
        x += 137;
        view->horizontalScrollBar()->setValue(x % view->horizontalScrollBar()->maximum());
    });
    double zoom = 1;
    measure("gui.timeline_zoom_10000", [&] {
        zoom = zoom > 300 ? 1 : zoom * 1.3;
        view->setPixelsPerSecond(zoom);
    });

    // Editing a 10,000-segment draft: undo and redo of one op (the stack's command, the core, the model's
    // row signal and the repaint), and one frame of a drag (the mouse event, the proposed edit, the
    // repaint over the cached layer).
    view->setPixelsPerSecond(60);
    view->horizontalScrollBar()->setValue(0);
    const QString key = QStringLiteral("s2");
    const edit::Clip *clip = edits->document().clip(key);
    if (!clip) {
        std::fprintf(stderr, "no segment s2\n");
        bench::fail();
        return;
    }
    if (!panel.history()->perform(edit::Editor(edits->document()).trimOut(key, clip->end() - 2, false))) {
        std::fprintf(stderr, "the trim was refused\n");
        bench::fail();
        return;
    }
    std::vector<double> undoRedo;
    for (int i = 0; i < (quick ? 4 : 60); ++i) {
        QElapsedTimer clock;
        clock.start();
        if (i % 2 == 0)
            panel.history()->stack()->undo();
        else
            panel.history()->stack()->redo();
        view->viewport()->repaint();
        undoRedo.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    const bool undone = panel.history()->stack()->index() == 1 && edits->doneCount() == 1;
    bench::report("gui.timeline_undo_redo_one_op_10000", bench::median(undoRedo), "ms", "< 16");
    if (!undone)
        bench::fail("undo and redo did not end where they began");

    int track = 0;
    int index = 0;
    // Music (every tenth segment): free space on both sides, so the drag has somewhere to go.
    edits->document().locate(QStringLiteral("s10"), &track, &index);
    const QRect block = view->segmentRect(track, index);
    QPoint at = block.center();
    QTest::mousePress(view->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    std::vector<double> drag;
    for (int i = 0; i < (quick ? 6 : 80); ++i) {
        at += QPoint(i % 2 ? -2 : 6, 0);
        QElapsedTimer clock;
        clock.start();
        QMouseEvent move(QEvent::MouseMove, at, view->viewport()->mapToGlobal(at), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &move);
        view->viewport()->repaint();
        drag.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    const bool dragging = view->mode() == app::TimelineView::Mode::Moving;
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    bench::report("gui.timeline_drag_frame_10000", bench::median(drag), "ms", "< 8");
    if (!dragging || edits->doneCount() != 2)
        bench::fail("the drag did not move the segment");
}

// The chat as the window has it, on a local server of its own thread, shown.
struct ChatOnScreen
{
    explicit ChatOnScreen(const fake::Scenario &scenario = fake::Scenario())
        : server(scenario)
        , service(configFor(server.baseUrl()), &secrets)
        , conversation(&service)
        , model(&conversation)
    {
        view.setModel(&model);
        view.resize(900, 700);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view))
            std::fprintf(stderr, "the window was not shown\n");
    }
    static net::ServiceConfig configFor(const QUrl &baseUrl)
    {
        net::ServiceConfig config;
        config.baseUrl = baseUrl;
        return config;
    }

    fake::FakeServerThread server;
    auth::MemorySecretStore secrets;
    client::Service service;
    client::Conversation conversation;
    app::ChatModel model;
    app::ChatView view;
};

void chat(bool quick)
{
    bench::resetPeakRss();
    const qint64 before = bench::currentRss();
    ChatOnScreen chat;
    client::Conversation &conversation = chat.conversation;
    app::ChatView &view = chat.view;
    const QString text =
        QStringLiteral("Done! I added 2 items to the video track and set the title to **Urban Dreams**. "
                       "Preview it in the timeline, then click the Export button.");
    for (int target : {1000, 5000, 10000}) {
        if (quick && target > 1000)
            break;
        while (conversation.size() < target)
            conversation.addNotice(text);
        QApplication::processEvents();
        std::vector<double> times;
        for (int i = 0; i < 50; ++i) {
            QElapsedTimer clock;
            clock.start();
            conversation.addNotice(text);
            view.viewport()->repaint();
            QApplication::processEvents();
            times.push_back(double(clock.nsecsElapsed()) / 1e6);
        }
        char name[64];
        std::snprintf(name, sizeof name, "gui.chat_append_at_%d", target);
        bench::report(name, bench::median(times), "ms", "flat as the chat grows (O(1))");
    }
    const qint64 growth = bench::currentRss() - before;
    bench::report("gui.chat_memory_per_message", double(growth) / double(conversation.size()), "bytes",
                  "linear, modest");
}

// CPU time this thread has used, in milliseconds.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// A 20,000-word Markdown reply streamed in chunks of about four words, through the product's whole path
// (SSE over loopback from the local server on its own thread, ChatTurn, Conversation, ChatModel, the
// ChatView on screen): the CPU this thread spends per chunk at the start of the reply and at its end.
void streaming(bool quick)
{
    fake::Scenario scenario;
    scenario.eventDelayMs = 1;
    ChatOnScreen chat(scenario);
    client::Conversation &conversation = chat.conversation;
    app::ChatModel &model = chat.model;
    app::ChatView &view = chat.view;
    std::vector<double> perChunk;
    double last = 0;
    QObject::connect(&model, &QAbstractItemModel::dataChanged, &view, [&] {
        const double now = threadCpuMs();
        if (last > 0)
            perChunk.push_back(now - last);
        last = now;
    });
    const int words = quick ? 2000 : 20000;
    const double before = threadCpuMs();
    conversation.submit(QStringLiteral("write %1 words").arg(words));
    QElapsedTimer clock;
    clock.start();
    while (!conversation.isBusy() && clock.elapsed() < 10000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    while (conversation.isBusy() && clock.elapsed() < 600000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const double turnCpu = threadCpuMs() - before;
    const size_t n = perChunk.size();
    if (n < 40) {
        std::fprintf(stderr, "the reply came in %zu chunks\n", n);
        return;
    }
    const size_t tenth = n / 10;
    const std::vector<double> first(perChunk.begin(), perChunk.begin() + qsizetype(tenth));
    const std::vector<double> end(perChunk.end() - qsizetype(tenth), perChunk.end());
    auto mean = [](const std::vector<double> &values) {
        double sum = 0;
        for (double value : values)
            sum += value;
        return values.empty() ? 0 : sum / double(values.size());
    };
    // Means, not medians: the chunks that also paint, or close a paragraph, count too.
    const double atStart = mean(first);
    const double atEnd = mean(end);
    double sum = 0;
    double worst = 0;
    for (double t : perChunk) {
        sum += t;
        worst = qMax(worst, t);
    }
    std::printf("  %zu chunks, %.0f ms between the first and the last, longest %.1f ms\n", n, sum, worst);
    bench::report("chat.stream_per_chunk_first_tenth", atStart, "ms", "(CPU of the UI thread)");
    bench::report("chat.stream_per_chunk_last_tenth", atEnd, "ms", "(CPU of the UI thread)");
    bench::report("chat.stream_per_chunk_end_to_start", atStart > 0 ? atEnd / atStart : 0, "x", "<= 2");
    bench::report("chat.stream_whole_turn_cpu", turnCpu, "ms", "(reported)");
}

void dropPhotos(bool quick)
{
    const int count = quick ? 50 : 1000;
    QTemporaryDir photos;
    QFile source(QStringLiteral(NEMO_SOURCE_DIR "/tests/data/photo1.jpg"));
    source.open(QIODevice::ReadOnly);
    const QByteArray bytes = source.readAll();
    QStringList paths;
    for (int i = 0; i < count; ++i) {
        const QString path = photos.filePath(QStringLiteral("photo_%1.jpg").arg(i, 4, 10, QLatin1Char('0')));
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(bytes);
        paths.append(path);
    }
    fake::FakeServerThread server;
    auth::MemorySecretStore secrets;
    net::ServiceConfig config;
    config.baseUrl = server.baseUrl();
    client::Workspace workspace(config, &secrets);
    app::MediaBinPanel bin(workspace.uploads());
    bin.resize(380, 800);
    bin.show();
    if (!QTest::qWaitForWindowExposed(&bin))
        std::fprintf(stderr, "the window was not shown\n");

    // The longest time the event loop went without running a 2 ms timer = the longest UI stall.
    qint64 longest = 0;
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setInterval(2);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        longest = qMax(longest, sinceTick.elapsed());
        sinceTick.restart();
    });
    int thumbnails = 0;
    QObject::connect(bin.model()->thumbnails(), &app::ThumbnailLoader::thumbnailReady, [&] { ++thumbnails; });
    QElapsedTimer clock;
    clock.start();
    sinceTick.start();
    ticker.start();
    bin.addPaths({photos.path()}); // the folder, as a drop of a folder would give
    qint64 listed = -1;
    while (thumbnails < count && clock.elapsed() < 120000) {
        QApplication::processEvents(QEventLoop::AllEvents, 5);
        if (listed < 0 && workspace.uploads()->size() == count)
            listed = clock.elapsed();
    }
    const qint64 allThumbnails = clock.elapsed();
    ticker.stop();
    std::printf("  %d photos, %d in the bin after %lld ms\n", count, workspace.uploads()->size(),
                static_cast<long long>(listed));
    bench::report("gui.drop_1000_photos_all_thumbnails", double(allThumbnails), "ms", "(reported)");
    bench::report("gui.drop_1000_photos_longest_ui_stall", double(longest), "ms", "< 50");
}

// One first session in this process (bench_gui --session-once): its longest stall, on standard output.
int sessionOnce()
{
    QStandardPaths::setTestModeEnabled(true);
    test::GuiHarness h;
    h.window->show();
    if (!QTest::qWaitForWindowExposed(h.window.get()))
        return 1;
    test::StallMeter meter;
    meter.start();
    QString why;
    const bool done =
        test::runScriptedSession(h, meter, {test::data("photo1.jpg"), test::data("photo2.png")}, &why);
    meter.stop();
    if (!done) {
        std::fprintf(stderr, "session: %s\n", qPrintable(why));
        return 1;
    }
    std::printf("stall_ms=%lld step=%s\n", static_cast<long long>(meter.longestMs()),
                qPrintable(meter.longestStep()));
    return 0;
}

// The longest stall of the UI thread in a first session in the real window (photos added, a reply, the
// playhead scrubbed along the ruler, an export downloaded): what a person feels as the window not
// answering. Each session is a process of its own, as each start of the app is. The very first start
// after installing also builds the media backend's plugin cache (GStreamer's registry, once per user):
// reported apart; every later start is the target's.
void session(bool quick, const char *self)
{
    QTemporaryDir cache;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), cache.path());
    std::vector<double> later;
    double first = -1;
    const int runs = quick ? 2 : 6;
    for (int run = 0; run < runs; ++run) {
        QProcess child;
        child.setProcessEnvironment(environment);
        child.start(QString::fromLocal8Bit(self), {QStringLiteral("--session-once")});
        QSignalSpy finished(&child, &QProcess::finished);
        if (!finished.wait(120000) || child.exitCode() != 0) {
            child.kill();
            child.waitForFinished();
            std::fprintf(stderr, "session run %d failed: %s\n", run + 1,
                         child.readAllStandardError().constData());
            bench::fail("a session did not finish");
            return;
        }
        const QByteArray out = child.readAllStandardOutput();
        const qsizetype at = out.indexOf("stall_ms=");
        const QByteArray line = at >= 0 ? out.mid(at, out.indexOf('\n', at) - at) : QByteArray();
        const double stall = line.mid(9, line.indexOf(' ') - 9).toDouble();
        std::printf("  run %d%s: %s\n", run + 1, run == 0 ? " (first start)" : "", line.constData());
        if (run == 0)
            first = stall;
        else
            later.push_back(stall);
    }
    bench::report("gui.session_longest_ui_stall_first_start", first, "ms", "(reported)");
    bench::report("gui.session_longest_ui_stall", *std::max_element(later.begin(), later.end()), "ms",
                  "< 50");
}

// One playback in this process (bench_gui --playback-once FILE): the finished export playing in the
// player the export dialog shows, from the first picture to its end; the longest stall of the UI thread
// and how many pictures reached the player, on standard output. NEMO_VIDEO_OUTPUT picks the path.
int playbackOnce(const QString &file)
{
    const app::VideoOutput output = app::chooseVideoOutput();
    app::VideoPlayer player;
    player.resize(960, 640);
    player.show();
    if (!QTest::qWaitForWindowExposed(&player))
        return 1;
    QVideoSink *sink = player.videoWidget()->videoSink();
    int pictures = 0;
    QObject::connect(sink, &QVideoSink::videoFrameChanged, [&] { ++pictures; });
    test::StallMeter meter;
    meter.start();
    player.setSource(file, true);
    const bool ended =
        QTest::qWaitFor([&] { return player.player()->mediaStatus() == QMediaPlayer::EndOfMedia; }, 60000);
    meter.stop();
    if (!ended || player.player()->error() != QMediaPlayer::NoError) {
        std::fprintf(stderr, "playback: %s\n", qPrintable(player.player()->errorString()));
        return 1;
    }
    std::printf("stall_ms=%lld pictures=%d output=%s\n", static_cast<long long>(meter.longestMs()), pictures,
                output == app::VideoOutput::Raster ? "raster" : "opengl");
    return 0;
}

// A 1080p export playing in the export dialog's player, each way the picture can reach the screen:
// through OpenGL (Qt's default) and painted straight into the window (what Nemo Studio picks on a
// computer without a graphics card, as this one is; see chooseVideoOutput). Each in a process of its own.
void playback(bool quick, const char *self)
{
    QTemporaryDir folder;
    const QString video = folder.filePath(QStringLiteral("export.mp4"));
    const int seconds = quick ? 2 : 6;
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"),
                  QStringLiteral("lavfi"), QStringLiteral("-i"),
                  QStringLiteral("testsrc2=size=1920x1080:rate=30"), QStringLiteral("-t"),
                  QString::number(seconds), QStringLiteral("-c:v"), QStringLiteral("libx264"),
                  QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), video});
    if (!ffmpeg.waitForFinished(120000) || ffmpeg.exitCode() != 0) {
        bench::fail("ffmpeg could not make the 1080p video");
        return;
    }
    QTemporaryDir cache;
    const int expected = seconds * 30;
    for (const char *output : {"opengl", "raster"}) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), cache.path());
        environment.insert(QStringLiteral("NEMO_VIDEO_OUTPUT"), QString::fromLatin1(output));
        std::vector<double> stalls;
        int fewest = expected;
        for (int run = 0; run < (quick ? 1 : 3); ++run) {
            QProcess child;
            child.setProcessEnvironment(environment);
            child.start(QString::fromLocal8Bit(self), {QStringLiteral("--playback-once"), video});
            if (!child.waitForFinished(120000) || child.exitCode() != 0) {
                child.kill();
                child.waitForFinished();
                std::fprintf(stderr, "playback (%s) failed: %s\n", output,
                             child.readAllStandardError().constData());
                bench::fail("a playback did not finish");
                return;
            }
            const QByteArray out = child.readAllStandardOutput().trimmed();
            std::printf("  %s: %s\n", output, out.constData());
            const QList<QByteArray> fields = out.split(' ');
            stalls.push_back(fields.value(0).mid(9).toDouble());
            fewest = qMin(fewest, fields.value(1).mid(9).toInt());
        }
        const std::string name = std::string("gui.playback_1080p_") + output;
        const bool ours = qstrcmp(output, "raster") == 0; // this computer has no graphics card
        bench::report((name + "_longest_ui_stall").c_str(), *std::max_element(stalls.begin(), stalls.end()),
                      "ms", ours ? "< 50" : "(reported)");
        bench::report((name + "_pictures_shown_percent").c_str(), 100.0 * fewest / expected, "%",
                      ours ? ">= 90" : "(reported)");
    }
}

} // namespace

int main(int argc, char **argv)
{
    app::chooseVideoOutput(); // before the first window, as main() does
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("NemoStudioBench"));
    const bool quick = bench::smoke(argc, argv);
    if (argc > 1 && qstrcmp(argv[argc - 1], "--session-once") == 0)
        return sessionOnce();
    if (argc > 2 && qstrcmp(argv[argc - 2], "--playback-once") == 0)
        return playbackOnce(QString::fromLocal8Bit(argv[argc - 1]));
    // Parts by name (startup, timeline, chat, streaming, drop, session, playback); all of them without one.
    QStringList parts;
    for (int i = 1; i < argc; ++i) {
        if (argv[i][0] != '-')
            parts << QString::fromLocal8Bit(argv[i]);
    }
    auto wanted = [&parts](const char *part) {
        return parts.isEmpty() || parts.contains(QLatin1String(part));
    };
    if (wanted("startup")) {
        startup(quick, 20, 100, "20_turns", "(ours)", "<= 2");
        // A long project: every turn kept a 10,000-segment timeline (600 MB of snapshots on disk).
        startup(quick, quick ? 5 : 500, quick ? 100 : 10000,
                quick ? "smoke_5_turns_100_segments" : "500_turns_10000_segments", "< 300",
                "(peer in the same run)");
    }
    if (wanted("timeline"))
        timeline(quick);
    if (wanted("chat"))
        chat(quick);
    if (wanted("streaming"))
        streaming(quick);
    if (wanted("drop"))
        dropPhotos(quick);
    if (wanted("session"))
        session(quick, argv[0]);
    if (wanted("playback"))
        playback(quick, argv[0]);
    return bench::exitCode();
}
