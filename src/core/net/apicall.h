#pragma once

#include "net/envelope.h"
#include "net/servicejob.h"

#include <QJsonObject>

namespace nemo::net {

// A JSON request and its decoded envelope. "{session}" in the path stands for the current session
// id, so a replay after 1002 goes to the new session. Idempotent GETs are retried with backoff on
// transient failures.
class ApiCall : public ServiceJob
{
    Q_OBJECT
public:
    ApiCall(Connection *connection, Needs needs, const QByteArray &method, const QString &path,
            const QJsonObject &body = QJsonObject(), QObject *parent = nullptr);

    QJsonObject data() const { return m_result.data; }
    const ApiResult &result() const { return m_result; }
    int attempts() const { return m_attempts; }

protected:
    void send() override;
    // For bodies that depend on the session (known only just before sending).
    void setBody(const QJsonObject &body) { m_body = body; }
    // Called with a successful result; the default finishes the job.
    virtual void handle(const ApiResult &result);

private:
    QByteArray m_method;
    QString m_path;
    QJsonObject m_body;
    ApiResult m_result;
    int m_attempts = 0;
};

} // namespace nemo::net
