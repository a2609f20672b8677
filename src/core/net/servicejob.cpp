#include "net/servicejob.h"

#include "net/connection.h"
#include "net/serviceconfig.h"
#include "util/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTimer>

namespace nemo::net {

ServiceJob::ServiceJob(Connection *connection, Needs needs, QObject *parent)
    : QObject(parent ? parent : connection)
    , m_connection(connection)
    , m_connectionGuard(connection)
    , m_needs(needs)
{ }

ServiceJob::~ServiceJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QString ServiceJob::sessionId() const
{
    return connection() ? m_connection->sessionId() : QString();
}

void ServiceJob::start()
{
    if (m_started)
        return;
    m_started = true;
    QMetaObject::invokeMethod(this, &ServiceJob::prepare, Qt::QueuedConnection);
}

void ServiceJob::prepare()
{
    if (m_finished)
        return;
    if (!connection()) {
        complete(ApiError(ApiError::Kind::Cancelled));
        return;
    }
    if (m_needs == Needs::Nothing) {
        send();
        return;
    }
    m_connection->ensureToken(this, [this](const ApiError &error) {
        if (error) {
            complete(error);
            return;
        }
        m_authGeneration = m_connection->tokenGeneration();
        if (m_needs == Needs::Token) {
            send();
            return;
        }
        m_connection->ensureSession(this, [this](const ApiError &sessionError) {
            if (sessionError) {
                complete(sessionError);
                return;
            }
            m_sessionUsed = sessionId();
            send();
        });
    });
}

void ServiceJob::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    if (m_retryTimer)
        m_retryTimer->stop();
    cancelRequest();
    complete(ApiError(ApiError::Kind::Cancelled));
}

void ServiceJob::cancelRequest()
{
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void ServiceJob::complete(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    if (error)
        qCDebug(lcNemoNet, "%s failed: %s", metaObject()->className(), qUtf8Printable(error.message()));
    else
        qCDebug(lcNemoNet, "%s done", metaObject()->className());
    if (m_retryTimer)
        m_retryTimer->stop();
    onFinished();
    emit finished();
    if (m_autoDelete)
        deleteLater();
}

void ServiceJob::expect(QNetworkReply *reply, ResultHandler onResult, ErrorHandler onError)
{
    track(reply);
    connect(reply, &QNetworkReply::downloadProgress, this, [reply](qint64 received, qint64) {
        if (received > MaxAnswerBytes) {
            reply->setProperty("nemoTooLarge", true);
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, onResult = std::move(onResult), onError = std::move(onError)] {
                if (reply != m_reply || m_finished)
                    return;
                ApiResult result;
                if (reply->property("nemoTooLarge").toBool()) {
                    result.error = answerTooLarge();
                } else {
                    result = answerOf(reply, readWhatCame(reply), m_dataReader);
                }
                if (!result.error) {
                    onResult(result);
                    return;
                }
                if (onError && onError(result.error))
                    return;
                failWith(result.error);
            });
}

void ServiceJob::failWith(const ApiError &error)
{
    if (!recover(error))
        complete(error);
}

ApiError ServiceJob::answerTooLarge()
{
    ApiError error(ApiError::Kind::BadResponse);
    error.setDetail(tr("The service's answer was too large to be read."));
    return error;
}

QByteArray readWhatCame(QNetworkReply *reply)
{
    return reply->isOpen() ? reply->readAll() : QByteArray();
}

ApiResult ServiceJob::answerOf(QNetworkReply *reply, const QByteArray &body,
                               const Envelope::DataReader &readData)
{
    ApiResult result;
    result.error = transportError(reply);
    if (result.error)
        return result;
    return Envelope::decode(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), body,
                            readData);
}

QNetworkReply *ServiceJob::track(QNetworkReply *reply)
{
    if (m_reply && m_reply != reply) {
        m_reply->disconnect(this);
        m_reply->deleteLater();
    }
    m_reply = reply;
    return reply;
}

void ServiceJob::retryAfter(int milliseconds)
{
    if (!m_retryTimer) {
        m_retryTimer = new QTimer(this);
        m_retryTimer->setSingleShot(true);
        connect(m_retryTimer, &QTimer::timeout, this, [this] {
            if (!m_finished)
                send();
        });
    }
    m_retryTimer->start(qMax(0, milliseconds));
}

bool ServiceJob::recover(const ApiError &error)
{
    if (m_finished || m_aborted || !connection())
        return false;
    switch (error.kind()) {
    case ApiError::Kind::TokenExpired:
        if (m_authRecovered || m_needs == Needs::Nothing)
            return false;
        m_authRecovered = true;
        cancelRequest();
        m_connection->renewToken(m_authGeneration, this, [this](const ApiError &renewError) {
            if (renewError) {
                complete(renewError);
                return;
            }
            m_authGeneration = m_connection->tokenGeneration();
            send();
        });
        return true;
    case ApiError::Kind::SessionNotFound:
        if (m_sessionRecovered || m_needs != Needs::Session)
            return false;
        m_sessionRecovered = true;
        cancelRequest();
        m_connection->replaceSession(m_sessionUsed, this, [this](const ApiError &sessionError) {
            if (sessionError) {
                complete(sessionError);
                return;
            }
            m_sessionUsed = sessionId();
            send();
        });
        return true;
    case ApiError::Kind::RateLimited:
        if (m_rateRecovered)
            return false;
        m_rateRecovered = true;
        cancelRequest();
        retryAfter(int(m_connection->config().rateLimitDelay.count()));
        return true;
    default:
        return false;
    }
}

ApiError ServiceJob::transportError(QNetworkReply *reply)
{
    switch (reply->error()) {
    case QNetworkReply::NoError:
        return ApiError();
    case QNetworkReply::OperationCanceledError: // Qt reports transfer timeouts as a cancellation
    case QNetworkReply::TimeoutError: {
        ApiError timeout(ApiError::Kind::Timeout);
        if (const int waitedMs = reply->request().transferTimeout(); waitedMs > 0)
            timeout.setDetail(QString::number((waitedMs + 999) / 1000));
        return timeout;
    }
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::InsecureRedirectError:
        return ApiError(ApiError::Kind::Insecure, reply->errorString());
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
        if (const QNetworkAccessManager *manager = reply->manager(); manager &&
            (manager->proxy().type() == QNetworkProxy::HttpProxy ||
             manager->proxy().type() == QNetworkProxy::Socks5Proxy)) {
            // With a manual proxy, the proxy is the host connected to.
            ApiError error(ApiError::Kind::Network);
            error.setDetail(tr("The proxy server can't be reached (see Settings)."));
            return error;
        }
        return ApiError(ApiError::Kind::Network);
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        return ApiError(ApiError::Kind::Network);
    case QNetworkReply::ProxyAuthenticationRequiredError: {
        ApiError error(ApiError::Kind::Network);
        error.setDetail(tr("The proxy server refused the user name or password (see Settings)."));
        return error;
    }
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownProxyError: {
        ApiError error(ApiError::Kind::Network);
        error.setDetail(tr("The proxy server can't be reached (see Settings)."));
        return error;
    }
    default:
        break;
    }
    return ApiError();
}

} // namespace nemo::net
