#pragma once

#include "net/apicall.h"

#include <QUrl>

namespace nemo::auth {

// POST /api/auth/claim-token for the current task and session: a short-lived claim token that opens
// this project in the NemoVideo web app (and binds an anonymous account when the user registers
// there). The sign-in token never goes into the link.
class ClaimTokenQuery : public net::ApiCall
{
    Q_OBJECT
public:
    explicit ClaimTokenQuery(net::Connection *connection, QObject *parent = nullptr);

    QString claimToken() const { return m_claimToken; }
    // https://nemovideo.com/workspace/claim?ct=<claim token>
    QUrl webUrl() const;
    static QUrl webUrlFor(const QString &claimToken);

protected:
    void send() override;
    void handle(const net::ApiResult &result) override;

private:
    QString m_claimToken;
};

} // namespace nemo::auth
