#include "client/appinstance.h"

#include "util/logging.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>

namespace nemo::client {

namespace {

constexpr int ConnectMs = 1000;
constexpr int AnswerMs = 5000;
constexpr int LockWaitMs = 15000;
constexpr char Ack = 'k';
constexpr qint64 MaxMessageBytes = 4 * 1024 * 1024; // file paths: far more than a launch ever sends

} // namespace

AppInstance::AppInstance(const QString &profileFolder, QObject *parent)
    : QObject(parent)
{
    const QByteArray profile = QDir::cleanPath(QDir(profileFolder).absolutePath()).toUtf8();
    m_name = QStringLiteral("nemo-studio-") +
        QString::fromLatin1(QCryptographicHash::hash(profile, QCryptographicHash::Sha1).toHex().left(16));
    m_lockPath = QDir::temp().filePath(m_name + QStringLiteral(".lock"));
}

AppInstance::~AppInstance() = default;

bool AppInstance::claim(const QStringList &arguments, QString *problem)
{
    // Only one launch at a time decides: the first listens, the next finds it listening. A lock left
    // by a crashed launch is stale (its process is gone) and taken over.
    QLockFile lock(m_lockPath);
    if (!lock.tryLock(LockWaitMs)) {
        if (problem)
            *problem = tr("Another start of Nemo Studio did not finish; opening a window anyway.");
        return true;
    }
    if (handOver(arguments))
        return false;
    // Nobody answered: a socket left by a crashed instance is removed, then this one listens.
    QLocalServer::removeServer(m_name);
    auto *server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!server->listen(m_name)) {
        if (problem)
            *problem =
                tr("Later starts cannot hand their files to this window (%1).").arg(server->errorString());
        delete server;
        return true;
    }
    m_server = server;
    connect(m_server, &QLocalServer::newConnection, this, &AppInstance::accept);
    return true;
}

bool AppInstance::handOver(const QStringList &arguments)
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(ConnectMs))
        return false;
    QByteArray message;
    QDataStream out(&message, QIODevice::WriteOnly);
    out << arguments;
    socket.write(message);
    if (!socket.waitForBytesWritten(AnswerMs))
        return false;
    // The running instance answers once it has the arguments; without an answer it is not running.
    while (socket.bytesAvailable() < 1) {
        if (!socket.waitForReadyRead(AnswerMs))
            return false;
    }
    return socket.read(1).at(0) == Ack;
}

void AppInstance::accept()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (socket->bytesAvailable() > MaxMessageBytes) {
                socket->abort();
                return;
            }
            QDataStream in(socket);
            in.startTransaction();
            QStringList arguments;
            in >> arguments;
            if (!in.commitTransaction())
                return; // the rest is still on its way
            socket->write(&Ack, 1);
            socket->flush();
            qCDebug(lcNemoProject, "a later start handed over %d argument(s)", int(arguments.size()));
            emit argumentsReceived(arguments);
        });
    }
}

} // namespace nemo::client
