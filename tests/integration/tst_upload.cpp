// Uploads against the local server: several files per request, streamed, checked first, URLs; and the
// clips the agent generates, fetched once into the media cache and listed in the media bin.
#include "harness.h"
#include "media/mediacache.h"
#include "media/uploadqueue.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace nemo;
using namespace nemo::test;
using media::UploadJob;
using net::ApiError;

namespace {

QString copy(const QTemporaryDir &dir, const char *source, const QString &name)
{
    const QString target = dir.filePath(name);
    QFile::copy(data(source), target);
    return target;
}

} // namespace

class TestUpload final : public QObject
{
    Q_OBJECT

private slots:
    // Beyond its limit the media cache lets go of the files used longest ago, after each fetch.
    void theCacheKeepsToItsLimit()
    {
        Harness h;
        QTemporaryDir cacheDir;
        auto old = [&](const char *name, int days) {
            const QString path = cacheDir.filePath(QLatin1String(name));
            QFile file(path);
            file.open(QIODevice::WriteOnly);
            file.write(QByteArray(200 * 1024, 'x'));
            file.setFileTime(QDateTime::currentDateTimeUtc().addDays(-days),
                             QFileDevice::FileModificationTime);
            return path;
        };
        const QString oldest = old("0000-oldest.mp4", 30);
        const QString older = old("0001-older.mp4", 20);
        const QString recent = old("0002-recent.mp4", 1);
        // Room for the new clip and one old file.
        const qint64 clip =
            QFileInfo(QStringLiteral(NEMO_TEST_DATA_DIR "/../fakeserver/data/sample.mp4")).size();
        QVERIFY(clip > 0);
        media::MediaCache cache(h.service.get(), cacheDir.path(), clip + 250 * 1024);
        media::UploadQueue bin(h.service.get());
        bin.setCache(&cache);
        QObject::connect(h.service.get(), &client::Service::stateChanged,
                         [&bin](const agent::ProjectState &state) { bin.addGenerated(state.generated); });
        auto turn = keep(h.service->sendMessage(QStringLiteral("a sunrise over the sea")));
        QVERIFY(finish(turn.get()));
        QTRY_COMPARE_WITH_TIMEOUT(bin.at(0).state, media::MediaItem::State::Uploaded, 10000);
        QVERIFY(QFile::exists(bin.at(0).path)); // the one just fetched stays
        QVERIFY(!QFile::exists(oldest));
        QVERIFY(!QFile::exists(older));
        QVERIFY(QFile::exists(recent));
    }

    void generatedClipsJoinTheBinOnce()
    {
        Harness h;
        QTemporaryDir cacheDir;
        media::MediaCache cache(h.service.get(), cacheDir.path());
        media::UploadQueue bin(h.service.get());
        bin.setCache(&cache);
        QObject::connect(h.service.get(), &client::Service::stateChanged,
                         [&bin](const agent::ProjectState &state) { bin.addGenerated(state.generated); });
        // Nothing uploaded: the agent generates a clip from the words.
        auto turn = keep(h.service->sendMessage(QStringLiteral("a sunrise over the sea")));
        QVERIFY(finish(turn.get()));
        QCOMPARE(turn->stateAfter().generated.size(), 1);
        QCOMPARE(bin.size(), 1);
        const media::MediaItem &item = bin.at(0);
        QVERIFY(item.isGenerated());
        QCOMPARE(item.kind, media::MediaKind::Video);
        QCOMPARE(item.prompt, QStringLiteral("a sunrise over the sea"));
        QCOMPARE(item.duration, 5.0);
        QVERIFY(item.name.startsWith(QLatin1String("generated_clip_")));
        QTRY_COMPARE_WITH_TIMEOUT(bin.at(0).state, media::MediaItem::State::Uploaded, 10000);
        const QString path = bin.at(0).path;
        QVERIFY(path.startsWith(cacheDir.path()));
        QFile local(path);
        QVERIFY(local.open(QIODevice::ReadOnly));
        QFile original(h.server.mediaDir() + QStringLiteral("/generated/") + item.url.fileName());
        QVERIFY(original.open(QIODevice::ReadOnly));
        QCOMPARE(local.readAll(), original.readAll());
        QCOMPARE(h.server.callCount(QStringLiteral("upload")), 0); // never sent back up
        QCOMPARE(h.server.callCount(QStringLiteral("media")), 1);

        // The state again (a refresh, a later turn): the same clip stays one item, fetched once.
        auto state = keep(h.service->fetchState());
        QVERIFY(finish(state.get()));
        QCOMPARE(bin.size(), 1);
        // A restart: the bin comes back from the project and the copy in the cache is used.
        media::UploadQueue again(h.service.get());
        again.setCache(&cache);
        media::MediaItem saved = media::MediaItem::fromJson(bin.at(0).toJson());
        saved.state = media::MediaItem::State::Uploading; // killed mid-fetch, as far as the project knows
        again.restore({saved});
        QTRY_COMPARE_WITH_TIMEOUT(again.at(0).state, media::MediaItem::State::Uploaded, 10000);
        QCOMPARE(again.at(0).path, path);
        QVERIFY(again.at(0).isGenerated());
        QCOMPARE(again.at(0).prompt, item.prompt);
        QCOMPARE(h.server.callCount(QStringLiteral("media")), 1);
    }

    void generatedClipFetchFailsWithRetry()
    {
        Harness h;
        QTemporaryDir cacheDir;
        media::MediaCache cache(h.service.get(), cacheDir.path());
        media::UploadQueue bin(h.service.get());
        bin.setCache(&cache);
        fake::Fault missing = fault("media", 1);
        missing.httpStatus = 503;
        missing.times = 20;
        h.server.addFault(missing);
        auto turn = keep(h.service->sendMessage(QStringLiteral("a sunrise over the sea")));
        QVERIFY(finish(turn.get()));
        bin.addGenerated(turn->stateAfter().generated);
        QTRY_COMPARE_WITH_TIMEOUT(bin.at(0).state, media::MediaItem::State::Failed, 20000);
        QVERIFY(!bin.at(0).error.isEmpty());
        h.server.setScenario(quickScenario()); // the service is back
        bin.retry(bin.at(0).id);
        QTRY_COMPARE_WITH_TIMEOUT(bin.at(0).state, media::MediaItem::State::Uploaded, 10000);
        QVERIFY(QFileInfo(bin.at(0).path).size() > 1000);
    }

    void twoImagesInOneRequest()
    {
        Harness h;
        auto job = keep(h.service->upload({data("photo1.jpg"), data("photo2.png")}));
        QSignalSpy progress(job.get(), &UploadJob::progress);
        QVERIFY(finish(job.get()));
        QVERIFY2(!job->error(), qPrintable(job->error().message()));
        QCOMPARE(job->files().size(), 2);
        QCOMPARE(job->files().at(0).filename, QStringLiteral("photo1.jpg"));
        QCOMPARE(job->files().at(0).fileType, QStringLiteral("image"));
        QCOMPARE(job->files().at(0).width, 640);
        QCOMPARE(job->files().at(1).height, 640);
        QVERIFY(!job->files().at(0).cdnUrl.isEmpty());
        QVERIFY(progress.count() >= 1);
        QCOMPARE(progress.last().at(0).toLongLong(), progress.last().at(1).toLongLong());
        QCOMPARE(h.server.callCount(QStringLiteral("upload")), 1);
        auto state = keep(h.service->fetchState());
        QVERIFY(finish(state.get()));
        QCOMPARE(state->state().videoInfos.size(), 2);
    }

    void invalidFilesAreRefusedAndNothingIsSent()
    {
        Harness h;
        QTemporaryDir dir;
        QFile text(dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("hello");
        text.close();
        auto job = keep(h.service->upload({data("photo1.jpg"), text.fileName()}));
        QVERIFY(finish(job.get()));
        QCOMPARE(job->error().kind(), ApiError::Kind::InvalidInput);
        QCOMPARE(job->refused().size(), 1);
        QVERIFY(job->error().message().contains(QLatin1String("notes.txt")));
        QVERIFY(job->error().message().contains(QLatin1String("Accepted")));
        QCOMPARE(h.server.callCount(QStringLiteral("upload")), 0);
        QCOMPARE(h.server.stats().value(QLatin1String("uploadsStored")).toInt(), 0);
    }

    void serverRefusesType()
    {
        Harness h;
        fake::Fault unsupported = fault("upload", 1);
        unsupported.code = 4001;
        h.server.addFault(unsupported);
        auto job = keep(h.service->upload({data("photo1.jpg")}));
        QVERIFY(finish(job.get()));
        QCOMPARE(job->error().kind(), ApiError::Kind::UnsupportedFile);
        QVERIFY(job->error().message().contains(QLatin1String("mp4, mov, avi")));
    }

    void serverRefusesSize()
    {
        fake::Scenario scenario = quickScenario();
        scenario.maxUploadBytes = 5000;
        Harness h(scenario);
        auto job = keep(h.service->upload({data("photo1.jpg")}));
        QVERIFY(finish(job.get()));
        QCOMPARE(job->error().kind(), ApiError::Kind::FileTooLarge);
        QVERIFY(job->error().message().contains(QLatin1String("Compress")));
    }

    void clientLimitIsASetting()
    {
        Harness h;
        h.reconfigure([](net::ServiceConfig &config) { config.maxUploadBytes = 1000; });
        auto job = keep(h.service->upload({data("photo1.jpg")}));
        QVERIFY(finish(job.get()));
        QCOMPARE(job->error().kind(), ApiError::Kind::InvalidInput);
        QVERIFY(job->error().message().contains(QLatin1String("limit")));
        QCOMPARE(h.server.callCount(QStringLiteral("upload")), 0);
    }

    void unicodeAndJpegNames()
    {
        Harness h;
        QTemporaryDir dir;
        const QString photo = copy(dir, "photo1.jpg", QStringLiteral("照片 \"一\".jpeg"));
        auto job = keep(h.service->upload({photo}));
        QVERIFY(finish(job.get()));
        QVERIFY2(!job->error(), qPrintable(job->error().message()));
        QCOMPARE(job->files().first().filename, QStringLiteral("照片 \"一\".jpg"));
    }

    void cancel()
    {
        Harness h;
        fake::Fault slow = fault("upload", 1);
        slow.delayMs = 3000;
        h.server.addFault(slow);
        auto job = keep(h.service->upload({data("photo1.jpg")}));
        QSignalSpy progress(job.get(), &UploadJob::progress);
        QVERIFY(progress.wait(10000));
        job->abort();
        QVERIFY(job->isFinished());
        QCOMPARE(job->error().kind(), ApiError::Kind::Cancelled);
    }

    void lostSessionRebuildsTheRequest()
    {
        Harness h;
        QVERIFY(finish(keep(h.service->fetchState()).get()));
        fake::Fault lost = fault("upload", 1);
        lost.code = 1002;
        h.server.addFault(lost);
        auto job = keep(h.service->upload({data("photo1.jpg"), data("music.mp3")}));
        QVERIFY(finish(job.get()));
        QVERIFY2(!job->error(), qPrintable(job->error().message()));
        QCOMPARE(job->files().size(), 2);
        QCOMPARE(h.server.callCount(QStringLiteral("upload")), 2);
    }

    void urls()
    {
        Harness h;
        auto job = keep(h.service->uploadUrls({QUrl(QStringLiteral("https://example.com/media/clip.mp4"))}));
        QVERIFY(finish(job.get()));
        QVERIFY2(!job->error(), qPrintable(job->error().message()));
        QCOMPARE(job->files().first().fileType, QStringLiteral("video"));
        auto bad = keep(h.service->uploadUrls({QUrl(QStringLiteral("file:///etc/passwd"))}));
        QVERIFY(finish(bad.get()));
        QCOMPARE(bad->error().kind(), ApiError::Kind::InvalidInput);
        QCOMPARE(UploadJob::checkUrl(QUrl(QStringLiteral("https://example.com/doc.pdf")))
                     .contains(QLatin1String("Accepted")),
                 true);
        QVERIFY(UploadJob::checkUrl(QUrl(QStringLiteral("https://example.com/watch?v=1"))).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUpload)
#include "tst_upload.moc"
