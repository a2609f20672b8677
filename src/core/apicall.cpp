#include "apicall.h"

#include "service.h"
#include "transport.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace nemo::core {

namespace {

constexpr qint64 MaxResponseBytes = 64LL * 1024 * 1024;

} // namespace

ApiCall::ApiCall(Service *service, Needs needs, const QByteArray &method, const QString &path,
                 const QJsonObject &body, QObject *parent)
    : ServiceJob(service, needs, parent)
    , m_method(method)
    , m_path(path)
    , m_body(body)
{ }

void ApiCall::send()
{
    ++m_attempts;
    QString path = m_path;
    path.replace(QLatin1String("{session}"), QString::fromLatin1(QUrl::toPercentEncoding(sessionId())));
    QNetworkRequest request = service()->transport()->request(path);
    QNetworkReply *reply = nullptr;
    QNetworkAccessManager *network = service()->transport()->network();
    if (m_method == "GET") {
        reply = network->get(request);
    } else if (m_body.isEmpty()) {
        reply = network->sendCustomRequest(request, m_method, QByteArray()); // "no body"
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        reply = network->sendCustomRequest(request, m_method,
                                           QJsonDocument(m_body).toJson(QJsonDocument::Compact));
    }
    track(reply);
    connect(reply, &QNetworkReply::downloadProgress, this, [reply](qint64 received, qint64) {
        if (received > MaxResponseBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, &ApiCall::onReply);
}

void ApiCall::onReply()
{
    QNetworkReply *reply = currentReply();
    if (!reply || reply != sender())
        return;
    ApiError error = transportError(reply);
    if (!error) {
        m_result = Envelope::decode(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                                    reply->readAll());
        error = m_result.error;
    }
    if (error) {
        if (recover(error))
            return;
        const ServiceConfig &config = service()->config();
        if (m_method == "GET" && error.isTransient() && error.kind() != ApiError::Kind::RateLimited &&
            m_attempts <= config.getRetries) {
            retryAfter(int(config.retryBackoff.count()) << (m_attempts - 1));
            return;
        }
        complete(error);
        return;
    }
    handle(m_result);
}

void ApiCall::handle(const ApiResult &)
{
    complete();
}

} // namespace nemo::core
