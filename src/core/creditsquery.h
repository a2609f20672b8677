#pragma once

#include "apicall.h"

namespace nemo::core {

struct Credits
{
    qint64 available = 0;
    qint64 frozen = 0;
    qint64 total = 0;

    static Credits fromJson(const QJsonObject &data);
};

// GET /api/credits/balance/simple
class CreditsQuery : public ApiCall
{
    Q_OBJECT
public:
    explicit CreditsQuery(Service *service, QObject *parent = nullptr);
    Credits credits() const { return m_credits; }

protected:
    void handle(const ApiResult &result) override;

private:
    Credits m_credits;
};

} // namespace nemo::core
