// The incremental SSE parser: the same stream split at every byte boundary gives the same events.
#include "net/sseparser.h"

#include <QTest>

using nemo::net::SseEvent;
using nemo::net::SseParser;

namespace {

QList<SseEvent> parseWhole(const QByteArray &stream)
{
    SseParser parser;
    QList<SseEvent> events;
    parser.feed(stream, events);
    parser.finish(events);
    return events;
}

QList<SseEvent> parseInPieces(const QByteArray &stream, qsizetype piece)
{
    SseParser parser;
    QList<SseEvent> events;
    for (qsizetype i = 0; i < stream.size(); i += piece)
        parser.feed(QByteArrayView(stream).sliced(i, qMin(piece, stream.size() - i)), events);
    parser.finish(events);
    return events;
}

QList<SseEvent> parseSplitAt(const QByteArray &stream, qsizetype at)
{
    SseParser parser;
    QList<SseEvent> events;
    parser.feed(QByteArrayView(stream).first(at), events);
    parser.feed(QByteArrayView(stream).sliced(at), events);
    parser.finish(events);
    return events;
}

QString describe(const QList<SseEvent> &events)
{
    QStringList parts;
    for (const SseEvent &e : events) {
        parts.append(
            e.type == SseEvent::Type::Comment
                ? QStringLiteral("comment(%1)").arg(QString::fromUtf8(e.data))
                : QStringLiteral("event(%1|%2|%3|%4|%5)")
                      .arg(QString::fromUtf8(e.data), QString::fromUtf8(e.event), QString::fromUtf8(e.id))
                      .arg(e.retryMs)
                      .arg(e.hasData));
    }
    return parts.join(QLatin1Char(' '));
}

QByteArray sampleStream(const QByteArray &eol)
{
    return ": heartbeat" + eol + eol + "data: {\"a\":1}" + eol + eol + "id: 7" + eol + "event: message" +
        eol + "data: line one" + eol + "data: line two" + eol + eol + "data:" + eol + eol + "retry: 2500" +
        eol + eol + "data:no space" + eol + "unknown: field" + eol + eol + "data: \xe4\xbd\xa0\xe5\xa5\xbd" +
        eol + eol;
}

} // namespace

class TestSseParser final : public QObject
{
    Q_OBJECT

private slots:
    void events()
    {
        const QList<SseEvent> events = parseWhole(sampleStream("\n"));
        QCOMPARE(events.size(), 7);
        QCOMPARE(events.at(0).type, SseEvent::Type::Comment);
        QCOMPARE(events.at(0).data, QByteArray(" heartbeat"));
        QCOMPARE(events.at(1).data, QByteArray("{\"a\":1}"));
        QCOMPARE(events.at(2).data, QByteArray("line one\nline two"));
        QCOMPARE(events.at(2).event, QByteArray("message"));
        QCOMPARE(events.at(2).id, QByteArray("7"));
        QVERIFY(events.at(3).hasData);
        QVERIFY(events.at(3).data.isEmpty());
        QCOMPARE(events.at(4).retryMs, 2500);
        QCOMPARE(events.at(5).data, QByteArray("no space"));
        QCOMPARE(events.at(6).data, QByteArray("\xe4\xbd\xa0\xe5\xa5\xbd"));
        QCOMPARE(events.at(6).id, QByteArray("7")); // the last event id carries over
    }

    void lineEndings_data()
    {
        QTest::addColumn<QByteArray>("eol");
        QTest::newRow("LF") << QByteArray("\n");
        QTest::newRow("CRLF") << QByteArray("\r\n");
        QTest::newRow("CR") << QByteArray("\r");
    }

    void lineEndings()
    {
        QFETCH(QByteArray, eol);
        QCOMPARE(describe(parseWhole(sampleStream(eol))), describe(parseWhole(sampleStream("\n"))));
    }

    void splitAtEveryByteBoundary_data() { lineEndings_data(); }

    void splitAtEveryByteBoundary()
    {
        QFETCH(QByteArray, eol);
        const QByteArray stream = sampleStream(eol);
        const QString expected = describe(parseWhole(stream));
        for (qsizetype at = 0; at <= stream.size(); ++at)
            QCOMPARE(describe(parseSplitAt(stream, at)), expected);
        for (qsizetype piece = 1; piece <= 9; ++piece)
            QCOMPARE(describe(parseInPieces(stream, piece)), expected);
    }

    void mixedLineEndings()
    {
        const QByteArray stream = "data: a\r\ndata: b\rdata: c\n\r\n: x\r\rdata: d\n\n";
        const QList<SseEvent> events = parseWhole(stream);
        QCOMPARE(events.size(), 3);
        QCOMPARE(events.at(0).data, QByteArray("a\nb\nc"));
        QCOMPARE(events.at(1).type, SseEvent::Type::Comment);
        QCOMPARE(events.at(2).data, QByteArray("d"));
        for (qsizetype at = 0; at <= stream.size(); ++at)
            QCOMPARE(describe(parseSplitAt(stream, at)), describe(events));
    }

    void byteOrderMark()
    {
        const QByteArray stream = "\xEF\xBB\xBF"
                                  "data: x\n\n";
        for (qsizetype at = 0; at <= stream.size(); ++at) {
            const QList<SseEvent> events = parseSplitAt(stream, at);
            QCOMPARE(events.size(), 1);
            QCOMPARE(events.first().data, QByteArray("x"));
        }
        // Only at the very start.
        QCOMPARE(parseWhole("data: \xEF\xBB\xBF"
                            "y\n\n")
                     .first()
                     .data,
                 QByteArray("\xEF\xBB\xBF"
                            "y"));
    }

    void blankLinesAloneDispatchNothing()
    {
        QCOMPARE(parseWhole("\n\n\r\n\r\n").size(), 0);
        QCOMPARE(parseWhole("id: 3\n\n").size(), 0);
    }

    void unterminatedLastEventIsDelivered()
    {
        const QList<SseEvent> events = parseWhole("data: one\n\ndata: two");
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(1).data, QByteArray("two"));
    }

    void invalidRetryIsIgnored()
    {
        const QList<SseEvent> events = parseWhole("retry: soon\ndata: x\n\n");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().retryMs, -1);
    }

    void oversizedEventsAreDropped()
    {
        SseParser parser;
        parser.setMaxEventBytes(100);
        QList<SseEvent> events;
        const QByteArray big = "data: " + QByteArray(500, 'x') + "\n\ndata: small\n\n";
        for (qsizetype i = 0; i < big.size(); i += 7)
            parser.feed(QByteArrayView(big).sliced(i, qMin<qsizetype>(7, big.size() - i)), events);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().data, QByteArray("small"));
        QCOMPARE(parser.oversizedEvents(), 1);
    }

    void hugeLineWithinLimit()
    {
        const QByteArray line(3 * 1024 * 1024, 'a');
        const QList<SseEvent> events = parseInPieces("data: " + line + "\n\n", 65536);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().data.size(), line.size());
    }

    void crAtEndOfChunkThenLf()
    {
        SseParser parser;
        QList<SseEvent> events;
        parser.feed("data: a\r", events);
        QCOMPARE(events.size(), 0);
        // The LF completes the CRLF; the next CR is a blank line at once.
        parser.feed("\n\r", events);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().data, QByteArray("a"));
        // ... and an LF right after it is part of that line end, not another blank line.
        parser.feed("\ndata: b\n\n", events);
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.last().data, QByteArray("b"));
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
