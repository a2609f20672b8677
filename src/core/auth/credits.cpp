#include "auth/credits.h"

#include "util/jsonnumbers.h"

namespace nemo::auth {

namespace {

qint64 number(const QJsonValue &value)
{
    return util::jsonInt64(value);
}

} // namespace

Credits Credits::fromJson(const QJsonObject &data)
{
    Credits credits;
    credits.available = qMax<qint64>(0, number(data.value(QLatin1String("available"))));
    credits.frozen = qMax<qint64>(0, number(data.value(QLatin1String("frozen"))));
    credits.total = data.contains(QLatin1String("total")) ? number(data.value(QLatin1String("total")))
                                                          : credits.available + credits.frozen;
    return credits;
}

} // namespace nemo::auth
