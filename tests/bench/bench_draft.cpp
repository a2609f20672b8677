// Benchmark: decoding a 10,000-segment draft from its JSON bytes (parse + model). Target: < 20 ms.
#include "benchsupport.h"
#include "draft.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace nemo::core;

int main(int argc, char **argv)
{
    const bool quick = nemo::bench::smoke(argc, argv);
    QJsonArray video;
    QJsonArray audio;
    QJsonArray text;
    for (int i = 0; i < 10000; ++i) {
        QJsonArray &segments = i % 10 == 0 ? audio : (i % 10 == 1 ? text : video);
        segments.append(QJsonObject{
            {QStringLiteral("id"), QStringLiteral("seg_%1").arg(i)},
            {QStringLiteral("st"), i * 500},
            {QStringLiteral("d"), 500},
            {QStringLiteral("src"), QStringLiteral("https://cdn.nemovideo.ai/u/anon_1/clip_%1.mp4").arg(i)},
            {QStringLiteral("m"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("clip_%1.mp4").arg(i)},
                         {QStringLiteral("text"), QStringLiteral("Caption %1").arg(i)},
                         {QStringLiteral("volume"), 0.35},
                         {QStringLiteral("width"), 1920},
                         {QStringLiteral("height"), 1080}}},
            {QStringLiteral("fx"), QStringLiteral("ken_burns")}});
    }
    const QJsonObject draft{
        {QStringLiteral("d"), 5000000},
        {QStringLiteral("m"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Benchmark")}}},
        {QStringLiteral("t"),
         QJsonArray{QJsonObject{{QStringLiteral("tt"), 0}, {QStringLiteral("sg"), video}},
                    QJsonObject{{QStringLiteral("tt"), 1}, {QStringLiteral("sg"), audio}},
                    QJsonObject{{QStringLiteral("tt"), 7}, {QStringLiteral("sg"), text}}}}};
    const QByteArray bytes = QJsonDocument(draft).toJson(QJsonDocument::Compact);
    std::vector<double> times;
    int segments = 0;
    for (int round = 0; round < (quick ? 2 : 30); ++round) {
        QElapsedTimer clock;
        clock.start();
        const Draft decoded = Draft::fromBytes(bytes);
        segments = decoded.segmentCount();
        times.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::printf("draft %.1f MB, %d segments, %d rounds\n", double(bytes.size()) / (1024 * 1024), segments,
                int(times.size()));
    nemo::bench::report("draft.decode_10000_segments", nemo::bench::median(times), "ms", "< 20");
    return segments == 10000 ? 0 : 1;
}
