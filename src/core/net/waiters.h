#pragma once

#include "net/apierror.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

namespace nemo::net {

// Everyone waiting for one thing under way (a token, a session): each is called back once with the
// outcome, unless its context went meanwhile. The "ensure" of Authenticator and Session.
class Waiters
{
public:
    using Callback = std::function<void(const ApiError &)>;

    // Adds a waiter; true when nobody was waiting yet (the caller starts the work).
    bool add(QObject *context, Callback done);
    bool isWaiting() const { return !m_waiters.isEmpty(); }
    // Calls everyone back with the outcome; whoever asks again meanwhile waits for the next round.
    void settle(const ApiError &error);
    // Calls one caller back on the next turn of the event loop (what it waits for is there already, or
    // cannot be had), as if it had waited.
    static void later(QObject *owner, QObject *context, Callback done, const ApiError &error = ApiError());

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Callback done;
    };
    QList<Waiter> m_waiters;
};

} // namespace nemo::net
