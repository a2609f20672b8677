// Save As: the copy runs off the UI thread, and a file already at the target is replaced only by a
// complete copy — a copy that fails never costs the user the file that was there.
#include "files.h"
#include "util/filecopy.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif

using nemo::util::FileCopy;

namespace {

using nemo::test::readFile;

void write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

class TestFileCopy final : public QObject
{
    Q_OBJECT

private slots:
    void copiesAndReplaces()
    {
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("clip.mp4"));
        const QString target = dir.filePath(QStringLiteral("kept.mp4"));
        QByteArray bytes(3 * 1024 * 1024 + 17, 'v'); // more than one buffer
        bytes[0] = 'x';
        write(source, bytes);
        write(target, "an older file");
        FileCopy *copy = FileCopy::start(source, target);
        QSignalSpy finished(copy, &FileCopy::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(readFile(target), bytes);
    }

    void aFailedCopyKeepsTheExistingFile()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("kept.mp4"));
        write(target, "the user's own file");
        FileCopy *copy = FileCopy::start(dir.filePath(QStringLiteral("gone.mp4")), target);
        QSignalSpy finished(copy, &FileCopy::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(finished.first().at(1).toString().contains(QLatin1String("gone.mp4")));
        QCOMPARE(readFile(target), QByteArray("the user's own file"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("kept.mp4")});
    }

    // A copy that fails half way (the disk refuses more: a file size limit here) leaves the file that was
    // there exactly as it was, and nothing else.
    void aCopyThatFailsMidwayKeepsTheExistingFile()
    {
#if defined(Q_OS_UNIX)
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("clip.mp4"));
        const QString target = dir.filePath(QStringLiteral("kept.mp4"));
        write(source, QByteArray(3 * 1024 * 1024, 'v'));
        write(target, "the user's own file");
        struct rlimit before;
        QVERIFY(getrlimit(RLIMIT_FSIZE, &before) == 0);
        const auto previous = std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit small = before;
        small.rlim_cur = 1024 * 1024;
        QVERIFY(setrlimit(RLIMIT_FSIZE, &small) == 0);
        const QString error = FileCopy::copy(source, target);
        setrlimit(RLIMIT_FSIZE, &before);
        std::signal(SIGXFSZ, previous);
        QVERIFY2(error.contains(QLatin1String("kept.mp4")), qPrintable(error));
        QCOMPARE(readFile(target), QByteArray("the user's own file"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 (QStringList{QStringLiteral("clip.mp4"), QStringLiteral("kept.mp4")}));
#else
        QSKIP("file size limits are a POSIX feature");
#endif
    }

    void intoAFolderThatIsNotThere()
    {
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("clip.mp4"));
        write(source, "video");
        const QString error = FileCopy::copy(source, dir.filePath(QStringLiteral("no/such/folder/x.mp4")));
        QVERIFY(error.contains(QLatin1String("x.mp4")));
    }
};

QTEST_GUILESS_MAIN(TestFileCopy)
#include "tst_filecopy.moc"
