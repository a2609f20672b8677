// The draft → MLT mapping on its own: the briefs' three-track example, drafts of the local server, other
// key names, and weird drafts (strings for numbers, unknown track types, missing fields, overlaps,
// empty or negative lengths, 10,000 segments). Checked by reading the XML back.
#include "render/mltdocument.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using nemo::draft::Draft;
using nemo::render::MltDocument;

namespace {

// JSON written with single quotes, for legibility.
QByteArray json(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

struct Element
{
    QString name;
    QHash<QString, QString> attributes;
    QHash<QString, QString> properties;
};

// Every producer, playlist entry/blank, track and transition, in document order.
QList<Element> elements(const QByteArray &xml, QString *error = nullptr)
{
    QList<Element> out;
    QXmlStreamReader reader(xml);
    QList<int> open;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            if (reader.name() == QLatin1String("property") && !open.isEmpty()) {
                const QString name = reader.attributes().value(QLatin1String("name")).toString();
                out[open.last()].properties.insert(name, reader.readElementText());
                continue;
            }
            Element element;
            element.name = reader.name().toString();
            for (const QXmlStreamAttribute &attribute : reader.attributes())
                element.attributes.insert(attribute.name().toString(), attribute.value().toString());
            out.append(element);
            open.append(int(out.size() - 1));
        } else if (reader.isEndElement()) {
            if (!open.isEmpty())
                open.removeLast();
        }
    }
    if (error && reader.hasError())
        *error = reader.errorString();
    return out;
}

QList<Element> named(const QList<Element> &all, const char *name, const char *service = nullptr)
{
    QList<Element> out;
    for (const Element &element : all) {
        if (element.name == QLatin1String(name) &&
            (!service || element.properties.value(QStringLiteral("mlt_service")) == QLatin1String(service)))
            out.append(element);
    }
    return out;
}

QString touch(const QTemporaryDir &dir, const QString &name)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write("x");
    return path;
}

} // namespace

class TestMltDocument final : public QObject
{
    Q_OBJECT

private slots:
    void briefExample()
    {
        QFile file(QStringLiteral(NEMO_TEST_DATA_DIR "/draft_brief.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        // Give the two media segments sources on this computer.
        QJsonArray tracks = object.value(QLatin1String("t")).toArray();
        QJsonObject video = tracks.at(0).toObject();
        QJsonArray segments = video.value(QLatin1String("sg")).toArray();
        QJsonObject clip = segments.at(0).toObject();
        clip.insert(QStringLiteral("src"), QStringLiteral("https://cdn.example.com/city.mp4"));
        segments.replace(0, clip);
        video.insert(QStringLiteral("sg"), segments);
        tracks.replace(0, video);
        QJsonObject music = tracks.at(1).toObject();
        QJsonArray musicSegments = music.value(QLatin1String("sg")).toArray();
        QJsonObject song = musicSegments.at(0).toObject();
        song.insert(QStringLiteral("src"), QStringLiteral("/mnt/userdata/anon_1/lofi.mp3"));
        musicSegments.replace(0, song);
        music.insert(QStringLiteral("sg"), musicSegments);
        tracks.replace(1, music);
        object.insert(QStringLiteral("t"), tracks);
        QTemporaryDir dir;
        const QHash<QString, QString> local{
            {QStringLiteral("https://cdn.example.com/city.mp4"), touch(dir, QStringLiteral("city.mp4"))},
            {QStringLiteral("/mnt/userdata/anon_1/lofi.mp3"), touch(dir, QStringLiteral("lofi.mp3"))}};
        const MltDocument doc =
            MltDocument::fromDraft(Draft::fromJson(object), local, MltDocument::Options());
        QString error;
        const QList<Element> all = elements(doc.xml(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(doc.size(), QSize(1920, 1080));
        QCOMPARE(doc.frames(), 300); // 10 s at 30 fps
        QVERIFY(doc.missing().isEmpty());
        const Element profile = named(all, "profile").first();
        QCOMPARE(profile.attributes.value(QStringLiteral("frame_rate_num")), QStringLiteral("30"));
        QCOMPARE(profile.attributes.value(QStringLiteral("display_aspect_num")), QStringLiteral("16"));
        const QList<Element> clips = named(all, "producer", "avformat");
        QCOMPARE(clips.size(), 2);
        QCOMPARE(clips.at(0).properties.value(QStringLiteral("resource")),
                 local.value(QStringLiteral("https://cdn.example.com/city.mp4")));
        QCOMPARE(clips.at(0).attributes.value(QStringLiteral("out")), QStringLiteral("299"));
        // The music at its level.
        const QList<Element> volume = named(all, "filter", "volume");
        QCOMPARE(volume.size(), 1);
        QCOMPARE(volume.first().properties.value(QStringLiteral("gain")).toDouble(), 0.35);
        // The title: 3 s, its words, the bundled font, composited above the picture.
        const QList<Element> titles = named(all, "producer", "pango");
        QCOMPARE(titles.size(), 1);
        QCOMPARE(titles.first().properties.value(QStringLiteral("text")), QStringLiteral("Urban Dreams"));
        QCOMPARE(titles.first().properties.value(QStringLiteral("family")), QStringLiteral("DejaVu Sans"));
        QCOMPARE(titles.first().attributes.value(QStringLiteral("out")), QStringLiteral("89"));
        const QList<Element> tracksOut = named(all, "track");
        // The video is the ground (black where it has no picture), the title over it, the music mixed in.
        QCOMPARE(tracksOut.size(), 3); // video, title, music
        QCOMPARE(tracksOut.at(0).attributes.value(QStringLiteral("producer")), QStringLiteral("video0"));
        QCOMPARE(tracksOut.at(1).attributes.value(QStringLiteral("producer")), QStringLiteral("title1"));
        QCOMPARE(tracksOut.at(2).attributes.value(QStringLiteral("hide")), QStringLiteral("video"));
        const QList<Element> composites = named(all, "transition", "composite");
        QCOMPARE(composites.size(), 1);
        QCOMPARE(composites.first().properties.value(QStringLiteral("b_track")), QStringLiteral("1"));
        const QList<Element> mixes = named(all, "transition", "mix");
        QCOMPARE(mixes.size(), 1);
        QCOMPARE(mixes.first().properties.value(QStringLiteral("b_track")), QStringLiteral("2"));
        QVERIFY(doc.xml().contains("LC_NUMERIC=\"C\""));
    }

    void photosAreStillsOfTheirLength()
    {
        QTemporaryDir dir;
        const Draft draft =
            Draft::fromBytes(json("{'t':[{'tt':0,'sg':[{'st':0,'d':3000,'src':'https://x.example/a.jpg'},"
                                  "{'st':'3000','d':'2500','src':'https://x.example/"
                                  "b.png'},{'st':7000,'d':1000,'src':'https://x.example/a.jpg'}]}]}"));
        const QHash<QString, QString> local{
            {QStringLiteral("https://x.example/a.jpg"), touch(dir, QStringLiteral("a.jpg"))},
            {QStringLiteral("https://x.example/b.png"), touch(dir, QStringLiteral("b.png"))}};
        const MltDocument doc = MltDocument::fromDraft(draft, local, MltDocument::Options());
        const QList<Element> all = elements(doc.xml());
        const QList<Element> stills = named(all, "producer", "pixbuf");
        QCOMPARE(stills.size(), 3);
        QCOMPARE(stills.at(0).properties.value(QStringLiteral("length")), QStringLiteral("90"));
        QCOMPARE(stills.at(1).properties.value(QStringLiteral("length")), QStringLiteral("75"));
        // The gap between 5.5 s and 7 s is black: the lowest picture lane is the ground.
        QVERIFY(named(all, "blank").isEmpty());
        QList<Element> black;
        for (const Element &e : named(all, "entry")) {
            if (e.attributes.value(QStringLiteral("producer")) == QLatin1String("black"))
                black.append(e);
        }
        QCOMPARE(black.size(), 1);
        QCOMPARE(black.first().attributes.value(QStringLiteral("out")), QStringLiteral("44")); // 45 frames
        QCOMPARE(doc.frames(), 240);
    }

    // A clip's in-point reaches its producer and its playlist entry: the picture starts inside the file.
    void aClipStartsAtItsInPoint()
    {
        QTemporaryDir dir;
        const QString clip = touch(dir, QStringLiteral("clip.mp4"));
        const nemo::draft::Draft draft = nemo::draft::Draft::fromBytes(
            "{\"t\":[{\"tt\":0,\"sg\":[{\"st\":0,\"d\":2000,\"in\":3000,\"src\":\"https://cdn.example.com/"
            "clip.mp4\",\"m\":{\"volume\":0.5,\"fade_in\":500,\"fade_out\":1000}}]}]}");
        const MltDocument doc = MltDocument::fromDraft(
            draft, {{QStringLiteral("https://cdn.example.com/clip.mp4"), clip}}, MltDocument::Options());
        QCOMPARE(MltDocument::sourceStartMs(draft.tracks().first().segments.first()), 3000);
        const QList<Element> all = elements(doc.xml());
        const QList<Element> producers = named(all, "producer", "avformat");
        QCOMPARE(producers.size(), 1);
        QCOMPARE(producers.first().attributes.value(QStringLiteral("in")), QStringLiteral("90"));
        QCOMPARE(producers.first().attributes.value(QStringLiteral("out")), QStringLiteral("149"));
        const QList<Element> entries = named(all, "entry");
        QVERIFY(std::any_of(entries.cbegin(), entries.cend(), [](const Element &e) {
            return e.attributes.value(QStringLiteral("in")) == QLatin1String("90") &&
                e.attributes.value(QStringLiteral("out")) == QLatin1String("149");
        }));
        // Its volume and its fades, counted in the producer's own frames (from its in-point).
        QVERIFY(doc.xml().contains("<property name=\"gain\">0.5000</property>"));
        QVERIFY2(doc.xml().contains("<property name=\"level\">90=-60;104=0;120=0;149=-60</property>"),
                 doc.xml().constData());
        QVERIFY(doc.xml().contains("<property name=\"level\">90=0;104=1;120=1;149=0</property>"));
    }

    void titlesAloneAreOverBlack()
    {
        const Draft draft =
            Draft::fromBytes(json("{'t':[{'tt':7,'sg':[{'st':1000,'d':2000,'m':{'text':'Hi'}}]}]}"));
        const MltDocument doc = MltDocument::fromDraft(draft, {}, MltDocument::Options());
        const QList<Element> all = elements(doc.xml());
        const QList<Element> tracksOut = named(all, "track");
        QCOMPARE(tracksOut.size(), 2); // black, then the title over it
        QCOMPARE(tracksOut.first().attributes.value(QStringLiteral("producer")),
                 QStringLiteral("background"));
        QCOMPARE(named(all, "transition", "composite").size(), 1);
        QCOMPARE(named(all, "blank").size(), 1); // the title's lane keeps its gap
    }

    void canvasFromTheStateWhenTheDraftIsSilent()
    {
        QTemporaryDir dir;
        const Draft draft = Draft::fromBytes(json("{'t':[{'tt':0,'sg':[{'st':0,'d':1000,'src':'s'}]}]}"));
        const MltDocument portrait = MltDocument::fromDraft(
            draft, {{QStringLiteral("s"), touch(dir, QStringLiteral("s.jpg"))}}, MltDocument::Options(),
            QJsonDocument::fromJson(json("{'width':1080,'height':1920}")).object());
        QCOMPARE(portrait.size(), QSize(1080, 1920));
        MltDocument::Options small;
        small.size = QSize(641, 361); // odd sizes become even
        QCOMPARE(MltDocument::fromDraft(draft, {}, small).size(), QSize(640, 360));
    }

    void missingSourcesAreNamed()
    {
        const Draft draft = Draft::fromBytes(
            json("{'t':[{'tt':0,'n':'Video','sg':[{'st':0,'d':1000,'src':'https://x.example/a.jpg'},"
                 "{'st':1000,'d':1000,'src':'/mnt/userdata/u/photo7.jpg','m':{'name':'/mnt/userdata/u/"
                 "photo7.jpg'}},"
                 "{'st':2000,'d':1000,'src':'https://x.example/c.jpg'}]}]}"));
        QTemporaryDir dir;
        const MltDocument doc = MltDocument::fromDraft(
            draft,
            {{QStringLiteral("https://x.example/a.jpg"), touch(dir, QStringLiteral("a.jpg"))},
             {QStringLiteral("https://x.example/c.jpg"), dir.filePath(QStringLiteral("gone.jpg"))}},
            MltDocument::Options());
        QCOMPARE(doc.missing().size(), 2);
        QCOMPARE(doc.missing().first().message(),
                 QStringLiteral("segment 2 of Video: photo7.jpg is no longer on this computer"));
        QCOMPARE(doc.missing().at(1).segment, 3);
        QCOMPARE(named(elements(doc.xml()), "producer", "pixbuf").size(), 1);
        QCOMPARE(doc.frames(), 90); // the length stays the draft's
    }

    void weirdDrafts_data()
    {
        QTest::addColumn<QByteArray>("draft");
        QTest::addColumn<int>("producers");
        QTest::addColumn<int>("notes");
        QTest::newRow("unknown track type") << json("{'t':[{'tt':5,'n':'Stickers','sg':[{'st':0,'d':1000}]},"
                                                    "{'tt':0,'sg':[{'st':0,'d':1000,'src':'a'}]}]}")
                                            << 1 << 1;
        QTest::newRow("zero and negative lengths")
            << json("{'t':[{'tt':0,'sg':[{'st':0,'d':0,'src':'a'},"
                    "{'st':0,'d':-5,'src':'a'},{'st':0,'d':500,'src':'a'}]}]}")
            << 1 << 1;
        QTest::newRow("missing fields")
            << json("{'t':[{'sg':[{}]},{'tt':0},{'tt':0,'sg':[{'d':1000,'src':'a'}]}]}") << 1
            << 1; // the track without a type is named in a note
        QTest::newRow("strings for numbers")
            << json("{'t':[{'tt':'0','sg':[{'st':'0','d':'1000','src':'a'}]}]}") << 1 << 0;
        QTest::newRow("other key names")
            << json("{'t':[{'tt':'video','sg':[{'start':0,'duration':2000,'url':'a'}]},"
                    "{'tt':'text','sg':[{'s':0,'dur':1000,'content':'Hi'}]}]}")
            << 2 << 0;
        QTest::newRow("not a draft") << json("[1,2,3]") << 0 << 0;
        QTest::newRow("empty title text")
            << json("{'t':[{'tt':7,'sg':[{'st':0,'d':1000,'m':{'text':'  '}}]}]}") << 0 << 0;
    }

    void weirdDrafts()
    {
        QFETCH(QByteArray, draft);
        QFETCH(int, producers);
        QFETCH(int, notes);
        QTemporaryDir dir;
        const MltDocument doc = MltDocument::fromDraft(
            Draft::fromBytes(draft), {{QStringLiteral("a"), touch(dir, QStringLiteral("a.png"))}},
            MltDocument::Options());
        QString error;
        elements(doc.xml(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(doc.producerCount(), producers);
        QCOMPARE(int(doc.notes().size()), notes);
        QVERIFY(doc.frames() >= 1);
    }

    void overlapsGetTheirOwnLane()
    {
        QTemporaryDir dir;
        const Draft draft =
            Draft::fromBytes(json("{'t':[{'tt':0,'sg':[{'st':0,'d':4000,'src':'a'},"
                                  "{'st':2000,'d':4000,'src':'a'},{'st':4000,'d':1000,'src':'a'}]}]}"));
        const MltDocument doc = MltDocument::fromDraft(
            draft, {{QStringLiteral("a"), touch(dir, QStringLiteral("a.jpg"))}}, MltDocument::Options());
        const QList<Element> all = elements(doc.xml());
        QCOMPARE(doc.producerCount(), 3);           // nothing dropped
        QCOMPARE(named(all, "playlist").size(), 3); // main_bin, two lanes (the first is the ground)
        QCOMPARE(doc.frames(), 180);
    }

    void textIsEscaped()
    {
        const Draft draft = Draft::fromBytes(
            json("{'t':[{'tt':7,'sg':[{'st':0,'d':1000,'m':{'text':'<b>Tom & \\\"Jerry\\\"</b>'}}]}]}"));
        const MltDocument doc = MltDocument::fromDraft(draft, {}, MltDocument::Options());
        QString error;
        const QList<Element> all = elements(doc.xml(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(named(all, "producer", "pango").first().properties.value(QStringLiteral("text")),
                 QStringLiteral("<b>Tom & \"Jerry\"</b>"));
    }

    void tenThousandSegments()
    {
        QJsonArray segments;
        for (int i = 0; i < 10000; ++i)
            segments.append(QJsonObject{{QStringLiteral("st"), i * 500},
                                        {QStringLiteral("d"), 500},
                                        {QStringLiteral("src"), QStringLiteral("a")}});
        const Draft draft = Draft::fromJson(QJsonObject{
            {QStringLiteral("t"),
             QJsonArray{QJsonObject{{QStringLiteral("tt"), 0}, {QStringLiteral("sg"), segments}}}}});
        QTemporaryDir dir;
        QElapsedTimer clock;
        clock.start();
        const MltDocument doc = MltDocument::fromDraft(
            draft, {{QStringLiteral("a"), touch(dir, QStringLiteral("a.jpg"))}}, MltDocument::Options());
        QCOMPARE(doc.producerCount(), 10000);
        QCOMPARE(doc.frames(), 150000);
        qInfo("10,000 segments mapped in %lld ms", clock.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestMltDocument)
#include "tst_mltdocument.moc"
