#pragma once

// Two small proxies for the proxy tests, on 127.0.0.1: an HTTP proxy (absolute-form requests, Basic
// Proxy-Authorization) and a SOCKS5 proxy (RFC 1928, user/password per RFC 1929). Both relay bytes
// to the target and count what they carried.

#include <QHostAddress>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QtEndian>

#include <memory>

namespace nemo::test {

class RelayProxy : public QObject
{
public:
    RelayProxy(const QString &user, const QString &password)
        : m_user(user.toUtf8())
        , m_password(password.toUtf8())
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection())
                accept(client);
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    int tunnels() const { return m_tunnels; }
    int refused() const { return m_refused; }

protected:
    virtual void accept(QTcpSocket *client) = 0;

    // Joins the client to host:port, forwarding `pending` first.
    void relay(QTcpSocket *client, const QString &host, quint16 port, const QByteArray &pending)
    {
        ++m_tunnels;
        auto *target = new QTcpSocket(client);
        QObject::disconnect(client, &QTcpSocket::readyRead, this, nullptr);
        QObject::connect(target, &QTcpSocket::connected, client, [this, client, target, pending] {
            const QByteArray bytes = pending + client->readAll();
            countRequests(bytes);
            target->write(bytes);
        });
        QObject::connect(client, &QTcpSocket::readyRead, target, [this, client, target] {
            if (target->state() != QAbstractSocket::ConnectedState)
                return;
            const QByteArray bytes = client->readAll();
            countRequests(bytes);
            target->write(bytes);
        });
        QObject::connect(target, &QTcpSocket::readyRead, client,
                         [client, target] { client->write(target->readAll()); });
        QObject::connect(target, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        QObject::connect(target, &QTcpSocket::errorOccurred, client, &QTcpSocket::disconnectFromHost);
        QObject::connect(client, &QTcpSocket::disconnected, target, &QTcpSocket::disconnectFromHost);
        QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        target->connectToHost(host, port);
    }

    // HTTP requests carried (request lines in absolute form: what a client sends to an HTTP proxy).
    void countRequests(const QByteArray &bytes)
    {
        static const QRegularExpression line(
            QStringLiteral("(?:^|\\r\\n)(GET|POST|PUT|DELETE|HEAD) http://"));
        auto it = line.globalMatch(QString::fromLatin1(bytes));
        while (it.hasNext()) {
            it.next();
            ++m_requests;
        }
    }

public:
    int requests() const { return m_requests; }

protected:
    QTcpServer m_server;
    int m_requests = 0;
    QByteArray m_user;
    QByteArray m_password;
    int m_tunnels = 0;
    int m_refused = 0;
};

class HttpProxy : public RelayProxy
{
public:
    using RelayProxy::RelayProxy;

protected:
    void accept(QTcpSocket *client) override
    {
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(client, &QTcpSocket::readyRead, this, [this, client, buffer] {
            buffer->append(client->readAll());
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer->left(end);
            const QByteArray expected =
                "Proxy-Authorization: Basic " + QByteArray(m_user + ':' + m_password).toBase64();
            if (!m_user.isEmpty() && !head.contains(expected)) {
                ++m_refused;
                client->write("HTTP/1.1 407 Proxy Authentication Required\r\n"
                              "Proxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n");
                buffer->clear();
                return;
            }
            // "GET http://127.0.0.1:1234/path HTTP/1.1": the target is in the request line.
            const QUrl url(QString::fromLatin1(head.left(head.indexOf("\r\n")).split(' ').value(1)));
            relay(client, url.host(), quint16(url.port(80)), std::exchange(*buffer, QByteArray()));
        });
    }
};

class Socks5Proxy : public RelayProxy
{
public:
    using RelayProxy::RelayProxy;

protected:
    void accept(QTcpSocket *client) override
    {
        auto buffer = std::make_shared<QByteArray>();
        auto stage = std::make_shared<int>(0);
        QObject::connect(client, &QTcpSocket::readyRead, this, [this, client, buffer, stage] {
            buffer->append(client->readAll());
            const QByteArray &b = *buffer;
            if (*stage == 0) { // greeting: VER NMETHODS METHODS…
                if (b.size() < 2 || b.size() < 2 + quint8(b[1]))
                    return;
                const bool offersPassword = b.mid(2, quint8(b[1])).contains('\x02');
                buffer->remove(0, 2 + quint8(b[1]));
                if (m_user.isEmpty()) {
                    client->write(QByteArray("\x05\x00", 2));
                    *stage = 2;
                } else if (offersPassword) {
                    client->write(QByteArray("\x05\x02", 2));
                    *stage = 1;
                } else {
                    ++m_refused;
                    client->write(QByteArray("\x05\xff", 2));
                    client->disconnectFromHost();
                }
                return;
            }
            if (*stage == 1) { // VER ULEN USER PLEN PASS
                if (b.size() < 2 || b.size() < 3 + quint8(b[1]) ||
                    b.size() < 3 + quint8(b[1]) + quint8(b[2 + quint8(b[1])]))
                    return;
                const int ulen = quint8(b[1]);
                const QByteArray user = b.mid(2, ulen);
                const int plen = quint8(b[2 + ulen]);
                const QByteArray password = b.mid(3 + ulen, plen);
                buffer->remove(0, 3 + ulen + plen);
                if (user != m_user || password != m_password) {
                    ++m_refused;
                    client->write(QByteArray("\x01\x01", 2));
                    client->disconnectFromHost();
                    return;
                }
                client->write(QByteArray("\x01\x00", 2));
                *stage = 2;
                return;
            }
            // VER CMD RSV ATYP ADDR PORT
            if (b.size() < 5)
                return;
            QString host;
            int length = 0;
            if (b[3] == '\x01' && b.size() >= 10) {
                host = QHostAddress(qFromBigEndian<quint32>(b.constData() + 4)).toString();
                length = 10;
            } else if (b[3] == '\x03' && b.size() >= 7 + quint8(b[4])) {
                host = QString::fromLatin1(b.mid(5, quint8(b[4])));
                length = 7 + quint8(b[4]);
            } else {
                return;
            }
            const quint16 port = qFromBigEndian<quint16>(b.constData() + length - 2);
            const QByteArray rest = buffer->mid(length);
            buffer->clear();
            client->write(QByteArray("\x05\x00\x00\x01\x00\x00\x00\x00\x00\x00", 10));
            relay(client, host, port, rest);
        });
    }
};

} // namespace nemo::test
