// Benchmark: SSE parse + agent event decode of an ADK event stream, on one core, fed in network-sized
// reads. Target: >= 100 MB/s. Its peer, on the same 100 MB stream in the same run: the npm package
// eventsource-parser with JSON.parse for each event (tests/bench/ssepeer; ./scripts/bench installs it).
#include "agent/agentevent.h"
#include "agent/agenteventdecoder.h"
#include "benchsupport.h"
#include "net/sseparser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace nemo;

namespace {

// A stream as the service sends it: model text chunks, final events, tool calls and results,
// heartbeats, in the proportions of a real turn.
QByteArray makeStream(qsizetype targetBytes)
{
    QByteArray stream;
    stream.reserve(targetBytes + 4096);
    const QString words =
        QStringLiteral("Sure, I will turn your photos into a thirty second promo with music and a title. ");
    int n = 0;
    while (stream.size() < targetBytes) {
        ++n;
        QString text;
        for (int i = 0; i < 6; ++i) {
            const QString chunk = words.mid((n + i) % 20, 24 + (i * 7) % 30);
            text += chunk;
            const QJsonObject partial{
                {QStringLiteral("content"),
                 QJsonObject{
                     {QStringLiteral("role"), QStringLiteral("model")},
                     {QStringLiteral("parts"), QJsonArray{QJsonObject{{QStringLiteral("text"), chunk}}}}}},
                {QStringLiteral("partial"), true},
                {QStringLiteral("author"), QStringLiteral("nemo_agent")},
                {QStringLiteral("invocationId"), QStringLiteral("e-7f3a9c")},
                {QStringLiteral("id"), QStringLiteral("evt-%1-%2").arg(n).arg(i)},
                {QStringLiteral("timestamp"), 1763712000.123 + n}};
            stream += "data: " + QJsonDocument(partial).toJson(QJsonDocument::Compact) + "\r\n\r\n";
        }
        const QJsonObject final{
            {QStringLiteral("content"),
             QJsonObject{{QStringLiteral("role"), QStringLiteral("model")},
                         {QStringLiteral("parts"), QJsonArray{QJsonObject{{QStringLiteral("text"), text}}}}}},
            {QStringLiteral("author"), QStringLiteral("nemo_agent")},
            {QStringLiteral("id"), QStringLiteral("evt-%1").arg(n)}};
        stream += "data: " + QJsonDocument(final).toJson(QJsonDocument::Compact) + "\r\n\r\n";
        const QJsonObject call{
            {QStringLiteral("content"),
             QJsonObject{{QStringLiteral("role"), QStringLiteral("model")},
                         {QStringLiteral("parts"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("functionCall"),
                               QJsonObject{{QStringLiteral("id"), QStringLiteral("c%1").arg(n)},
                                           {QStringLiteral("name"), QStringLiteral("edit_multitrack")},
                                           {QStringLiteral("args"),
                                            QJsonObject{{QStringLiteral("tracks"), 3}}}}}}}}}},
            {QStringLiteral("author"), QStringLiteral("nemo_agent")}};
        stream += "data: " + QJsonDocument(call).toJson(QJsonDocument::Compact) + "\r\n\r\n";
        stream += ": heartbeat\r\n\r\ndata:\r\n\r\n";
    }
    return stream;
}

} // namespace

int main(int argc, char **argv)
{
    const bool quick = nemo::bench::smoke(argc, argv);
    const QByteArray stream = makeStream(quick ? 1 << 20 : 100 << 20);
    constexpr qsizetype Read = 16 * 1024;
    std::vector<double> rates;
    qint64 events = 0;
    qint64 texts = 0;
    for (int round = 0; round < (quick ? 1 : 5); ++round) {
        net::SseParser parser;
        QList<net::SseEvent> parsed;
        QList<agent::AgentEvent> decoded;
        events = 0;
        texts = 0;
        QElapsedTimer clock;
        clock.start();
        for (qsizetype offset = 0; offset < stream.size(); offset += Read) {
            parser.feed(QByteArrayView(stream).sliced(offset, qMin(Read, stream.size() - offset)), parsed);
            for (const net::SseEvent &event : std::as_const(parsed)) {
                agent::AgentEventDecoder::decode(event, decoded);
                ++events;
            }
            for (const agent::AgentEvent &event : std::as_const(decoded))
                texts += event.kind == agent::AgentEvent::Kind::Text ? 1 : 0;
            parsed.clear();
            decoded.clear();
        }
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        rates.push_back(double(stream.size()) / (1024.0 * 1024.0) / seconds);
    }
    std::printf("stream %.1f MB, %lld events (%lld text), %d rounds\n", double(stream.size()) / (1024 * 1024),
                static_cast<long long>(events), static_cast<long long>(texts), int(rates.size()));
    const double ours = nemo::bench::median(rates);
    nemo::bench::report("sse.parse_decode_throughput", ours, "MB/s", ">= 100");

    // The peer reads the same bytes from a file.
    const QString peer = QStringLiteral(NEMO_SSE_PEER_DIR);
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty() ||
        !QFile::exists(peer + QStringLiteral("/node_modules/eventsource-parser/package.json"))) {
        std::printf(
            "the peer (node + eventsource-parser in %s) is not installed: ./scripts/bench sse installs it\n",
            qPrintable(peer));
        return texts > 0 ? 0 : 1;
    }
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("stream.sse")));
    if (!file.open(QIODevice::WriteOnly) || file.write(stream) != stream.size())
        return 1;
    file.close();
    QProcess process;
    process.setWorkingDirectory(peer);
    process.start(node,
                  {peer + QStringLiteral("/ssepeer.mjs"), file.fileName(), QString::number(quick ? 1 : 5)});
    if (!process.waitForFinished(600000) || process.exitCode() != 0) {
        std::fprintf(stderr, "the peer failed: %s\n", process.readAllStandardError().constData());
        return 1;
    }
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    const auto rate = QRegularExpression(QStringLiteral("peer_mb_per_s=([0-9.]+)")).match(out);
    const auto counts = QRegularExpression(QStringLiteral("peer_events=(\\d+) peer_texts=(\\d+)")).match(out);
    if (!rate.hasMatch() || !counts.hasMatch())
        return 1;
    std::printf("peer: %s events (%s with text)\n", qPrintable(counts.captured(1)),
                qPrintable(counts.captured(2)));
    const double theirs = rate.captured(1).toDouble();
    nemo::bench::report("sse.peer_eventsource_parser_json_parse", theirs, "MB/s", "(peer, node)");
    nemo::bench::report("sse.ratio_to_peer", theirs > 0 ? ours / theirs : 0, "x", "(> 1 is faster)");
    return texts > 0 ? 0 : 1;
}
