#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <utility>

namespace nemo::fake {

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

// One parsed HTTP/1.1 request. Header names are stored in lower case.
struct HttpRequest
{
    QByteArray method;
    QByteArray target;
    QByteArray version;
    QString path;
    QUrlQuery query;
    HttpHeaders headers;
    QByteArray body;
    QHostAddress peer;

    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    QByteArray bearerToken() const;
    qint64 contentLength() const;
    bool isChunked() const;
    bool wantsClose() const;
    bool expectsContinue() const;
};

// Incremental parser of a request head (request line + headers). Feed it the connection buffer;
// it reports how many bytes the head took once the blank line has arrived.
class RequestHeadParser
{
public:
    enum class Result
    {
        Incomplete,
        Done,
        Error
    };

    Result parse(const QByteArray &buffer, HttpRequest &request, qsizetype &consumed);
    QString error() const { return m_error; }

    static constexpr qsizetype MaxHeadBytes = 64 * 1024;

private:
    QString m_error;
};

// Decodes "Transfer-Encoding: chunked" bodies as they arrive.
class ChunkedDecoder
{
public:
    enum class Result
    {
        NeedMore,
        Done,
        Error
    };

    // Consumes bytes from the front of buffer, appending decoded data to out.
    Result feed(QByteArray &buffer, QByteArray &out);

private:
    enum class State
    {
        Size,
        Data,
        DataEnd,
        Trailer
    };
    State m_state = State::Size;
    qint64 m_remaining = 0;
};

QByteArray reasonPhrase(int status);

} // namespace nemo::fake
