// Decoding agent events: the ADK form, the simplified form, heartbeats and errors.
#include "agent/agentevent.h"
#include "agent/agenteventdecoder.h"

#include <QTest>

using nemo::agent::AgentEvent;
using nemo::agent::AgentEventDecoder;
using nemo::net::SseEvent;

Q_DECLARE_METATYPE(AgentEvent::Kind)

namespace {

QList<AgentEvent> decode(const QByteArray &data, SseEvent::Type type = SseEvent::Type::Message)
{
    SseEvent event;
    event.type = type;
    event.data = data;
    event.hasData = true;
    QList<AgentEvent> out;
    AgentEventDecoder::decode(event, out);
    return out;
}

} // namespace

class TestAgentEvent final : public QObject
{
    Q_OBJECT

private slots:
    void kinds_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<AgentEvent::Kind>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("partial");
        QTest::addColumn<QString>("tool");

        QTest::newRow("adk partial text")
            << QByteArray("{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hel\"}]},\"partial\":true,"
                          "\"author\":\"a\"}")
            << AgentEvent::Kind::Text << QStringLiteral("Hel") << true << QString();
        QTest::newRow("adk final text")
            << QByteArray("{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hello\"}]},\"author\":"
                          "\"a\",\"id\":\"e1\"}")
            << AgentEvent::Kind::Text << QStringLiteral("Hello") << false << QString();
        QTest::newRow("adk function call")
            << QByteArray("{\"content\":{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"id\":\"c\","
                          "\"name\":\"edit_multitrack\",\"args\":{}}}]}}")
            << AgentEvent::Kind::ToolCall << QString() << false << QStringLiteral("edit_multitrack");
        QTest::newRow("adk function response")
            << QByteArray("{\"content\":{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"id\":\"c\","
                          "\"name\":\"edit_multitrack\",\"response\":{}}}]}}")
            << AgentEvent::Kind::ToolResult << QString() << false << QStringLiteral("edit_multitrack");
        QTest::newRow("simple text") << QByteArray("{\"type\":\"text\",\"content\":\"Hi\"}")
                                     << AgentEvent::Kind::Text << QStringLiteral("Hi") << false << QString();
        QTest::newRow("simple tool call")
            << QByteArray("{\"type\":\"tool_call\",\"name\":\"generate_video_with_seedance\"}")
            << AgentEvent::Kind::ToolCall << QString() << false
            << QStringLiteral("generate_video_with_seedance");
        QTest::newRow("simple tool result")
            << QByteArray("{\"type\":\"tool_result\",\"name\":\"x\",\"result\":{}}")
            << AgentEvent::Kind::ToolResult << QString() << false << QStringLiteral("x");
        QTest::newRow("simple heartbeat") << QByteArray("{\"type\":\"heartbeat\"}")
                                          << AgentEvent::Kind::Heartbeat << QString() << false << QString();
        QTest::newRow("empty data") << QByteArray("") << AgentEvent::Kind::Heartbeat << QString() << false
                                    << QString();
        QTest::newRow("blank data") << QByteArray(" \n ") << AgentEvent::Kind::Heartbeat << QString() << false
                                    << QString();
        QTest::newRow("error string")
            << QByteArray("{\"error\":\"model overloaded\"}") << AgentEvent::Kind::Error
            << QStringLiteral("model overloaded") << false << QString();
        QTest::newRow("error object")
            << QByteArray("{\"error\":{\"message\":\"quota\"}}") << AgentEvent::Kind::Error
            << QStringLiteral("quota") << false << QString();
        QTest::newRow("adk error fields")
            << QByteArray("{\"errorCode\":\"SAFETY\",\"errorMessage\":\"blocked\"}")
            << AgentEvent::Kind::Error << QStringLiteral("blocked") << false << QString();
        QTest::newRow("simple error")
            << QByteArray("{\"type\":\"error\",\"message\":\"oops\"}") << AgentEvent::Kind::Error
            << QStringLiteral("oops") << false << QString();
        QTest::newRow("malformed") << QByteArray("{\"content\":") << AgentEvent::Kind::Malformed << QString()
                                   << false << QString();
        QTest::newRow("not an object")
            << QByteArray("[1,2]") << AgentEvent::Kind::Malformed << QString() << false << QString();
        QTest::newRow("invalid utf-8") << QByteArray("{\"type\":\"text\",\"content\":\"bad \xff\xfe\"}")
                                       << AgentEvent::Kind::Malformed << QString() << false << QString();
    }

    void kinds()
    {
        QFETCH(QByteArray, data);
        QFETCH(AgentEvent::Kind, kind);
        QFETCH(QString, text);
        QFETCH(bool, partial);
        QFETCH(QString, tool);
        const QList<AgentEvent> events = decode(data);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, kind);
        QCOMPARE(events.first().text, text);
        QCOMPARE(events.first().toolName, tool);
        if (kind == AgentEvent::Kind::Text) {
            QCOMPARE(events.first().partial, partial);
        }
    }

    void commentsAreHeartbeats()
    {
        const QList<AgentEvent> events = decode(" keep-alive", SseEvent::Type::Comment);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, AgentEvent::Kind::Heartbeat);
    }

    void finalEventIsMarkedWhole()
    {
        const QList<AgentEvent> events =
            decode("{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hello\"}]}}");
        QVERIFY(events.first().whole);
        QVERIFY(!decode("{\"content\":{\"parts\":[{\"text\":\"x\"}]},\"partial\":true}").first().whole);
    }

    void severalPartsInOneEvent()
    {
        const QList<AgentEvent> events =
            decode("{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Working\"},"
                   "{\"functionCall\":{\"name\":\"edit_multitrack\"}}]}}");
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).kind, AgentEvent::Kind::Text);
        QCOMPARE(events.at(1).kind, AgentEvent::Kind::ToolCall);
    }

    void thoughtsAndUserEchoesAreNotReplies()
    {
        QVERIFY(decode("{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"hmm\",\"thought\":true}]}}")
                    .isEmpty());
        QVERIFY(
            decode("{\"content\":{\"role\":\"user\",\"parts\":[{\"text\":\"make a video\"}]}}").isEmpty());
    }

    void stateDeltaOnlyAndUnknownAreIgnored()
    {
        QVERIFY(decode("{\"actions\":{\"stateDelta\":{\"x\":1}},\"author\":\"a\"}").isEmpty());
        QVERIFY(decode("{\"type\":\"something_new\"}").isEmpty());
        QVERIFY(decode("[DONE]").isEmpty());
        QVERIFY(decode("{\"error\":null,\"type\":\"heartbeat\"}").first().kind ==
                AgentEvent::Kind::Heartbeat);
    }

    void toolStatusWords()
    {
        QCOMPARE(AgentEventDecoder::toolStatus(QStringLiteral("edit_multitrack")),
                 QStringLiteral("editing the timeline"));
        QCOMPARE(AgentEventDecoder::toolStatus(QStringLiteral("generate_video_with_seedance")),
                 QStringLiteral("generating a video clip"));
        QCOMPARE(AgentEventDecoder::toolStatus(QStringLiteral("lookup_style")),
                 QStringLiteral("running lookup style"));
    }
};

QTEST_GUILESS_MAIN(TestAgentEvent)
#include "tst_agentevent.moc"
