// Times as people read them and the one conversion between milliseconds and frames.
#include "util/timecode.h"

#include <QTest>

namespace timecode = nemo::util::timecode;

class TestTimecode final : public QObject
{
    Q_OBJECT

private slots:
    void clock()
    {
        QCOMPARE(timecode::clock(0), QStringLiteral("0:00"));
        QCOMPARE(timecode::clock(65999), QStringLiteral("1:05"));
        QCOMPARE(timecode::clock(3723000), QStringLiteral("1:02:03"));
        QCOMPARE(timecode::clock(-5), QStringLiteral("0:00"));
        QCOMPARE(timecode::clockTenths(4250), QStringLiteral("0:04.2"));
    }

    void frames()
    {
        QCOMPARE(timecode::frames(0, 30), QStringLiteral("00:00:00"));
        QCOMPARE(timecode::frames(132, 30), QStringLiteral("00:04:12"));
        QCOMPARE(timecode::frames(30 * 3600 + 1, 30), QStringLiteral("1:00:00:01"));
        QCOMPARE(timecode::frames(-31, 30), QStringLiteral("-00:01:01"));
        QCOMPARE(timecode::frames(25, 25), QStringLiteral("00:01:00"));
    }

    void conversions()
    {
        QCOMPARE(timecode::framesFromMs(3333, 30), 100);
        QCOMPARE(timecode::msFromFrames(100, 30), 3333);
        QCOMPARE(timecode::framesFromMs(40, 25), 1);
        QCOMPARE(timecode::msFromFrames(timecode::framesFromMs(2500, 30), 30), 2500);
    }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("frames");
        QTest::newRow("timecode") << QStringLiteral("00:04:12") << true << qint64(132);
        QTest::newRow("hours") << QStringLiteral("1:00:00:01") << true << qint64(108001);
        QTest::newRow("m:ss") << QStringLiteral("1:30") << true << qint64(2700);
        QTest::newRow("seconds") << QStringLiteral("4.5") << true << qint64(135);
        QTest::newRow("seconds with s") << QStringLiteral("4.5s") << true << qint64(135);
        QTest::newRow("frames") << QStringLiteral("120f") << true << qint64(120);
        QTest::newRow("frame past the rate") << QStringLiteral("00:01:30") << false << qint64(0);
        QTest::newRow("negative") << QStringLiteral("-3") << false << qint64(0);
        QTest::newRow("words") << QStringLiteral("soon") << false << qint64(0);
        QTest::newRow("empty") << QString() << false << qint64(0);
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(qint64, frames);
        qint64 out = -1;
        QCOMPARE(timecode::parseFrames(text, 30, &out), ok);
        if (ok)
            QCOMPARE(out, frames);
    }
};

QTEST_GUILESS_MAIN(TestTimecode)
#include "tst_timecode.moc"
