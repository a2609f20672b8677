#include "auth/authenticator.h"

#include "auth/secretstore.h"
#include "auth/tokenrequest.h"
#include "net/connection.h"
#include "net/transport.h"
#include "util/logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace nemo::auth {

namespace {

// A token this close to expiry is treated as expired, so requests never race the deadline.
constexpr qint64 ExpiryMarginSeconds = 120;

} // namespace

Authenticator::Authenticator(net::Connection *connection, SecretStore *secrets)
    : QObject(connection)
    , m_connection(connection)
    , m_secrets(secrets)
{ }

void Authenticator::setEnvironmentToken(const QString &token)
{
    m_environmentToken = token.trimmed();
    if (!m_environmentToken.isEmpty())
        adopt(m_environmentToken, QString(), QDateTime(), Source::Environment);
}

QString Authenticator::tokenKey() const
{
    const QUrl base = m_connection->transport()->baseUrl();
    return QStringLiteral("token@") + base.scheme() + QStringLiteral("://") + base.authority();
}

QString Authenticator::storageName() const
{
    return m_secrets->displayName();
}

int Authenticator::daysLeft() const
{
    if (!m_expiresAt.isValid())
        return -1;
    // Rounded up: a fresh 7-day sign-in has 7 days left, not 6 and some hours.
    const qint64 seconds = QDateTime::currentDateTimeUtc().secsTo(m_expiresAt);
    return int(qMax<qint64>(0, (seconds + 86399) / 86400));
}

bool Authenticator::usable() const
{
    if (m_token.isEmpty())
        return false;
    if (!m_expiresAt.isValid())
        return true;
    return QDateTime::currentDateTimeUtc().secsTo(m_expiresAt) > ExpiryMarginSeconds;
}

void Authenticator::adopt(const QString &token, const QString &userId, const QDateTime &expiresAt,
                          Source source)
{
    m_token = token;
    m_userId = userId;
    m_expiresAt = expiresAt;
    m_source = source;
    ++m_generation;
    qCDebug(lcNemoAuth, "signed in as %s (source %d, expires %s)", qUtf8Printable(userId), int(source),
            qUtf8Printable(expiresAt.toString(Qt::ISODate)));
    m_connection->transport()->setBearerToken(token);
    emit changed();
}

void Authenticator::ensure(QObject *context, Callback done)
{
    if (usable()) {
        net::Waiters::later(this, context, std::move(done));
        return;
    }
    if (!m_waiters.add(context, std::move(done)))
        return; // a token is on its way
    if (!m_loaded)
        load();
    else
        acquire();
}

void Authenticator::renew(int generation, QObject *context, Callback done)
{
    if (generation != m_generation && usable()) {
        // Someone else already renewed it.
        ensure(context, std::move(done));
        return;
    }
    if (m_source == Source::Environment) {
        net::ApiError error(net::ApiError::Kind::TokenExpired);
        error.setDetail(
            tr("The token in NEMO_TOKEN was rejected (expired or invalid). Unset NEMO_TOKEN to use a free "
               "anonymous token, or set a valid one."));
        net::Waiters::later(this, context, std::move(done), error);
        return;
    }
    m_token.clear();
    m_expiresAt = QDateTime();
    m_connection->transport()->setBearerToken(QString());
    ensure(context, std::move(done));
}

void Authenticator::signOut(QObject *context, Callback done)
{
    m_token.clear();
    m_userId.clear();
    m_expiresAt = QDateTime();
    m_source = m_environmentToken.isEmpty() ? Source::None : Source::Environment;
    if (!m_environmentToken.isEmpty())
        m_token = m_environmentToken;
    m_connection->transport()->setBearerToken(m_token);
    ++m_generation;
    m_loaded = true;
    emit changed();
    // Signing out forgets this identity: the next token comes for a new client id (the service allows
    // one anonymous token per client id a week).
    m_clientId.clear();
    m_secrets->remove(clientIdKey(), this, [](const SecretResult &) {});
    m_secrets->remove(tokenKey(), context, [done = std::move(done)](const SecretResult &result) {
        net::ApiError error;
        if (!result.ok) {
            error = net::ApiError(net::ApiError::Kind::Keychain);
            error.setDetail(result.error);
        }
        done(error);
    });
}

void Authenticator::load()
{
    m_secrets->read(tokenKey(), this, [this](const SecretResult &result) {
        m_loaded = true;
        if (!result.ok)
            emit storageProblem(result.error);
        if (result.ok && !result.notFound) {
            const QJsonObject stored = QJsonDocument::fromJson(result.value.toUtf8()).object();
            const QString token = stored.value(QLatin1String("token")).toString();
            const QDateTime expires =
                QDateTime::fromString(stored.value(QLatin1String("expires_at")).toString(), Qt::ISODate);
            if (!token.isEmpty()) {
                adopt(token, stored.value(QLatin1String("user_id")).toString(), expires, Source::Stored);
                if (usable()) {
                    m_waiters.settle(net::ApiError());
                    return;
                }
            }
        }
        acquire();
    });
}

void Authenticator::loadClientId(std::function<void()> next)
{
    if (!m_clientId.isEmpty()) {
        next();
        return;
    }
    m_secrets->read(clientIdKey(), this, [this, next = std::move(next)](const SecretResult &result) {
        const QString stored = result.ok && !result.notFound ? result.value.trimmed() : QString();
        if (!stored.isEmpty() && stored.size() <= 64 && !QUuid::fromString(stored).isNull()) {
            m_clientId = stored;
            next();
            return;
        }
        newClientId();
        next();
    });
}

void Authenticator::newClientId()
{
    m_clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    persistClientId();
}

void Authenticator::persistClientId()
{
    m_secrets->write(clientIdKey(), m_clientId, this, [this](const SecretResult &result) {
        if (!result.ok)
            emit storageProblem(result.error);
    });
}

void Authenticator::acquire()
{
    m_clientIdRetried = false;
    loadClientId([this] { requestToken(); });
}

void Authenticator::requestToken()
{
    auto *request = new TokenRequest(m_connection, m_clientId, this);
    connect(request, &net::ServiceJob::finished, this, [this, request] {
        const net::ApiError error = request->error();
        if (error.kind() == net::ApiError::Kind::BadRequest && !m_clientIdRetried) {
            // The service wants a (different) client id.
            m_clientIdRetried = true;
            newClientId();
            requestToken();
            return;
        }
        if (error) {
            m_waiters.settle(error);
            return;
        }
        adopt(request->token(), request->userId(), request->expiresAt(), Source::Anonymous);
        persistToken();
        m_waiters.settle(net::ApiError());
    });
    request->start();
}

void Authenticator::saveAgain()
{
    if (!m_clientId.isEmpty())
        persistClientId();
    if (!m_token.isEmpty() && m_source != Source::Environment)
        persistToken();
    emit changed();
}

void Authenticator::persistToken()
{
    const QJsonObject stored{{QStringLiteral("token"), m_token},
                             {QStringLiteral("user_id"), m_userId},
                             {QStringLiteral("expires_at"), m_expiresAt.toString(Qt::ISODate)}};
    m_secrets->write(tokenKey(), QString::fromUtf8(QJsonDocument(stored).toJson(QJsonDocument::Compact)),
                     this, [this](const SecretResult &result) {
                         if (!result.ok)
                             emit storageProblem(result.error);
                     });
}

} // namespace nemo::auth
