#pragma once

#include "net/servicejob.h"

#include <QDateTime>

namespace nemo::auth {

// Asks the service for a free anonymous token for this installation's client id (no token needed, so
// no 1001/1002 recovery; 429 is waited out once like every request).
class TokenRequest : public net::ServiceJob
{
    Q_OBJECT
public:
    TokenRequest(net::Connection *connection, const QString &clientId, QObject *parent = nullptr);

    QString token() const { return m_token; }
    QString userId() const { return m_userId; }
    QDateTime expiresAt() const { return m_expiresAt; }

protected:
    void send() override;

private:
    QString m_clientId;
    QString m_token;
    QString m_userId;
    QDateTime m_expiresAt;
};

} // namespace nemo::auth
