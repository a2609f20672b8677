#include "net/waiters.h"

namespace nemo::net {

bool Waiters::add(QObject *context, Callback done)
{
    m_waiters.append({context, std::move(done)});
    return m_waiters.size() == 1;
}

void Waiters::settle(const ApiError &error)
{
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.done(error);
    }
}

void Waiters::later(QObject *owner, QObject *context, Callback done, const ApiError &error)
{
    QMetaObject::invokeMethod(
        owner,
        [guard = QPointer<QObject>(context), done = std::move(done), error] {
            if (guard)
                done(error);
        },
        Qt::QueuedConnection);
}

} // namespace nemo::net
