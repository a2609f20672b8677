#pragma once

#include <QJsonObject>

namespace nemo::auth {

// The credit balance: what can be spent, what is held for work under way, and both together.
struct Credits
{
    qint64 available = 0;
    qint64 frozen = 0;
    qint64 total = 0;

    static Credits fromJson(const QJsonObject &data);
};

} // namespace nemo::auth
