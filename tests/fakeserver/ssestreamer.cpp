#include "ssestreamer.h"

#include "httpconnection.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace nemo::fake {

namespace {

constexpr qint64 FileChunk = 256 * 1024;
constexpr qint64 MaxPending = 1024 * 1024;

QByteArray lineEnd(const Scenario &scenario)
{
    if (scenario.framing == QLatin1String("crlf"))
        return "\r\n";
    if (scenario.framing == QLatin1String("cr"))
        return "\r";
    return "\n";
}

QByteArray frame(const QByteArray &data, const Scenario &scenario, int eventNumber)
{
    const QByteArray eol = lineEnd(scenario);
    QByteArray out;
    if (scenario.eventIds) {
        out += "id: " + QByteArray::number(eventNumber) + eol;
        out += "event: message" + eol;
    }
    const QList<QByteArray> lines = data.split('\n');
    for (const QByteArray &line : lines)
        out += "data: " + line + eol;
    out += eol;
    return out;
}

QByteArray json(const QJsonObject &object, const Scenario &scenario)
{
    return QJsonDocument(object)
        .toJson(scenario.multilineData ? QJsonDocument::Indented : QJsonDocument::Compact)
        .trimmed();
}

// Splits text into a few chunks at word boundaries, as a model streams tokens.
QStringList chunks(const QString &text)
{
    QStringList result;
    const QStringList words = text.split(QLatin1Char(' '));
    QString current;
    for (const QString &word : words) {
        current += (current.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        if (current.size() > 24) {
            result.append(current + QLatin1Char(' '));
            current.clear();
        }
    }
    if (!current.isEmpty())
        result.append(current);
    if (!result.isEmpty() && result.last().endsWith(QLatin1Char(' ')))
        result.last().chop(1);
    // Chinese text has no spaces: split by length instead.
    if (result.size() == 1 && text.size() > 24) {
        result.clear();
        for (qsizetype i = 0; i < text.size(); i += 12)
            result.append(text.mid(i, 12));
    }
    return result;
}

QByteArray heartbeat(const Scenario &scenario, int number)
{
    const QByteArray eol = lineEnd(scenario);
    QString style = scenario.heartbeatStyle;
    if (style == QLatin1String("mixed")) {
        static const char *styles[] = {"comment", "empty", "type"};
        style = QLatin1String(styles[number % 3]);
    }
    if (style == QLatin1String("empty"))
        return "data:" + eol + eol;
    if (style == QLatin1String("type"))
        return frame(R"({"type":"heartbeat"})", scenario, 0);
    return ": heartbeat" + eol + eol;
}

QJsonObject adkEvent(const QJsonArray &parts, const QString &role, int number, bool partial)
{
    QJsonObject event{{QStringLiteral("content"),
                       QJsonObject{{QStringLiteral("role"), role}, {QStringLiteral("parts"), parts}}},
                      {QStringLiteral("author"), QStringLiteral("nemo_agent")},
                      {QStringLiteral("invocationId"), QStringLiteral("e-inv-1")},
                      {QStringLiteral("id"), QStringLiteral("evt-%1").arg(number)},
                      {QStringLiteral("timestamp"), QDateTime::currentMSecsSinceEpoch() / 1000.0}};
    if (partial)
        event.insert(QStringLiteral("partial"), true);
    return event;
}

} // namespace

QList<QByteArray> SseStreamer::encodeTurn(const AgentTurn &turn, const Scenario &scenario, const Fault &fault)
{
    QList<QByteArray> frames;
    int number = 0;
    const bool simple = scenario.sseForm == QLatin1String("simple");
    const QByteArray eol = lineEnd(scenario);
    if (scenario.eventIds)
        frames.append("retry: 3000" + eol + eol);
    auto push = [&](const QJsonObject &object) {
        frames.append(frame(json(object, scenario), scenario, ++number));
    };
    bool firstText = true;
    bool errorSent = false;
    int beats = 1;
    for (const AgentStep &step : turn.steps) {
        switch (step.kind) {
        case AgentStep::Kind::Text: {
            const QStringList pieces = chunks(step.text);
            for (const QString &piece : pieces) {
                if (simple)
                    push({{QStringLiteral("type"), QStringLiteral("text")},
                          {QStringLiteral("content"), piece}});
                else
                    push(adkEvent(QJsonArray{QJsonObject{{QStringLiteral("text"), piece}}},
                                  QStringLiteral("model"), number + 1, true));
            }
            if (!simple)
                push(adkEvent(QJsonArray{QJsonObject{{QStringLiteral("text"), step.text}}},
                              QStringLiteral("model"), number + 1, false));
            if (firstText && fault.hugeLine) {
                const QString huge(2 * 1024 * 1024, QLatin1Char('a'));
                if (simple)
                    push({{QStringLiteral("type"), QStringLiteral("text")},
                          {QStringLiteral("content"), huge}});
                else
                    push(adkEvent(QJsonArray{QJsonObject{{QStringLiteral("text"), huge}}},
                                  QStringLiteral("model"), number + 1, true));
            }
            if (firstText && fault.invalidUtf8)
                frames.append(frame(QByteArray("{\"type\":\"text\",\"content\":\"bad \xff\xfe bytes\"}"),
                                    scenario, ++number));
            if (firstText && !fault.sseError.isEmpty()) {
                push({{QStringLiteral("error"), fault.sseError}});
                errorSent = true;
            }
            firstText = false;
            break;
        }
        case AgentStep::Kind::ToolCall:
            if (simple) {
                push({{QStringLiteral("type"), QStringLiteral("tool_call")},
                      {QStringLiteral("name"), step.toolName},
                      {QStringLiteral("args"), step.payload}});
            } else {
                push(adkEvent(QJsonArray{QJsonObject{{QStringLiteral("functionCall"),
                                                      QJsonObject{{QStringLiteral("id"), step.callId},
                                                                  {QStringLiteral("name"), step.toolName},
                                                                  {QStringLiteral("args"), step.payload}}}}},
                              QStringLiteral("model"), number + 1, false));
            }
            // The tool runs for a while: the service keeps the stream alive meanwhile.
            frames.append(heartbeat(scenario, beats++));
            frames.append(heartbeat(scenario, beats++));
            frames.append(heartbeat(scenario, beats++));
            break;
        case AgentStep::Kind::ToolResult:
            if (simple) {
                push({{QStringLiteral("type"), QStringLiteral("tool_result")},
                      {QStringLiteral("name"), step.toolName},
                      {QStringLiteral("result"), step.payload}});
            } else {
                QJsonObject event = adkEvent(
                    QJsonArray{QJsonObject{{QStringLiteral("functionResponse"),
                                            QJsonObject{{QStringLiteral("id"), step.callId},
                                                        {QStringLiteral("name"), step.toolName},
                                                        {QStringLiteral("response"), step.payload}}}}},
                    QStringLiteral("user"), number + 1, false);
                event.insert(QStringLiteral("actions"),
                             QJsonObject{{QStringLiteral("stateDelta"),
                                          QJsonObject{{QStringLiteral("draft_updated"), true}}}});
                push(event);
            }
            break;
        }
        if (errorSent)
            break;
    }
    if (!errorSent && scenario.trailingTemporaryIssue && !firstText) {
        const QString note = QStringLiteral("I encountered a temporary issue. Please try again.");
        if (simple)
            push({{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("content"), note}});
        else
            push(adkEvent(QJsonArray{QJsonObject{{QStringLiteral("text"), note}}}, QStringLiteral("model"),
                          number + 1, false));
    }
    return frames;
}

SseStreamer::SseStreamer(HttpConnection *connection, const AgentTurn &turn, const Scenario &scenario,
                         const Fault &fault, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_scenario(scenario)
    , m_fault(fault)
{
    if (!fault.heartbeatsOnly)
        m_frames = encodeTurn(turn, scenario, fault);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SseStreamer::writeNext);
    if (connection)
        connect(connection, &HttpConnection::closed, this, &SseStreamer::finish);
}

QByteArray SseStreamer::heartbeatFrame()
{
    return heartbeat(m_scenario, m_heartbeatCount++);
}

void SseStreamer::start()
{
    if (!m_connection) {
        finish();
        return;
    }
    m_connection->beginStream(200,
                              {{"Content-Type", "text/event-stream; charset=utf-8"},
                               {"Cache-Control", "no-cache"},
                               {"X-Accel-Buffering", "no"}},
                              m_scenario.sseChunked);
    if (m_fault.dropAfterBytes >= 0)
        m_connection->setDropAfterBytes(m_fault.dropAfterBytes, m_fault.reset);
    m_clock.start();
    if (!m_fault.heartbeatsOnly) {
        // A heartbeat first, as the service sends while the agent starts.
        m_frames.prepend(heartbeatFrame());
    }
    m_timer.start(0);
}

void SseStreamer::writeNext()
{
    if (!m_connection || !m_connection->isOpen()) {
        finish();
        return;
    }
    if (m_fault.heartbeatsOnly) {
        if (m_fault.heartbeatsForMs > 0 && m_clock.elapsed() >= m_fault.heartbeatsForMs) {
            m_connection->finishStream();
            finish();
            return;
        }
        if (!m_connection->writeBody(heartbeatFrame())) {
            finish();
            return;
        }
        m_timer.start(qMax(1, m_scenario.heartbeatMs));
        return;
    }
    if (m_frameIndex >= m_frames.size()) {
        m_connection->finishStream();
        finish();
        return;
    }
    const QByteArray &current = m_frames.at(m_frameIndex);
    const qsizetype piece = m_scenario.chunkBytes > 0 ? m_scenario.chunkBytes : current.size();
    const QByteArrayView part =
        QByteArrayView(current).sliced(m_offsetInFrame, qMin(piece, current.size() - m_offsetInFrame));
    if (!m_connection->writeBody(part)) {
        finish();
        return;
    }
    m_offsetInFrame += part.size();
    if (m_offsetInFrame < current.size()) {
        m_timer.start(1);
        return;
    }
    m_offsetInFrame = 0;
    ++m_frameIndex;
    ++m_eventsWritten;
    if (m_fault.dropAfterEvents >= 0 && m_eventsWritten >= m_fault.dropAfterEvents) {
        m_connection->drop(m_fault.reset);
        finish();
        return;
    }
    m_timer.start(m_scenario.eventDelayMs);
}

void SseStreamer::finish()
{
    if (m_timer.isActive())
        m_timer.stop();
    if (!property("finished").toBool()) {
        setProperty("finished", true);
        emit finished();
        deleteLater();
    }
}

FileStreamer::FileStreamer(HttpConnection *connection, const QString &path, qint64 begin, qint64 length,
                           QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_path(path)
    , m_begin(begin)
    , m_remaining(length)
{ }

void FileStreamer::start()
{
    m_file = new QFile(m_path, this);
    if (!m_file->open(QIODevice::ReadOnly) || !m_file->seek(m_begin) || !m_connection) {
        if (m_connection)
            m_connection->drop(false);
        deleteLater();
        return;
    }
    connect(m_connection, &HttpConnection::writable, this, &FileStreamer::pump);
    connect(m_connection, &HttpConnection::closed, this, &QObject::deleteLater);
    pump();
}

void FileStreamer::pump()
{
    if (!m_connection || !m_connection->isOpen()) {
        deleteLater();
        return;
    }
    while (m_remaining > 0 && m_connection->pendingBytes() < MaxPending) {
        const QByteArray data = m_file->read(qMin(FileChunk, m_remaining));
        if (data.isEmpty()) {
            m_connection->drop(true);
            deleteLater();
            return;
        }
        m_remaining -= data.size();
        if (!m_connection->writeBody(data)) {
            deleteLater();
            return;
        }
    }
    if (m_remaining == 0) {
        m_connection->finishStream();
        disconnect(m_connection, nullptr, this, nullptr);
        deleteLater();
    }
}

} // namespace nemo::fake
