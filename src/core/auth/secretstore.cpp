#include "auth/secretstore.h"

#include <QPointer>
#include <QTimer>

namespace nemo::auth {

void SecretStore::replyLater(QObject *context, Callback done, const SecretResult &result)
{
    QPointer<QObject> guard(context);
    QTimer::singleShot(0, this, [guard, done = std::move(done), result] {
        if (guard && done)
            done(result);
    });
}

} // namespace nemo::auth
