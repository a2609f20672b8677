#include "envelope.h"

#include "jsonnumbers.h"

#include <QJsonDocument>
#include <QJsonValue>

#include <cmath>

namespace nemo::core {

namespace {

// Accepts 1001, "1001" and 1001.0; anything else is "no code".
bool readCode(const QJsonValue &value, int *code)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d != std::floor(d) || std::abs(d) > 1e9)
            return false;
        *code = int(d);
        return true;
    }
    if (value.isString()) {
        bool ok = false;
        *code = value.toString().trimmed().toInt(&ok);
        return ok;
    }
    return false;
}

} // namespace

QString Envelope::messageOf(const QJsonObject &object)
{
    for (const char *key : {"message", "error", "msg", "detail", "error_message", "errorMessage"}) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isString() && !value.toString().trimmed().isEmpty())
            return value.toString().trimmed();
        if (value.isObject()) {
            const QString nested = messageOf(value.toObject());
            if (!nested.isEmpty())
                return nested;
        }
    }
    return {};
}

ApiResult Envelope::decode(int httpStatus, const QByteArray &body)
{
    ApiResult result;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const bool isObject = parseError.error == QJsonParseError::NoError && document.isObject();
    const bool httpFailed = httpStatus >= 400;

    if (!isObject) {
        if (httpFailed)
            result.error = ApiError::fromHttpStatus(httpStatus, QString());
        else
            result.error = ApiError(ApiError::Kind::BadResponse, QString(), httpStatus);
        return result;
    }

    const QJsonObject object = document.object();
    result.body = object;
    const QString message = messageOf(object);
    int code = 0;
    if (readCode(object.value(QLatin1String("code")), &code)) {
        result.error = ApiError::fromBusinessCode(code, message, httpStatus);
        if (code == 2001) {
            const QString userId =
                object.value(QLatin1String("data")).toObject().value(QLatin1String("user_id")).toString();
            result.error.setUserId(userId);
        }
        if (!result.error)
            result.data = object.value(QLatin1String("data")).toObject();
        return result;
    }
    const QJsonValue success = object.value(QLatin1String("success"));
    if (success.isBool()) {
        if (!success.toBool() || httpFailed) {
            result.error = httpFailed ? ApiError::fromHttpStatus(httpStatus, message)
                                      : ApiError(ApiError::Kind::Other, message, httpStatus);
            return result;
        }
        result.data = object.value(QLatin1String("data")).toObject();
        return result;
    }
    if (httpFailed) {
        result.error = ApiError::fromHttpStatus(httpStatus, message);
        return result;
    }
    // Top-level fields (one of the render poll shapes).
    result.data = object;
    return result;
}

} // namespace nemo::core
