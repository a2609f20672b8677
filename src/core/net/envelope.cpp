#include "net/envelope.h"

#include "net/json.h"
#include "util/jsonnumbers.h"

#include <QJsonValue>

#include <cmath>

namespace nemo::net {

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

ApiResult Envelope::decode(int httpStatus, const QByteArray &body, const DataReader &readData)
{
    ApiResult result;
    const bool httpFailed = httpStatus >= 400;
    auto notAnObject = [&] {
        ApiResult failed;
        if (httpFailed)
            failed.error = ApiError::fromHttpStatus(httpStatus, QString());
        else
            failed.error = ApiError(ApiError::Kind::BadResponse, QString(), httpStatus);
        return failed;
    };

    json::Document document;
    json::od::object root;
    if (!document.parse(body) || document.root().get_object().get(root))
        return notAnObject();
    QJsonObject object; // every member, but a `data` that readData took
    bool dataGood = true;
    for (auto member : root) {
        json::od::field field;
        std::string_view key;
        if (std::move(member).get(field) || field.unescaped_key().get(key))
            return notAnObject();
        if (readData && key == "data") {
            json::Value data(field.value());
            // A repeated `data`: the last one counts, as QJsonDocument would have it.
            dataGood = readData(data);
            if (!dataGood)
                break;
            continue;
        }
        QJsonValue value;
        if (!json::toQt(field.value(), &value))
            return notAnObject();
        object.insert(json::toQString(key), value);
    }
    if (dataGood && !document.atEnd())
        return notAnObject();

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
        if (!result.error) {
            if (!dataGood)
                return notAnObject();
            result.data = object.value(QLatin1String("data")).toObject();
        }
        return result;
    }
    if (!dataGood)
        return notAnObject();
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

} // namespace nemo::net
