#pragma once

#include "net/apierror.h"

#include <QObject>

#include <functional>

namespace nemo::net {

struct ServiceConfig;
class Transport;

// What a job needs of the service it talks to: the configuration, the transport, and the two things
// every request may wait for (a token, a session). The client (Service) provides it; jobs in every
// domain see only this, so no job depends on the classes above it.
class Connection : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const ApiError &)>;

    using QObject::QObject;

    virtual const ServiceConfig &config() const = 0;
    virtual Transport *transport() const = 0;

    // Calls back once a usable token is in place, or with what prevents one.
    virtual void ensureToken(QObject *context, Callback done) = 0;
    // Changes whenever the token does; a job remembers the one it sent.
    virtual int tokenGeneration() const = 0;
    // The service rejected the token of `generation`: get a new one (once for all who saw it).
    virtual void renewToken(int generation, QObject *context, Callback done) = 0;
    virtual QString userId() const = 0;

    virtual QString sessionId() const = 0;
    virtual QString taskId() const = 0;
    virtual void ensureSession(QObject *context, Callback done) = 0;
    // The service does not know `failedSessionId`: make a new session (once for all who saw it).
    virtual void replaceSession(const QString &failedSessionId, QObject *context, Callback done) = 0;
};

} // namespace nemo::net
