// Benchmark: how soon a finished cloud render is noticed and playing, and how many checks it took —
// the adaptive schedule (first check within 3 s, then at the end the progress predicts, 2–30 s apart)
// against the fixed 30 s rule it replaced, in the same run, on renders of 3, 30 and 90 s, and of 27.6 s
// (a captured real render) and 31 s: lengths the fixed rule's 30 s steps do not happen to meet. Each
// export takes the product's own path: RenderJob polling the local server, DownloadJob fetching the MP4, and
// a QMediaPlayer showing its first frame. The server records when each render finished and every poll.
#include "agent/chatturn.h"
#include "auth/memorysecretstore.h"
#include "auth/secretstore.h"
#include "benchsupport.h"
#include "client/service.h"
#include "fakeserver.h"
#include "media/uploadjob.h"
#include "render/exporter.h"
#include "render/renderjob.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QMediaPlayer>
#include <QTemporaryDir>
#include <QTimer>
#include <QVideoFrame>
#include <QVideoSink>

#include <memory>

using namespace nemo;
using namespace std::chrono_literals;

namespace {

bool waitFor(net::ServiceJob *job)
{
    QEventLoop loop;
    QObject::connect(job, &net::ServiceJob::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    if (!job->isFinished())
        loop.exec();
    return job->isFinished() && !job->error();
}

// One export under one rule: its own sign-in and session on the server for its render length.
struct Run
{
    QString rule;
    int renderMs = 0;
    fake::FakeServer *server = nullptr;
    auth::MemorySecretStore secrets;
    std::unique_ptr<client::Service> service;
    std::unique_ptr<render::Exporter> exporter;
    std::unique_ptr<QMediaPlayer> player;
    QVideoSink sink;
    QElapsedTimer clock;
    qint64 createdMs = -1; // the job id came back (the server's render clock started just before)
    qint64 downloadedMs = -1;
    qint64 playingMs = -1;
    draft::Draft draft;

    bool prepare()
    {
        auto upload = service->upload({QStringLiteral(NEMO_SOURCE_DIR "/tests/data/photo1.jpg")});
        upload->setAutoDelete(false);
        std::unique_ptr<media::UploadJob> keepUpload(upload);
        if (!waitFor(upload))
            return false;
        auto *turn = service->sendMessage(QStringLiteral("make a 4-second video"));
        turn->setAutoDelete(false);
        std::unique_ptr<agent::ChatTurn> keepTurn(turn);
        if (!waitFor(turn) || !turn->hasStateAfter())
            return false;
        draft = turn->stateAfter().draft;
        return draft.isExportable();
    }

    void start(const QString &target)
    {
        exporter = std::make_unique<render::Exporter>(service.get());
        player = std::make_unique<QMediaPlayer>();
        player->setVideoSink(&sink);
        QObject::connect(exporter.get(), &render::Exporter::jobIdAssigned,
                         [this] { createdMs = clock.elapsed(); });
        QObject::connect(exporter.get(), &render::Exporter::finished, [this] {
            if (exporter->phase() != render::Exporter::Phase::Done)
                return;
            downloadedMs = clock.elapsed();
            player->setSource(QUrl::fromLocalFile(exporter->targetPath()));
            player->play();
        });
        QObject::connect(&sink, &QVideoSink::videoFrameChanged, [this](const QVideoFrame &frame) {
            if (playingMs < 0 && frame.isValid())
                playingMs = clock.elapsed();
        });
        clock.start();
        exporter->start(draft, render::RenderOptions(), target);
    }

    bool done() const { return playingMs >= 0 || exporter->phase() == render::Exporter::Phase::Failed; }
};

} // namespace

int main(int argc, char **argv)
{
    // The player needs a GUI platform; without a display the offscreen one will do.
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const bool smoke = bench::smoke(argc, argv);
    const QList<int> lengths = smoke ? QList<int>{1000} : QList<int>{3000, 27600, 30000, 31000, 90000};
    // The rule this replaced: the first check after 30 s, then every 30 s (3 s in the smoke run).
    const auto fixed = smoke ? std::chrono::milliseconds(3s) : std::chrono::milliseconds(30s);

    QTemporaryDir dir;
    std::vector<std::unique_ptr<fake::FakeServer>> servers;
    std::vector<std::unique_ptr<Run>> runs;
    for (int length : lengths) {
        auto server = std::make_unique<fake::FakeServer>();
        fake::Scenario scenario;
        scenario.eventDelayMs = 1;
        scenario.noTextRatio = 0;
        scenario.renderMs = length;
        scenario.renderSize = QSize(320, 180);
        server->setScenario(scenario);
        server->listen();
        for (const QString &rule : {QStringLiteral("adaptive"), QStringLiteral("fixed30")}) {
            auto run = std::make_unique<Run>();
            run->rule = rule;
            run->renderMs = length;
            run->server = server.get();
            net::ServiceConfig config;
            config.baseUrl = server->baseUrl();
            config.language = QStringLiteral("en");
            if (rule == QLatin1String("fixed30"))
                config.renderFirstCheck = config.renderShortestPoll = config.renderLongestPoll = fixed;
            run->service = std::make_unique<client::Service>(config, &run->secrets);
            if (!run->prepare()) {
                std::fprintf(stderr, "could not prepare a draft to export\n");
                return 1;
            }
            runs.push_back(std::move(run));
        }
        servers.push_back(std::move(server));
    }
    int index = 0;
    for (auto &run : runs)
        run->start(dir.filePath(QStringLiteral("export-%1.mp4").arg(++index)));
    QElapsedTimer overall;
    overall.start();
    while (overall.elapsed() < 600000) {
        bool all = true;
        for (const auto &run : runs)
            all = all && run->done();
        if (all)
            break;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }

    for (const auto &run : runs) {
        const QString id = run->exporter->jobId();
        const qint64 doneAt = run->server->renderDoneAtMs(id);
        if (run->playingMs < 0 || doneAt < 0) {
            std::fprintf(stderr, "%s %d ms: the export did not finish (%s)\n", qPrintable(run->rule),
                         run->renderMs, qPrintable(run->exporter->error().message()));
            return 1;
        }
        // From the moment the service had the video to the moment it played here.
        const double lag = double(run->playingMs - run->createdMs - doneAt) / 1000.0;
        const double noticed = double(run->downloadedMs - run->createdMs - doneAt) / 1000.0;
        const QByteArray name =
            QStringLiteral("render%1s.%2").arg(run->renderMs / 1000.0).arg(run->rule).toUtf8();
        bench::report(QByteArray(name + ".finished_to_playing").constData(), lag, "s",
                      run->rule == QLatin1String("adaptive") ? "small" : "(peer)");
        bench::report(QByteArray(name + ".finished_to_downloaded").constData(), noticed, "s", "");
        bench::report(QByteArray(name + ".polls").constData(), double(run->server->renderPolls(id).size()),
                      "polls", "");
    }
    for (qsizetype i = 0; i + 1 < qsizetype(runs.size()); i += 2) {
        const Run &adaptive = *runs[size_t(i)];
        const Run &fixedRun = *runs[size_t(i + 1)];
        const auto lagOf = [](const Run &run) {
            return double(run.playingMs - run.createdMs - run.server->renderDoneAtMs(run.exporter->jobId()));
        };
        const QByteArray name =
            QStringLiteral("render%1s.lag_ratio_fixed_to_adaptive").arg(adaptive.renderMs / 1000.0).toUtf8();
        bench::report(name.constData(), lagOf(fixedRun) / qMax(1.0, lagOf(adaptive)), "x", "> 1");
    }
    return nemo::bench::exitCode();
}
