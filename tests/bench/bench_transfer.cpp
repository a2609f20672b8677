// Benchmark: upload and download of a 200 MB file to/from the local server (a separate process),
// against curl in the same run. Targets: peak RSS growth < 20 MB; throughput >= 80% of curl's.
#include "agent/session.h"
#include "auth/authenticator.h"
#include "auth/creditsquery.h"
#include "auth/memorysecretstore.h"
#include "auth/secretstore.h"
#include "benchsupport.h"
#include "client/service.h"
#include "media/uploadjob.h"
#include "net/downloadjob.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace nemo;

namespace {

struct Measure
{
    double seconds = 0;
    qint64 peakGrowth = 0;
    bool ok = false;
};

void writeFile(const QString &path, qint64 size)
{
    QFile sample(QStringLiteral(NEMO_SOURCE_DIR "/tests/fakeserver/data/sample.mp4"));
    sample.open(QIODevice::ReadOnly);
    QFile out(path);
    out.open(QIODevice::WriteOnly);
    out.write(sample.readAll()); // a real MP4 header, so the file passes the content check
    QByteArray block(1 << 20, Qt::Uninitialized);
    quint64 state = 0x9E3779B97F4A7C15ULL;
    while (out.size() < size) {
        for (qsizetype i = 0; i + 8 <= block.size(); i += 8) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            std::memcpy(block.data() + i, &state, 8);
        }
        out.write(block.constData(), qMin<qint64>(block.size(), size - out.size()));
    }
}

template<typename Start>
Measure measure(Start start)
{
    Measure m;
    nemo::bench::resetPeakRss();
    const qint64 before = nemo::bench::currentRss();
    QElapsedTimer clock;
    clock.start();
    net::ServiceJob *job = start();
    job->setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(job, &net::ServiceJob::finished, &loop, &QEventLoop::quit);
    if (!job->isFinished())
        loop.exec();
    m.seconds = double(clock.nsecsElapsed()) / 1e9;
    m.peakGrowth = qMax<qint64>(0, nemo::bench::peakRss() - before);
    m.ok = !job->error();
    if (job->error())
        std::fprintf(stderr, "transfer failed: %s\n", qPrintable(job->error().message()));
    delete job;
    return m;
}

double curl(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("curl"),
                  QStringList{QStringLiteral("-s"), QStringLiteral("-S"), QStringLiteral("-w"),
                              QStringLiteral("%{time_total}")} +
                      arguments);
    if (!process.waitForFinished(600000) || process.exitCode() != 0) {
        std::fprintf(stderr, "curl failed: %s\n", process.readAllStandardError().constData());
        return -1;
    }
    return process.readAllStandardOutput().trimmed().split('\n').last().toDouble();
}

QString storedToken(auth::MemorySecretStore &secrets, const QString &key)
{
    QString value;
    bool done = false;
    QObject context;
    secrets.read(key, &context, [&](const auth::SecretResult &result) {
        value = result.value;
        done = true;
    });
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return QJsonDocument::fromJson(value.toUtf8()).object().value(QLatin1String("token")).toString();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = nemo::bench::smoke(argc, argv);
    const qint64 size = quick ? 8'000'000 : 200'000'000;
    QTemporaryDir work;
    const QString media = work.filePath(QStringLiteral("media"));
    QDir().mkpath(media + QStringLiteral("/bench"));
    const QString file = work.filePath(QStringLiteral("big.mp4"));
    writeFile(file, size);
    QFile::copy(file, media + QStringLiteral("/bench/big.mp4"));

    QFile scenario(work.filePath(QStringLiteral("scenario.json")));
    scenario.open(QIODevice::WriteOnly);
    scenario.write("{\"maxUploadBytes\": 300000000}");
    scenario.close();
    QProcess server;
    server.start(QStringLiteral(NEMO_FAKE_SERVER_EXE),
                 {QStringLiteral("--scenario"), scenario.fileName(), QStringLiteral("--media-dir"), media});
    if (!server.waitForReadyRead(10000))
        return 2;
    const QUrl base(QString::fromLatin1(server.readLine()).trimmed().section(QLatin1Char('='), 1));

    auth::MemorySecretStore secrets;
    net::ServiceConfig config;
    config.baseUrl = base;
    config.maxUploadBytes = 300'000'000;
    client::Service service(config, &secrets);
    Measure warm = measure([&] { return service.fetchCredits(); });
    if (!warm.ok)
        return 3;
    const QString token = storedToken(secrets, service.auth()->tokenKey());
    const QString session = service.session()->info().sessionId;
    const bool haveCurl = !QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty();
    const QStringList headers{QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + token,
                              QStringLiteral("-H"), QStringLiteral("X-Skill-Source: ai-video-maker-ai"),
                              QStringLiteral("-H"), QStringLiteral("X-Skill-Version: 1.0.0"),
                              QStringLiteral("-H"), QStringLiteral("X-Skill-Platform: unknown")};
    const double megabytes = double(size) / 1e6;
    const int rounds = quick ? 1 : 3;

    std::vector<double> ours;
    std::vector<double> theirs;
    qint64 uploadGrowth = 0;
    for (int round = 0; round < rounds; ++round) {
        const Measure m = measure([&] { return service.upload({file}); });
        if (!m.ok)
            return 4;
        ours.push_back(megabytes / m.seconds);
        uploadGrowth = qMax(uploadGrowth, m.peakGrowth);
        if (haveCurl) {
            const double seconds = curl(
                headers +
                QStringList{QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-F"),
                            QStringLiteral("files=@") + file,
                            base.toString() + QStringLiteral("/api/upload-video/nemo_agent/me/") + session});
            if (seconds > 0)
                theirs.push_back(megabytes / seconds);
        }
    }
    std::printf("upload of %.0f MB, %d rounds\n", megabytes, rounds);
    nemo::bench::report("upload.throughput", nemo::bench::median(ours), "MB/s", "(vs curl below)");
    if (!theirs.empty()) {
        nemo::bench::report("upload.curl_throughput", nemo::bench::median(theirs), "MB/s", "(peer)");
        nemo::bench::report("upload.ratio_to_curl", nemo::bench::median(ours) / nemo::bench::median(theirs),
                            "x", ">= 0.8");
    }
    nemo::bench::report("upload.peak_rss_growth", double(uploadGrowth) / (1024 * 1024), "MB", "< 20");

    ours.clear();
    theirs.clear();
    qint64 downloadGrowth = 0;
    QUrl url = base;
    url.setPath(QStringLiteral("/media/bench/big.mp4"));
    for (int round = 0; round < rounds; ++round) {
        const QString target = work.filePath(QStringLiteral("ours.mp4"));
        QFile::remove(target);
        const Measure m = measure([&] { return service.download(url, QUrl(), target, size); });
        if (!m.ok || QFileInfo(target).size() != size)
            return 5;
        ours.push_back(megabytes / m.seconds);
        downloadGrowth = qMax(downloadGrowth, m.peakGrowth);
        if (haveCurl) {
            const QString curlTarget = work.filePath(QStringLiteral("curl.mp4"));
            const double seconds = curl({QStringLiteral("-o"), curlTarget, url.toString()});
            if (seconds > 0)
                theirs.push_back(megabytes / seconds);
            QFile::remove(curlTarget);
        }
    }
    std::printf("download of %.0f MB, %d rounds\n", megabytes, rounds);
    nemo::bench::report("download.throughput", nemo::bench::median(ours), "MB/s", "(vs curl below)");
    if (!theirs.empty()) {
        nemo::bench::report("download.curl_throughput", nemo::bench::median(theirs), "MB/s", "(peer)");
        nemo::bench::report("download.ratio_to_curl", nemo::bench::median(ours) / nemo::bench::median(theirs),
                            "x", ">= 0.8");
    }
    nemo::bench::report("download.peak_rss_growth", double(downloadGrowth) / (1024 * 1024), "MB", "< 20");
    server.terminate();
    server.waitForFinished(5000);
    return nemo::bench::exitCode();
}
