// The server's own HTTP pieces: request heads, chunked bodies and streamed multipart.
#include "httpmessage.h"
#include "multipartreader.h"

#include <QTest>

using namespace nemo::fake;

class TestHttpParsing final : public QObject
{
    Q_OBJECT

private slots:
    void requestHead()
    {
        RequestHeadParser parser;
        HttpRequest request;
        qsizetype consumed = 0;
        const QByteArray raw =
            "POST /api/upload-video/nemo_agent/me/42?x=1 HTTP/1.1\r\nHost: a\r\nX-Client-Id: abc\r\n"
            "Content-Length: 3\r\n\r\nxyz";
        QCOMPARE(parser.parse(raw.left(20), request, consumed), RequestHeadParser::Result::Incomplete);
        QCOMPARE(parser.parse(raw, request, consumed), RequestHeadParser::Result::Done);
        QCOMPARE(consumed, raw.size() - 3);
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QStringLiteral("/api/upload-video/nemo_agent/me/42"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("x")), QStringLiteral("1"));
        QCOMPARE(request.header("x-client-id"), QByteArray("abc"));
        QCOMPARE(request.contentLength(), 3);
    }

    void requestHeadRejectsGarbage()
    {
        RequestHeadParser parser;
        HttpRequest request;
        qsizetype consumed = 0;
        QCOMPARE(parser.parse("NONSENSE\r\n\r\n", request, consumed), RequestHeadParser::Result::Error);
        QCOMPARE(parser.parse("GET / HTTP/1.1\r\nno colon here\r\n\r\n", request, consumed),
                 RequestHeadParser::Result::Error);
    }

    void chunkedBodySplitAtEveryByte()
    {
        const QByteArray wire = "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nTrailer: x\r\n\r\n";
        for (qsizetype split = 1; split < wire.size(); ++split) {
            ChunkedDecoder decoder;
            QByteArray buffer;
            QByteArray out;
            ChunkedDecoder::Result result = ChunkedDecoder::Result::NeedMore;
            for (qsizetype i = 0; i < wire.size(); i += split) {
                buffer += wire.mid(i, split);
                result = decoder.feed(buffer, out);
                QVERIFY(result != ChunkedDecoder::Result::Error);
            }
            QCOMPARE(result, ChunkedDecoder::Result::Done);
            QCOMPARE(out, QByteArray("hello, world"));
        }
    }

    void chunkedBodyRejectsBadSize()
    {
        ChunkedDecoder decoder;
        QByteArray buffer = "zz\r\n";
        QByteArray out;
        QCOMPARE(decoder.feed(buffer, out), ChunkedDecoder::Result::Error);
    }

    void boundaryFromContentType()
    {
        QCOMPARE(MultipartReader::boundaryFromContentType("multipart/form-data; boundary=abc"),
                 QByteArray("abc"));
        QCOMPARE(MultipartReader::boundaryFromContentType("multipart/form-data; charset=x; boundary=\"a;b\""),
                 QByteArray("a;b"));
        QVERIFY(MultipartReader::boundaryFromContentType("application/json").isEmpty());
    }

    void multipartSplitAtEveryByte()
    {
        const QByteArray body =
            "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.jpg\"\r\n"
            "Content-Type: image/jpeg\r\n\r\nAAA\r\n--XyQ near miss\r\n-XyZ\r\nBB\r\n"
            "--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"x\"; "
            "filename*=UTF-8''%E7%85%A7%E7%89%87.png\r\n\r\nCCCC\r\n--XyZ--\r\nepilogue";
        for (qsizetype split = 1; split <= body.size(); ++split) {
            MultipartReader reader("XyZ");
            QStringList names;
            QList<QByteArray> contents;
            int ends = 0;
            reader.onPartBegin = [&](const MultipartPartHead &head) {
                names.append(head.filename);
                contents.append(QByteArray());
            };
            reader.onPartData = [&](QByteArrayView data) {
                contents.last().append(data.data(), data.size());
            };
            reader.onPartEnd = [&] { ++ends; };
            for (qsizetype i = 0; i < body.size(); i += split)
                reader.feed(QByteArrayView(body).sliced(i, qMin(split, body.size() - i)));
            QVERIFY2(reader.isComplete(), qPrintable(QString::number(split)));
            QCOMPARE(names, QStringList({QStringLiteral("a.jpg"), QStringLiteral("照片.png")}));
            QCOMPARE(contents.value(0), QByteArray("AAA\r\n--XyQ near miss\r\n-XyZ\r\nBB"));
            QCOMPARE(contents.value(1), QByteArray("CCCC"));
            QCOMPARE(ends, 2);
        }
    }

    void multipartWithoutClosingBoundaryIsIncomplete()
    {
        MultipartReader reader("b");
        reader.feed("--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a\"\r\n\r\ndata");
        QVERIFY(!reader.isComplete());
        QVERIFY(!reader.hasError());
    }
};

QTEST_GUILESS_MAIN(TestHttpParsing)
#include "tst_httpparsing.moc"
