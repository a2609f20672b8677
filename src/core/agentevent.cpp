#include "agentevent.h"

#include "envelope.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace nemo::core {

namespace {

QString stringOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return Envelope::messageOf(value.toObject());
    return {};
}

QString toolNameOf(const QJsonObject &object)
{
    for (const char *key : {"name", "tool", "tool_name"}) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isString())
            return value.toString();
    }
    const QJsonObject function = object.value(QLatin1String("function")).toObject();
    return function.value(QLatin1String("name")).toString();
}

bool isBlank(const QByteArray &data)
{
    for (char c : data) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return false;
    }
    return true;
}

void decodeSimple(const QJsonObject &object, const QString &type, QList<AgentEvent> &out)
{
    AgentEvent event;
    if (type == QLatin1String("text") || type == QLatin1String("message") || type == QLatin1String("delta")) {
        event.kind = AgentEvent::Kind::Text;
        event.text = stringOf(object.value(QLatin1String("content")));
        if (event.text.isEmpty())
            event.text = stringOf(object.value(QLatin1String("text")));
        if (event.text.isEmpty())
            return;
    } else if (type == QLatin1String("tool_call") || type == QLatin1String("function_call")) {
        event.kind = AgentEvent::Kind::ToolCall;
        event.toolName = toolNameOf(object);
    } else if (type == QLatin1String("tool_result") || type == QLatin1String("function_response")) {
        event.kind = AgentEvent::Kind::ToolResult;
        event.toolName = toolNameOf(object);
    } else if (type == QLatin1String("heartbeat") || type == QLatin1String("ping") ||
               type == QLatin1String("keepalive")) {
        event.kind = AgentEvent::Kind::Heartbeat;
    } else if (type == QLatin1String("error")) {
        event.kind = AgentEvent::Kind::Error;
        event.text = stringOf(object.value(QLatin1String("message")));
        if (event.text.isEmpty())
            event.text = stringOf(object.value(QLatin1String("content")));
    } else {
        return;
    }
    out.append(event);
}

void decodeAdk(const QJsonObject &object, QList<AgentEvent> &out)
{
    const QJsonObject content = object.value(QLatin1String("content")).toObject();
    const bool fromUser = content.value(QLatin1String("role")).toString() == QLatin1String("user");
    const bool partial = object.value(QLatin1String("partial")).toBool(false);
    for (const QJsonValue &partValue : content.value(QLatin1String("parts")).toArray()) {
        const QJsonObject part = partValue.toObject();
        AgentEvent event;
        const QJsonValue text = part.value(QLatin1String("text"));
        if (text.isString()) {
            // Thoughts and echoes of the user's own message are not replies.
            if (fromUser || part.value(QLatin1String("thought")).toBool(false) || text.toString().isEmpty())
                continue;
            event.kind = AgentEvent::Kind::Text;
            event.text = text.toString();
            event.partial = partial;
            event.whole = !partial;
        } else if (part.value(QLatin1String("functionCall")).isObject()) {
            event.kind = AgentEvent::Kind::ToolCall;
            event.toolName =
                part.value(QLatin1String("functionCall")).toObject().value(QLatin1String("name")).toString();
        } else if (part.value(QLatin1String("functionResponse")).isObject()) {
            event.kind = AgentEvent::Kind::ToolResult;
            event.toolName = part.value(QLatin1String("functionResponse"))
                                 .toObject()
                                 .value(QLatin1String("name"))
                                 .toString();
        } else {
            continue;
        }
        out.append(event);
    }
}

} // namespace

void AgentEventDecoder::decode(const SseEvent &sse, QList<AgentEvent> &out)
{
    if (sse.type == SseEvent::Type::Comment || isBlank(sse.data)) {
        AgentEvent heartbeat;
        heartbeat.kind = AgentEvent::Kind::Heartbeat;
        out.append(heartbeat);
        return;
    }
    if (sse.data == "[DONE]")
        return;
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(sse.data, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        AgentEvent malformed;
        malformed.kind = AgentEvent::Kind::Malformed;
        out.append(malformed);
        return;
    }
    const QJsonObject object = document.object();
    const QJsonValue errorValue = object.value(QLatin1String("error"));
    if (!errorValue.isUndefined() && !errorValue.isNull() && !(errorValue.isBool() && !errorValue.toBool())) {
        AgentEvent failed;
        failed.kind = AgentEvent::Kind::Error;
        failed.text = stringOf(errorValue);
        out.append(failed);
        return;
    }
    const QString adkError = object.value(QLatin1String("errorMessage")).toString();
    if (!adkError.isEmpty() || object.value(QLatin1String("errorCode")).isString()) {
        AgentEvent failed;
        failed.kind = AgentEvent::Kind::Error;
        failed.text = adkError.isEmpty() ? object.value(QLatin1String("errorCode")).toString() : adkError;
        out.append(failed);
        return;
    }
    const QJsonValue type = object.value(QLatin1String("type"));
    if (type.isString()) {
        decodeSimple(object, type.toString().toLower(), out);
        return;
    }
    if (object.value(QLatin1String("content")).isObject())
        decodeAdk(object, out);
}

QString AgentEventDecoder::toolStatus(const QString &toolName)
{
    const QString name = toolName.toLower();
    if (name.contains(QLatin1String("multitrack")) || name.contains(QLatin1String("edit")) ||
        name.contains(QLatin1String("timeline")))
        return tr("editing the timeline");
    if (name.contains(QLatin1String("generate")) || name.contains(QLatin1String("seedance")))
        return tr("generating a video clip");
    if (name.contains(QLatin1String("music")) || name.contains(QLatin1String("audio")) ||
        name.contains(QLatin1String("bgm")))
        return tr("working on the music");
    if (name.contains(QLatin1String("upload")) || name.contains(QLatin1String("media")))
        return tr("processing your media");
    if (name.contains(QLatin1String("render")) || name.contains(QLatin1String("export")))
        return tr("preparing the video");
    if (name.isEmpty())
        return tr("working");
    QString readable = toolName;
    readable.replace(QLatin1Char('_'), QLatin1Char(' '));
    return tr("running %1").arg(readable.left(60));
}

} // namespace nemo::core
