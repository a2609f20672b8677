#pragma once

#include "net/apierror.h"
#include "net/envelope.h"

#include <QNetworkReply>
#include <QObject>
#include <QPointer>

#include <functional>

class QTimer;

namespace nemo::net {

class Connection;

// What a finished reply brought: nothing when it was closed (a transfer timeout closes the reply
// before finished(), and reading it then only makes Qt warn).
QByteArray readWhatCame(QNetworkReply *reply);

// One operation against the service (nextcloud's AbstractNetworkJob is the model): start(),
// abort(), one finished() signal, results read from the job. Before send() the job has a token and,
// if it needs one, a session. Every answer goes through one pipeline, expect(): the answer capped at
// MaxAnswerBytes, the transport error or else the envelope's, then the job's own error handling, then
// recover(), which applies the contract's rules once each: 1001 → new token and replay, 1002 → new
// session and replay, 429 → wait 30 s and retry once. Jobs delete themselves after finished().
class ServiceJob : public QObject
{
    Q_OBJECT
public:
    enum class Needs
    {
        Nothing,
        Token,
        Session
    };

    ServiceJob(Connection *connection, Needs needs, QObject *parent = nullptr);
    ~ServiceJob() override;

    // Starts on the next turn of the event loop, so callers can connect first.
    void start();
    // A new job, started: `auto *job = ServiceJob::started(new UploadJob(connection, paths, this));`
    template<typename Job>
    static Job *started(Job *job)
    {
        job->start();
        return job;
    }
    // Stops the operation; finished() follows with a Cancelled error.
    void abort();

    bool isRunning() const { return m_started && !m_finished; }
    bool isFinished() const { return m_finished; }
    const ApiError &error() const { return m_error; }
    // Keep the job alive after finished() (the caller deletes it).
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

    // No answer of the service is read into memory beyond this (a stream is not an answer).
    static constexpr qint64 MaxAnswerBytes = 64LL * 1024 * 1024;

    // The network error of a reply as an ApiError (Network, Timeout, Insecure …), or None.
    static ApiError transportError(QNetworkReply *reply);
    // What a finished reply says: its transport error, else its envelope decoded from `body`.
    static ApiResult answerOf(QNetworkReply *reply, const QByteArray &body,
                              const Envelope::DataReader &readData = {});
    static ApiError answerTooLarge();

signals:
    void finished();

protected:
    virtual void send() = 0;
    // Stops whatever network work is under way (called on abort and before a replay).
    virtual void cancelRequest();
    virtual void onFinished() { }

    // Null once the service is gone.
    Connection *connection() const { return m_connectionGuard ? m_connection : nullptr; }
    QString sessionId() const;
    bool isAborted() const { return m_aborted; }

    // Finishes the job, successfully when error is None.
    void complete(const ApiError &error = ApiError());

    // The one request pipeline: tracks `reply` and, once it has finished, hands a good answer to
    // `onResult`; an error goes to `onError` first (true: the job took care of it), then to recover(),
    // and otherwise finishes the job.
    using ResultHandler = std::function<void(const ApiResult &result)>;
    using ErrorHandler = std::function<bool(const ApiError &error)>;
    void expect(QNetworkReply *reply, ResultHandler onResult, ErrorHandler onError = {});
    // The job reads the answer's `data` itself, straight from the parse (see Envelope::decode).
    void readDataWith(Envelope::DataReader reader) { m_dataReader = std::move(reader); }
    // The end of that pipeline for an error found another way (a stream that ended badly).
    void failWith(const ApiError &error);
    // Starts the recovery the contract prescribes for this error, if any is left; then send() runs
    // again. Returns false when the error stands.
    bool recover(const ApiError &error);
    // Waits, then calls send() again (used for transient GET failures and rate limits).
    void retryAfter(int milliseconds);

    // Tracks a reply: aborted with the job, deleted when the job is.
    QNetworkReply *track(QNetworkReply *reply);
    QNetworkReply *currentReply() const { return m_reply; }

private:
    void prepare();

    Connection *m_connection;
    QPointer<QObject> m_connectionGuard;
    Needs m_needs;
    ApiError m_error;
    QPointer<QNetworkReply> m_reply;
    Envelope::DataReader m_dataReader;
    QTimer *m_retryTimer = nullptr;
    int m_authGeneration = 0;
    QString m_sessionUsed;
    bool m_started = false;
    bool m_finished = false;
    bool m_aborted = false;
    bool m_autoDelete = true;
    bool m_authRecovered = false;
    bool m_sessionRecovered = false;
    bool m_rateRecovered = false;
};

} // namespace nemo::net
