// Rendering on this computer with the real `melt`, checked frame by frame with ffmpeg/ffprobe: the right
// photo at the middle of each segment, the title during its segment and gone after, the music at about
// its level, the draft's length, H.264 + AAC; with the service gone; with media missing; cancelled
// half-way; and the project for Shotcut, which melt plays.
#include "harness.h"
#include "media/mediacache.h"
#include "media/uploadqueue.h"
#include "render/exporter.h"
#include "render/localrenderjob.h"
#include "render/mltdocument.h"
#include "render/previewrenderer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace nemo;
using namespace nemo::test;

namespace {

QByteArray run(const QString &program, const QStringList &arguments, int *exitCode = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    process.waitForFinished(120000);
    if (exitCode)
        *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return process.readAll();
}

// A frame of the video at `seconds`, small.
QImage frameAt(const QString &video, double seconds)
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("frame.png"));
    run(QStringLiteral("ffmpeg"),
        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-ss"),
         QString::number(seconds, 'f', 3), QStringLiteral("-i"), video, QStringLiteral("-frames:v"),
         QStringLiteral("1"), QStringLiteral("-vf"), QStringLiteral("scale=160:90"), png});
    return QImage(png).convertToFormat(QImage::Format_RGB32);
}

// How a photo looks on a 16:9 canvas: fitted and centred on black, 160×90.
QImage expected(const QString &photo)
{
    QImage canvas(160, 90, QImage::Format_RGB32);
    canvas.fill(Qt::black);
    const QImage image = QImage(photo).scaled(160, 90, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            canvas.setPixel((160 - image.width()) / 2 + x, (90 - image.height()) / 2 + y, image.pixel(x, y));
    }
    return canvas;
}

// Mean absolute difference per channel (0…255) over rows [top, bottom).
double difference(const QImage &a, const QImage &b, int top, int bottom)
{
    double sum = 0;
    int count = 0;
    for (int y = top; y < bottom; ++y) {
        for (int x = 0; x < 160; ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            sum +=
                std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) + std::abs(qBlue(p) - qBlue(q));
            count += 3;
        }
    }
    return count ? sum / count : 255;
}

// Pixels that are white in the frame but not in the expected picture, in rows [top, bottom): a title.
int whiteAdded(const QImage &frame, const QImage &expected, int top, int bottom)
{
    auto white = [](QRgb p) { return qRed(p) > 215 && qGreen(p) > 215 && qBlue(p) > 215; };
    int count = 0;
    for (int y = top; y < bottom; ++y) {
        for (int x = 0; x < 160; ++x)
            count += white(frame.pixel(x, y)) && !white(expected.pixel(x, y)) ? 1 : 0;
    }
    return count;
}

double peakVolume(const QString &file, double seconds)
{
    const QByteArray out =
        run(QStringLiteral("ffmpeg"),
            {QStringLiteral("-hide_banner"), QStringLiteral("-t"), QString::number(seconds),
             QStringLiteral("-i"), file, QStringLiteral("-af"), QStringLiteral("volumedetect"),
             QStringLiteral("-vn"), QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")});
    const auto match =
        QRegularExpression(QStringLiteral("max_volume: (-?[0-9.]+) dB")).match(QString::fromUtf8(out));
    return match.hasMatch() ? match.captured(1).toDouble() : 0;
}

QJsonObject probe(const QString &file)
{
    return QJsonDocument::fromJson(
               run(QStringLiteral("ffprobe"),
                   {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_streams"),
                    QStringLiteral("-show_format"), QStringLiteral("-of"), QStringLiteral("json"), file}))
        .object();
}

// The local server's edit of two photos and music, with a title: what a user has after one turn.
struct Edit
{
    Harness h;
    QTemporaryDir media; // the user's own copies
    QTemporaryDir cacheDir;
    std::unique_ptr<media::MediaCache> cache;
    QList<media::MediaItem> bin;
    agent::ProjectState state;

    bool make(const QString &message)
    {
        QStringList paths;
        for (const char *name : {"photo1.jpg", "photo2.png", "music.mp3"}) {
            paths.append(media.filePath(QLatin1String(name)));
            QFile::copy(data(name), paths.last());
        }
        auto upload = keep(h.service->upload(paths));
        if (!finish(upload.get()) || upload->error() || upload->files().size() != 3)
            return false;
        for (int i = 0; i < 3; ++i) {
            media::MediaItem item;
            item.id = quint64(i + 1);
            item.path = paths.at(i);
            item.name = QFileInfo(paths.at(i)).fileName();
            item.state = media::MediaItem::State::Uploaded;
            item.uploaded = upload->files().at(i);
            bin.append(item);
        }
        auto turn = keep(h.service->sendMessage(message));
        if (!finish(turn.get()) || !turn->hasStateAfter())
            return false;
        state = turn->stateAfter();
        cache = std::make_unique<media::MediaCache>(h.service.get(), cacheDir.path());
        exporter = std::make_unique<render::Exporter>(h.service.get());
        return state.draft.isExportable();
    }

    // Renders the edit on this computer into `out`; true once the exporter has finished either way.
    bool renderHere(const QString &name, bool allowMissing = false)
    {
        QSignalSpy finished(exporter.get(), &render::Exporter::finished);
        exporter->startLocal(state, bin, cache.get(), out.filePath(name), allowMissing);
        return !finished.isEmpty() || finished.wait(120000);
    }

    QTemporaryDir out;
    std::unique_ptr<render::Exporter> exporter;
};

} // namespace

class TestLocalRender final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (render::LocalRenderJob::meltProgram().isEmpty())
            QFAIL("melt is not installed (./scripts/test installs it)");
        if (QStandardPaths::findExecutable(QStringLiteral("ffprobe")).isEmpty())
            QFAIL("ffmpeg is not installed (./scripts/test installs it)");
    }

    void rendersTheEditFrameByFrame()
    {
        Edit edit;
        QVERIFY(edit.make(QStringLiteral("make a 6-second video titled \"Urban Dreams\" with music")));
        edit.h.server.close(); // no service from here on: everything is on this computer
        const QString target = edit.out.filePath(QStringLiteral("video.mp4"));
        QVERIFY(edit.renderHere(QStringLiteral("video.mp4")));
        const render::Exporter &exporter = *edit.exporter;
        QVERIFY2(exporter.phase() == render::Exporter::Phase::Done, qPrintable(exporter.error().message()));
        QCOMPARE(exporter.engine(), render::Exporter::Engine::Local);
        QVERIFY(!QFile::exists(target + QStringLiteral(".part")));
        QCOMPARE(QDir(edit.cacheDir.path()).entryList(QDir::Files).size(), 0); // the originals were used

        // H.264 + AAC, the draft's size and length (within one frame).
        const QJsonObject info = probe(target);
        QStringList codecs;
        for (const QJsonValue &stream : info.value(QLatin1String("streams")).toArray())
            codecs.append(stream.toObject().value(QLatin1String("codec_name")).toString());
        QVERIFY2(codecs.contains(QStringLiteral("h264")) && codecs.contains(QStringLiteral("aac")),
                 qPrintable(codecs.join(QLatin1Char(' '))));
        const double length = info.value(QLatin1String("format"))
                                  .toObject()
                                  .value(QLatin1String("duration"))
                                  .toString()
                                  .toDouble();
        QVERIFY2(std::abs(length - edit.state.draft.durationMs() / 1000.0) <= 1.0 / 30 + 0.03,
                 qPrintable(QString::number(length)));

        // The right photo at the middle of each segment (compared where the title is not).
        const draft::Track &video = edit.state.draft.tracks().first();
        QCOMPARE(video.segments.size(), 2);
        const QImage one = expected(data("photo1.jpg"));
        const QImage two = expected(data("photo2.png"));
        const double middle1 = (video.segments.at(0).startMs + video.segments.at(0).durationMs / 2) / 1000.0;
        const double middle2 = (video.segments.at(1).startMs + video.segments.at(1).durationMs / 2) / 1000.0;
        const QImage first = frameAt(target, middle1);
        const QImage second = frameAt(target, middle2);
        QVERIFY(!first.isNull() && !second.isNull());
        QVERIFY2(difference(first, one, 0, 20) < 25,
                 qPrintable(QString::number(difference(first, one, 0, 20))));
        QVERIFY(difference(first, two, 0, 20) > 40);
        QVERIFY2(difference(second, two, 0, 20) < 25,
                 qPrintable(QString::number(difference(second, two, 0, 20))));
        QVERIFY(difference(second, one, 0, 20) > 40);

        // The title over the first photo while it lasts (3 s), then gone.
        QVERIFY2(whiteAdded(first, one, 35, 55) >= 10,
                 qPrintable(QString::number(whiteAdded(first, one, 35, 55))));
        QVERIFY2(whiteAdded(second, two, 35, 55) <= 2,
                 qPrintable(QString::number(whiteAdded(second, two, 35, 55))));
        QVERIFY2(difference(second, two, 35, 55) < 25,
                 qPrintable(QString::number(difference(second, two, 35, 55))));

        // The music at about its level: 35 % is −9.1 dB, and the mono file spread over two channels is −3 dB
        // more in each (equal power). Peaks, so that where the sound starts does not matter.
        const double source = peakVolume(data("music.mp3"), length);
        const double rendered = peakVolume(target, length);
        QVERIFY2(std::abs((rendered - source) - (20 * std::log10(0.35) - 3)) < 1.5,
                 qPrintable(QStringLiteral("%1 dB vs %2 dB").arg(rendered).arg(source)));
    }

    // The Windows and macOS installers put melt beside the app with its modules, data and fonts (bin/lib/mlt,
    // bin/share/mlt, bin/share/fonts): the same layout made here from Debian's MLT and DejaVu renders, and
    // fontconfig reads the installer's fonts through the configuration the job writes (its cache shows it).
    void bundledMeltUsesItsOwnModulesAndFonts()
    {
        QTemporaryDir bundle;
        const QDir bin(bundle.filePath(QStringLiteral("bin")));
        QVERIFY(QDir().mkpath(bin.filePath(QStringLiteral("lib"))) &&
                QDir().mkpath(bin.filePath(QStringLiteral("share/fonts"))));
        const QStringList modules = QDir(QStringLiteral("/usr/lib")).entryList({QStringLiteral("*-linux-*")});
        QString moduleDir;
        for (const QString &triplet : modules) {
            if (QFileInfo(QStringLiteral("/usr/lib/%1/mlt-7").arg(triplet)).isDir())
                moduleDir = QStringLiteral("/usr/lib/%1/mlt-7").arg(triplet);
        }
        QVERIFY2(!moduleDir.isEmpty(), "Debian's MLT modules were not found");
        QVERIFY(QFile::link(render::LocalRenderJob::meltProgram(), bin.filePath(QStringLiteral("melt"))));
        QVERIFY(QFile::link(moduleDir, bin.filePath(QStringLiteral("lib/mlt"))));
        QVERIFY(QFile::link(QStringLiteral("/usr/share/mlt-7"), bin.filePath(QStringLiteral("share/mlt"))));
        for (const char *font : {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}) {
            QVERIFY(QFile::copy(QStringLiteral("/usr/share/fonts/truetype/dejavu/") + QLatin1String(font),
                                bin.filePath(QStringLiteral("share/fonts/")) + QLatin1String(font)));
        }
        QDir fontCache(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
                       QStringLiteral("/fontconfig"));
        fontCache.removeRecursively();
        qputenv("NEMO_MELT", bin.filePath(QStringLiteral("melt")).toLocal8Bit());
        const auto restore = qScopeGuard([] { qunsetenv("NEMO_MELT"); });

        Edit edit;
        QVERIFY(edit.make(QStringLiteral("make a 6-second video titled \"Urban Dreams\"")));
        QVERIFY(edit.renderHere(QStringLiteral("video.mp4")));
        QVERIFY2(edit.exporter->phase() == render::Exporter::Phase::Done,
                 qPrintable(edit.exporter->error().message()));
        const draft::Track &video = edit.state.draft.tracks().first();
        const QImage first = frameAt(edit.out.filePath(QStringLiteral("video.mp4")),
                                     (video.segments.at(0).startMs + 500) / 1000.0);
        QVERIFY2(whiteAdded(first, expected(data("photo1.jpg")), 35, 55) >= 10, "no title");
        QVERIFY2(!fontCache.entryList(QDir::Files).isEmpty(), "fontconfig did not read the bundled fonts");
    }

    void missingMediaIsNamedAndNeedsAYes()
    {
        Edit edit;
        QVERIFY(edit.make(QStringLiteral("make a 6-second video")));
        QVERIFY(QFile::remove(edit.bin.at(1).path)); // photo2.png is gone from this computer…
        fake::Fault gone = fault("media", 0);        // …and from the service
        gone.httpStatus = 404;
        edit.h.server.addFault(gone);
        const QString target = edit.out.filePath(QStringLiteral("video.mp4"));
        const render::Exporter &exporter = *edit.exporter;
        QVERIFY(edit.renderHere(QStringLiteral("video.mp4")));
        QCOMPARE(exporter.phase(), render::Exporter::Phase::Failed);
        QCOMPARE(exporter.missing().size(), 1);
        // The user's own file is gone and the service's copy cannot be had: the file named as gone.
        QCOMPARE(exporter.missing().first().reason, render::MissingSource::Reason::Gone);
        QCOMPARE(exporter.missing().first().original, edit.bin.at(1).path);
        QVERIFY2(
            exporter.error().message().contains(QLatin1String("photo2.png is no longer on this computer")),
            qPrintable(exporter.error().message()));
        QVERIFY(QDir(edit.out.path()).isEmpty()); // never a silent gap
        // The user agrees: rendered, with a gap where it was.
        QVERIFY(edit.renderHere(QStringLiteral("video.mp4"), true));
        QVERIFY2(exporter.phase() == render::Exporter::Phase::Done, qPrintable(exporter.error().message()));
        QVERIFY(QFileInfo(target).size() > 1000);
    }

    void cloudCopyIsFetchedOnceWhenTheOriginalIsGone()
    {
        Edit edit;
        QVERIFY(edit.make(QStringLiteral("make a 6-second video")));
        QVERIFY(QFile::remove(edit.bin.at(0).path));
        QStringList notices;
        connect(edit.exporter.get(), &render::Exporter::changed, this,
                [&] { notices.append(edit.exporter->notice()); });
        QVERIFY(edit.renderHere(QStringLiteral("a.mp4")));
        QVERIFY2(edit.exporter->phase() == render::Exporter::Phase::Done,
                 qPrintable(edit.exporter->error().message()));
        // Fetched with progress, and said: the service's copy stands in for the file that is gone.
        QVERIFY2(notices.contains(QStringLiteral("Getting the media ready: 1 of 1 downloaded…")),
                 qPrintable(notices.join(QLatin1Char('|'))));
        QVERIFY2(notices.join(QLatin1Char('|'))
                     .contains(QLatin1String(
                         "photo1.jpg is no longer on this computer: the copy on the service is used.")),
                 qPrintable(notices.join(QLatin1Char('|'))));
        QCOMPARE(edit.h.server.callCount(QStringLiteral("media")), 1);
        QVERIFY(edit.renderHere(QStringLiteral("b.mp4")));
        QCOMPARE(edit.exporter->phase(), render::Exporter::Phase::Done);
        QCOMPARE(edit.h.server.callCount(QStringLiteral("media")), 1); // from the cache the second time
    }

    // A segment the agent's draft gives no source: said as such (not as a file to look for), and the
    // rest renders when the user agrees.
    void aSegmentWithoutASourceIsSaidToHaveNone()
    {
        Edit edit;
        QVERIFY(edit.make(QStringLiteral("make a 6-second video")));
        QJsonObject draft = edit.state.draft.toJson();
        QJsonArray tracks = draft.value(QLatin1String("t")).toArray();
        QJsonObject video = tracks.at(0).toObject();
        QJsonArray segments = video.value(QLatin1String("sg")).toArray();
        QJsonObject second = segments.at(1).toObject();
        for (const char *key : {"src", "url", "source", "cdn_url"})
            second.remove(QLatin1String(key));
        QJsonObject meta = second.value(QLatin1String("m")).toObject();
        meta.remove(QStringLiteral("src"));
        second.insert(QStringLiteral("m"), meta);
        segments.replace(1, second);
        video.insert(QStringLiteral("sg"), segments);
        tracks.replace(0, video);
        draft.insert(QStringLiteral("t"), tracks);
        edit.state.draft = draft::Draft::fromJson(draft);
        QVERIFY(edit.renderHere(QStringLiteral("video.mp4")));
        const render::Exporter &exporter = *edit.exporter;
        QCOMPARE(exporter.phase(), render::Exporter::Phase::Failed);
        QCOMPARE(exporter.missing().size(), 1);
        QCOMPARE(exporter.missing().first().reason, render::MissingSource::Reason::NoSource);
        QVERIFY2(exporter.error().message().contains(
                     QLatin1String("segment 2 of Video has no source in the agent's draft")),
                 qPrintable(exporter.error().message()));
        QVERIFY(!exporter.error().message().contains(QLatin1String("no longer on this computer")));
        QVERIFY(edit.renderHere(QStringLiteral("video.mp4"), true));
        QVERIFY2(exporter.phase() == render::Exporter::Phase::Done, qPrintable(exporter.error().message()));
    }

    // The length you see is the length you get: a generated clip (2 s of picture, though the service
    // says 5) in a 30 s draft is 30 s in the local export, in the preview and in the project melt
    // renders, holding its last frame; the clip, only on the service, is fetched with progress.
    void aShortClipHoldsItsLastFrameToTheDraftsLength()
    {
        Harness h;
        auto turn = keep(h.service->sendMessage(QStringLiteral("make a 30-second video")));
        QVERIFY(finish(turn.get()) && turn->hasStateAfter());
        const agent::ProjectState state = turn->stateAfter();
        QCOMPARE(state.generated.size(), 1);
        QCOMPARE(state.draft.durationMs(), 30000);
        QTemporaryDir cacheDir;
        media::MediaCache cache(h.service.get(), cacheDir.path());
        QTemporaryDir out;
        auto lengthOf = [](const QString &file) {
            return probe(file)
                .value(QLatin1String("format"))
                .toObject()
                .value(QLatin1String("duration"))
                .toString()
                .toDouble();
        };

        // The local export.
        render::Exporter exporter(h.service.get());
        QStringList notices;
        connect(&exporter, &render::Exporter::changed, this, [&] { notices.append(exporter.notice()); });
        QSignalSpy finished(&exporter, &render::Exporter::finished);
        const QString video = out.filePath(QStringLiteral("video.mp4"));
        exporter.startLocal(state, {}, &cache, video);
        QVERIFY(finished.wait(120000));
        QVERIFY2(exporter.phase() == render::Exporter::Phase::Done, qPrintable(exporter.error().message()));
        QVERIFY2(notices.contains(QStringLiteral("Getting the media ready: 1 of 1 downloaded…")),
                 qPrintable(notices.join(QLatin1Char('|'))));
        QVERIFY2(std::abs(lengthOf(video) - 30.0) <= 1.0 / 30 + 0.03,
                 qPrintable(QString::number(lengthOf(video))));
        // Its last frame held: the picture at 29.9 s is the one at the clip's end (1.95 s), not black.
        const QImage last = frameAt(video, 1.95);
        const QImage held = frameAt(video, 29.9);
        QVERIFY2(difference(last, held, 0, 90) < 6,
                 qPrintable(QString::number(difference(last, held, 0, 90))));
        QImage black(160, 90, QImage::Format_RGB32);
        black.fill(Qt::black);
        QVERIFY(difference(held, black, 0, 90) > 20);

        // The preview.
        render::PreviewRenderer preview(&cache);
        preview.request(state, {});
        QTRY_COMPARE_WITH_TIMEOUT(preview.state(), render::PreviewRenderer::State::Ready, 120000);
        QVERIFY2(std::abs(lengthOf(preview.file()) - 30.0) <= 1.0 / 25 + 0.03,
                 qPrintable(QString::number(lengthOf(preview.file()))));

        // The project for Shotcut, rendered by melt.
        const QString project = out.filePath(QStringLiteral("edit.mlt"));
        QString error = QStringLiteral("not called");
        render::Exporter::writeProject(
            state, {}, &cache, project, this,
            [&](const QString &e, const QList<render::MissingSource> &) { error = e; });
        QTRY_VERIFY(error != QLatin1String("not called"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString rendered = out.filePath(QStringLiteral("from-melt.mp4"));
        int exitCode = -1;
        const QByteArray log =
            run(render::LocalRenderJob::meltProgram(),
                {project, QStringLiteral("-consumer"), QStringLiteral("avformat:") + rendered,
                 QStringLiteral("vcodec=libx264"), QStringLiteral("an=1")},
                &exitCode);
        QVERIFY2(exitCode == 0, log.constData());
        QVERIFY2(std::abs(lengthOf(rendered) - 30.0) <= 1.0 / 30 + 0.03,
                 qPrintable(QString::number(lengthOf(rendered))));
    }

    void cancelLeavesNoFile()
    {
        Edit edit;
        QVERIFY(edit.make(QStringLiteral("make a 60-second video with music")));
        QTemporaryDir out;
        const QString target = out.filePath(QStringLiteral("long.mp4"));
        render::Exporter exporter(edit.h.service.get());
        QSignalSpy finished(&exporter, &render::Exporter::finished);
        exporter.startLocal(edit.state, edit.bin, edit.cache.get(), target);
        QTRY_VERIFY_WITH_TIMEOUT(
            exporter.status().progress > 0 || QFileInfo(target + QStringLiteral(".part")).size() > 0, 60000);
        exporter.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(exporter.phase(), render::Exporter::Phase::Cancelled);
        QTRY_VERIFY(QDir(out.path()).isEmpty());
    }

    // The preview plays clips from preview-sized copies, made once in the background after a preview (the
    // first preview of a new clip does not wait for one) and kept in the media cache.
    void previewClipsGetSmallerCopiesInTheBackground()
    {
        Harness h;
        QTemporaryDir media;
        const QString clip = media.filePath(QStringLiteral("red.mp4"));
        int exitCode = -1;
        run(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"), QStringLiteral("lavfi"),
             QStringLiteral("-i"), QStringLiteral("color=c=red:size=1280x720:rate=30:duration=4"),
             QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), clip},
            &exitCode);
        QCOMPARE(exitCode, 0);
        auto upload = keep(h.service->upload({clip}));
        QVERIFY(finish(upload.get()) && !upload->error());
        media::MediaItem item;
        item.id = 1;
        item.path = clip;
        item.name = QStringLiteral("red.mp4");
        item.state = media::MediaItem::State::Uploaded;
        item.uploaded = upload->files().first();
        auto turn = keep(h.service->sendMessage(QStringLiteral("make a 4-second video")));
        QVERIFY(finish(turn.get()) && turn->hasStateAfter());
        QTemporaryDir cacheDir;
        media::MediaCache cache(h.service.get(), cacheDir.path());
        render::PreviewRenderer preview(&cache);
        QSignalSpy proxies(&preview, &render::PreviewRenderer::proxyReady);
        preview.request(turn->stateAfter(), {item});
        QTRY_COMPARE_WITH_TIMEOUT(preview.state(), render::PreviewRenderer::State::Ready, 60000);
        QCOMPARE(preview.sourceAt(1000).path, clip); // the first preview used the clip itself
        // Then the copy, at the preview's size.
        QVERIFY(proxies.wait(60000));
        const QString proxy = proxies.first().first().toString();
        QVERIFY(proxy.startsWith(cacheDir.path()));
        const QJsonObject info = probe(proxy);
        const QJsonObject video = info.value(QLatin1String("streams")).toArray().first().toObject();
        QCOMPARE(video.value(QLatin1String("height")).toInt(), 360);
        // The next edit plays from it, and shows the clip as it is.
        auto retitle = keep(h.service->sendMessage(QStringLiteral("add the title \"Red\"")));
        QVERIFY(finish(retitle.get()) && retitle->hasStateAfter());
        preview.request(retitle->stateAfter(), {item});
        QTRY_COMPARE_WITH_TIMEOUT(preview.state(), render::PreviewRenderer::State::Ready, 60000);
        QCOMPARE(preview.sourceAt(3500).path, proxy);
        const QImage frame = frameAt(preview.file(), 3.5);
        const QRgb middle = frame.pixel(80, 60);
        QVERIFY2(qRed(middle) > 200 && qGreen(middle) < 60 && qBlue(middle) < 60,
                 qPrintable(QColor(middle).name()));
        QCOMPARE(proxies.size(), 1); // made once
    }

    void projectForShotcutPlaysInMelt()
    {
        Edit edit;
        QVERIFY(edit.make(QStringLiteral("make a 6-second video titled \"Hand Off\" with music")));
        QTemporaryDir out;
        const QString project = out.filePath(QStringLiteral("edit.mlt"));
        QString error = QStringLiteral("not called");
        QList<render::MissingSource> missing;
        render::Exporter::writeProject(edit.state, edit.bin, edit.cache.get(), project, this,
                                       [&](const QString &e, const QList<render::MissingSource> &m) {
                                           error = e;
                                           missing = m;
                                       });
        QTRY_VERIFY(error != QLatin1String("not called"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(missing.isEmpty());
        QFile file(project);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray xml = file.readAll();
        // Absolute paths to the local copies.
        for (const media::MediaItem &item : edit.bin)
            QVERIFY2(xml.contains(QFile::encodeName(item.path)), qPrintable(item.path));
        int exitCode = -1;
        const QString video = out.filePath(QStringLiteral("from-melt.mp4"));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        const QByteArray log = run(render::LocalRenderJob::meltProgram(),
                                   {project, QStringLiteral("-consumer"), QStringLiteral("avformat:") + video,
                                    QStringLiteral("vcodec=libx264"), QStringLiteral("acodec=aac")},
                                   &exitCode);
        QVERIFY2(exitCode == 0, log.constData());
        const double length = probe(video)
                                  .value(QLatin1String("format"))
                                  .toObject()
                                  .value(QLatin1String("duration"))
                                  .toString()
                                  .toDouble();
        QVERIFY(std::abs(length - edit.state.draft.durationMs() / 1000.0) < 0.1);
    }
};

QTEST_GUILESS_MAIN(TestLocalRender)
#include "tst_localrender.moc"
