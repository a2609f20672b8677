#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QJsonObject>

namespace nemo::core {

// What a service answer means once the envelope is taken off: the payload, or the error.
struct ApiResult
{
    ApiError error;
    QJsonObject data; // `data` of an envelope, or the whole object for top-level answers
    QJsonObject body; // the whole decoded object, for fields beside `data`

    bool ok() const { return !error.isError(); }
};

// Decodes every envelope the contract allows: {"code","message","data"}, {"success","data"} and
// top-level render fields. Business codes win over HTTP statuses; both are read.
class Envelope
{
public:
    static ApiResult decode(int httpStatus, const QByteArray &body);
    // The human message a failed answer carries, from whichever field the service used.
    static QString messageOf(const QJsonObject &object);
};

} // namespace nemo::core
