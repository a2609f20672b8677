// The draft model: tolerant decoding of t/tt/sg/d/m, unknown keys kept, the briefs' summary.
#include "draft/draft.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using nemo::draft::Draft;
using nemo::draft::TrackKind;

namespace {

QByteArray readData(const char *name)
{
    QFile file(QStringLiteral(NEMO_TEST_DATA_DIR "/") + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

class TestDraft final : public QObject
{
    Q_OBJECT

private slots:
    void briefSummary()
    {
        const Draft draft = Draft::fromBytes(readData("draft_brief.json"));
        QCOMPARE(
            draft.summary(),
            QStringLiteral("Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) "
                           "3. Title: \"Urban Dreams\" (0-3s)"));
        QCOMPARE(draft.tracks().size(), 3);
        QCOMPARE(draft.tracks().at(0).kind, TrackKind::Video);
        QCOMPARE(draft.tracks().at(1).kind, TrackKind::Audio);
        QCOMPARE(draft.tracks().at(2).kind, TrackKind::Text);
        QCOMPARE(draft.durationMs(), 10000);
        QCOMPARE(draft.title(), QStringLiteral("Urban Dreams"));
        QVERIFY(draft.isExportable());
        QCOMPARE(draft.tracks().at(1).segments.first().volume, 0.35);
        QCOMPARE(draft.tracks().at(2).segments.first().text, QStringLiteral("Urban Dreams"));
    }

    // A volume is a fraction (0.35) or a percentage (35): 1 is the whole (100%), and so is 100.
    void volumeAsFractionOrPercentage_data()
    {
        QTest::addColumn<QByteArray>("volume");
        QTest::addColumn<double>("expected");
        QTest::newRow("fraction") << QByteArray("0.35") << 0.35;
        QTest::newRow("whole as a fraction") << QByteArray("1") << 1.0;
        QTest::newRow("whole as a percentage") << QByteArray("100") << 1.0;
        QTest::newRow("percentage") << QByteArray("35") << 0.35;
        QTest::newRow("silent") << QByteArray("0") << 0.0;
        QTest::newRow("louder, as a percentage") << QByteArray("150") << 1.5;
    }

    void volumeAsFractionOrPercentage()
    {
        QFETCH(QByteArray, volume);
        QFETCH(double, expected);
        const Draft draft = Draft::fromBytes(
            "{\"t\":[{\"tt\":1,\"sg\":[{\"st\":0,\"d\":1000,\"m\":{\"volume\":" + volume + "}}]}]}");
        QCOMPARE(draft.tracks().first().segments.first().volume, expected);
    }

    // A declared length of 0 is no length: the content's end counts.
    void aZeroLengthIsNotTrusted()
    {
        const Draft draft = Draft::fromBytes(R"({"d":0,"t":[{"tt":0,"sg":[{"st":1000,"d":2500}]}]})");
        QCOMPARE(draft.durationMs(), 3500);
        QVERIFY(!draft.hasDeclaredDuration());
        QCOMPARE(Draft::fromBytes(R"({"d":9000,"t":[{"tt":0,"sg":[{"st":0,"d":2500}]}]})").durationMs(),
                 9000);
    }

    // A title whose words are only in m.title is still that title.
    void aTitleFromItsMetadataTitle()
    {
        const Draft draft =
            Draft::fromBytes(R"({"t":[{"tt":7,"sg":[{"st":0,"d":3000,"m":{"title":"Sunrise"}}]}]})");
        const nemo::draft::Segment &title = draft.tracks().first().segments.first();
        QCOMPARE(title.text, QStringLiteral("Sunrise"));
        QCOMPARE(title.label, QStringLiteral("Sunrise"));
        QVERIFY(draft.summary().contains(QLatin1String("\"Sunrise\"")));
    }

    // A clip whose file is named only in its metadata (m.src, m.url) is still that file; the segment's
    // own key wins where both are given.
    void aSourceFromItsMetadata()
    {
        const Draft draft = Draft::fromBytes(
            R"({"t":[{"tt":0,"sg":[{"st":0,"d":1000,"m":{"src":"a.jpg"}},{"st":1000,"d":1000,"m":{"url":"b.mp4"}},)"
            R"({"st":2000,"d":1000,"src":"c.png","m":{"src":"not-this.png"}}]}]})");
        const QList<nemo::draft::Segment> &segments = draft.tracks().first().segments;
        QCOMPARE(segments.size(), 3);
        QCOMPARE(segments.at(0).source, QStringLiteral("a.jpg"));
        QCOMPARE(segments.at(1).source, QStringLiteral("b.mp4"));
        QCOMPARE(segments.at(2).source, QStringLiteral("c.png"));
    }

    // Where a clip starts inside its media is read from the keys seen in drafts.
    void inPointsAndTheirSpellings_data()
    {
        QTest::addColumn<QByteArray>("segment");
        QTest::addColumn<qint64>("in");
        QTest::newRow("in") << QByteArray(R"("in":2000)") << qint64(2000);
        QTest::newRow("trim_start") << QByteArray(R"("trim_start":1500)") << qint64(1500);
        QTest::newRow("sourceStart in m") << QByteArray(R"("m":{"sourceStart":750})") << qint64(750);
        QTest::newRow("none") << QByteArray(R"("x":1)") << qint64(0);
        QTest::newRow("negative") << QByteArray(R"("in":-40)") << qint64(0);
    }

    void inPointsAndTheirSpellings()
    {
        QFETCH(QByteArray, segment);
        QFETCH(qint64, in);
        const Draft draft =
            Draft::fromBytes("{\"t\":[{\"tt\":0,\"sg\":[{\"st\":0,\"d\":1000," + segment + "}]}]}");
        QCOMPARE(draft.tracks().first().segments.first().inMs, in);
    }

    void unknownKeysAreKept()
    {
        const QByteArray bytes = readData("draft_brief.json");
        const Draft draft = Draft::fromBytes(bytes);
        QCOMPARE(draft.toJson(), QJsonDocument::fromJson(bytes).object());
        QVERIFY(draft.toJson()
                    .value(QLatin1String("future_key"))
                    .toObject()
                    .value(QLatin1String("kept"))
                    .toBool());
        QCOMPARE(draft.tracks().first().segments.first().raw().value(QLatin1String("fx")).toString(),
                 QStringLiteral("zoom"));
    }

    void emptyAndMissing_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("t not array") << QByteArray("{\"t\":{\"a\":1}}");
        QTest::newRow("t empty") << QByteArray("{\"t\":[]}");
        QTest::newRow("tracks not objects") << QByteArray("{\"t\":[1,\"x\",null,[]]}");
        QTest::newRow("sg missing") << QByteArray("{\"t\":[{\"tt\":0}]}");
        QTest::newRow("sg wrong type") << QByteArray("{\"t\":[{\"tt\":0,\"sg\":\"x\"}]}");
        QTest::newRow("segments not objects") << QByteArray("{\"t\":[{\"tt\":0,\"sg\":[1,true,null]}]}");
        QTest::newRow("garbage") << QByteArray("\x01\x02not json");
    }

    void emptyAndMissing()
    {
        QFETCH(QByteArray, json);
        const Draft draft = Draft::fromBytes(json);
        QVERIFY(draft.isEmpty());
        QVERIFY(!draft.isExportable());
        QVERIFY(!draft.summary().isEmpty());
    }

    void wrongTypesReadAsAbsent()
    {
        const Draft draft = Draft::fromJson(
            object("{\"d\":\"soon\",\"t\":[{\"tt\":\"0\",\"n\":42,\"sg\":[{\"st\":\"1500\",\"d\":-5,"
                   "\"m\":\"not an object\"},{\"st\":1e300,\"d\":{\"x\":1}}]}]}"));
        QCOMPARE(draft.tracks().size(), 1);
        QCOMPARE(draft.tracks().first().kind, TrackKind::Video);
        QCOMPARE(draft.tracks().first().name, QStringLiteral("42"));
        QCOMPARE(draft.tracks().first().segments.at(0).startMs, 1500);
        QCOMPARE(draft.tracks().first().segments.at(0).durationMs, 0);
        QVERIFY(draft.tracks().first().segments.at(1).startMs <= 1000LL * 3600 * 100);
        QVERIFY(draft.isExportable());
    }

    void alternativeKeys()
    {
        const Draft draft =
            Draft::fromJson(object("{\"t\":[{\"tt\":\"audio\",\"name\":\"Music\",\"sg\":[{\"start\":1000,"
                                   "\"end\":4000,\"volume\":50,\"url\":\"https://cdn/x/song.mp3\"}]},"
                                   "{\"tt\":3,\"sg\":[{\"s\":0,\"duration\":2500,\"n\":\"Sticker\"}]}]}"));
        const auto &audio = draft.tracks().at(0);
        QCOMPARE(audio.kind, TrackKind::Audio);
        QCOMPARE(audio.segments.first().startMs, 1000);
        QCOMPARE(audio.segments.first().durationMs, 3000);
        QCOMPARE(audio.segments.first().volume, 0.5);
        QCOMPARE(audio.segments.first().label, QStringLiteral("song.mp3"));
        QCOMPARE(draft.tracks().at(1).kind, TrackKind::Other);
        QCOMPARE(draft.durationMs(), 4000);
        QCOMPARE(
            draft.summary(),
            QStringLiteral(
                "Timeline (2 tracks): 1. Music: song.mp3 (1-4s, 50%) 2. Track type 3: Sticker (0-2.5s)"));
    }

    void sandboxPathsByFileName_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("shown");
        QTest::newRow("sandbox") << "/mnt/userdata/anon_1/photo7.jpg"
                                 << "photo7.jpg";
        QTest::newRow("link") << "https://cdn.example.com/a/b/clip.mp4?x=1"
                              << "clip.mp4";
        QTest::newRow("absolute path") << "/srv/media/song.mp3"
                                       << "song.mp3";
        QTest::newRow("words") << "City at night / day"
                               << "City at night / day";
        QTest::newRow("plain name") << "photo1.jpg"
                                    << "photo1.jpg";
    }

    void sandboxPathsByFileName()
    {
        QFETCH(QString, given);
        QFETCH(QString, shown);
        QCOMPARE(Draft::displayName(given), shown);
        const Draft draft = Draft::fromJson(
            object(QStringLiteral("{\"t\":[{\"tt\":0,\"sg\":[{\"st\":0,\"d\":1000,\"src\":\"%1\","
                                  "\"m\":{\"name\":\"%1\"}}]}]}")
                       .arg(given)
                       .toUtf8()));
        QCOMPARE(draft.tracks().first().segments.first().label, shown);
        QCOMPARE(draft.tracks().first().segments.first().source, given); // the source itself is kept
        QVERIFY(!draft.summary().contains(QLatin1String("/mnt/")));
    }

    void summaryOfManySegments()
    {
        QJsonArray segments;
        for (int i = 0; i < 6; ++i)
            segments.append(
                QJsonObject{{QStringLiteral("st"), i * 2000},
                            {QStringLiteral("d"), 2000},
                            {QStringLiteral("m"),
                             QJsonObject{{QStringLiteral("name"), QStringLiteral("p%1.jpg").arg(i)}}}});
        const Draft draft = Draft::fromJson(QJsonObject{
            {QStringLiteral("t"),
             QJsonArray{QJsonObject{{QStringLiteral("tt"), 0}, {QStringLiteral("sg"), segments}}}}});
        QCOMPARE(draft.summary(),
                 QStringLiteral("Timeline (1 track): 1. Video: p0.jpg, p1.jpg, p2.jpg + 3 more (0-12s)"));
        QCOMPARE(Draft::fromJson(QJsonObject()).summary(), QStringLiteral("Timeline is empty"));
    }

    void formatting()
    {
        QCOMPARE(Draft::formatSeconds(0), QStringLiteral("0"));
        QCOMPARE(Draft::formatSeconds(10000), QStringLiteral("10"));
        QCOMPARE(Draft::formatSeconds(2500), QStringLiteral("2.5"));
        QCOMPARE(Draft::formatSeconds(1234), QStringLiteral("1.23"));
        QCOMPARE(Draft::formatVolume(0.35), QStringLiteral("35%"));
    }

    void hugeDraft()
    {
        QJsonArray segments;
        for (int i = 0; i < 10000; ++i) {
            segments.append(
                QJsonObject{{QStringLiteral("id"), QStringLiteral("s%1").arg(i)},
                            {QStringLiteral("st"), i * 100},
                            {QStringLiteral("d"), 100},
                            {QStringLiteral("m"),
                             QJsonObject{{QStringLiteral("name"), QStringLiteral("clip%1.mp4").arg(i)}}}});
        }
        const QByteArray bytes =
            QJsonDocument(QJsonObject{{QStringLiteral("t"),
                                       QJsonArray{QJsonObject{{QStringLiteral("tt"), 0},
                                                              {QStringLiteral("sg"), segments}}}}})
                .toJson(QJsonDocument::Compact);
        const Draft draft = Draft::fromBytes(bytes);
        QCOMPARE(draft.segmentCount(), 10000);
        QCOMPARE(draft.durationMs(), 1000000);
        QVERIFY(draft.summary().contains(QLatin1String("+ 9997 more")));
    }
};

QTEST_GUILESS_MAIN(TestDraft)
#include "tst_draft.moc"
