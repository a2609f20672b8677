// Export against the local server: render jobs in both poll shapes, failures, retries with a new id,
// resuming by id, and downloads that resume with Range and end byte-identical.
#include "harness.h"
#include "render/exporter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace nemo;
using namespace nemo::test;
using net::ApiError;
using net::DownloadJob;
using render::RenderJob;
using render::RenderStatus;

namespace {

// Uploads media and asks for a video, so that the session has an exportable draft.
draft::Draft prepare(Harness &h)
{
    auto upload = keep(h.service->upload({QStringLiteral(NEMO_TEST_DATA_DIR "/photo1.jpg"),
                                          QStringLiteral(NEMO_TEST_DATA_DIR "/photo2.png")}));
    if (!finish(upload.get()) || upload->error())
        return {};
    auto turn = keep(h.service->sendMessage(QStringLiteral("make a 4-second video")));
    if (!finish(turn.get()))
        return {};
    return turn->stateAfter().draft;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray serverCopy(Harness &h, const QString &jobId)
{
    return readFile(h.server.mediaDir() + QStringLiteral("/renders/") + jobId + QStringLiteral(".mp4"));
}

std::unique_ptr<RenderJob> runRender(Harness &h, const draft::Draft &draft,
                                     QList<RenderStatus> *seen = nullptr)
{
    auto job = keep(h.service->startRender(draft, render::RenderOptions()));
    if (seen)
        QObject::connect(job.get(), &RenderJob::statusChanged,
                         [seen](const RenderStatus &status) { seen->append(status); });
    return job;
}

} // namespace

class TestRender final : public QObject
{
    Q_OBJECT

private slots:
    // One answer-size limit for every endpoint: an answer beyond it is refused as it arrives, never read
    // whole into memory, and said plainly.
    void answersBeyondTheLimitAreRefused_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::newRow("anonymous token") << QStringLiteral("token");
        QTest::newRow("credits") << QStringLiteral("credits");
        QTest::newRow("upload") << QStringLiteral("upload");
        QTest::newRow("render start") << QStringLiteral("render");
        QTest::newRow("render poll") << QStringLiteral("render_poll");
    }

    void answersBeyondTheLimitAreRefused()
    {
        QFETCH(QString, endpoint);
        Harness h;
        draft::Draft draft;
        if (endpoint.startsWith(QLatin1String("render"))) {
            draft = prepare(h);
            QVERIFY(draft.isExportable());
        }
        fake::Fault huge = fault(endpoint.toLatin1().constData(), 0);
        huge.hugeAnswerBytes = net::ServiceJob::MaxAnswerBytes + 1024 * 1024;
        h.server.addFault(huge);
        std::unique_ptr<net::ServiceJob> job;
        if (endpoint == QLatin1String("token") || endpoint == QLatin1String("credits"))
            job = keep<net::ServiceJob>(h.service->fetchCredits());
        else if (endpoint == QLatin1String("upload"))
            job =
                keep<net::ServiceJob>(h.service->upload({QStringLiteral(NEMO_TEST_DATA_DIR "/photo1.jpg")}));
        else
            job = keep<net::ServiceJob>(h.service->startRender(draft, render::RenderOptions()));
        QVERIFY(finish(job.get(), 60000));
        QCOMPARE(job->error().kind(), net::ApiError::Kind::BadResponse);
        QVERIFY2(job->error().message().contains(QLatin1String("too large")),
                 qPrintable(job->error().message()));
    }

    void exportsAndDownloads_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::newRow("top-level taskId") << QStringLiteral("top");
        QTest::newRow("top-level render_id") << QStringLiteral("top_render_id");
        QTest::newRow("wrapped") << QStringLiteral("wrapped");
    }

    void exportsAndDownloads()
    {
        QFETCH(QString, shape);
        fake::Scenario scenario = quickScenario();
        scenario.pollShape = shape;
        Harness h(scenario);
        const draft::Draft draft = prepare(h);
        QVERIFY(draft.isExportable());
        QList<RenderStatus> seen;
        auto job = runRender(h, draft, &seen);
        QSignalSpy assigned(job.get(), &RenderJob::jobIdAssigned);
        QVERIFY(finish(job.get(), 60000));
        QVERIFY2(!job->error(), qPrintable(job->error().message()));
        QCOMPARE(assigned.count(), 1);
        QVERIFY(job->jobId().startsWith(QLatin1String("render_")));
        QCOMPARE(assigned.first().first().toString(), job->jobId());
        QCOMPARE(seen.first().state, RenderStatus::State::Pending);
        QCOMPARE(seen.last().state, RenderStatus::State::Completed);
        bool processing = false;
        for (qsizetype i = 1; i < seen.size(); ++i) {
            QVERIFY(seen.at(i).progress >= seen.at(i - 1).progress);
            processing |= seen.at(i).state == RenderStatus::State::Processing;
        }
        QVERIFY(processing);
        QCOMPARE(seen.last().progress, 100);
        QVERIFY(job->outputUrl().isValid());

        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("out.mp4"));
        auto download =
            keep(h.service->download(job->outputUrl(), job->fallbackUrl(), target, job->status().size));
        QSignalSpy progress(download.get(), &DownloadJob::progress);
        QVERIFY(finish(download.get()));
        QVERIFY2(!download->error(), qPrintable(download->error().message()));
        QVERIFY(progress.count() >= 1);
        QVERIFY(!QFile::exists(target + QStringLiteral(".part")));
        const QByteArray bytes = readFile(target);
        QVERIFY(bytes.size() > 1000);
        QCOMPARE(bytes, serverCopy(h, job->jobId()));
        QCOMPARE(bytes.mid(4, 4), QByteArray("ftyp"));
    }

    void failedRenderSaysWhy()
    {
        fake::Scenario scenario = quickScenario();
        scenario.renderFails = true;
        Harness h(scenario);
        auto job = runRender(h, prepare(h));
        QVERIFY(finish(job.get(), 30000));
        QCOMPARE(job->error().kind(), ApiError::Kind::RenderFailed);
        QCOMPARE(job->error().serverMessage(), scenario.renderError);
        QCOMPARE(job->status().state, RenderStatus::State::Failed);
    }

    void freePlanExportIsBlocked()
    {
        fake::Scenario scenario = quickScenario();
        scenario.exportBlocked = true;
        Harness h(scenario);
        auto job = runRender(h, prepare(h));
        QVERIFY(finish(job.get()));
        QCOMPARE(job->error().kind(), ApiError::Kind::ExportBlocked);
        QVERIFY(job->error().message().contains(QLatin1String("Register or upgrade your plan")));
    }

    void takenIdIsRetriedWithANewOne()
    {
        Harness h;
        const draft::Draft draft = prepare(h);
        fake::Fault conflict = fault("render", 1);
        conflict.httpStatus = 409;
        conflict.message = QStringLiteral("Render id already exists");
        h.server.addFault(conflict);
        auto job = runRender(h, draft);
        QVERIFY(finish(job.get(), 30000));
        QVERIFY2(!job->error(), qPrintable(job->error().message()));
        QCOMPARE(h.server.callCount(QStringLiteral("render")), 2);
    }

    void transientPollFailuresDoNotFailTheExport()
    {
        Harness h;
        const draft::Draft draft = prepare(h);
        fake::Fault broken = fault("render_poll", 1, 2);
        broken.httpStatus = 503;
        h.server.addFault(broken);
        auto job = runRender(h, draft);
        QVERIFY(finish(job.get(), 30000));
        QVERIFY2(!job->error(), qPrintable(job->error().message()));
        QVERIFY(h.server.callCount(QStringLiteral("render_poll")) >= 3);
    }

    // A good answer between failures starts their count again: failures that never come twelve in a
    // row do not fail the export.
    void pollFailuresCountOnlyInARow()
    {
        fake::Scenario scenario = test::quickScenario();
        scenario.renderMs = 8000;
        Harness h(scenario);
        const draft::Draft draft = prepare(h);
        for (int first : {1, 11}) {
            fake::Fault broken = fault("render_poll", first, 9);
            broken.httpStatus = 503;
            h.server.addFault(broken);
        }
        auto job = runRender(h, draft);
        QVERIFY(finish(job.get(), 60000));
        QVERIFY2(!job->error(), qPrintable(job->error().message()));
        QVERIFY(h.server.callCount(QStringLiteral("render_poll")) >= 20);
    }

    void resumesById()
    {
        Harness h;
        auto first = runRender(h, prepare(h));
        QSignalSpy assigned(first.get(), &RenderJob::jobIdAssigned);
        QVERIFY(assigned.wait(10000));
        const QString id = first->jobId();
        first->abort(); // the app went away; the job runs on
        auto resumed = keep(h.service->resumeRender(id));
        QVERIFY(finish(resumed.get(), 30000));
        QVERIFY2(!resumed->error(), qPrintable(resumed->error().message()));
        QCOMPARE(resumed->jobId(), id);
        QCOMPARE(resumed->status().state, RenderStatus::State::Completed);
        QCOMPARE(h.server.callCount(QStringLiteral("render")), 1);
        auto unknown = keep(h.service->resumeRender(QStringLiteral("render_1")));
        QVERIFY(finish(unknown.get()));
        QCOMPARE(unknown->error().kind(), ApiError::Kind::NotFound);
    }

    void checkNowPollsAtOnce()
    {
        Harness h;
        const draft::Draft draft = prepare(h);
        h.reconfigure([](net::ServiceConfig &config) {
            config.renderFirstCheck = config.renderShortestPoll = config.renderLongestPoll =
                std::chrono::seconds(60);
        });
        auto job = runRender(h, draft);
        QSignalSpy status(job.get(), &RenderJob::statusChanged);
        QVERIFY(status.wait(10000));
        QVERIFY(job->secondsToNextCheck() > 50);
        QCOMPARE(h.server.callCount(QStringLiteral("render_poll")), 0);
        job->checkNow();
        QTRY_COMPARE_WITH_TIMEOUT(status.count(), 2, 5000);
        QCOMPARE(h.server.callCount(QStringLiteral("render_poll")), 1);
        QVERIFY(job->secondsToNextCheck() > 50);
        job->abort();
    }

    void downloadResumesAfterACut()
    {
        Harness h;
        auto job = runRender(h, prepare(h));
        QVERIFY(finish(job.get(), 30000));
        const QByteArray expected = serverCopy(h, job->jobId());
        fake::Fault cut = fault("media", 1);
        cut.dropAfterBytes = expected.size() / 3;
        cut.reset = false;
        h.server.addFault(cut);
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("video.mp4"));
        auto download =
            keep(h.service->download(job->outputUrl(), job->fallbackUrl(), target, job->status().size));
        QVERIFY(finish(download.get()));
        QVERIFY2(!download->error(), qPrintable(download->error().message()));
        QVERIFY(download->attempts() >= 2);
        QCOMPARE(readFile(target), expected);
    }

    void downloadContinuesAnEarlierPart()
    {
        Harness h;
        auto job = runRender(h, prepare(h));
        QVERIFY(finish(job.get(), 30000));
        const QByteArray expected = serverCopy(h, job->jobId());
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("video.mp4"));
        QFile part(target + QStringLiteral(".part"));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(expected.left(expected.size() / 2));
        part.close();
        auto download =
            keep(h.service->download(job->outputUrl(), job->fallbackUrl(), target, job->status().size));
        QVERIFY(finish(download.get()));
        QVERIFY2(!download->error(), qPrintable(download->error().message()));
        QCOMPARE(download->resumedFrom(), expected.size() / 2);
        QCOMPARE(readFile(target), expected);
    }

    void fallbackDownload()
    {
        fake::Scenario scenario = quickScenario();
        scenario.outputUrl = QStringLiteral("none");
        Harness h(scenario);
        auto job = runRender(h, prepare(h));
        QVERIFY(finish(job.get(), 30000));
        QCOMPARE(job->outputUrl(), job->fallbackUrl());
        QTemporaryDir dir;
        auto download = keep(h.service->download(job->outputUrl(), job->fallbackUrl(),
                                                 dir.filePath(QStringLiteral("a.mp4")), -1));
        QVERIFY(finish(download.get()));
        QVERIFY2(!download->error(), qPrintable(download->error().message()));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("a.mp4"))), serverCopy(h, job->jobId()));
        // A broken output URL falls back too.
        QUrl missing = h.server.baseUrl();
        missing.setPath(QStringLiteral("/media/renders/missing.mp4"));
        auto again =
            keep(h.service->download(missing, job->fallbackUrl(), dir.filePath(QStringLiteral("b.mp4")), -1));
        QVERIFY(finish(again.get()));
        QVERIFY2(!again->error(), qPrintable(again->error().message()));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("b.mp4"))), serverCopy(h, job->jobId()));
    }

    void wrongSizeIsNotKept()
    {
        Harness h;
        auto job = runRender(h, prepare(h));
        QVERIFY(finish(job.get(), 30000));
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("v.mp4"));
        auto download = keep(h.service->download(job->outputUrl(), QUrl(), target, job->status().size + 10));
        QVERIFY(finish(download.get()));
        QCOMPARE(download->error().kind(), ApiError::Kind::BadResponse);
        QVERIFY(!QFile::exists(target));
        QVERIFY(!QFile::exists(target + QStringLiteral(".part")));
    }

    // The poll schedule with the contract's own timings, as the server saw it: the first check within
    // 3 s, never two checks less than 2 s apart nor more than 30 s, and the end noticed soon after it came.
    void pollsNoticeTheEndWithoutHammering_data()
    {
        QTest::addColumn<int>("renderMs");
        QTest::addColumn<int>("maxPolls");
        QTest::addColumn<int>("maxLagMs");
        QTest::newRow("3 s render") << 3000 << 2 << 2500;
        QTest::newRow("9 s render") << 9000 << 4 << 3000;
    }

    void pollsNoticeTheEndWithoutHammering()
    {
        QFETCH(int, renderMs);
        QFETCH(int, maxPolls);
        QFETCH(int, maxLagMs);
        fake::Scenario scenario = quickScenario();
        scenario.renderMs = renderMs;
        Harness h(scenario);
        const draft::Draft draft = prepare(h);
        h.reconfigure([](net::ServiceConfig &config) {
            const net::ServiceConfig contract;
            config.renderFirstCheck = contract.renderFirstCheck;
            config.renderShortestPoll = contract.renderShortestPoll;
            config.renderLongestPoll = contract.renderLongestPoll;
        });
        auto job = runRender(h, draft);
        QVERIFY(finish(job.get(), renderMs + 40000));
        QVERIFY2(!job->error(), qPrintable(job->error().message()));
        const QList<qint64> polls = h.server.renderPolls(job->jobId());
        const qint64 done = h.server.renderDoneAtMs(job->jobId());
        QVERIFY(!polls.isEmpty());
        QVERIFY(done >= renderMs);
        QVERIFY2(polls.first() >= 2800 && polls.first() <= 3600, qPrintable(QString::number(polls.first())));
        for (qsizetype i = 1; i < polls.size(); ++i) {
            const qint64 gap = polls.at(i) - polls.at(i - 1);
            QVERIFY2(gap >= 1950 && gap <= 30500, qPrintable(QStringLiteral("gap %1 ms").arg(gap)));
        }
        QVERIFY2(polls.size() <= maxPolls, qPrintable(QStringLiteral("%1 polls").arg(polls.size())));
        // The check that saw the end came soon after it.
        QVERIFY(polls.last() >= done);
        QVERIFY2(polls.last() - done <= maxLagMs,
                 qPrintable(QStringLiteral("noticed %1 ms late").arg(polls.last() - done)));
    }

    void estimateOfTimeLeft()
    {
        fake::Scenario scenario = quickScenario();
        scenario.renderMs = 20000;
        Harness h(scenario);
        const draft::Draft draft = prepare(h);
        h.reconfigure([](net::ServiceConfig &config) {
            config.renderFirstCheck = std::chrono::milliseconds(1000);
            config.renderShortestPoll = std::chrono::milliseconds(1000);
            config.renderLongestPoll = std::chrono::milliseconds(1000);
        });
        auto job = runRender(h, draft);
        QCOMPARE(job->estimatedSecondsLeft(), -1); // nothing to go by yet
        QSignalSpy status(job.get(), &RenderJob::statusChanged);
        QTRY_VERIFY_WITH_TIMEOUT(status.count() >= 3, 10000);
        // About 20 s in all, about 2–3 s gone: "about 17 s left", give or take the rounding of progress.
        const int left = job->estimatedSecondsLeft();
        QVERIFY2(left >= 12 && left <= 22, qPrintable(QString::number(left)));
        job->abort();
    }

    void cancelStopsTheExportAndLeavesNoFile()
    {
        fake::Scenario scenario = quickScenario();
        scenario.renderMs = 60000;
        Harness h(scenario);
        const draft::Draft draft = prepare(h);
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("cancelled.mp4"));
        render::Exporter exporter(h.service.get());
        QSignalSpy finished(&exporter, &render::Exporter::finished);
        exporter.start(draft, render::RenderOptions(), target);
        QTRY_VERIFY_WITH_TIMEOUT(!exporter.jobId().isEmpty(), 10000);
        exporter.cancel();
        QVERIFY(exporter.isCancelling());
        QVERIFY(finished.wait(10000));
        QCOMPARE(exporter.phase(), render::Exporter::Phase::Cancelled);
        QCOMPARE(exporter.error().kind(), ApiError::Kind::Cancelled);
        QCOMPARE(h.server.callCount(QStringLiteral("render_cancel")), 1);
        QVERIFY(QDir(dir.path()).isEmpty());
        // The service says so too, and nothing is fetched for it.
        auto resumed = keep(h.service->resumeRender(exporter.jobId()));
        QVERIFY(finish(resumed.get()));
        QCOMPARE(resumed->status().state, RenderStatus::State::Cancelled);
        QCOMPARE(resumed->error().kind(), ApiError::Kind::Cancelled);
        QCOMPARE(h.server.callCount(QStringLiteral("media")), 0);
    }

    void cancelDuringTheDownloadRemovesThePart()
    {
        fake::Scenario scenario = quickScenario();
        Harness h(scenario);
        const draft::Draft draft = prepare(h);
        fake::Fault stall = fault("media", 1);
        stall.pathContains = QStringLiteral("/renders/");
        stall.stallAfterBytes = 1000; // a small render is a few kilobytes
        h.server.addFault(stall);
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("half.mp4"));
        render::Exporter exporter(h.service.get());
        QSignalSpy finished(&exporter, &render::Exporter::finished);
        exporter.start(draft, render::RenderOptions(), target);
        QTRY_VERIFY_WITH_TIMEOUT(exporter.received() > 0, 20000);
        QCOMPARE(exporter.phase(), render::Exporter::Phase::Downloading);
        exporter.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(exporter.phase(), render::Exporter::Phase::Cancelled);
        QVERIFY(QDir(dir.path()).isEmpty());
    }

    void serviceThatCannotCancelFinishesTheExport()
    {
        fake::Scenario scenario = quickScenario();
        scenario.renderMs = 1500;
        scenario.cancelSupported = false;
        Harness h(scenario);
        const draft::Draft draft = prepare(h);
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("kept.mp4"));
        render::Exporter exporter(h.service.get());
        QSignalSpy finished(&exporter, &render::Exporter::finished);
        exporter.start(draft, render::RenderOptions(), target);
        QTRY_VERIFY_WITH_TIMEOUT(!exporter.jobId().isEmpty(), 10000);
        exporter.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!exporter.isCancelling(), 10000);
        QCOMPARE(exporter.notice(),
                 QStringLiteral("This export can't be stopped; it will finish on its own."));
        QVERIFY(finished.wait(30000));
        QCOMPARE(exporter.phase(), render::Exporter::Phase::Done);
        QVERIFY(QFileInfo(target).size() > 1000);
        QCOMPARE(h.server.callCount(QStringLiteral("render_cancel")), 1);
    }

    void insecureOutputUrlIsRefused()
    {
        Harness h;
        QTemporaryDir dir;
        auto download = keep(h.service->download(QUrl(QStringLiteral("http://cdn.example.com/v.mp4")), QUrl(),
                                                 dir.filePath(QStringLiteral("v.mp4")), -1));
        QVERIFY(finish(download.get()));
        QCOMPARE(download->error().kind(), ApiError::Kind::Insecure);
        QVERIFY(QDir(dir.path()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRender)
#include "tst_render.moc"
