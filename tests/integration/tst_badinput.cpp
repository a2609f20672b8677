// Bad input at the door, table-driven: files, folders, names and links a person might drop, and text a
// server might send. Each row gets a clear message for a person; nothing is uploaded that should not
// be (the local server counts what arrives); the event loop keeps running while files are checked.
#include "auth/memorysecretstore.h"
#include "client/workspace.h"
#include "harness.h"
#include "media/uploadqueue.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <filesystem>
#include <functional>

#if defined(Q_OS_UNIX)
#include <sys/stat.h>
#include <unistd.h>
#endif
#if defined(Q_OS_LINUX)
#include <linux/capability.h>
#include <sys/syscall.h>
#endif

using namespace nemo;
using media::MediaCheck;
using test::data;

namespace {

using Setup = std::function<QStringList(const QDir &dir)>;

QString put(const QDir &dir, const QString &name, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(dir.filePath(name)).absolutePath());
    QFile file(dir.filePath(name));
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
    return file.fileName();
}

QByteArray bytesOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray jpeg()
{
    return bytesOf(data("photo1.jpg"));
}

#if defined(Q_OS_UNIX)
// A name given as raw bytes, as a file system may hold it.
QString putRaw(const QDir &dir, const QByteArray &name, const QByteArray &bytes)
{
    const QByteArray path = QFile::encodeName(dir.path()) + '/' + name;
    FILE *file = std::fopen(path.constData(), "wb");
    if (file) {
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), file);
        std::fclose(file);
    }
    return QFile::decodeName(path);
}
#endif

bool plain(const QString &text)
{
    return !text.trimmed().isEmpty() && !text.contains(QLatin1Char('{')) && text.size() < 2000;
}

// Root reads any file whatever its permissions, through two capabilities. Without them this process
// (and every thread it starts afterwards) meets file permissions as a user does, so the "unreadable
// file" row means the same under root (as in CI) as for a person. False if they could not be dropped.
bool readLikeAUser()
{
#if defined(Q_OS_LINUX)
    if (::geteuid() != 0)
        return true;
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct caps[_LINUX_CAPABILITY_U32S_3] = {};
    if (::syscall(SYS_capget, &header, caps) != 0)
        return false;
    for (int cap : {CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH})
        caps[CAP_TO_INDEX(cap)].effective &= ~CAP_TO_MASK(cap);
    return ::syscall(SYS_capset, &header, caps) == 0;
#else
    return true;
#endif
}

} // namespace

Q_DECLARE_METATYPE(Setup)
Q_DECLARE_METATYPE(nemo::fake::Fault)

class TestBadInput final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Before any thread exists: threads inherit the capabilities of the thread that starts them.
        QVERIFY(readLikeAUser());
    }

    void files_data()
    {
        QTest::addColumn<Setup>("setup");
        QTest::addColumn<int>("uploaded");    // files that should reach the service
        QTest::addColumn<QString>("message"); // a word the message must contain ("" = no message expected)
        auto one = [](const char *name, QByteArray bytes) {
            return Setup([name = QString::fromUtf8(name), bytes](const QDir &dir) {
                return QStringList{put(dir, name, bytes)};
            });
        };
        QTest::newRow("text file") << one("notes.txt", "hello") << 0 << QStringLiteral("supported");
        QTest::newRow("program") << one("setup.exe", "MZ\x90\x00") << 0 << QStringLiteral("supported");
        QTest::newRow("no extension") << one("README", "hello") << 0 << QStringLiteral("supported");
        QTest::newRow("zip archive") << one("photos.zip", "PK\x03\x04") << 0 << QStringLiteral("supported");
        QTest::newRow("pdf") << one("brief.pdf", "%PDF-1.4\n") << 0 << QStringLiteral("supported");
        QTest::newRow("binary renamed to .jpg")
            << one("photo.jpg", QByteArray(4096, '\x07')) << 0 << QStringLiteral("real");
        QTest::newRow("text renamed to .png")
            << one("image.png", "just some text\n") << 0 << QStringLiteral("real");
        QTest::newRow("html renamed to .webp")
            << one("pic.webp", "<!DOCTYPE html><html><body>x</body></html>") << 0 << QStringLiteral("real");
        QTest::newRow("mp3 renamed to .jpg") << Setup([](const QDir &dir) {
            return QStringList{put(dir, QStringLiteral("song.jpg"), bytesOf(data("music.mp3")))};
        }) << 0 << QStringLiteral("real");
        QTest::newRow("jpeg renamed to .mp4") << Setup([](const QDir &dir) {
            return QStringList{put(dir, QStringLiteral("clip.mp4"), jpeg())};
        }) << 0 << QStringLiteral("real");
        QTest::newRow("empty .jpg") << one("empty.jpg", QByteArray()) << 0 << QStringLiteral("empty");
        QTest::newRow("empty .mp4") << one("empty.mp4", QByteArray()) << 0 << QStringLiteral("empty");
        QTest::newRow("over the size limit") << Setup([](const QDir &dir) {
            QFile file(dir.filePath(QStringLiteral("huge.jpg")));
            if (file.open(QIODevice::WriteOnly)) {
                file.write(jpeg());
                file.resize(2 * 1024 * 1024 + 1); // a real JPEG header, past the limit
            }
            return QStringList{file.fileName()};
        }) << 0 << QStringLiteral("MB");
        QTest::newRow("missing file")
            << Setup([](const QDir &dir) { return QStringList{dir.filePath(QStringLiteral("gone.jpg"))}; })
            << 0 << QStringLiteral("exist");
#if defined(Q_OS_UNIX) // links, pipes, devices, permission bits and names as POSIX has them
        QTest::newRow("broken symlink") << Setup([](const QDir &dir) {
            QFile::link(dir.filePath(QStringLiteral("nowhere.jpg")),
                        dir.filePath(QStringLiteral("link.jpg")));
            return QStringList{dir.filePath(QStringLiteral("link.jpg"))};
        }) << 0 << QStringLiteral("link");
        QTest::newRow("named pipe called .mp4") << Setup([](const QDir &dir) {
            const QString path = dir.filePath(QStringLiteral("pipe.mp4"));
            ::mkfifo(QFile::encodeName(path).constData(), 0600);
            return QStringList{path};
        }) << 0 << QStringLiteral("pipe");
        QTest::newRow("device file") << Setup([](const QDir &) {
            return QStringList{QStringLiteral("/dev/null")};
        }) << 0 << QStringLiteral("device");
        QTest::newRow("unreadable file") << Setup([](const QDir &dir) {
            const QString path = put(dir, QStringLiteral("locked.jpg"), jpeg());
            QFile::setPermissions(path, QFileDevice::Permissions());
            return QStringList{path};
        }) << 0 << QStringLiteral("read");
        QTest::newRow("folder that links to itself") << Setup([](const QDir &dir) {
            put(dir, QStringLiteral("loop/a.jpg"), jpeg());
            QFile::link(dir.filePath(QStringLiteral("loop")), dir.filePath(QStringLiteral("loop/again")));
            return QStringList{dir.filePath(QStringLiteral("loop"))};
        }) << 1 << QString();
        QTest::newRow("non-UTF-8 file name") << Setup([](const QDir &dir) {
            return QStringList{putRaw(dir, QByteArray("caf\xe9\xff.jpg"), jpeg())};
        }) << 0 << QStringLiteral("Rename it");
        QTest::newRow("quotes and a newline in the name") << Setup([](const QDir &dir) {
            return QStringList{put(dir, QStringLiteral("say \"hi\"\nnow.jpg"), jpeg())};
        }) << 1 << QString();
#endif
        QTest::newRow("folder with mixed content") << Setup([](const QDir &dir) {
            put(dir, QStringLiteral("mixed/a.jpg"), jpeg());
            put(dir, QStringLiteral("mixed/sub/b.png"), bytesOf(data("photo2.png")));
            put(dir, QStringLiteral("mixed/notes.txt"), "x");
            put(dir, QStringLiteral("mixed/fake.mp4"), "not a video");
            put(dir, QStringLiteral("mixed/empty.jpg"), QByteArray());
            put(dir, QStringLiteral("mixed/.hidden.jpg"), jpeg());
            return QStringList{dir.filePath(QStringLiteral("mixed"))};
        }) << 2 << QStringLiteral("notes.txt");
        QTest::newRow("empty folder") << Setup([](const QDir &dir) {
            dir.mkpath(QStringLiteral("nothing"));
            return QStringList{dir.filePath(QStringLiteral("nothing"))};
        }) << 0 << QStringLiteral("no photos");
        QTest::newRow("very long file name") << Setup([](const QDir &dir) {
            return QStringList{put(dir, QString(240, QLatin1Char('a')) + QStringLiteral(".jpg"), jpeg())};
        }) << 1 << QString();
        QTest::newRow("the same file twice") << Setup([](const QDir &dir) {
            const QString path = put(dir, QStringLiteral("twice.jpg"), jpeg());
            return QStringList{path, path};
        }) << 1 << QString();
        QTest::newRow("10,000 files at once, and one more") << Setup([](const QDir &dir) {
            QStringList paths;
            dir.mkpath(QStringLiteral("many"));
            for (int i = 0; i <= media::UploadQueue::MaxFilesPerDrop; ++i)
                paths.append(put(dir, QStringLiteral("many/%1.txt").arg(i), "x"));
            return paths;
        }) << 0 << QStringLiteral("10000");
    }

    void files()
    {
        QFETCH(Setup, setup);
        QFETCH(int, uploaded);
        QFETCH(QString, message);
        QTemporaryDir dir;
        // Qt cannot name a file whose name is not valid text; std::filesystem works on the raw bytes.
        const auto cleanup = qScopeGuard([&] {
            std::error_code ignored;
            std::filesystem::remove_all(QFile::encodeName(dir.path()).toStdString(), ignored);
        });
        const QStringList paths = setup(QDir(dir.path()));
        test::Harness h;
        net::ServiceConfig config = h.service->config();
        config.maxUploadBytes = 2 * 1024 * 1024;
        h.service->setConfig(config);
        media::UploadQueue queue(h.service.get());
        QSignalSpy refused(&queue, &media::UploadQueue::refused);

        queue.add(paths);
        // Checking happens off the event loop: the loop keeps turning while files are read.
        QVERIFY(queue.isBusy());
        bool turned = false;
        QTimer::singleShot(0, this, [&] { turned = true; });
        QTRY_VERIFY(turned);
        QTRY_VERIFY_WITH_TIMEOUT(!queue.isBusy(), 60000);

        QString said;
        for (const QVariantList &signal : std::as_const(refused)) {
            for (const MediaCheck &check : signal.at(0).value<QList<MediaCheck>>())
                said += check.message() + QLatin1Char('\n');
        }
        if (message.isEmpty()) {
            QVERIFY2(refused.isEmpty(), qPrintable(said));
        } else {
            QVERIFY2(said.contains(message), qPrintable(said));
            for (const QString &line : said.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                QVERIFY2(plain(line), qPrintable(line));
        }
        int done = 0;
        for (const media::MediaItem &item : queue.items()) {
            QVERIFY2(item.state == media::MediaItem::State::Uploaded,
                     qPrintable(item.name + QLatin1Char(' ') + item.error));
            ++done;
        }
        QCOMPARE(done, uploaded);
        QCOMPARE(h.server.stats().value(QLatin1String("uploadsStored")).toInt(), uploaded);
    }

    void links_data()
    {
        QTest::addColumn<QString>("link");
        QTest::newRow("file URL") << QStringLiteral("file:///etc/passwd");
        QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)");
        QTest::newRow("ftp") << QStringLiteral("ftp://example.com/clip.mp4");
        QTest::newRow("data URL") << QStringLiteral("data:image/png;base64,iVBORw0KGgo=");
        QTest::newRow("no scheme") << QStringLiteral("example.com/clip.mp4");
        QTest::newRow("smb share") << QStringLiteral("smb://server/share/clip.mp4");
    }

    void links()
    {
        QFETCH(QString, link);
        test::Harness h;
        media::UploadQueue queue(h.service.get());
        QSignalSpy refused(&queue, &media::UploadQueue::linksRefused);
        queue.addUrls({QUrl(link)});
        QCOMPARE(refused.size(), 1);
        const QStringList problems = refused.at(0).at(0).toStringList();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(plain(problems.at(0)), qPrintable(problems.at(0)));
        QCOMPARE(queue.size(), 0);
        QCOMPARE(h.server.callCount(QStringLiteral("upload")), 0);
    }

    void serverText_data()
    {
        QTest::addColumn<fake::Fault>("fault");
        fake::Fault huge = test::fault("sse", 1);
        huge.hugeLine = true;
        fake::Fault invalid = test::fault("sse", 1);
        invalid.invalidUtf8 = true;
        QTest::newRow("a 2 MB line from the server") << huge;
        QTest::newRow("invalid UTF-8 from the server") << invalid;
    }

    void serverText()
    {
        QFETCH(fake::Fault, fault);
        fake::FakeServer server;
        server.setScenario(test::quickScenario());
        QVERIFY(server.listen());
        server.addFault(fault);
        auth::MemorySecretStore secrets;
        client::Workspace workspace(test::quickConfig(server.baseUrl()), &secrets);
        client::Conversation *chat = workspace.conversation();
        QVERIFY(chat->submit(QStringLiteral("make a video")));
        bool turned = false;
        QTimer::singleShot(0, this, [&] { turned = true; });
        QTRY_VERIFY(turned);
        QTRY_VERIFY_WITH_TIMEOUT(!chat->isBusy(), 30000);
        for (const agent::ChatMessage &message : chat->messages()) {
            QVERIFY(!message.text.contains(QChar::ReplacementCharacter) ||
                    message.role == agent::ChatMessage::Role::Agent);
            // Shown text is bounded: a huge line is cut, not put on screen whole.
            QVERIFY2(message.text.size() <= 256 * 1024, qPrintable(QString::number(message.text.size())));
        }
        QCOMPARE(chat->at(chat->size() - 1).state, agent::ChatMessage::State::Done);
        QCOMPARE(server.chatMessages().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
