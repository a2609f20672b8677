#include "agent/agenteventdecoder.h"

#include "net/json.h"

namespace nemo::agent {

namespace {

namespace od = net::json::od;

// Events are small: they are checked whole first (Document::parseStrict), then read by key.
bool member(od::object &object, const char *key, od::value *out)
{
    return !object.find_field_unordered(key).get(*out);
}

QString stringOf(od::value value)
{
    QString text;
    net::json::readString(value, &text);
    return text;
}

QString stringAt(od::object &object, const char *key)
{
    od::value value;
    return member(object, key, &value) ? stringOf(value) : QString();
}

bool isType(od::value value, od::json_type wanted)
{
    od::json_type type;
    return !value.type().get(type) && type == wanted;
}

bool boolAt(od::object &object, const char *key)
{
    od::value value;
    bool flag = false;
    return member(object, key, &value) && net::json::readBool(value, &flag) && flag;
}

// The human message of an error object, from whichever field the service used.
QString messageIn(od::value node)
{
    if (isType(node, od::json_type::string))
        return stringOf(node);
    od::object object;
    if (!isType(node, od::json_type::object) || node.get_object().get(object))
        return {};
    for (const char *key : {"message", "error", "msg", "detail", "error_message", "errorMessage"}) {
        od::value value;
        if (!member(object, key, &value))
            continue;
        if (isType(value, od::json_type::string)) {
            const QString text = stringOf(value).trimmed();
            if (!text.isEmpty())
                return text;
        } else if (isType(value, od::json_type::object)) {
            const QString nested = messageIn(value);
            if (!nested.isEmpty())
                return nested;
        }
    }
    return {};
}

QString messageAt(od::object &object, const char *key)
{
    od::value value;
    return member(object, key, &value) ? messageIn(value) : QString();
}

QString toolNameOf(od::object &object)
{
    for (const char *key : {"name", "tool", "tool_name"}) {
        od::value value;
        if (member(object, key, &value) && isType(value, od::json_type::string))
            return stringOf(value);
    }
    od::value function;
    od::object functionObject;
    if (member(object, "function", &function) && isType(function, od::json_type::object) &&
        !function.get_object().get(functionObject))
        return stringAt(functionObject, "name");
    return {};
}

bool isBlank(const QByteArray &data)
{
    for (char c : data) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return false;
    }
    return true;
}

void decodeSimple(od::object &root, const QString &type, QList<AgentEvent> &out)
{
    AgentEvent event;
    if (type == QLatin1String("text") || type == QLatin1String("message") || type == QLatin1String("delta")) {
        event.kind = AgentEvent::Kind::Text;
        event.text = messageAt(root, "content");
        if (event.text.isEmpty())
            event.text = stringAt(root, "text");
        if (event.text.isEmpty())
            return;
    } else if (type == QLatin1String("tool_call") || type == QLatin1String("function_call")) {
        event.kind = AgentEvent::Kind::ToolCall;
        event.toolName = toolNameOf(root);
    } else if (type == QLatin1String("tool_result") || type == QLatin1String("function_response")) {
        event.kind = AgentEvent::Kind::ToolResult;
        event.toolName = toolNameOf(root);
    } else if (type == QLatin1String("heartbeat") || type == QLatin1String("ping") ||
               type == QLatin1String("keepalive")) {
        event.kind = AgentEvent::Kind::Heartbeat;
    } else if (type == QLatin1String("error")) {
        event.kind = AgentEvent::Kind::Error;
        event.text = messageAt(root, "message");
        if (event.text.isEmpty())
            event.text = messageAt(root, "content");
    } else {
        return;
    }
    out.append(event);
}

void decodePart(od::object &part, bool fromUser, bool partial, QList<AgentEvent> &out)
{
    AgentEvent event;
    od::value text;
    od::value call;
    od::value response;
    od::object object;
    if (member(part, "text", &text) && isType(text, od::json_type::string)) {
        event.text = stringOf(text);
        // Thoughts and echoes of the user's own message are not replies.
        if (fromUser || boolAt(part, "thought") || event.text.isEmpty())
            return;
        event.kind = AgentEvent::Kind::Text;
        event.partial = partial;
        event.whole = !partial;
    } else if (member(part, "functionCall", &call) && isType(call, od::json_type::object) &&
               !call.get_object().get(object)) {
        event.kind = AgentEvent::Kind::ToolCall;
        event.toolName = stringAt(object, "name");
    } else if (member(part, "functionResponse", &response) && isType(response, od::json_type::object) &&
               !response.get_object().get(object)) {
        event.kind = AgentEvent::Kind::ToolResult;
        event.toolName = stringAt(object, "name");
    } else {
        return;
    }
    out.append(event);
}

void decodeAdk(od::object &root, QList<AgentEvent> &out)
{
    const bool partial = boolAt(root, "partial");
    od::value content;
    od::object contentObject;
    if (!member(root, "content", &content) || !isType(content, od::json_type::object) ||
        content.get_object().get(contentObject))
        return;
    const bool fromUser = stringAt(contentObject, "role") == QLatin1String("user");
    od::value parts;
    od::array partsArray;
    if (!member(contentObject, "parts", &parts) || !isType(parts, od::json_type::array) ||
        parts.get_array().get(partsArray))
        return;
    for (auto element : partsArray) {
        od::value item;
        od::object part;
        if (std::move(element).get(item) || !isType(item, od::json_type::object) ||
            item.get_object().get(part))
            continue;
        decodePart(part, fromUser, partial, out);
    }
}

} // namespace

void AgentEventDecoder::decode(const net::SseEvent &sse, QList<AgentEvent> &out)
{
    if (sse.type == net::SseEvent::Type::Comment || isBlank(sse.data)) {
        AgentEvent heartbeat;
        heartbeat.kind = AgentEvent::Kind::Heartbeat;
        out.append(heartbeat);
        return;
    }
    if (sse.data == "[DONE]")
        return;
    net::json::Document document;
    od::object root;
    if (!document.parseStrict(sse.data) || document.root().get_object().get(root)) {
        AgentEvent malformed;
        malformed.kind = AgentEvent::Kind::Malformed;
        out.append(malformed);
        return;
    }
    od::value error;
    bool errorFlag = true;
    if (member(root, "error", &error) && !isType(error, od::json_type::null) &&
        !(isType(error, od::json_type::boolean) && !error.get_bool().get(errorFlag) && !errorFlag)) {
        AgentEvent failed;
        failed.kind = AgentEvent::Kind::Error;
        failed.text = messageIn(error);
        out.append(failed);
        return;
    }
    const QString adkError = stringAt(root, "errorMessage");
    od::value errorCode;
    const bool hasCode = member(root, "errorCode", &errorCode) && isType(errorCode, od::json_type::string);
    if (!adkError.isEmpty() || hasCode) {
        AgentEvent failed;
        failed.kind = AgentEvent::Kind::Error;
        failed.text = adkError.isEmpty() ? stringOf(errorCode) : adkError;
        out.append(failed);
        return;
    }
    od::value type;
    if (member(root, "type", &type) && isType(type, od::json_type::string)) {
        decodeSimple(root, stringOf(type).toLower(), out);
        return;
    }
    decodeAdk(root, out);
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

} // namespace nemo::agent
