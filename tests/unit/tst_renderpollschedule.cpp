// The render poll schedule on its own: fed answers at chosen times, it must check soon, land on the
// estimated end, never wait less than the shortest or more than the longest wait, and grow the wait
// when nothing moves.
#include "render/renderpollschedule.h"

#include <QTest>

using nemo::render::RenderPollSchedule;

namespace {

RenderPollSchedule contract()
{
    return RenderPollSchedule(RenderPollSchedule::Timings());
}

// Simulates a render that goes linearly from `from`% to 100% in `totalMs`, polled as the schedule says;
// returns the poll times and sets *lagMs to how late the end was noticed.
QList<qint64> simulate(qint64 totalMs, int from, qint64 *lagMs)
{
    RenderPollSchedule schedule = contract();
    auto progressAt = [&](qint64 t) { return t >= totalMs ? 100 : int(from + (95 - from) * t / totalMs); };
    qint64 now = 50; // the creation answer
    schedule.observe(now, from);
    QList<qint64> polls;
    for (int i = 0; i < 1000; ++i) {
        now += schedule.nextDelayMs();
        polls.append(now);
        const int progress = progressAt(now);
        schedule.observe(now, progress);
        if (progress == 100)
            break;
    }
    *lagMs = now - totalMs;
    return polls;
}

} // namespace

class TestRenderPollSchedule final : public QObject
{
    Q_OBJECT

private slots:
    void firstCheckWithinThreeSeconds()
    {
        RenderPollSchedule schedule = contract();
        QCOMPARE(schedule.nextDelayMs(), 3000);
        schedule.observe(100, 5);
        QCOMPARE(schedule.nextDelayMs(), 3000);
    }

    void checksJustBeforeTheEstimatedEnd()
    {
        RenderPollSchedule schedule = contract();
        schedule.observe(0, 0);
        schedule.observe(3000, 30); // 10% a second: 7 s to go
        QCOMPARE(schedule.estimatedEndMs(), 10000);
        QCOMPARE(schedule.nextDelayMs(), 4200); // 60% of the way: a late estimate costs a check, not a wait
    }

    void neverSoonerThanTheShortestWait()
    {
        RenderPollSchedule schedule = contract();
        schedule.observe(0, 0);
        schedule.observe(3000, 99);
        QCOMPARE(schedule.nextDelayMs(), 2000);
    }

    void longRendersAreCheckedOnTheWayInEvenSteps()
    {
        RenderPollSchedule schedule = contract();
        schedule.observe(0, 0);
        schedule.observe(3000, 3); // 1% a second: 97 s to go, in four even steps
        QCOMPARE(schedule.nextDelayMs(), 97000 / 4);
        QVERIFY(schedule.nextDelayMs() <= 30000);
    }

    void noProgressWaitsLongerEachTime()
    {
        RenderPollSchedule schedule = contract();
        schedule.observe(0, 0);
        QList<qint64> waits;
        qint64 now = 0;
        for (int i = 0; i < 12; ++i) {
            now += schedule.nextDelayMs();
            schedule.observe(now, 0);
            waits.append(schedule.nextDelayMs());
        }
        QCOMPARE(waits.first(), 4500); // 3 s × 1.5
        for (qsizetype i = 1; i < waits.size(); ++i)
            QVERIFY(waits.at(i) >= waits.at(i - 1));
        QCOMPARE(waits.last(), 30000);
    }

    void progressNeverGoesBack()
    {
        RenderPollSchedule schedule = contract();
        schedule.observe(0, 0);
        schedule.observe(2000, 40);
        schedule.observe(4000, 10); // a lagging answer: read as "still 40%", not as going back
        QCOMPARE(schedule.estimatedEndMs(), 10000);
    }

    void failuresBackOffFromTheShortestWait()
    {
        const RenderPollSchedule schedule = contract();
        QCOMPARE(schedule.delayAfterFailureMs(1), 2000);
        QCOMPARE(schedule.delayAfterFailureMs(2), 4000);
        QCOMPARE(schedule.delayAfterFailureMs(4), 16000);
        QCOMPARE(schedule.delayAfterFailureMs(5), 30000);
        QCOMPARE(schedule.delayAfterFailureMs(100), 30000);
    }

    void simulatedRenders_data()
    {
        QTest::addColumn<qint64>("totalMs");
        QTest::addColumn<int>("maxPolls");
        QTest::addColumn<qint64>("maxLagMs");
        QTest::newRow("3 s") << qint64(3000) << 1 << qint64(100);
        QTest::newRow("27.6 s (a real render)") << qint64(27600) << 5 << qint64(2000);
        QTest::newRow("30 s") << qint64(30000) << 5 << qint64(2000);
        QTest::newRow("90 s") << qint64(90000) << 7 << qint64(2500);
        QTest::newRow("10 min") << qint64(600000) << 25 << qint64(15000);
    }

    void simulatedRenders()
    {
        QFETCH(qint64, totalMs);
        QFETCH(int, maxPolls);
        QFETCH(qint64, maxLagMs);
        qint64 lag = 0;
        const QList<qint64> polls = simulate(totalMs, 5, &lag);
        QVERIFY2(polls.size() <= maxPolls, qPrintable(QStringLiteral("%1 polls").arg(polls.size())));
        QVERIFY2(lag >= 0 && lag <= maxLagMs, qPrintable(QStringLiteral("lag %1 ms").arg(lag)));
        qint64 previous = 50;
        for (qint64 poll : polls) {
            QVERIFY(poll - previous >= 2000 || previous == 50);
            QVERIFY(poll - previous <= 30000);
            previous = poll;
        }
    }
};

QTEST_GUILESS_MAIN(TestRenderPollSchedule)
#include "tst_renderpollschedule.moc"
