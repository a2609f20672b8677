// Files written whole or not at all (util::WholeFile, replaceFile) and the check that a video is whole
// before it replaces anything (media::Mp4File).
#include "files.h"
#include "media/mp4file.h"
#include "requirements.h"
#include "util/replacefile.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace nemo;

class TestWholeFile final : public QObject
{
    Q_OBJECT

private slots:
    void writesAWholeFileAndNothingElse()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("edit.mlt"));
        QString error;
        QVERIFY2(util::writeWholeFile(target, QByteArrayLiteral("<mlt/>"), &error), qPrintable(error));
        QCOMPARE(test::readFile(target), QByteArrayLiteral("<mlt/>"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("edit.mlt")});
        // A new file as others are made here (readable by its owner at least), not a private temporary.
        QVERIFY(QFile::permissions(target) & QFileDevice::ReadOwner);
        QVERIFY(QFile::permissions(target) & QFileDevice::WriteOwner);
    }

    void keepsTheTargetsPermissions()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("secrets.json"));
        QVERIFY(util::writeWholeFile(target, QByteArrayLiteral("old")));
        const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
        QVERIFY(QFile::setPermissions(target, ownerOnly));
        QVERIFY(util::writeWholeFile(target, QByteArrayLiteral("new")));
        QCOMPARE(test::readFile(target), QByteArrayLiteral("new"));
        QCOMPARE(QFile::permissions(target) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser), ownerOnly);
    }

    void anUnfinishedFileChangesNothing()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("video.mp4"));
        QVERIFY(util::writeWholeFile(target, QByteArrayLiteral("the good one")));
        {
            util::WholeFile file(target);
            QVERIFY(file.open());
            QVERIFY(file.write(QByteArrayLiteral("half of a new one")));
            // Left without commit(): a failure on the way.
        }
        QCOMPARE(test::readFile(target), QByteArrayLiteral("the good one"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("video.mp4")});
        // A folder that is not there: said, nothing made.
        QString error;
        QVERIFY(!util::writeWholeFile(dir.filePath(QStringLiteral("missing/x.mlt")), "x", &error));
        QVERIFY(error.contains(QLatin1String("x.mlt")));
        QVERIFY(!util::writeWholeFile(dir.path(), "x", &error));
        QVERIFY(error.contains(QLatin1String("folder")));
    }

    void replaceFileSwapsInOneStep()
    {
        QTemporaryDir dir;
        const QString from = dir.filePath(QStringLiteral("new.part")),
                      to = dir.filePath(QStringLiteral("v.mp4"));
        QVERIFY(util::writeWholeFile(to, "old"));
        QVERIFY(util::writeWholeFile(from, "new"));
        QVERIFY(util::replaceFile(from, to));
        QCOMPARE(test::readFile(to), QByteArrayLiteral("new"));
        QVERIFY(!QFile::exists(from));
        QString error;
        QVERIFY(!util::replaceFile(from, to, &error)); // nothing to put in place
        QVERIFY(!error.isEmpty());
        QCOMPARE(test::readFile(to), QByteArrayLiteral("new"));
    }

    void aVideoIsWholeOnlyWithItsIndexAndItsLength()
    {
        const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
        NEMO_REQUIRE(!ffmpeg.isEmpty(), "ffmpeg makes the test videos (apt install ffmpeg)");
        QTemporaryDir dir;
        const QString video = dir.filePath(QStringLiteral("v.mp4"));
        QProcess process;
        process.start(ffmpeg,
                      {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"),
                       QStringLiteral("lavfi"), QStringLiteral("-i"),
                       QStringLiteral("testsrc=size=160x90:rate=25:duration=2"), QStringLiteral("-c:v"),
                       QStringLiteral("libx264"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
                       video});
        QVERIFY(process.waitForFinished(60000) && process.exitCode() == 0);
        const media::Mp4File whole = media::Mp4File::inspect(video);
        QVERIFY2(whole.complete, qPrintable(whole.problem));
        QVERIFY2(qAbs(whole.videoMs - 2000) <= 40, qPrintable(QString::number(whole.videoMs)));
        QVERIFY(whole.movieMs >= 1960);

        // Cut where a full disk or a signal would cut it: the index at the end is missing.
        const QByteArray bytes = test::readFile(video);
        for (const qsizetype keep : {bytes.size() / 2, bytes.size() - 16, qsizetype(40)}) {
            const QString cut = dir.filePath(QStringLiteral("cut.mp4"));
            QVERIFY(util::writeWholeFile(cut, bytes.left(keep)));
            const media::Mp4File broken = media::Mp4File::inspect(cut);
            QVERIFY2(!broken.complete, qPrintable(QString::number(keep)));
            QVERIFY(!broken.problem.isEmpty());
        }
        // Every box whole, but the index never written (melt stopped just before its end).
        const qsizetype index = bytes.lastIndexOf("moov") - 4;
        QVERIFY(index > 0);
        const QString noIndex = dir.filePath(QStringLiteral("noindex.mp4"));
        QVERIFY(util::writeWholeFile(noIndex, bytes.left(index)));
        const media::Mp4File unplayable = media::Mp4File::inspect(noIndex);
        QVERIFY(!unplayable.complete);
        QVERIFY2(
            unplayable.problem.contains(QLatin1String("index (the part that makes it playable) is missing")),
            qPrintable(unplayable.problem));
        QVERIFY(!media::Mp4File::inspect(dir.filePath(QStringLiteral("none.mp4"))).complete);
    }
};

QTEST_GUILESS_MAIN(TestWholeFile)
#include "tst_wholefile.moc"
