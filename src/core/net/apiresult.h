#pragma once

#include "net/apierror.h"

#include <QJsonObject>

namespace nemo::net {

// What a service answer means once the envelope is taken off: the payload, or the error.
struct ApiResult
{
    ApiError error;
    QJsonObject data; // `data` of an envelope, or the whole object for top-level answers
    QJsonObject body; // the whole decoded object, for fields beside `data`

    bool ok() const { return !error.isError(); }
};

} // namespace nemo::net
