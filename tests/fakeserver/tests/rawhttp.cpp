#include "rawhttp.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QUuid>

namespace nemo::fake::test {

QByteArray RawResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key == name.toLower())
            return value;
    }
    return {};
}

QJsonObject RawResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

RawHttp::RawHttp(quint16 port)
    : m_port(port)
{ }

Headers RawHttp::attribution()
{
    return {{"X-Skill-Source", "ai-video-maker-ai"},
            {"X-Skill-Version", "1.0.0"},
            {"X-Skill-Platform", "unknown"}};
}

Headers RawHttp::auth(const QString &token)
{
    Headers headers = attribution();
    headers.append(Header{"Authorization", "Bearer " + token.toLatin1()});
    return headers;
}

RawResponse RawHttp::request(const QByteArray &method, const QByteArray &path, const Headers &headers,
                             const QByteArray &body, int timeoutMs)
{
    QByteArray raw =
        method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port) + "\r\n";
    bool hasType = false;
    for (const auto &[name, value] : headers) {
        raw += name + ": " + value + "\r\n";
        hasType |= name.toLower() == "content-type";
    }
    if (!body.isEmpty() && !hasType)
        raw += "Content-Type: application/json\r\n";
    raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";
    raw += body;
    return send(raw, timeoutMs);
}

RawResponse RawHttp::send(const QByteArray &raw, int timeoutMs)
{
    RawResponse response;
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
    if (!socket.waitForConnected(5000))
        return response;
    socket.write(raw);
    QByteArray buffer;
    QElapsedTimer clock;
    clock.start();
    qsizetype headEnd = -1;
    qint64 length = -1;
    bool chunked = false;
    bool closed = false;
    auto parseHead = [&] {
        while (headEnd < 0) {
            headEnd = buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
            response.status = lines.first().split(' ').value(1).toInt();
            response.headers.clear();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon > 0)
                    response.headers.append(
                        {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
            }
            if (response.status == 100) {
                buffer.remove(0, headEnd + 4);
                headEnd = -1;
                continue;
            }
            const QByteArray lengthHeader = response.header("content-length");
            length = lengthHeader.isEmpty() ? -1 : lengthHeader.toLongLong();
            chunked = response.header("transfer-encoding").contains("chunked");
        }
    };
    for (;;) {
        parseHead();
        if (headEnd >= 0) {
            response.rawBody = buffer.mid(headEnd + 4);
            if ((length >= 0 && response.rawBody.size() >= length) ||
                (chunked && response.rawBody.endsWith("0\r\n\r\n"))) {
                response.complete = true;
                break;
            }
        }
        if (closed || clock.elapsed() > timeoutMs)
            break;
        if (socket.waitForReadyRead(100)) {
            buffer += socket.readAll();
            if (headEnd >= 0)
                ++response.reads;
        } else if (socket.state() != QAbstractSocket::ConnectedState) {
            buffer += socket.readAll();
            closed = true;
        }
    }
    // A close-delimited body is whole when the server closed the connection.
    if (headEnd >= 0 && length < 0 && !chunked && closed)
        response.complete = true;
    response.connectionLost = !response.complete;
    if (chunked) {
        const QByteArray &in = response.rawBody;
        qsizetype pos = 0;
        for (;;) {
            const qsizetype eol = in.indexOf("\r\n", pos);
            if (eol < 0)
                break;
            bool ok = false;
            const qint64 size = in.mid(pos, eol - pos).toLongLong(&ok, 16);
            if (!ok || size == 0)
                break;
            response.body += in.mid(eol + 2, size);
            response.chunkSizes.append(size);
            pos = eol + 2 + size + 2;
        }
    } else {
        response.body = length >= 0 ? response.rawBody.left(length) : response.rawBody;
    }
    return response;
}

QList<RawEvent> RawHttp::events(const QByteArray &sseBody)
{
    QByteArray text = sseBody;
    text.replace("\r\n", "\n");
    text.replace('\r', '\n');
    QList<RawEvent> result;
    RawEvent current;
    bool any = false;
    for (const QByteArray &line : text.split('\n')) {
        if (line.isEmpty()) {
            if (any)
                result.append(current);
            current = RawEvent();
            any = false;
            continue;
        }
        any = true;
        if (line.startsWith(':')) {
            current.comment = true;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArray field = colon < 0 ? line : line.left(colon);
        QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
        if (value.startsWith(' '))
            value.remove(0, 1);
        current.fields.append(field);
        if (field == "data")
            current.data += (current.data.isEmpty() ? QByteArray() : QByteArray("\n")) + value;
    }
    return result;
}

RawHttp::Login RawHttp::login(const QString &language)
{
    Login result;
    Headers headers = attribution();
    headers.append(Header{"X-Client-Id", QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()});
    const RawResponse token = request("POST", "/api/auth/anonymous-token", headers);
    result.token = token.data().value(QLatin1String("token")).toString();
    result.userId = token.data().value(QLatin1String("user_id")).toString();
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("task_name"), QStringLiteral("project")},
                                  {QStringLiteral("language"), language}})
            .toJson(QJsonDocument::Compact);
    const RawResponse session =
        request("POST", "/api/tasks/me/with-session/nemo_agent", auth(result.token), body);
    result.sessionId = session.data().value(QLatin1String("session_id")).toString();
    return result;
}

RawResponse RawHttp::upload(const Login &login, const QList<std::pair<QString, QByteArray>> &files)
{
    const QByteArray boundary = "----nemotestboundary7MA4YWxkTrZu0gW";
    QByteArray body;
    for (const auto &[name, content] : files) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" +
            name.toUtf8() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    Headers headers = auth(login.token);
    headers.append(Header{"Content-Type", "multipart/form-data; boundary=" + boundary});
    return request("POST", "/api/upload-video/nemo_agent/me/" + login.sessionId.toLatin1(), headers, body);
}

RawResponse RawHttp::chat(const Login &login, const QString &text)
{
    const QJsonObject message{
        {QStringLiteral("app_name"), QStringLiteral("nemo_agent")},
        {QStringLiteral("user_id"), QStringLiteral("me")},
        {QStringLiteral("session_id"), login.sessionId},
        {QStringLiteral("new_message"),
         QJsonObject{{QStringLiteral("parts"), QJsonArray{QJsonObject{{QStringLiteral("text"), text}}}}}}};
    Headers headers = auth(login.token);
    headers.append(Header{"Accept", "text/event-stream"});
    return request("POST", "/run_sse", headers, QJsonDocument(message).toJson(QJsonDocument::Compact), 30000);
}

QJsonObject RawHttp::state(const Login &login)
{
    return request("GET", "/api/state/nemo_agent/me/" + login.sessionId.toLatin1() + "/latest",
                   auth(login.token))
        .data()
        .value(QLatin1String("state"))
        .toObject();
}

} // namespace nemo::fake::test
