#pragma once

#include "auth/credits.h"
#include "net/apicall.h"

namespace nemo::auth {

// GET /api/credits/balance/simple
class CreditsQuery : public net::ApiCall
{
    Q_OBJECT
public:
    explicit CreditsQuery(net::Connection *connection, QObject *parent = nullptr);
    Credits credits() const { return m_credits; }

protected:
    void handle(const net::ApiResult &result) override;

private:
    Credits m_credits;
};

} // namespace nemo::auth
