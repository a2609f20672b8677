#pragma once

#include "net/apierror.h"
#include "net/apiresult.h"

#include <QByteArray>
#include <QJsonObject>

#include <functional>

namespace nemo::net {

namespace json {
class Value;
} // namespace json

// Decodes every envelope the contract allows: {"code","message","data"}, {"success","data"} and
// top-level render fields. Business codes win over HTTP statuses; both are read.
class Envelope
{
public:
    // Reads `data` straight from the parse (net/json.h) instead of into ApiResult::data; false when
    // what it read is malformed.
    using DataReader = std::function<bool(json::Value &data)>;

    // The answer is parsed once (simdjson On-Demand); everything but a `data` given to `readData` is
    // kept as Qt JSON values. A body that is not one JSON object is a BadResponse (or the HTTP error).
    static ApiResult decode(int httpStatus, const QByteArray &body, const DataReader &readData = {});
    // The human message a failed answer carries, from whichever field the service used.
    static QString messageOf(const QJsonObject &object);
};

} // namespace nemo::net
