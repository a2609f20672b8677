// The draft → OpenTimelineIO mapping: read back with the suite's own reader (tests/support/otioreader.h),
// every clip's track, start, in-point, duration and file compared with the draft; a clip shorter than its
// segment held as a freeze frame; and golden files for odd drafts (gaps and a declared length past the
// last segment, overlaps split into extra tracks, no ids, titles only, media that is not here).
// NEMO_UPDATE_GOLDEN=1 writes the golden files again from the current output (look at the diff).
#include "drafttext.h"
#include "otioreader.h"
#include "render/otiodocument.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using nemo::draft::Draft;
using nemo::render::MltDocument;
using nemo::render::OtioDocument;
using nemo::test::json;
using nemo::test::OtioClip;
using nemo::test::OtioReader;
using nemo::test::touch;

namespace {

// Every source of the draft, by its file name, as a file in `dir` (so that it is "on this computer").
QHash<QString, QString> filesFor(const Draft &draft, const QTemporaryDir &dir, const QStringList &absent = {})
{
    QHash<QString, QString> files;
    for (const nemo::draft::Track &track : draft.tracks()) {
        for (const nemo::draft::Segment &segment : track.segments) {
            const QString name = segment.source.section(QLatin1Char('/'), -1);
            if (!segment.source.isEmpty() && !absent.contains(name))
                files.insert(segment.source, touch(dir, name));
        }
    }
    return files;
}

} // namespace

class TestOtioDocument final : public QObject
{
    Q_OBJECT

private slots:
    void everyClipComesBackAsTheDraftHasIt()
    {
        QTemporaryDir dir;
        const Draft draft = Draft::fromBytes(json(
            "{'m':{'title':'Trip'},'t':["
            "{'tt':0,'n':'Video','sg':[{'id':'p1','st':0,'d':4000,'src':'https://c.example/u/photo1.jpg'},"
            "{'id':'c1','st':4000,'d':5000,'in':1000,'src':'https://c.example/u/"
            "clip.mp4','m':{'fade_in':500}},"
            "{'id':'p2','st':10000,'d':3000,'src':'https://c.example/u/photo2.png'},"
            "{'id':'p3','st':11000,'d':1000,'src':'https://c.example/u/photo1.jpg'}]},"
            "{'tt':7,'n':'Titles','sg':[{'id':'t1','st':0,'d':3000,'m':{'text':'Hello #1 & <you>'}}]},"
            "{'tt':1,'n':'Music','sg':[{'id':'m1','st':0,'d':13000,'src':'https://c.example/u/music.mp3',"
            "'m':{'volume':0.35}}]}]}"));
        MltDocument::Options options;
        options.mediaMs.insert(QStringLiteral("https://c.example/u/clip.mp4"), 3000); // 2 s of it, then held
        options.mediaMs.insert(QStringLiteral("https://c.example/u/music.mp3"), 60000); // longer than needed
        const QHash<QString, QString> files = filesFor(draft, dir);
        const OtioDocument doc = OtioDocument::fromDraft(draft, files, options);
        const OtioReader timeline(doc.json());
        QVERIFY2(timeline.ok(), qPrintable(timeline.error()));
        QCOMPARE(timeline.name(), QStringLiteral("Trip"));
        QCOMPARE(timeline.rate(), 30.0);
        QCOMPARE(timeline.trackNames(),
                 (QStringList{QStringLiteral("Video"), QStringLiteral("Video 2"), QStringLiteral("Titles"),
                              QStringLiteral("Music")}));
        QCOMPARE(timeline.trackKinds(),
                 (QStringList{QStringLiteral("Video"), QStringLiteral("Video"), QStringLiteral("Video"),
                              QStringLiteral("Audio")}));
        QCOMPARE(timeline.length(), 390); // 13 s
        QCOMPARE(timeline.trackLengths().first(), 390);

        // Every clip as the draft has it: track, start, in-point, duration, file (or words).
        struct Want
        {
            const char *track;
            qint64 start, in, duration;
            QString what;
            const char *id;
            bool frozen;
        };
        const QList<Want> want{
            {"Video", 0, 0, 120, files.value(QStringLiteral("https://c.example/u/photo1.jpg")), "p1", false},
            {"Video", 120, 30, 60, files.value(QStringLiteral("https://c.example/u/clip.mp4")), "c1", false},
            {"Video", 180, 89, 90, files.value(QStringLiteral("https://c.example/u/clip.mp4")), "c1", true},
            {"Video", 300, 0, 90, files.value(QStringLiteral("https://c.example/u/photo2.png")), "p2", false},
            {"Video 2", 330, 0, 30, files.value(QStringLiteral("https://c.example/u/photo1.jpg")), "p3",
             false},
            {"Titles", 0, 0, 90, QStringLiteral("Hello #1 & <you>"), "t1", false},
            {"Music", 0, 0, 390, files.value(QStringLiteral("https://c.example/u/music.mp3")), "m1", false},
        };
        const QList<OtioClip> clips = timeline.clips();
        QCOMPARE(clips.size(), want.size());
        for (qsizetype i = 0; i < want.size(); ++i) {
            const OtioClip &got = clips.at(i);
            const QString where = QStringLiteral("clip %1: %2 at %3 in %4 for %5 %6")
                                      .arg(i)
                                      .arg(got.track)
                                      .arg(got.start)
                                      .arg(got.in)
                                      .arg(got.duration)
                                      .arg(got.file + got.text);
            QVERIFY2(got.track == QLatin1String(want.at(i).track), qPrintable(where));
            QVERIFY2(got.start == want.at(i).start, qPrintable(where));
            QVERIFY2(got.in == want.at(i).in, qPrintable(where));
            QVERIFY2(got.duration == want.at(i).duration, qPrintable(where));
            QVERIFY2((got.text.isEmpty() ? got.file : got.text) == want.at(i).what, qPrintable(where));
            QVERIFY2(got.frozen == want.at(i).frozen, qPrintable(where));
            // The service's segment id, to match a file back to the draft.
            QCOMPARE(got.nemo.value(QLatin1String("segment_id")).toString(), QLatin1String(want.at(i).id));
        }
        // The media's own length where known (none for photos); the music's level and the clip's fade kept.
        QCOMPARE(clips.at(1).available, 90);
        QCOMPARE(clips.at(0).available, -1);
        QCOMPARE(clips.at(6).available, 1800);
        QCOMPARE(clips.at(6).nemo.value(QLatin1String("volume")).toDouble(), 0.35);
        QCOMPARE(clips.at(1).nemo.value(QLatin1String("fade_in_ms")).toDouble(), 500.0);
        QCOMPARE(clips.at(5).reference, QStringLiteral("GeneratorReference.1"));
        QVERIFY(doc.missing().isEmpty());
    }

    // The rate is the draft's own.
    void atTheDraftsRate()
    {
        QTemporaryDir dir;
        const Draft draft = Draft::fromBytes(
            json("{'m':{'fps':25},'t':[{'tt':0,'sg':[{'st':1000,'d':2000,'src':'a.jpg'}]}]}"));
        MltDocument::Options options;
        options.fps = draft.fps();
        const OtioReader timeline(OtioDocument::fromDraft(draft, filesFor(draft, dir), options).json());
        QVERIFY2(timeline.ok(), qPrintable(timeline.error()));
        QCOMPARE(timeline.rate(), 25.0);
        QCOMPARE(timeline.clips().first().start, 25);
        QCOMPARE(timeline.clips().first().duration, 50);
    }

    void goldenFiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("absent");
        QTest::newRow("gaps") << QStringLiteral("gaps") << QStringList();
        QTest::newRow("overlaps") << QStringLiteral("overlaps") << QStringList();
        QTest::newRow("no ids") << QStringLiteral("no_ids") << QStringList();
        QTest::newRow("titles only") << QStringLiteral("titles_only") << QStringList();
        QTest::newRow("missing media")
            << QStringLiteral("missing") << QStringList{QStringLiteral("gone.jpg")};
    }

    void goldenFiles()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, absent);
        const QDir data(QStringLiteral(NEMO_TEST_DATA_DIR "/otio"));
        QFile draftFile(data.filePath(name + QStringLiteral(".draft.json")));
        QVERIFY2(draftFile.open(QIODevice::ReadOnly), qPrintable(draftFile.fileName()));
        const Draft draft = Draft::fromBytes(draftFile.readAll());
        QTemporaryDir dir;
        MltDocument::Options options;
        options.fps = draft.fps();
        options.mediaMs.insert(QStringLiteral("https://c.example/u/clip.mp4"), 4000);
        const OtioDocument doc = OtioDocument::fromDraft(draft, filesFor(draft, dir, absent), options);
        const OtioReader timeline(doc.json());
        QVERIFY2(timeline.ok(), qPrintable(timeline.error()));
        QCOMPARE(timeline.length(), doc.frames()); // as long as the draft says
        QByteArray actual = doc.json();
        actual.replace(QUrl::fromLocalFile(dir.path()).toString(QUrl::FullyEncoded).toUtf8(),
                       "file://@MEDIA@");
        const QString goldenPath = data.filePath(name + QStringLiteral(".otio"));
        if (qEnvironmentVariableIsSet("NEMO_UPDATE_GOLDEN")) {
            QFile golden(goldenPath);
            QVERIFY(golden.open(QIODevice::WriteOnly));
            golden.write(actual);
        }
        QFile golden(goldenPath);
        QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(goldenPath));
        const QJsonDocument expected = QJsonDocument::fromJson(golden.readAll());
        QVERIFY(expected.isObject());
        if (QJsonDocument::fromJson(actual) != expected) {
            const QString written = QDir::temp().filePath(name + QStringLiteral(".actual.otio"));
            QFile out(written);
            if (out.open(QIODevice::WriteOnly))
                out.write(actual);
            QFAIL(qPrintable(
                QStringLiteral("%1 differs from %2 (written to %3)").arg(name, goldenPath, written)));
        }
    }
};

QTEST_GUILESS_MAIN(TestOtioDocument)
#include "tst_otiodocument.moc"
