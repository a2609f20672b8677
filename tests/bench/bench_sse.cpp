// Benchmark: SSE parse + agent event decode of an ADK event stream, on one core, fed in network-sized
// reads. Target: >= 100 MB/s.
#include "agentevent.h"
#include "benchsupport.h"
#include "sseparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace nemo::core;

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
    const QByteArray stream = makeStream(quick ? 1 << 20 : 64 << 20);
    constexpr qsizetype Read = 16 * 1024;
    std::vector<double> rates;
    qint64 events = 0;
    qint64 texts = 0;
    for (int round = 0; round < (quick ? 1 : 5); ++round) {
        SseParser parser;
        QList<SseEvent> parsed;
        QList<AgentEvent> decoded;
        events = 0;
        texts = 0;
        QElapsedTimer clock;
        clock.start();
        for (qsizetype offset = 0; offset < stream.size(); offset += Read) {
            parser.feed(QByteArrayView(stream).sliced(offset, qMin(Read, stream.size() - offset)), parsed);
            for (const SseEvent &event : std::as_const(parsed)) {
                AgentEventDecoder::decode(event, decoded);
                ++events;
            }
            for (const AgentEvent &event : std::as_const(decoded))
                texts += event.kind == AgentEvent::Kind::Text ? 1 : 0;
            parsed.clear();
            decoded.clear();
        }
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        rates.push_back(double(stream.size()) / (1024.0 * 1024.0) / seconds);
    }
    std::printf("stream %.1f MB, %lld events (%lld text), %d rounds\n", double(stream.size()) / (1024 * 1024),
                static_cast<long long>(events), static_cast<long long>(texts), int(rates.size()));
    nemo::bench::report("sse.parse_decode_throughput", nemo::bench::median(rates), "MB/s", ">= 100");
    return texts > 0 ? 0 : 1;
}
