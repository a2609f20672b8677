#pragma once

#include <QJsonValue>
#include <QtGlobal>

#include <cmath>
#include <limits>

namespace nemo::util {

// Numbers from the network become integers only through these: a value out of range (or NaN) would
// make the conversion undefined behaviour, so it is clamped first.
inline qint64 clampToInt64(double value)
{
    if (std::isnan(value))
        return 0;
    constexpr double limit = 9.0e18; // inside qint64, with room to spare
    return qint64(qBound(-limit, value, limit));
}

inline int clampToInt(double value)
{
    if (std::isnan(value))
        return 0;
    return int(
        qBound(double(std::numeric_limits<int>::min()), value, double(std::numeric_limits<int>::max())));
}

// A JSON number or numeric string as an integer; `fallback` when it is neither.
inline qint64 jsonInt64(const QJsonValue &value, qint64 fallback = 0)
{
    if (value.isDouble())
        return clampToInt64(value.toDouble());
    if (value.isString()) {
        bool ok = false;
        const double number = value.toString().trimmed().toDouble(&ok);
        return ok ? clampToInt64(number) : fallback;
    }
    return fallback;
}

} // namespace nemo::util
