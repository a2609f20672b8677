// The one JSON reader for what the service sends (simdjson On-Demand), checked against QJsonDocument
// on the texts where readers usually part ways, plus its own contract (padding, nesting, strictness).
#include "jsondifferential.h"

#include <QTest>

using namespace nemo;

class TestJson final : public QObject
{
    Q_OBJECT

private slots:
    void agreesWithQJsonDocument_data()
    {
        QTest::addColumn<QByteArray>("text");
        const auto row = [](const char *name, const QByteArray &text) { QTest::newRow(name) << text; };
        row("object", "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"}}");
        row("array", "[1,2.5,-3e2,\"x\"]");
        row("whitespace around", " \n\t{\"a\":1}\r\n ");
        row("empty", "");
        row("only spaces", "   ");
        row("scalar root", "42");
        row("string root", "\"text\"");
        row("trailing garbage", "{\"a\":1} x");
        row("two documents", "{}{}");
        row("trailing comma in object", "{\"a\":1,}");
        row("trailing comma in array", "[1,2,]");
        row("double comma", "[1,,2]");
        row("unclosed object", "{\"a\":1");
        row("unclosed string", "{\"a\":\"b}");
        row("single quotes", "{'a':1}");
        row("unquoted key", "{a:1}");
        row("leading zero", "[01]");
        row("plus sign", "[+1]");
        row("bare dot", "[.5]");
        row("hex", "[0x10]");
        row("NaN", "[NaN]");
        row("infinity", "[Infinity]");
        row("huge exponent", "[1e400]");
        row("tiny exponent", "[1e-400]");
        row("subnormal", "[4.9e-324,1e-310]");
        row("zero with exponent", "[0e-400,0.0e5]");
        row("smallest normal", "[2.2250738585072014e-308]");
        row("big integer", "[12345678901234567890]");
        row("very big integer", "[123456789012345678901234567890]");
        row("int64 max", "[9223372036854775807]");
        row("int64 min", "[-9223372036854775808]");
        row("negative zero", "[-0]");
        row("zero with a huge exponent", "{\"a\":-0e122122222222222222222225222224}");
        row("zero with a huge exponent in a draft", "{\"d\":0e999999999999999999,\"t\":[]}");
        row("integral doubles", "{\"a\":[1e5,-377777777771e5,2.5e1,-0.0,1e20]}");
        row("fraction", "[0.1,1.5e3,-2.25E-2]");
        row("escapes", "[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"]");
        row("unicode escape", "[\"\\u00e9\\u4e2d\"]");
        row("lone surrogate", "[\"\\ud83d\\\"x\"]");
        row("surrogate pair", "[\"\\ud83d\\ude00\"]");
        row("control character in string", QByteArray("[\"a\x01b\"]"));
        row("bad escape", "[\"\\x\"]");
        row("raw UTF-8", "[\"\xc3\xa9\xe4\xb8\xad\"]");
        row("invalid UTF-8", "[\"\xc3\x28\"]");
        row("overlong UTF-8", "[\"\xc0\xaf\"]");
        row("duplicate keys", "{\"a\":1,\"a\":2}");
        row("duplicate draft keys", "{\"d\":100,\"t\":[{\"tt\":0,\"sg\":[{\"d\":1}]}],\"d\":200}");
        row("deep but fine", QByteArray(500, '[') + QByteArray(500, ']'));
        row("too deep", QByteArray(1100, '[') + QByteArray(1100, ']'));
        row("true misspelled", "[tru]");
        row("null misspelled", "[nul]");
        row("nested draft",
            "{\"t\":[{\"tt\":0,\"sg\":[{\"st\":0,\"d\":5000,\"m\":{\"src\":\"https://x/"
            "a.jpg\"}}]}],\"d\":5000}");
        row("draft with text track", "{\"t\":[{\"tt\":7,\"sg\":[{\"d\":3000,\"m\":{\"text\":\"Hi\"}}]}]}");
        row("keys with escapes", "{\"\\u0074\":[{\"\\u0074t\":1,\"sg\":[{\"d\":1000}]}]}");
    }
    void agreesWithQJsonDocument()
    {
        QFETCH(QByteArray, text);
        const QString difference = test::jsonDifference(text);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void draftFromAStateAnswerIsReadOnce()
    {
        const QByteArray answer = "{\"code\":0,\"data\":{\"session_id\":12,\"task_id\":\"t\",\"state\":{"
                                  "\"draft\":{\"t\":[{\"tt\":0,\"sg\":[{\"id\":\"a\",\"st\":0,\"d\":4000,"
                                  "\"m\":{\"src\":\"https://cdn/x/photo1.jpg\"}}]}],\"d\":4000},"
                                  "\"video_infos\":[{\"url\":\"u\"}],\"canvas_config\":{\"w\":1920}}}}";
        agent::ProjectState state;
        bool called = false;
        const net::ApiResult result = net::Envelope::decode(200, answer, [&](net::json::Value &data) {
            called = true;
            return agent::ProjectState::read(data, &state);
        });
        QVERIFY(called);
        QVERIFY(result.ok());
        QVERIFY(!result.body.contains(QLatin1String("data"))); // read by the reader, not kept twice
        QCOMPARE(state.sessionId, QStringLiteral("12"));
        QCOMPARE(state.taskId, QStringLiteral("t"));
        QCOMPARE(state.draft.segmentCount(), 1);
        QCOMPARE(state.draft.tracks().first().segments.first().label, QStringLiteral("photo1.jpg"));
        QCOMPARE(state.draft.tracks().first().segments.first().raw().value(QLatin1String("id")).toString(),
                 QStringLiteral("a"));
        QCOMPARE(state.videoInfos.size(), 1);
        QCOMPARE(state.canvas.value(QLatin1String("w")).toInt(), 1920);
    }

    void aMalformedDraftMakesTheAnswerBad()
    {
        const QByteArray answer =
            "{\"code\":0,\"data\":{\"state\":{\"draft\":{\"t\":[{\"tt\":0,\"sg\":[{\"d\":1,}]}]}}}}";
        agent::ProjectState state;
        const net::ApiResult result = net::Envelope::decode(
            200, answer, [&](net::json::Value &data) { return agent::ProjectState::read(data, &state); });
        QCOMPARE(result.error.kind(), net::ApiError::Kind::BadResponse);
    }

    void anErrorAnswerStaysAnError()
    {
        agent::ProjectState state;
        const net::ApiResult result = net::Envelope::decode(
            200, "{\"code\":1002,\"message\":\"gone\",\"data\":null}",
            [&](net::json::Value &data) { return agent::ProjectState::read(data, &state); });
        QCOMPARE(result.error.kind(), net::ApiError::Kind::SessionNotFound);
    }

    void documentsNestOnOneThread()
    {
        // A document read while another is open on the same thread has a parser of its own.
        net::json::Document outer;
        QVERIFY(outer.parse("{\"a\":[1,2,3]}"));
        net::json::od::object object;
        QVERIFY(!outer.root().get_object().get(object));
        net::json::od::value a;
        QVERIFY(!object.find_field_unordered("a").get(a));
        QJsonValue inner;
        QVERIFY(net::json::parseToQt("{\"b\":true}", &inner));
        QJsonValue read;
        QVERIFY(net::json::toQt(a, &read));
        QCOMPARE(read.toArray().size(), 3);
        QCOMPARE(inner.toObject().value(QLatin1String("b")).toBool(), true);
    }

    void bytesAtTheEndOfABufferAreSafe()
    {
        // simdjson reads past the end; the reader copies into a padded buffer, so a view that ends
        // exactly where its allocation does is fine (the address sanitizer build checks this).
        const QByteArray whole = QByteArrayLiteral("[1,2,3]");
        auto *exact = new char[size_t(whole.size())];
        memcpy(exact, whole.constData(), size_t(whole.size()));
        QJsonValue value;
        QVERIFY(net::json::parseToQt(QByteArrayView(exact, whole.size()), &value));
        delete[] exact;
        QCOMPARE(value.toArray().size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestJson)
#include "tst_json.moc"
