#pragma once

#include "apicall.h"
#include "credits.h"

namespace nemo::core {

// GET /api/credits/balance/simple
class CreditsQuery : public ApiCall
{
    Q_OBJECT
public:
    explicit CreditsQuery(Connection *connection, QObject *parent = nullptr);
    Credits credits() const { return m_credits; }

protected:
    void handle(const ApiResult &result) override;

private:
    Credits m_credits;
};

} // namespace nemo::core
