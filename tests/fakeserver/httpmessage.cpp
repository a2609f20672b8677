#include "httpmessage.h"

#include <QUrl>

namespace nemo::fake {

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key == name)
            return value;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (header.first == name)
            return true;
    }
    return false;
}

QByteArray HttpRequest::bearerToken() const
{
    const QByteArray value = header("authorization").trimmed();
    if (value.size() > 7 && value.left(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        return value.mid(7).trimmed();
    return {};
}

qint64 HttpRequest::contentLength() const
{
    bool ok = false;
    const qint64 length = header("content-length").trimmed().toLongLong(&ok);
    return ok && length >= 0 ? length : -1;
}

bool HttpRequest::isChunked() const
{
    return header("transfer-encoding").toLower().contains("chunked");
}

bool HttpRequest::wantsClose() const
{
    const QByteArray connection = header("connection").toLower();
    if (version == "HTTP/1.0")
        return !connection.contains("keep-alive");
    return connection.contains("close");
}

bool HttpRequest::expectsContinue() const
{
    return header("expect").toLower().contains("100-continue");
}

RequestHeadParser::Result RequestHeadParser::parse(const QByteArray &buffer, HttpRequest &request,
                                                   qsizetype &consumed)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffer.size() > MaxHeadBytes) {
            m_error = QStringLiteral("request head too large");
            return Result::Error;
        }
        return Result::Incomplete;
    }
    consumed = end + 4;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        m_error = QStringLiteral("malformed request line");
        return Result::Error;
    }
    request.method = requestLine.at(0);
    request.target = requestLine.at(1);
    request.version = requestLine.at(2);
    const QUrl url(QString::fromLatin1(request.target));
    request.path = url.path(QUrl::FullyDecoded);
    request.query = QUrlQuery(url);
    request.headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            m_error = QStringLiteral("malformed header line");
            return Result::Error;
        }
        request.headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    return Result::Done;
}

ChunkedDecoder::Result ChunkedDecoder::feed(QByteArray &buffer, QByteArray &out)
{
    qsizetype pos = 0;
    auto finish = [&](Result result) {
        buffer.remove(0, pos);
        return result;
    };
    for (;;) {
        switch (m_state) {
        case State::Size: {
            const qsizetype eol = buffer.indexOf("\r\n", pos);
            if (eol < 0)
                return finish(buffer.size() - pos > 1024 ? Result::Error : Result::NeedMore);
            QByteArray sizeField = buffer.mid(pos, eol - pos);
            if (const qsizetype semicolon = sizeField.indexOf(';'); semicolon >= 0)
                sizeField.truncate(semicolon);
            bool ok = false;
            m_remaining = sizeField.trimmed().toLongLong(&ok, 16);
            if (!ok || m_remaining < 0)
                return finish(Result::Error);
            pos = eol + 2;
            m_state = m_remaining == 0 ? State::Trailer : State::Data;
            break;
        }
        case State::Data: {
            const qint64 available = qMin<qint64>(m_remaining, buffer.size() - pos);
            out.append(buffer.constData() + pos, available);
            pos += available;
            m_remaining -= available;
            if (m_remaining > 0)
                return finish(Result::NeedMore);
            m_state = State::DataEnd;
            break;
        }
        case State::DataEnd:
            if (buffer.size() - pos < 2)
                return finish(Result::NeedMore);
            if (buffer.mid(pos, 2) != "\r\n")
                return finish(Result::Error);
            pos += 2;
            m_state = State::Size;
            break;
        case State::Trailer: {
            const qsizetype eol = buffer.indexOf("\r\n", pos);
            if (eol < 0)
                return finish(Result::NeedMore);
            const bool blank = eol == pos;
            pos = eol + 2;
            if (blank)
                return finish(Result::Done);
            break;
        }
        }
    }
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 206:
        return "Partial Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 402:
        return "Payment Required";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 416:
        return "Range Not Satisfiable";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

} // namespace nemo::fake
