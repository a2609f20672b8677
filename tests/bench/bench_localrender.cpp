// Benchmark: rendering on this computer, on the path the product takes (Exporter::startLocal → MLT
// document → melt in a child process), against plain ffmpeg doing the same composition in the same
// run: a 30 s 1080p edit of ten photos, music and a title. Also the preview (PreviewRenderer, as after
// a turn, with the photos scaled down once as the window has it done), the longest stall of this
// thread's event loop while melt works (the window's would be the same thread), and the memory this
// process gains meanwhile.
#include "auth/memorysecretstore.h"
#include "auth/secretstore.h"
#include "benchsupport.h"
#include "client/service.h"
#include "client/workspace.h"
#include "edit/editor.h"
#include "edit/handedits.h"
#include "media/mediacache.h"
#include "preview/previewmonitor.h"
#include "render/exporter.h"
#include "render/frameserver.h"
#include "render/previewrenderer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

using namespace nemo;

namespace {

bool ffmpeg(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("ffmpeg"),
                  QStringList{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y")} +
                      arguments);
    return process.waitForFinished(300000) && process.exitCode() == 0;
}

// Spins the event loop until `done`, noting the longest time between two turns of it.
qint64 waitWatchingStalls(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    qint64 worst = 0;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(2);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        worst = qMax(worst, now - last - 2);
        last = now;
    });
    tick.start();
    while (!done() && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return worst;
}

} // namespace

int main(int argc, char **argv)
{
    // The workspace's media cache goes where the run's files go, never into the user's own.
    QTemporaryDir home;
    qputenv("XDG_CACHE_HOME", home.path().toLocal8Bit());
    QCoreApplication app(argc, argv);
    const bool smoke = bench::smoke(argc, argv);
    const int photos = smoke ? 3 : 10;
    const int secondsEach = smoke ? 1 : 3;
    const QSize size = smoke ? QSize(320, 180) : QSize(1920, 1080);
    const int total = photos * secondsEach;

    QTemporaryDir dir;
    // Photos and music made for the run (nothing to download).
    if (!ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                 QStringLiteral("testsrc2=size=%1x%2:rate=1").arg(size.width()).arg(size.height()),
                 QStringLiteral("-frames:v"), QString::number(photos), QStringLiteral("-q:v"),
                 QStringLiteral("3"), dir.filePath(QStringLiteral("photo%02d.jpg"))}) ||
        !ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                 QStringLiteral("sine=frequency=440:duration=%1").arg(total), QStringLiteral("-ac"),
                 QStringLiteral("2"), dir.filePath(QStringLiteral("music.mp3"))})) {
        std::fprintf(stderr, "ffmpeg could not make the media\n");
        return 1;
    }
    QJsonArray visuals;
    QList<media::MediaItem> bin;
    for (int i = 0; i < photos; ++i) {
        const QString path = dir.filePath(QStringLiteral("photo%1.jpg").arg(i + 1, 2, 10, QLatin1Char('0')));
        const QString url = QStringLiteral("https://cdn.example.com/photo%1.jpg").arg(i + 1);
        visuals.append(QJsonObject{{QStringLiteral("st"), i * secondsEach * 1000},
                                   {QStringLiteral("d"), secondsEach * 1000},
                                   {QStringLiteral("src"), url}});
        media::MediaItem item;
        item.path = path;
        item.uploaded.cdnUrl = url;
        item.state = media::MediaItem::State::Uploaded;
        bin.append(item);
    }
    media::MediaItem music;
    music.path = dir.filePath(QStringLiteral("music.mp3"));
    music.uploaded.cdnUrl = QStringLiteral("https://cdn.example.com/music.mp3");
    music.state = media::MediaItem::State::Uploaded;
    bin.append(music);
    const QJsonObject draft{
        {QStringLiteral("d"), total * 1000},
        {QStringLiteral("m"),
         QJsonObject{{QStringLiteral("title"), QStringLiteral("Bench")},
                     {QStringLiteral("width"), size.width()},
                     {QStringLiteral("height"), size.height()}}},
        {QStringLiteral("t"),
         QJsonArray{
             QJsonObject{{QStringLiteral("tt"), 0}, {QStringLiteral("sg"), visuals}},
             QJsonObject{{QStringLiteral("tt"), 1},
                         {QStringLiteral("sg"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("st"), 0},
                              {QStringLiteral("d"), total * 1000},
                              {QStringLiteral("src"), music.uploaded.cdnUrl},
                              {QStringLiteral("m"), QJsonObject{{QStringLiteral("volume"), 0.35}}}}}}},
             QJsonObject{{QStringLiteral("tt"), 7},
                         {QStringLiteral("sg"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("st"), 0},
                              {QStringLiteral("d"), 3000},
                              {QStringLiteral("m"),
                               QJsonObject{{QStringLiteral("text"), QStringLiteral("Urban Dreams")}}}}}}}}}};
    agent::ProjectState state;
    state.draft = draft::Draft::fromJson(draft);

    auth::MemorySecretStore secrets;
    net::ServiceConfig config; // never contacted: everything is on this computer
    client::Service service(config, &secrets);
    media::MediaCache cache(&service, dir.filePath(QStringLiteral("cache")));

    // Ours: the product's local export.
    render::Exporter exporter(&service);
    const QString ours = dir.filePath(QStringLiteral("ours.mp4"));
    bench::resetPeakRss();
    const qint64 rssBefore = bench::currentRss();
    QElapsedTimer clock;
    clock.start();
    exporter.startLocal(state, bin, &cache, ours);
    const qint64 stall = waitWatchingStalls([&] { return !exporter.isRunning(); }, 600000);
    const double oursSeconds = clock.elapsed() / 1000.0;
    const qint64 rssGrowth = bench::peakRss() - rssBefore;
    if (exporter.phase() != render::Exporter::Phase::Done) {
        std::fprintf(stderr, "the local export failed: %s\n", qPrintable(exporter.error().message()));
        return 1;
    }

    // The peer: plain ffmpeg, the same composition and encoder settings.
    QStringList arguments;
    QString filter;
    for (int i = 0; i < photos; ++i) {
        arguments << QStringLiteral("-loop") << QStringLiteral("1") << QStringLiteral("-framerate")
                  << QStringLiteral("30") << QStringLiteral("-t") << QString::number(secondsEach)
                  << QStringLiteral("-i") << bin.at(i).path;
        filter += QStringLiteral(
                      "[%1:v]scale=%2:%3:force_original_aspect_ratio=decrease,pad=%2:%3:(ow-iw)/2:(oh-ih)/"
                      "2,setsar=1,fps=30,format=yuv420p[v%1];")
                      .arg(i)
                      .arg(size.width())
                      .arg(size.height());
    }
    arguments << QStringLiteral("-i") << music.path;
    for (int i = 0; i < photos; ++i)
        filter += QStringLiteral("[v%1]").arg(i);
    filter += QStringLiteral(
                  "concat=n=%1:v=1:a=0,drawtext=fontfile=/usr/share/fonts/truetype/dejavu/"
                  "DejaVuSans-Bold.ttf:text='Urban Dreams':fontsize=%2:fontcolor=white:borderw=4:x=(w-tw)/"
                  "2:y=(h-th)/2:enable='lt(t,3)'[v];[%3:a]volume=0.35[a]")
                  .arg(photos)
                  .arg(size.height() / 12)
                  .arg(photos);
    arguments << QStringLiteral("-filter_complex") << filter << QStringLiteral("-map")
              << QStringLiteral("[v]") << QStringLiteral("-map") << QStringLiteral("[a]")
              << QStringLiteral("-c:v") << QStringLiteral("libx264") << QStringLiteral("-preset")
              << QStringLiteral("veryfast") << QStringLiteral("-crf") << QStringLiteral("23")
              << QStringLiteral("-c:a") << QStringLiteral("aac") << QStringLiteral("-b:a")
              << QStringLiteral("160k") << QStringLiteral("-movflags") << QStringLiteral("+faststart")
              << dir.filePath(QStringLiteral("peer.mp4"));
    clock.restart();
    if (!ffmpeg(arguments)) {
        std::fprintf(stderr, "the ffmpeg peer failed\n");
        return 1;
    }
    const double peerSeconds = clock.elapsed() / 1000.0;

    // The preview, as after a turn.
    render::PreviewRenderer preview(&cache);
    preview.setDownscaler(&app::PreviewMonitor::downscalePhoto); // as the window sets it
    preview.request(state, bin);
    const qint64 previewStall = waitWatchingStalls(
        [&] {
            return preview.state() == render::PreviewRenderer::State::Ready ||
                preview.state() == render::PreviewRenderer::State::Failed;
        },
        120000);
    if (preview.state() != render::PreviewRenderer::State::Ready) {
        std::fprintf(stderr, "the preview failed: %s\n", qPrintable(preview.error()));
        return 1;
    }
    const qint64 firstPreviewMs = preview.lastRenderMs();
    // The next turn changes the title: the photos' small copies are in the cache by now.
    QJsonObject retitled = draft;
    QJsonArray tracks = retitled.value(QLatin1String("t")).toArray();
    QJsonObject title = tracks.at(2).toObject();
    title.insert(
        QStringLiteral("sg"),
        QJsonArray{QJsonObject{
            {QStringLiteral("st"), 0},
            {QStringLiteral("d"), 3000},
            {QStringLiteral("m"), QJsonObject{{QStringLiteral("text"), QStringLiteral("City Lights")}}}}});
    tracks.replace(2, title);
    retitled.insert(QStringLiteral("t"), tracks);
    state.draft = draft::Draft::fromJson(retitled);
    preview.request(state, bin);
    waitWatchingStalls(
        [&] {
            return preview.state() == render::PreviewRenderer::State::Ready ||
                preview.state() == render::PreviewRenderer::State::Failed;
        },
        120000);
    // The figure is the second preview's own (not the first's left over): it must have reached Ready.
    const qint64 nextPreviewMs = preview.lastRenderMs();
    if (preview.state() != render::PreviewRenderer::State::Ready || preview.durationMs() != total * 1000)
        bench::fail("the next turn's preview was not made");

    // A hand edit, as the window makes it: the workspace applies it, its preview renderer gets the edited
    // draft; the monitor's picture at the playhead comes from MLT in this process, the video after it.
    qint64 frameAfterEditMs = -1;
    qint64 playableAfterEditMs = -1;
    {
        client::Workspace workspace(config, &secrets);
        workspace.uploads()->restore(bin);
        render::PreviewRenderer *renderer = workspace.preview();
        renderer->setDownscaler(&app::PreviewMonitor::downscalePhoto);
        quint64 serial = 0;
        QElapsedTimer since;
        QObject::connect(renderer->frames(), &render::FrameServer::frameReady, renderer,
                         [&](const QByteArray &, const QSize &, qint64, quint64 document) {
                             if (document > serial && since.isValid() && frameAfterEditMs < 0 && serial > 0)
                                 frameAfterEditMs = since.elapsed();
                             serial = qMax(serial, document);
                         });
        workspace.service()->noteState(state);
        waitWatchingStalls(
            [&] { return renderer->state() == render::PreviewRenderer::State::Ready && serial > 0; }, 120000);
        renderer->requestFrame(1500);
        since.start();
        edit::HandEdits *edits = workspace.handEdits();
        const QString second = edits->document().resolve(QStringLiteral("1:2"), nullptr);
        if (second.isEmpty() || !edits->push(edit::Editor(edits->document()).remove({second}, true).edit)) {
            bench::fail("the hand edit was refused");
        } else {
            waitWatchingStalls(
                [&] {
                    return frameAfterEditMs >= 0 &&
                        renderer->state() == render::PreviewRenderer::State::Ready;
                },
                120000);
            playableAfterEditMs =
                renderer->state() == render::PreviewRenderer::State::Ready ? since.elapsed() : -1;
            const auto edited = workspace.state();
            if (frameAfterEditMs < 0 || playableAfterEditMs < 0 || !edited ||
                edited->draft.tracks().first().endMs() != qint64(total - secondsEach) * 1000)
                bench::fail("the edited preview did not come");
        }
    }

    const QByteArray edit = QStringLiteral("%1s_%2p").arg(total).arg(size.height()).toUtf8();
    bench::report(QByteArray("local_export." + edit + ".seconds").constData(), oursSeconds, "s",
                  "<= 10 (30 s 1080p)");
    bench::report(QByteArray("local_export." + edit + ".times_real_time").constData(), total / oursSeconds,
                  "x", ">= 3");
    bench::report(QByteArray("ffmpeg_same_composition." + edit + ".seconds").constData(), peerSeconds, "s",
                  "(peer)");
    bench::report("local_export.ratio_to_ffmpeg", oursSeconds / peerSeconds, "x", "(time; < 1 is faster)");
    bench::report("preview.first_turn.request_to_ready", firstPreviewMs / 1000.0, "s", "<= 2");
    bench::report("preview.next_turn.request_to_ready", nextPreviewMs / 1000.0, "s", "<= 2");
    bench::report("event_loop.longest_stall_while_rendering", double(stall), "ms", "<= 16");
    bench::report("event_loop.longest_stall_while_previewing", double(previewStall), "ms", "<= 16");
    bench::report("process.peak_rss_growth_while_rendering", double(rssGrowth) / (1024 * 1024), "MB",
                  "~0 (melt is a child)");
    bench::report("hand_edit.monitor_frame_after_edit", double(frameAfterEditMs), "ms", "< 150");
    bench::report("hand_edit.edited_preview_playable", playableAfterEditMs / 1000.0, "s", "<= 2");
    return bench::exitCode();
}
