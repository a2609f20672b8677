// Generated media as the state lists it: field names are not documented, so every known spelling is
// read, numbers may be strings, and anything that is not a web link is dropped.
#include "media/generatedclip.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using nemo::media::GeneratedClip;
using nemo::media::MediaKind;

namespace {

// JSON written with single quotes, for legibility.
QByteArray json(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

} // namespace

class TestGeneratedClip final : public QObject
{
    Q_OBJECT

private slots:
    void readsEverySpelling_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("duration");
        QTest::addColumn<QString>("prompt");
        QTest::newRow("url/type")
            << json("{'url':'https://cdn.example.com/a.mp4','type':'video','duration':5,'prompt':'sea'}")
            << "https://cdn.example.com/a.mp4" << int(MediaKind::Video) << 5.0 << "sea";
        QTest::newRow("cdn_url/file_type")
            << json("{'cdn_url':'https://cdn.example.com/b.png','file_type':'image','description':'a logo'}")
            << "https://cdn.example.com/b.png" << int(MediaKind::Image) << 0.0 << "a logo";
        QTest::newRow("string duration, kind from name")
            << (json("{'video_url':'https://cdn.example.com/c.mp3','duration':'12.5'}"))
            << "https://cdn.example.com/c.mp3" << int(MediaKind::Audio) << 12.5 << "";
        QTest::newRow("nonsense duration") << (json("{'url':'https://x.example/d.mp4','duration':-3}"))
                                           << "https://x.example/d.mp4" << int(MediaKind::Video) << 0.0 << "";
    }

    void readsEverySpelling()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, url);
        QFETCH(int, kind);
        QFETCH(double, duration);
        QFETCH(QString, prompt);
        const GeneratedClip clip = GeneratedClip::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(clip.isValid());
        QCOMPARE(clip.url.toString(), url);
        QCOMPARE(int(clip.kind), kind);
        QCOMPARE(clip.duration, duration);
        QCOMPARE(clip.prompt, prompt);
        QCOMPARE(clip.name, QUrl(url).fileName());
    }

    void onlyWebLinks_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("file") << (json("{'url':'file:///etc/passwd'}"));
        QTest::newRow("javascript") << (json("{'url':'javascript:alert(1)'}"));
        QTest::newRow("sandbox path") << (json("{'url':'/mnt/userdata/u/a.mp4'}"));
        QTest::newRow("no host") << (json("{'url':'https:///a.mp4'}"));
        QTest::newRow("number") << (json("{'url':42}"));
        QTest::newRow("nothing") << (json("{}"));
    }

    void onlyWebLinks()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!GeneratedClip::fromJson(QJsonDocument::fromJson(json).object()).isValid());
    }

    void listKeepsEachLinkOnce()
    {
        const QJsonArray array =
            QJsonDocument::fromJson(
                json("[{'url':'https://e.example/a.mp4'}, 'junk', 7, "
                     "{'url':'https://e.example/a.mp4','prompt':'again'}, "
                     "{'cdn_url':'https://e.example/b.mp4'}, {'url':'ftp://e.example/c.mp4'}]"))
                .array();
        const QList<GeneratedClip> clips = GeneratedClip::listFromJson(array);
        QCOMPARE(clips.size(), 2);
        QCOMPARE(clips.at(0).url.fileName(), QStringLiteral("a.mp4"));
        QCOMPARE(clips.at(1).url.fileName(), QStringLiteral("b.mp4"));
    }

    void namesAreSafe()
    {
        const GeneratedClip clip = GeneratedClip::fromJson(
            QJsonDocument::fromJson(
                json("{'url':'https://e.example/x','filename':'../../etc/evil:name.mp4'}"))
                .object());
        QVERIFY(clip.isValid());
        QVERIFY(!clip.name.contains(QLatin1Char('/')));
        QVERIFY(!clip.name.contains(QLatin1Char(':')));
    }
};

QTEST_GUILESS_MAIN(TestGeneratedClip)
#include "tst_generatedclip.moc"
