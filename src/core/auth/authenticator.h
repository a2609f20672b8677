#pragma once

#include "net/apierror.h"
#include "net/waiters.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <functional>

namespace nemo::net {
class Connection;
} // namespace nemo::net

namespace nemo::auth {

class SecretStore;

// Holds the token: NEMO_TOKEN from the environment wins and is never stored; otherwise the stored
// token for this server; otherwise a free anonymous token for this installation's client id.
// Token, user id, expiry and client id live in the secret store, never in logs or settings.
class Authenticator : public QObject
{
    Q_OBJECT
public:
    enum class Source
    {
        None,
        Environment,
        Stored,
        Anonymous
    };
    using Callback = std::function<void(const net::ApiError &)>;

    Authenticator(net::Connection *connection, SecretStore *secrets);

    // Normally qgetenv("NEMO_TOKEN"); set before the first request.
    void setEnvironmentToken(const QString &token);

    // Calls back once a usable token is in place, or with what prevents one.
    void ensure(QObject *context, Callback done);
    // The service rejected the token of `generation`: get a new one (once for all who saw it).
    void renew(int generation, QObject *context, Callback done);
    // Forgets the stored token for this server and the client id, so the next start is a new identity.
    void signOut(QObject *context, Callback done);
    // Writes the sign-in in use to the (new) secret store; an environment token is never stored.
    void saveAgain();
    // Where the sign-in is kept from now on (saveAgain() writes it there).
    void setSecrets(SecretStore *secrets) { m_secrets = secrets; }

    int generation() const { return m_generation; }
    bool hasToken() const { return !m_token.isEmpty(); }
    Source source() const { return m_source; }
    QString userId() const { return m_userId; }
    QDateTime expiresAt() const { return m_expiresAt; }
    // Days left on the token, rounded up (a fresh 7-day sign-in has 7), for the status bar; -1 when unknown.
    int daysLeft() const;
    // Where secrets are kept, for the user ("system keychain").
    QString storageName() const;

    // Keys used in the secret store (public for tests).
    QString tokenKey() const;
    static QString clientIdKey() { return QStringLiteral("client-id"); }

signals:
    void changed();
    // The secret store failed; the token works for this run but will not be remembered.
    void storageProblem(const QString &message);

private:
    void load();
    void acquire();
    void requestToken();
    void loadClientId(std::function<void()> next);
    void newClientId();
    void adopt(const QString &token, const QString &userId, const QDateTime &expiresAt, Source source);
    void persistToken();
    void persistClientId();
    bool usable() const;

    net::Connection *m_connection;
    SecretStore *m_secrets;
    QString m_environmentToken;
    QString m_token;
    QString m_userId;
    QDateTime m_expiresAt;
    QString m_clientId;
    Source m_source = Source::None;
    int m_generation = 0;
    bool m_loaded = false;
    bool m_clientIdRetried = false;
    net::Waiters m_waiters;
};

} // namespace nemo::auth
