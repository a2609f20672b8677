#include "net/apicall.h"

#include "net/connection.h"
#include "net/serviceconfig.h"
#include "net/transport.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace nemo::net {

ApiCall::ApiCall(Connection *connection, Needs needs, const QByteArray &method, const QString &path,
                 const QJsonObject &body, QObject *parent)
    : ServiceJob(connection, needs, parent)
    , m_method(method)
    , m_path(path)
    , m_body(body)
{ }

void ApiCall::send()
{
    ++m_attempts;
    QString path = m_path;
    path.replace(QLatin1String("{session}"), QString::fromLatin1(QUrl::toPercentEncoding(sessionId())));
    QNetworkRequest request = connection()->transport()->request(path);
    QNetworkReply *reply = nullptr;
    QNetworkAccessManager *network = connection()->transport()->network();
    if (m_method == "GET") {
        reply = network->get(request);
    } else if (m_body.isEmpty()) {
        reply = network->sendCustomRequest(request, m_method, QByteArray()); // "no body"
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        reply = network->sendCustomRequest(request, m_method,
                                           QJsonDocument(m_body).toJson(QJsonDocument::Compact));
    }
    expect(
        reply,
        [this](const ApiResult &result) {
            m_result = result;
            handle(m_result);
        },
        [this](const ApiError &error) {
            // An idempotent GET is tried again after a transient failure (429 has its own rule).
            const ServiceConfig &config = connection()->config();
            if (m_method != "GET" || !error.isTransient() || error.kind() == ApiError::Kind::RateLimited ||
                m_attempts > config.getRetries)
                return false;
            retryAfter(int(config.retryBackoff.count()) << (m_attempts - 1));
            return true;
        });
}

void ApiCall::handle(const ApiResult &)
{
    complete();
}

} // namespace nemo::net
