// The project handed to Shotcut, opened by the real Shotcut on a desktop of its own and saved again with
// Ctrl+S, as a person finishing the edit there would: every clip comes back on its track, at its start,
// with its in and out points and its file, within one frame of the draft — a photo, a clip shorter than
// its segment (it holds its last frame), a gap, an overlap on a track of its own, titles and music
// shorter than its slot. Skips (with the reason) where Shotcut is not installed; ./scripts/test
// installs it on Linux.
#include "mltclips.h"
#include "realprogram.h"
#include "render/exporter.h"
#include "requirements.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace nemo;
using nemo::test::MltClip;
using nemo::test::MltClips;

namespace {

constexpr auto Cdn = "https://cdn.example.com/u/";

bool ffmpeg(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("ffmpeg"),
                  QStringList{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y")} +
                      arguments);
    return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit &&
        process.exitCode() == 0;
}

struct Expected
{
    QString track;
    qint64 start;
    qint64 in;
    qint64 out;
    QString resource; // a file, or a title's words
};

} // namespace

class TestShotcut final : public QObject
{
    Q_OBJECT

private slots:
    void opensAndSavesAsTheTimelineShowsIt()
    {
        NEMO_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("shotcut")).isEmpty(),
                     "Shotcut is not installed here (Debian/Ubuntu: apt install shotcut)");
        NEMO_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty(),
                     "ffmpeg is not installed here (it makes the test's clip and music)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // The media: two photos (one portrait), a 3 s clip, 2 s of music.
        QImage landscape(640, 360, QImage::Format_RGB32);
        landscape.fill(QColor(40, 120, 200));
        QVERIFY(landscape.save(dir.filePath(QStringLiteral("photo1.jpg"))));
        QImage portrait(360, 640, QImage::Format_RGB32);
        portrait.fill(QColor(230, 150, 30));
        QVERIFY(portrait.save(dir.filePath(QStringLiteral("photo2.png"))));
        QVERIFY(ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                        QStringLiteral("testsrc=size=640x360:rate=30:duration=3"), QStringLiteral("-pix_fmt"),
                        QStringLiteral("yuv420p"), dir.filePath(QStringLiteral("clip.mp4"))}));
        QVERIFY(ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                        QStringLiteral("sine=frequency=440:duration=2"),
                        dir.filePath(QStringLiteral("music.mp3"))}));

        // The agent's draft, its sources the uploads of those files.
        auto segment = [](int start, int duration, const char *file) {
            return QJsonObject{{QStringLiteral("st"), start},
                               {QStringLiteral("d"), duration},
                               {QStringLiteral("src"), QString(QLatin1String(Cdn) + QLatin1String(file))}};
        };
        QJsonObject clip = segment(4000, 5000, "clip.mp4");
        clip.insert(QStringLiteral("in"), 1000); // from 1 s into its 3 s: 2 s of it, then its last frame
        auto title = [](int start, const char *words) {
            return QJsonObject{
                {QStringLiteral("st"), start},
                {QStringLiteral("d"), 3000},
                {QStringLiteral("m"), QJsonObject{{QStringLiteral("text"), QLatin1String(words)}}}};
        };
        const QJsonObject draftJson{
            {QStringLiteral("m"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Trip")}}},
            {QStringLiteral("t"),
             QJsonArray{QJsonObject{{QStringLiteral("tt"), 0},
                                    {QStringLiteral("n"), QStringLiteral("Video")},
                                    {QStringLiteral("sg"),
                                     QJsonArray{segment(0, 4000, "photo1.jpg"), clip,
                                                segment(10000, 3000, "photo2.png"),
                                                segment(11000, 1000, "photo1.jpg")}}},
                        QJsonObject{{QStringLiteral("tt"), 7},
                                    {QStringLiteral("n"), QStringLiteral("Titles")},
                                    {QStringLiteral("sg"),
                                     QJsonArray{title(0, "Hello #1 & <you>"), title(10000, "Bye")}}},
                        QJsonObject{{QStringLiteral("tt"), 1},
                                    {QStringLiteral("n"), QStringLiteral("Music")},
                                    {QStringLiteral("sg"), QJsonArray{segment(0, 13000, "music.mp3")}}}}}};
        agent::ProjectState state;
        state.draft = draft::Draft::fromJson(draftJson);
        QList<media::MediaItem> bin;
        for (const char *file : {"photo1.jpg", "photo2.png", "clip.mp4", "music.mp3"}) {
            media::MediaItem item;
            item.path = dir.filePath(QLatin1String(file));
            item.name = QLatin1String(file);
            item.state = media::MediaItem::State::Uploaded;
            item.uploaded.cdnUrl = QLatin1String(Cdn) + QLatin1String(file);
            item.uploaded.filename = QLatin1String(file);
            bin.append(item);
        }
        bin[2].uploaded.duration = 3;
        bin[3].uploaded.duration = 2;

        // Export Project for Shotcut, as the window and nemo-cli export --mlt do it.
        const QString path = dir.filePath(QStringLiteral("trip.mlt"));
        QString error = QStringLiteral("(not done)");
        QObject context;
        render::Exporter::writeProject(
            state, bin, nullptr, path, &context,
            [&error](const QString &problem, const QList<render::MissingSource> &missing) {
                error = problem;
                if (error.isEmpty() && !missing.isEmpty())
                    error = missing.first().message();
            });
        QTRY_VERIFY_WITH_TIMEOUT(error != QLatin1String("(not done)"), 10000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray ours = written.readAll();
        written.close();

        // Shotcut on its own desktop, with a throwaway settings folder.
        test::Desktop desktop;
        QString why;
        NEMO_REQUIRE(desktop.start(&why), why);
        QProcess shotcut;
        shotcut.setProcessEnvironment(desktop.environment(QProcessEnvironment::systemEnvironment()));
        shotcut.setProcessChannelMode(QProcess::MergedChannels);
        shotcut.start(QStringLiteral("shotcut"),
                      {QStringLiteral("--noupgrade"), QStringLiteral("--appdata"),
                       dir.filePath(QStringLiteral("appdata")), path});
        QVERIFY2(shotcut.waitForStarted(20000), qPrintable(shotcut.errorString()));
        auto stop = qScopeGuard([&shotcut] {
            shotcut.kill();
            shotcut.waitForFinished(10000);
        });
        QString window;
        QTRY_VERIFY2_WITH_TIMEOUT(
            !(window = desktop.window(QStringLiteral("^trip\\.mlt - Shotcut"))).isEmpty() ||
                shotcut.state() != QProcess::Running,
            qPrintable(desktop.windowManagerState()), 90000);
        QVERIFY2(!window.isEmpty(), qPrintable(QString::fromLocal8Bit(shotcut.readAll())));

        // Ctrl+S: Shotcut writes the project as it understood it.
        QVERIFY(desktop.key(window, QStringLiteral("ctrl+s")));
        QByteArray saved;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QFile file(path);
                if (!file.open(QIODevice::ReadOnly))
                    return false;
                saved = file.readAll();
                return saved != ours && saved.trimmed().endsWith("</mlt>");
            }(),
            30000);
        QVERIFY2(saved.contains("Shotcut"), saved.left(300).constData()); // written by Shotcut itself

        const MltClips timeline(saved, dir.path());
        QVERIFY2(timeline.ok(), qPrintable(timeline.error()));
        QCOMPARE(timeline.fps(), 30.0);
        QCOMPARE(timeline.tractorProperties().value(QStringLiteral("shotcut")), QStringLiteral("1"));
        QCOMPARE(timeline.trackIds().first(), QStringLiteral("background"));
        QCOMPARE(timeline.trackNames().mid(1),
                 (QStringList{QStringLiteral("Video"), QStringLiteral("Video 2"), QStringLiteral("Titles"),
                              QStringLiteral("Music")}));
        QVERIFY2(qAbs(timeline.tractorOut() - 389) <= 1, qPrintable(QString::number(timeline.tractorOut())));

        const QString photo1 = dir.filePath(QStringLiteral("photo1.jpg"));
        const QList<Expected> expected{
            {QStringLiteral("Video"), 0, 0, 119, photo1},
            {QStringLiteral("Video"), 120, 30, 179, dir.filePath(QStringLiteral("clip.mp4"))},
            {QStringLiteral("Video"), 300, 0, 89, dir.filePath(QStringLiteral("photo2.png"))},
            {QStringLiteral("Video 2"), 330, 0, 29, photo1},
            {QStringLiteral("Titles"), 0, 0, 89, QStringLiteral("Hello \\#1 & <you>")},
            {QStringLiteral("Titles"), 300, 0, 89, QStringLiteral("Bye")},
            {QStringLiteral("Music"), 0, 0, 389, dir.filePath(QStringLiteral("music.mp3"))},
        };
        QList<MltClip> clips = timeline.clips();
        QVERIFY(!clips.isEmpty());
        const MltClip black = clips.takeFirst();
        QCOMPARE(black.trackIndex, 0);
        QVERIFY2(qAbs(black.duration() - 390) <= 1, qPrintable(QString::number(black.duration())));
        QCOMPARE(clips.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const Expected &want = expected.at(i);
            const MltClip &got = clips.at(i);
            const QString where = QStringLiteral("clip %1 (%2 at %3): got %4 at %5, in %6, out %7, %8")
                                      .arg(i)
                                      .arg(want.track)
                                      .arg(want.start)
                                      .arg(got.track)
                                      .arg(got.start)
                                      .arg(got.in)
                                      .arg(got.out)
                                      .arg(got.text.isEmpty() ? got.resource : got.text);
            QVERIFY2(got.track == want.track, qPrintable(where));
            QVERIFY2(qAbs(got.start - want.start) <= 1, qPrintable(where));
            QVERIFY2(qAbs(got.in - want.in) <= 1, qPrintable(where));
            QVERIFY2(qAbs(got.out - want.out) <= 1, qPrintable(where));
            QVERIFY2((got.text.isEmpty() ? got.resource : got.text) == want.resource, qPrintable(where));
        }
        // The clip shorter than its segment still reaches the segment's end (its last frame held).
        QVERIFY2(clips.at(1).length >= clips.at(1).out + 1, qPrintable(QString::number(clips.at(1).length)));
        QVERIFY2(clips.at(6).length >= clips.at(6).out + 1, qPrintable(QString::number(clips.at(6).length)));
    }
};

QTEST_MAIN(TestShotcut)
#include "tst_shotcut.moc"
