#include "httpconnection.h"

#include <QTcpSocket>
#include <QTimer>

#if defined(Q_OS_WIN)
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace nemo::fake {

namespace {

constexpr qint64 MaxBufferedBody = 64LL * 1024 * 1024;

// SO_LINGER with a zero timeout turns close() into a TCP reset, which is how a real network failure
// looks to the client (a FIN would look like the normal end of a close-delimited stream).
void armReset(QTcpSocket *socket)
{
    struct linger option = {1, 0};
    ::setsockopt(static_cast<decltype(socket->socketDescriptor())>(socket->socketDescriptor()), SOL_SOCKET,
                 SO_LINGER, reinterpret_cast<const char *>(&option), sizeof option);
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, RequestHandler *handler, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(handler)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(1024 * 1024);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_socket->bytesToWrite() == 0 && m_state == State::Closing && !m_dropping)
            m_socket->disconnectFromHost();
        emit writable();
    });
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onGone);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            onGone();
    });
}

HttpConnection::~HttpConnection() = default;

QHostAddress HttpConnection::peerAddress() const
{
    return m_socket->peerAddress();
}

bool HttpConnection::isOpen() const
{
    return !m_gone && m_socket->state() == QAbstractSocket::ConnectedState && !m_dropping;
}

qint64 HttpConnection::pendingBytes() const
{
    return m_socket->bytesToWrite();
}

void HttpConnection::onGone()
{
    if (m_gone)
        return;
    m_gone = true;
    emit closed();
    deleteLater();
}

void HttpConnection::onReadyRead()
{
    m_buffer.append(m_socket->readAll());
    m_peakBuffered = qMax(m_peakBuffered, m_buffer.size() + (m_consumer ? 0 : m_request.body.size()));
    process();
}

void HttpConnection::process()
{
    for (;;) {
        switch (m_state) {
        case State::Head: {
            if (m_buffer.isEmpty())
                return;
            qsizetype consumed = 0;
            m_request = HttpRequest();
            const auto result = m_headParser.parse(m_buffer, m_request, consumed);
            if (result == RequestHeadParser::Result::Incomplete)
                return;
            if (result == RequestHeadParser::Result::Error) {
                failRequest(400, m_headParser.error().toUtf8());
                return;
            }
            m_buffer.remove(0, consumed);
            m_request.peer = m_socket->peerAddress();
            m_bodyChunked = m_request.isChunked();
            m_bodyRemaining = m_bodyChunked ? 0 : qMax<qint64>(0, m_request.contentLength());
            m_chunkedDecoder = ChunkedDecoder();
            m_closeAfterResponse = m_request.wantsClose();
            m_consumer = m_handler->bodyConsumer(m_request);
            if (!m_consumer && !m_bodyChunked && m_bodyRemaining > MaxBufferedBody) {
                failRequest(413, "request body too large");
                return;
            }
            if (m_request.expectsContinue())
                writeRaw("HTTP/1.1 100 Continue\r\n\r\n");
            m_state = State::Body;
            break;
        }
        case State::Body:
            if (m_bodyChunked) {
                QByteArray decoded;
                const auto result = m_chunkedDecoder.feed(m_buffer, decoded);
                if (!decoded.isEmpty())
                    deliverBody(decoded);
                if (result == ChunkedDecoder::Result::Error) {
                    failRequest(400, "malformed chunked body");
                    return;
                }
                if (result == ChunkedDecoder::Result::NeedMore)
                    return;
            } else {
                const qint64 take = qMin<qint64>(m_bodyRemaining, m_buffer.size());
                if (take > 0) {
                    deliverBody(QByteArrayView(m_buffer.constData(), take));
                    m_buffer.remove(0, take);
                    m_bodyRemaining -= take;
                }
                if (m_bodyRemaining > 0)
                    return;
            }
            if (m_state != State::Body)
                return;
            completeRequest();
            break;
        case State::Waiting:
        case State::Streaming:
        case State::Closing:
            return;
        }
    }
}

void HttpConnection::deliverBody(QByteArrayView data)
{
    if (m_consumer) {
        m_consumer->consume(data);
        return;
    }
    if (m_request.body.size() + data.size() > MaxBufferedBody) {
        failRequest(413, "request body too large");
        return;
    }
    m_request.body.append(data.data(), data.size());
}

void HttpConnection::completeRequest()
{
    m_state = State::Waiting;
    if (m_consumer)
        m_consumer->finish();
    m_handler->handle(m_request, std::move(m_consumer), this);
}

void HttpConnection::failRequest(int status, const QByteArray &message)
{
    m_closeAfterResponse = true;
    m_state = State::Waiting;
    respond(status, "application/json",
            R"({"code":)" + QByteArray::number(status) + R"(,"message":")" + message + "\"}");
}

void HttpConnection::writeRaw(QByteArrayView data)
{
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(data.data(), data.size());
}

void HttpConnection::respond(int status, const QByteArray &contentType, const QByteArray &body,
                             const HttpHeaders &extraHeaders)
{
    if (m_state != State::Waiting)
        return;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!contentType.isEmpty())
        head += "Content-Type: " + contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &[name, value] : extraHeaders)
        head += name + ": " + value + "\r\n";
    head += m_closeAfterResponse ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    head += "\r\n";
    writeRaw(QByteArrayView(head));
    if (m_request.method != "HEAD") {
        m_state = State::Streaming;
        if (!writeBody(body))
            return;
    }
    resumeAfterResponse();
}

void HttpConnection::resumeAfterResponse()
{
    if (m_closeAfterResponse) {
        m_state = State::Closing;
        if (m_socket->bytesToWrite() == 0)
            m_socket->disconnectFromHost();
        return;
    }
    m_state = State::Head;
    m_dropBudget = -1;
    if (!m_buffer.isEmpty())
        QTimer::singleShot(0, this, &HttpConnection::process);
}

void HttpConnection::beginStream(int status, const HttpHeaders &headers, bool chunked, qint64 contentLength)
{
    if (m_state != State::Waiting)
        return;
    m_streamChunked = chunked;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    if (chunked)
        head += "Transfer-Encoding: chunked\r\n";
    else if (contentLength >= 0)
        head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    const bool keepAlive = !m_closeAfterResponse && (chunked || contentLength >= 0);
    m_closeAfterResponse = !keepAlive;
    head += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    head += "\r\n";
    writeRaw(QByteArrayView(head));
    m_state = State::Streaming;
    if (m_request.method == "HEAD") {
        m_streamChunked = false;
        resumeAfterResponse();
    }
}

bool HttpConnection::writeBody(QByteArrayView data)
{
    if (m_state != State::Streaming || !isOpen())
        return false;
    QByteArrayView allowed = data;
    bool cut = false;
    if (m_dropBudget >= 0 && allowed.size() >= m_dropBudget) {
        allowed = allowed.first(m_dropBudget);
        cut = true;
    }
    if (!allowed.isEmpty()) {
        if (m_streamChunked)
            writeRaw(QByteArray(QByteArray::number(allowed.size(), 16) + "\r\n"));
        writeRaw(allowed);
        if (m_streamChunked)
            writeRaw("\r\n");
        if (m_dropBudget >= 0)
            m_dropBudget -= allowed.size();
    }
    if (cut) {
        dropWhenFlushed(m_dropReset);
        return false;
    }
    return true;
}

void HttpConnection::finishStream()
{
    if (m_state != State::Streaming || !isOpen())
        return;
    if (m_streamChunked)
        writeRaw("0\r\n\r\n");
    m_streamChunked = false;
    resumeAfterResponse();
}

void HttpConnection::setDropAfterBytes(qint64 bytes, bool reset)
{
    m_dropBudget = bytes;
    m_dropReset = reset;
}

void HttpConnection::dropWhenFlushed(bool reset)
{
    if (m_dropping)
        return;
    m_dropping = true;
    m_state = State::Closing;
    auto finishDrop = [this, reset] {
        if (reset) {
            armReset(m_socket);
            m_socket->abort();
            onGone();
        } else {
            m_socket->disconnectFromHost();
        }
    };
    if (m_socket->bytesToWrite() == 0) {
        finishDrop();
        return;
    }
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this, finishDrop] {
        if (m_socket->bytesToWrite() == 0)
            finishDrop();
    });
}

void HttpConnection::drop(bool reset)
{
    if (m_state == State::Waiting)
        m_state = State::Streaming;
    dropWhenFlushed(reset);
}

} // namespace nemo::fake
