#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <utility>

namespace nemo::fake::test {

using Header = std::pair<QByteArray, QByteArray>;
using Headers = QList<Header>;

struct RawResponse
{
    int status = 0;
    Headers headers;
    QByteArray body;             // de-chunked
    QByteArray rawBody;          // as it came over the wire
    bool complete = false;       // the body arrived whole (length or last chunk)
    bool connectionLost = false; // closed or reset before the body was complete
    int reads = 0;               // how many socket reads the body took
    QList<qint64> chunkSizes;    // sizes of the chunks of a chunked body, in order

    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const;
    int code() const { return json().value(QLatin1String("code")).toInt(-1); }
    QJsonObject data() const { return json().value(QLatin1String("data")).toObject(); }
};

// One SSE frame as seen by a simple reference reader (not the client's parser).
struct RawEvent
{
    QByteArray data;
    QList<QByteArray> fields; // field names seen (data, id, event, retry)
    bool comment = false;
};

// A deliberately simple, blocking HTTP/1.1 client for testing the server byte by byte.
class RawHttp
{
public:
    explicit RawHttp(quint16 port);

    RawResponse request(const QByteArray &method, const QByteArray &path, const Headers &headers = {},
                        const QByteArray &body = {}, int timeoutMs = 15000);
    // Sends pre-built bytes (for malformed requests or chunked bodies).
    RawResponse send(const QByteArray &raw, int timeoutMs = 15000);

    static Headers attribution();
    static Headers auth(const QString &token);
    static QList<RawEvent> events(const QByteArray &sseBody);

    // A fresh anonymous user with a session: {token, session id, user id}.
    struct Login
    {
        QString token;
        QString sessionId;
        QString userId;
    };
    Login login(const QString &language = QStringLiteral("en"));
    RawResponse upload(const Login &login, const QList<std::pair<QString, QByteArray>> &files);
    RawResponse chat(const Login &login, const QString &text);
    QJsonObject state(const Login &login);

private:
    quint16 m_port;
};

} // namespace nemo::fake::test
