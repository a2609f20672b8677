#include "agentevent.h"

#include "jsonview.h"

namespace nemo::core {

namespace {

// The human message of an error object, from whichever field the service used.
QString messageIn(const JsonView &json, int node)
{
    if (json.isString(node))
        return json.string(node);
    for (const char *key : {"message", "error", "msg", "detail", "error_message", "errorMessage"}) {
        const int value = json.member(node, QLatin1StringView(key));
        if (json.isString(value) && !json.string(value).trimmed().isEmpty())
            return json.string(value).trimmed();
        if (json.isObject(value)) {
            const QString nested = messageIn(json, value);
            if (!nested.isEmpty())
                return nested;
        }
    }
    return {};
}

QString toolNameOf(const JsonView &json, int object)
{
    for (const char *key : {"name", "tool", "tool_name"}) {
        const int value = json.member(object, QLatin1StringView(key));
        if (json.isString(value))
            return json.string(value);
    }
    return json.string(
        json.member(json.member(object, QLatin1StringView("function")), QLatin1StringView("name")));
}

bool isBlank(const QByteArray &data)
{
    for (char c : data) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return false;
    }
    return true;
}

void decodeSimple(const JsonView &json, int root, const QString &type, QList<AgentEvent> &out)
{
    AgentEvent event;
    if (type == QLatin1String("text") || type == QLatin1String("message") || type == QLatin1String("delta")) {
        event.kind = AgentEvent::Kind::Text;
        event.text = messageIn(json, json.member(root, QLatin1StringView("content")));
        if (event.text.isEmpty())
            event.text = json.string(json.member(root, QLatin1StringView("text")));
        if (event.text.isEmpty())
            return;
    } else if (type == QLatin1String("tool_call") || type == QLatin1String("function_call")) {
        event.kind = AgentEvent::Kind::ToolCall;
        event.toolName = toolNameOf(json, root);
    } else if (type == QLatin1String("tool_result") || type == QLatin1String("function_response")) {
        event.kind = AgentEvent::Kind::ToolResult;
        event.toolName = toolNameOf(json, root);
    } else if (type == QLatin1String("heartbeat") || type == QLatin1String("ping") ||
               type == QLatin1String("keepalive")) {
        event.kind = AgentEvent::Kind::Heartbeat;
    } else if (type == QLatin1String("error")) {
        event.kind = AgentEvent::Kind::Error;
        event.text = messageIn(json, json.member(root, QLatin1StringView("message")));
        if (event.text.isEmpty())
            event.text = messageIn(json, json.member(root, QLatin1StringView("content")));
    } else {
        return;
    }
    out.append(event);
}

void decodeAdk(const JsonView &json, int root, int content, QList<AgentEvent> &out)
{
    const bool fromUser =
        json.string(json.member(content, QLatin1StringView("role"))) == QLatin1String("user");
    const bool partial = json.boolean(json.member(root, QLatin1StringView("partial")));
    const int parts = json.member(content, QLatin1StringView("parts"));
    if (!json.isArray(parts))
        return;
    for (int part = json.firstChild(parts); part >= 0; part = json.next(part)) {
        AgentEvent event;
        const int text = json.member(part, QLatin1StringView("text"));
        int call = -1;
        int response = -1;
        if (json.isString(text)) {
            // Thoughts and echoes of the user's own message are not replies.
            if (fromUser || json.boolean(json.member(part, QLatin1StringView("thought"))))
                continue;
            event.text = json.string(text);
            if (event.text.isEmpty())
                continue;
            event.kind = AgentEvent::Kind::Text;
            event.partial = partial;
            event.whole = !partial;
        } else if (json.isObject(call = json.member(part, QLatin1StringView("functionCall")))) {
            event.kind = AgentEvent::Kind::ToolCall;
            event.toolName = json.string(json.member(call, QLatin1StringView("name")));
        } else if (json.isObject(response = json.member(part, QLatin1StringView("functionResponse")))) {
            event.kind = AgentEvent::Kind::ToolResult;
            event.toolName = json.string(json.member(response, QLatin1StringView("name")));
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
    // Reused between events so that its node storage is allocated once.
    thread_local JsonView json;
    if (!json.parse(sse.data) || !json.isObject(json.root())) {
        AgentEvent malformed;
        malformed.kind = AgentEvent::Kind::Malformed;
        out.append(malformed);
        return;
    }
    const int root = json.root();
    const int error = json.member(root, QLatin1StringView("error"));
    if (error >= 0 && !json.isNull(error) && !(json.isBool(error) && !json.boolean(error))) {
        AgentEvent failed;
        failed.kind = AgentEvent::Kind::Error;
        failed.text = messageIn(json, error);
        out.append(failed);
        return;
    }
    const QString adkError = json.string(json.member(root, QLatin1StringView("errorMessage")));
    const int errorCode = json.member(root, QLatin1StringView("errorCode"));
    if (!adkError.isEmpty() || json.isString(errorCode)) {
        AgentEvent failed;
        failed.kind = AgentEvent::Kind::Error;
        failed.text = adkError.isEmpty() ? json.string(errorCode) : adkError;
        out.append(failed);
        return;
    }
    const int type = json.member(root, QLatin1StringView("type"));
    if (json.isString(type)) {
        decodeSimple(json, root, json.string(type).toLower(), out);
        return;
    }
    const int content = json.member(root, QLatin1StringView("content"));
    if (json.isObject(content))
        decodeAdk(json, root, content, out);
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
