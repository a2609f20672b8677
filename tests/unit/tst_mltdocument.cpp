// The draft → MLT mapping on its own: the briefs' three-track example, Shotcut's layout, the length rule
// (held clips, declared lengths), why media is missing, other key names, and weird drafts (strings for
// numbers, unknown track types, missing fields, overlaps, empty or negative lengths, 10,000 segments).
// Checked by reading the XML back (and as a timeline, with tests/support/mltclips.h).
#include "drafttext.h"
#include "mltclips.h"
#include "render/mltdocument.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using nemo::draft::Draft;
using nemo::render::MissingSource;
using nemo::render::MltDocument;
using nemo::test::json;
using nemo::test::MltClip;
using nemo::test::MltClips;
using nemo::test::touch;

namespace {

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
        // The music at its level: Shotcut's Gain filter, in dB (0.35 is -9.12 dB).
        const QList<Element> volume = named(all, "filter", "volume");
        QCOMPARE(volume.size(), 1);
        QCOMPARE(volume.first().properties.value(QStringLiteral("shotcut:filter")),
                 QStringLiteral("audioGain"));
        const double gain =
            std::pow(10.0, volume.first().properties.value(QStringLiteral("level")).toDouble() / 20.0);
        QVERIFY2(qAbs(gain - 0.35) < 1e-4, qPrintable(QString::number(gain)));
        // The title: 3 s, its words in Shotcut's "Text: Simple" filter over a transparent colour, the
        // bundled font, on the track above the picture.
        const QList<Element> texts = named(all, "filter", "dynamictext");
        QCOMPARE(texts.size(), 1);
        QCOMPARE(texts.first().properties.value(QStringLiteral("argument")), QStringLiteral("Urban Dreams"));
        QCOMPARE(texts.first().properties.value(QStringLiteral("family")), QStringLiteral("DejaVu Sans"));
        QCOMPARE(texts.first().properties.value(QStringLiteral("shotcut:filter")),
                 QStringLiteral("dynamicText"));
        const MltClips timeline(doc.xml());
        QVERIFY2(timeline.ok(), qPrintable(timeline.error()));
        // The background, the video, the title over it, the music.
        QCOMPARE(timeline.trackIds(),
                 (QStringList{QStringLiteral("background"), QStringLiteral("playlist0"),
                              QStringLiteral("playlist1"), QStringLiteral("playlist2")}));
        QCOMPARE(timeline.clips().size(), 4); // the black, the clip, the title, the song
        const MltClip title = timeline.clips().at(2);
        QCOMPARE(title.trackIndex, 2);
        QCOMPARE(title.service, QStringLiteral("color"));
        QCOMPARE(title.resource, QStringLiteral("#00000000"));
        QCOMPARE(title.duration(), 90);
        QCOMPARE(title.text, QStringLiteral("Urban Dreams"));
        QCOMPARE(timeline.clips().at(3).trackIndex, 3);
        QVERIFY(doc.xml().contains("LC_NUMERIC=\"C\""));
    }

    // Shotcut's own layout, convention by convention (each one matters: without `shotcut` on the main
    // tractor Shotcut opens the file as one clip; without the background track it stretches the first
    // clip of track 0 to the project's length).
    void shotcutLayout()
    {
        QTemporaryDir dir;
        const Draft draft = Draft::fromBytes(
            json("{'m':{'title':'Trip'},'t':[{'tt':0,'n':'Video','sg':[{'st':0,'d':2000,'src':'p'},"
                 "{'st':3000,'d':1000,'src':'c'}]},{'tt':7,'sg':[{'st':0,'d':1000,'m':{'text':'Hi'}}]},"
                 "{'tt':1,'n':'Music','sg':[{'st':0,'d':4000,'src':'m'}]}]}"));
        const MltDocument doc =
            MltDocument::fromDraft(draft,
                                   {{QStringLiteral("p"), touch(dir, QStringLiteral("p.jpg"))},
                                    {QStringLiteral("c"), touch(dir, QStringLiteral("c.mp4"))},
                                    {QStringLiteral("m"), touch(dir, QStringLiteral("m.mp3"))}},
                                   MltDocument::Options());
        const MltClips timeline(doc.xml());
        QVERIFY2(timeline.ok(), qPrintable(timeline.error()));
        QCOMPARE(timeline.rootAttribute(QStringLiteral("LC_NUMERIC")), QStringLiteral("C"));
        QVERIFY(timeline.rootAttribute(QStringLiteral("version")).startsWith(QLatin1String("7.")));
        QCOMPARE(timeline.rootAttribute(QStringLiteral("title")), QStringLiteral("Trip"));
        QCOMPARE(timeline.firstElement(), QStringLiteral("profile"));
        QCOMPARE(timeline.lastElement(), QStringLiteral("tractor"));
        QCOMPARE(timeline.tractorProperties().value(QStringLiteral("shotcut")), QStringLiteral("1"));
        QCOMPARE(timeline.tractorOut(), 119);
        // Track 0: the background, one black clip as long as the project.
        QCOMPARE(timeline.trackIds().first(), QStringLiteral("background"));
        const MltClip black = timeline.clips().first();
        QCOMPARE(black.trackIndex, 0);
        QCOMPARE(black.service, QStringLiteral("color"));
        QCOMPARE(black.start, 0);
        QCOMPARE(black.duration(), 120);
        // Named tracks, Shotcut's marks, the music hidden from the picture, the title from the sound.
        QCOMPARE(timeline.trackNames(),
                 (QStringList{QString(), QStringLiteral("Video"), QStringLiteral("Text"),
                              QStringLiteral("Music")}));
        const QList<Element> all = elements(doc.xml());
        const QList<Element> tracks = named(all, "track");
        QCOMPARE(tracks.at(2).attributes.value(QStringLiteral("hide")), QStringLiteral("audio"));
        QCOMPARE(tracks.at(3).attributes.value(QStringLiteral("hide")), QStringLiteral("video"));
        const QList<Element> playlists = named(all, "playlist");
        QCOMPARE(playlists.at(2).properties.value(QStringLiteral("shotcut:video")), QStringLiteral("1"));
        QCOMPARE(playlists.at(3).properties.value(QStringLiteral("shotcut:video")), QStringLiteral("1"));
        QCOMPARE(playlists.at(4).properties.value(QStringLiteral("shotcut:audio")), QStringLiteral("1"));
        // A mix per track; a blend per picture track, the lowest one's off (it covers the black whole),
        // each above blended over the one below.
        QCOMPARE(timeline.transitions(),
                 (QStringList{QStringLiteral("mix 0 1"), QStringLiteral("frei0r.cairoblend 0 1 off"),
                              QStringLiteral("mix 0 2"), QStringLiteral("frei0r.cairoblend 1 2"),
                              QStringLiteral("mix 0 3")}));
        // The gap between the photo and the clip is a blank; `out` is inclusive.
        const MltClip photo = timeline.clips().at(1);
        const MltClip clip = timeline.clips().at(2);
        QCOMPARE(photo.service, QStringLiteral("pixbuf"));
        QCOMPARE(photo.out, 59);
        QCOMPARE(clip.start, 90);
        QVERIFY(named(all, "blank").size() >= 1);
        // Photos: a still of at least its length, with Shotcut's caption.
        QCOMPARE(timeline.producerProperties(photo.producer).value(QStringLiteral("ttl")),
                 QStringLiteral("1"));
        QVERIFY(photo.length >= photo.out + 1);
        QCOMPARE(timeline.producerProperties(photo.producer).value(QStringLiteral("shotcut:caption")),
                 QStringLiteral("p"));
        // Every resource an absolute path that exists.
        for (const MltClip &c : timeline.clips()) {
            if (c.service == QLatin1String("color"))
                continue;
            QVERIFY2(QFileInfo(c.resource).isAbsolute() && QFileInfo::exists(c.resource),
                     qPrintable(c.resource));
        }
    }

    // The video is as long as the draft says: a clip shorter than its segment holds its last frame
    // (its producer is as long as the segment needs), never shorter than its media either; a declared
    // length longer than the segments is black at the end.
    void theLengthYouSeeIsTheLengthYouGet()
    {
        QTemporaryDir dir;
        const Draft draft =
            Draft::fromBytes(json("{'d':32000,'t':[{'tt':0,'sg':[{'st':0,'d':30000,'src':'gen',"
                                  "'in':1000},{'st':30000,'d':1000,'src':'long'}]}]}"));
        MltDocument::Options options;
        options.mediaMs.insert(QStringLiteral("gen"), 3000);   // a 3 s clip in a 30 s slot
        options.mediaMs.insert(QStringLiteral("long"), 60000); // a minute of which one second is used
        const MltDocument doc =
            MltDocument::fromDraft(draft,
                                   {{QStringLiteral("gen"), touch(dir, QStringLiteral("gen.mp4"))},
                                    {QStringLiteral("long"), touch(dir, QStringLiteral("long.mp4"))}},
                                   options);
        QCOMPARE(doc.frames(), 960); // 32 s: the declared length
        const MltClips timeline(doc.xml());
        QCOMPARE(timeline.tractorOut(), 959);
        const MltClip held = timeline.clips().at(1);
        QCOMPARE(held.in, 30);
        QCOMPARE(held.out, 929);    // 30 s from its in-point
        QCOMPARE(held.length, 930); // past the media's 90 frames: the last one is held
        QCOMPARE(timeline.producerProperties(held.producer).value(QStringLiteral("eof")),
                 QStringLiteral("pause"));
        const MltClip whole = timeline.clips().at(2);
        QCOMPARE(whole.duration(), 30);
        QCOMPARE(whole.length, 1800); // the media's own length: it can be lengthened again in Shotcut
        QCOMPARE(timeline.clips().first().duration(), 960); // the black under it all
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
        // The gap between 5.5 s and 7 s is a blank over the black background.
        const QList<Element> blanks = named(all, "blank");
        QCOMPARE(blanks.size(), 1);
        QCOMPARE(blanks.first().attributes.value(QStringLiteral("length")), QStringLiteral("45"));
        const MltClips timeline(doc.xml());
        QCOMPARE(timeline.clips().at(3).start, 210);
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
        const QList<Element> entries = named(all, "entry");
        QVERIFY(std::any_of(entries.cbegin(), entries.cend(), [](const Element &e) {
            return e.attributes.value(QStringLiteral("in")) == QLatin1String("90") &&
                e.attributes.value(QStringLiteral("out")) == QLatin1String("149");
        }));
        // Its volume and its fades (Shotcut's fade filters), counted in the producer's own frames (from
        // its in-point).
        QVERIFY(doc.xml().contains("<property name=\"level\">-6.0206</property>"));
        QVERIFY2(doc.xml().contains("<property name=\"level\">90=-60;104=0</property>"),
                 doc.xml().constData());
        QVERIFY(doc.xml().contains("<property name=\"level\">120=0;149=-60</property>"));
        QVERIFY(doc.xml().contains("<property name=\"level\">90=0;104=1</property>"));
        QVERIFY(doc.xml().contains("<property name=\"level\">120=1;149=0</property>"));
        for (const char *name : {"fadeInVolume", "fadeOutVolume", "fadeInBrightness", "fadeOutBrightness"})
            QVERIFY2(doc.xml().contains(QByteArray("<property name=\"shotcut:filter\">").append(name)), name);
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
        // Blended over the black (not switched off as a lowest picture track is).
        QCOMPARE(MltClips(doc.xml()).transitions(),
                 (QStringList{QStringLiteral("mix 0 1"), QStringLiteral("frei0r.cairoblend 0 1")}));
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
        // Nothing says a size: 1080p, as the service renders.
        QCOMPARE(MltDocument::fromDraft(draft, {}, MltDocument::Options()).size(), QSize(1920, 1080));
    }

    // Each reason in its own words: no source in the agent's draft; the user's own file gone (named by
    // the file); only on the service and not fetched (and why).
    void missingSourcesSayWhatIsWrong()
    {
        const Draft draft = Draft::fromBytes(
            json("{'t':[{'tt':0,'n':'Video','sg':[{'st':0,'d':1000,'src':'https://x.example/a.jpg'},"
                 "{'st':1000,'d':1000,'src':'https://x.example/u/photo7.jpg'},"
                 "{'st':2000,'d':1000,'src':'https://x.example/c.jpg'},"
                 "{'st':3000,'d':1000},"
                 "{'st':4000,'d':1000,'src':'/mnt/userdata/u/clip.mp4','m':{'name':'/mnt/userdata/u/"
                 "clip.mp4'}}]}]}"));
        QTemporaryDir dir;
        MltDocument::Options options;
        options.gone.insert(QStringLiteral("https://x.example/u/photo7.jpg"),
                            QStringLiteral("/home/me/photo7.jpg"));
        options.fetchErrors.insert(QStringLiteral("https://x.example/c.jpg"),
                                   QStringLiteral("The service is offline"));
        const MltDocument doc = MltDocument::fromDraft(
            draft,
            {{QStringLiteral("https://x.example/a.jpg"), touch(dir, QStringLiteral("a.jpg"))},
             {QStringLiteral("https://x.example/c.jpg"), dir.filePath(QStringLiteral("never-written.jpg"))}},
            options);
        const QList<MissingSource> missing = doc.missing();
        QCOMPARE(missing.size(), 4);
        QCOMPARE(missing.at(0).reason, MissingSource::Reason::Gone);
        QCOMPARE(missing.at(0).original, QStringLiteral("/home/me/photo7.jpg"));
        QCOMPARE(missing.at(0).message(), QStringLiteral("photo7.jpg is no longer on this computer"));
        QCOMPARE(missing.at(1).reason, MissingSource::Reason::NotFetched);
        QCOMPARE(
            missing.at(1).message(),
            QStringLiteral(
                "segment 3 of Video: c.jpg could not be fetched from the service (The service is offline)"));
        QCOMPARE(missing.at(2).reason, MissingSource::Reason::NoSource);
        QCOMPARE(missing.at(2).message(),
                 QStringLiteral("segment 4 of Video has no source in the agent's draft"));
        QCOMPARE(missing.at(3).message(),
                 QStringLiteral("segment 5 of Video: clip.mp4 is not on this computer, and the service gave "
                                "no link to fetch it"));
        // Blanks where they were: the video keeps its length and every other clip its place.
        const MltClips timeline(doc.xml());
        QCOMPARE(timeline.clips().size(), 2); // the black and a.jpg
        QCOMPARE(doc.frames(), 150);
        QCOMPARE(named(elements(doc.xml()), "producer", "pixbuf").size(), 1);
    }

    // When the user's own file is gone but the service's copy was fetched, the copy stands in, and the
    // notes say so.
    void aFetchedCopyStandsInForAGoneOriginal()
    {
        QTemporaryDir dir;
        const Draft draft = Draft::fromBytes(
            json("{'t':[{'tt':0,'sg':[{'st':0,'d':1000,'src':'https://x.example/p.jpg'}]}]}"));
        MltDocument::Options options;
        options.gone.insert(QStringLiteral("https://x.example/p.jpg"),
                            QStringLiteral("/home/me/Pictures/p.jpg"));
        const MltDocument doc = MltDocument::fromDraft(
            draft, {{QStringLiteral("https://x.example/p.jpg"), touch(dir, QStringLiteral("cached.jpg"))}},
            options);
        QVERIFY(doc.missing().isEmpty());
        QCOMPARE(doc.notes(),
                 QStringList{QStringLiteral(
                     "p.jpg is no longer on this computer: the copy on the service is used.")});
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
        QCOMPARE(named(all, "playlist").size(), 4); // main_bin, the background, two lanes
        QCOMPARE(MltClips(doc.xml()).trackNames(),
                 (QStringList{QString(), QStringLiteral("Video"), QStringLiteral("Video 2")}));
        QCOMPARE(doc.frames(), 180);
    }

    // Markup, quotes and ampersands reach the Text filter as they are; its # (a keyword marker) escaped.
    void textIsEscaped()
    {
        const Draft draft = Draft::fromBytes(
            json("{'t':[{'tt':7,'sg':[{'st':0,'d':1000,'m':{'text':'<b>Tom & \\\"Jerry\\\"</b> #1'}}]}]}"));
        const MltDocument doc = MltDocument::fromDraft(draft, {}, MltDocument::Options());
        QString error;
        const QList<Element> all = elements(doc.xml(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QList<Element> texts = named(all, "filter", "dynamictext");
        QCOMPARE(texts.size(), 1);
        QCOMPARE(texts.first().properties.value(QStringLiteral("argument")),
                 QStringLiteral("<b>Tom & \"Jerry\"</b> \\#1"));
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
