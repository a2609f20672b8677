#pragma once

#include "httpmessage.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QTcpSocket;

namespace nemo::fake {

class HttpConnection;

// Receives a request body as it arrives instead of having it buffered whole.
class BodyConsumer
{
public:
    virtual ~BodyConsumer() = default;
    virtual void consume(QByteArrayView chunk) = 0;
    virtual void finish() { }
};

class RequestHandler
{
public:
    virtual ~RequestHandler() = default;
    // Called once the head has arrived: return a consumer to stream the body into, or nullptr to buffer it.
    virtual std::unique_ptr<BodyConsumer> bodyConsumer(const HttpRequest &request) = 0;
    virtual void handle(const HttpRequest &request, std::unique_ptr<BodyConsumer> body,
                        HttpConnection *connection) = 0;
};

// One client connection: parses requests one after another (keep-alive) and writes either whole
// responses or streamed ones (SSE, files). Fault knobs can cut a response after a number of bytes.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, RequestHandler *handler, QObject *parent = nullptr);
    ~HttpConnection() override;

    void respond(int status, const QByteArray &contentType, const QByteArray &body,
                 const HttpHeaders &extraHeaders = {});
    // Starts a streamed response. Chunked streams end with the last chunk; others when the connection closes.
    void beginStream(int status, const HttpHeaders &headers, bool chunked, qint64 contentLength = -1);
    // Writes body bytes of a stream; false once the connection is gone or the drop budget is spent.
    bool writeBody(QByteArrayView data);
    void finishStream();
    // Cuts the connection: reset = TCP RST (a network failure), otherwise a clean FIN after the flush.
    void drop(bool reset);
    // Counts body bytes; once this many are written the connection is cut (a fault knob).
    void setDropAfterBytes(qint64 bytes, bool reset);

    qint64 pendingBytes() const;
    bool isOpen() const;
    qint64 peakBufferedBytes() const { return m_peakBuffered; }
    QHostAddress peerAddress() const;

signals:
    void writable();
    void closed();

private:
    enum class State
    {
        Head,
        Body,
        Waiting,
        Streaming,
        Closing
    };

    void onReadyRead();
    void onGone();
    void process();
    void deliverBody(QByteArrayView data);
    void completeRequest();
    void writeRaw(QByteArrayView data);
    void failRequest(int status, const QByteArray &message);
    void resumeAfterResponse();
    void dropWhenFlushed(bool reset);

    QTcpSocket *m_socket = nullptr;
    RequestHandler *m_handler = nullptr;
    State m_state = State::Head;
    QByteArray m_buffer;
    HttpRequest m_request;
    RequestHeadParser m_headParser;
    ChunkedDecoder m_chunkedDecoder;
    std::unique_ptr<BodyConsumer> m_consumer;
    qint64 m_bodyRemaining = 0;
    bool m_bodyChunked = false;
    bool m_closeAfterResponse = false;
    bool m_streamChunked = false;
    qint64 m_dropBudget = -1;
    bool m_dropReset = false;
    bool m_dropping = false;
    qint64 m_peakBuffered = 0;
    bool m_gone = false;
};

} // namespace nemo::fake
