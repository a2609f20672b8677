// Refusing bad files at the door: extension AND content, size, readability.
#include "files.h"
#include "media/mediavalidator.h"
#include "util/weblink.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#if !defined(Q_OS_WIN)
#include <sys/stat.h>
#endif

using nemo::media::MediaCheck;
using nemo::media::MediaKind;
using nemo::media::MediaValidator;

Q_DECLARE_METATYPE(MediaCheck::Problem)

namespace {

constexpr qint64 Limit = 200LL * 1024 * 1024;

QString dataFile(const char *name)
{
    return QStringLiteral(NEMO_TEST_DATA_DIR "/") + QLatin1String(name);
}

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

using nemo::test::readFile;

} // namespace

class TestMediaValidator final : public QObject
{
    Q_OBJECT

private slots:
    // The one check for links that are opened, fetched or sent: http(s) with a host, nothing else.
    void webLinks_data()
    {
        QTest::addColumn<QString>("link");
        QTest::addColumn<bool>("web");
        QTest::newRow("https") << QStringLiteral("https://cdn.example.com/a.jpg") << true;
        QTest::newRow("http") << QStringLiteral("http://127.0.0.1:8080/x") << true;
        QTest::newRow("no host") << QStringLiteral("https:///a.jpg") << false;
        QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false;
        QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://example.com/a.jpg") << false;
        QTest::newRow("relative") << QStringLiteral("/api/render/x") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void webLinks()
    {
        QFETCH(QString, link);
        QFETCH(bool, web);
        QCOMPARE(nemo::util::isWebLink(QUrl(link)), web);
    }

    void acceptedList()
    {
        QCOMPARE(MediaValidator::acceptedList(),
                 QStringLiteral("mp4, mov, avi, webm, mkv, jpg, png, gif, webp, mp3, wav, m4a, aac"));
        QVERIFY(MediaValidator::fileDialogFilter().contains(QLatin1String("*.webp")));
    }

    void realMedia_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<MediaKind>("kind");
        QTest::newRow("jpg") << dataFile("photo1.jpg") << MediaKind::Image;
        QTest::newRow("png") << dataFile("photo2.png") << MediaKind::Image;
        QTest::newRow("mp3") << dataFile("music.mp3") << MediaKind::Audio;
        QTest::newRow("mp4") << QStringLiteral(NEMO_SOURCE_DIR "/tests/fakeserver/data/sample.mp4")
                             << MediaKind::Video;
    }

    void realMedia()
    {
        QFETCH(QString, path);
        QFETCH(MediaKind, kind);
        const MediaCheck check = MediaValidator::check(path, Limit);
        QVERIFY2(check.ok(), qPrintable(check.message()));
        QCOMPARE(check.kind, kind);
        QVERIFY(check.size > 0);
        QVERIFY(check.message().isEmpty());
    }

    void problems_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<MediaCheck::Problem>("problem");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unsupported extension")
            << QStringLiteral("notes.txt") << QByteArray("hello") << MediaCheck::Problem::UnsupportedType
            << QStringLiteral("Accepted: mp4");
        QTest::newRow("no extension") << QStringLiteral("README") << QByteArray("hello")
                                      << MediaCheck::Problem::UnsupportedType << QStringLiteral("Accepted");
        QTest::newRow("empty") << QStringLiteral("empty.jpg") << QByteArray() << MediaCheck::Problem::Empty
                               << QStringLiteral("empty");
        QTest::newRow("binary named jpg") << QStringLiteral("tool.jpg")
                                          << QByteArray("\x7f"
                                                        "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00",
                                                        16) +
                QByteArray(4096, '\0') << MediaCheck::Problem::ContentMismatch
                                          << QStringLiteral("real image");
        QTest::newRow("text named png")
            << QStringLiteral("fake.png") << QByteArray("just some text, not a picture\n")
            << MediaCheck::Problem::ContentMismatch << QStringLiteral("real image");
        QTest::newRow("pdf named mp4")
            << QStringLiteral("doc.mp4") << QByteArray("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
            << MediaCheck::Problem::ContentMismatch << QStringLiteral("real video");
        QTest::newRow("zip named mp3")
            << QStringLiteral("archive.mp3")
            << QByteArray("PK\x03\x04\x14\x00\x00\x00\x08\x00", 10) + QByteArray(200, 'z')
            << MediaCheck::Problem::ContentMismatch << QStringLiteral("real audio");
    }

    void problems()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(MediaCheck::Problem, problem);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const MediaCheck check = MediaValidator::check(write(dir, name, content), Limit);
        QCOMPARE(check.problem, problem);
        QVERIFY2(check.message().contains(mentions), qPrintable(check.message()));
        QVERIFY(check.message().contains(name));
    }

    void tooLarge()
    {
        const MediaCheck check = MediaValidator::check(dataFile("photo1.jpg"), 1000);
        QCOMPARE(check.problem, MediaCheck::Problem::TooLarge);
        QVERIFY(check.message().contains(QLatin1String("limit")));
    }

    // The limit itself is allowed; a byte more is not.
    void exactlyAtTheLimit()
    {
        const qint64 size = QFileInfo(dataFile("photo1.jpg")).size();
        QVERIFY(MediaValidator::check(dataFile("photo1.jpg"), size).ok());
        QCOMPARE(MediaValidator::check(dataFile("photo1.jpg"), size - 1).problem,
                 MediaCheck::Problem::TooLarge);
    }

    // A video renamed to look like a photo is refused: the content decides, not only the extension.
    void videoContentNamedAsAnImage()
    {
        QTemporaryDir dir;
        QFile video(QStringLiteral(NEMO_TEST_DATA_DIR "/../fakeserver/data/sample.mp4"));
        QVERIFY(video.open(QIODevice::ReadOnly));
        const MediaCheck check =
            MediaValidator::check(write(dir, QStringLiteral("holiday.jpg"), video.readAll()), Limit);
        QCOMPARE(check.problem, MediaCheck::Problem::ContentMismatch);
        QVERIFY2(check.message().contains(QLatin1String("real image")), qPrintable(check.message()));
    }

    void folderMissingAndLinks()
    {
        QTemporaryDir dir;
        QCOMPARE(MediaValidator::check(dir.path(), Limit).problem, MediaCheck::Problem::Directory);
        QCOMPARE(MediaValidator::check(dir.filePath(QStringLiteral("nope.jpg")), Limit).problem,
                 MediaCheck::Problem::Missing);
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("gone.jpg")),
                            dir.filePath(QStringLiteral("broken.jpg"))));
        QCOMPARE(MediaValidator::check(dir.filePath(QStringLiteral("broken.jpg")), Limit).problem,
                 MediaCheck::Problem::BrokenLink);
        QVERIFY(QFile::link(dataFile("photo1.jpg"), dir.filePath(QStringLiteral("good.jpg"))));
        QVERIFY(MediaValidator::check(dir.filePath(QStringLiteral("good.jpg")), Limit).ok());
        // Two links that name each other: said as a circle, not as a file that went away.
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("b.jpg")), dir.filePath(QStringLiteral("a.jpg"))));
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("a.jpg")), dir.filePath(QStringLiteral("b.jpg"))));
        const MediaCheck loop = MediaValidator::check(dir.filePath(QStringLiteral("a.jpg")), Limit);
        QCOMPARE(loop.problem, MediaCheck::Problem::LinkLoop);
        QVERIFY2(loop.message().contains(QLatin1String("leads back to itself")), qPrintable(loop.message()));
    }

    void unreadable()
    {
#if defined(Q_OS_WIN)
        QSKIP("FIFOs are a POSIX feature");
#else
        // A FIFO cannot be uploaded (and reading it would block): refused without opening it. This works
        // even as root, where permission bits do not stop reading.
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("pipe.mp4"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const MediaCheck check = MediaValidator::check(fifo, Limit);
        QCOMPARE(check.problem, MediaCheck::Problem::NotAFile);
        QVERIFY(check.message().contains(QLatin1String("pipe")));
#endif
    }

    void jpegIsSentAsJpg()
    {
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("Holiday.JPEG"), readFile(dataFile("photo1.jpg")));
        QVERIFY(MediaValidator::check(path, Limit).ok());
        QCOMPARE(MediaValidator::uploadName(path), QStringLiteral("Holiday.jpg"));
        QCOMPARE(MediaValidator::uploadName(dataFile("photo2.png")), QStringLiteral("photo2.png"));
    }

    void unicodeAndLongNames()
    {
        QTemporaryDir dir;
        const QString unicode = write(dir, QStringLiteral("照片 été.png"), readFile(dataFile("photo2.png")));
        QVERIFY(MediaValidator::check(unicode, Limit).ok());
        const QString longName = QString(200, QLatin1Char('x')) + QStringLiteral(".jpg");
        const QString path = write(dir, longName, readFile(dataFile("photo1.jpg")));
        QVERIFY(MediaValidator::check(path, Limit).ok());
    }
};

QTEST_GUILESS_MAIN(TestMediaValidator)
#include "tst_mediavalidator.moc"
