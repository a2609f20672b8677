#pragma once

#include "httpconnection.h"
#include "scenario.h"
#include "scriptedagent.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

class QTcpServer;
class QProcess;

namespace nemo::fake {

// The local NemoVideo server: every endpoint of the service contract (../shared/API.md) with its
// envelopes and behaviour, a scripted agent, render jobs that produce a real H.264 MP4, and fault
// injection per scenario. Binds to 127.0.0.1 only.
class FakeServer
    : public QObject
    , private RequestHandler
{
    Q_OBJECT
public:
    explicit FakeServer(QObject *parent = nullptr);
    ~FakeServer() override;

    bool listen(quint16 port = 0);
    // Stops taking connections (as if the service went away); listen() again to come back.
    void close();
    QUrl baseUrl() const;
    quint16 port() const;

    // Where uploads and renders are kept; a private temporary folder unless set before the first request.
    void setMediaDir(const QString &path);
    QString mediaDir() const;

    Scenario scenario() const { return m_scenario; }
    void setScenario(const Scenario &scenario);
    void addFault(const Fault &fault);

    // Moves the server's clock forward (token expiry and the rate-limit window use it).
    void advanceClock(qint64 seconds);
    void setCredits(int available);
    void reset();

    QJsonObject stats() const;
    int callCount(const QString &endpoint) const { return m_calls.value(endpoint); }
    // When each call to an endpoint came, in ms on the server's own steady clock.
    QList<qint64> callTimes(const QString &endpoint) const { return m_callTimes.value(endpoint); }
    // A render's polls, in ms after it was created, and when it was done (-1 while it is not).
    QList<qint64> renderPolls(const QString &renderId) const;
    qint64 renderDoneAtMs(const QString &renderId) const;
    QStringList claimTokens() const { return m_claims; }
    QStringList renderIds() const { return m_renders.keys(); }
    // The draft a render was asked to make (what the client sent).
    QJsonObject renderDraft(const QString &renderId) const;
    QStringList chatMessages() const;

private:
    struct Token
    {
        QString token;
        QString userId;
        QString clientId;
        QDateTime expiresAt;
        bool revoked = false;
    };
    struct User
    {
        QString userId;
        qint64 credits = 0;
        qint64 frozen = 0;
    };
    struct Session
    {
        QString sessionId;
        QString taskId;
        QString userId;
        QString taskName;
        QString language;
        QList<MediaItem> media;
        QJsonObject draft;
        QJsonArray generatedMedia;
        int turns = 0;
    };
    struct Render
    {
        QString id;
        QString sessionId;
        QJsonObject draft;
        QElapsedTimer clock;
        QDateTime createdAt;
        QDateTime completedAt;
        QString outputPath;
        bool outputReady = false;
        qint64 outputReadyMs = -1; // when the file was there, on `clock`
        bool fails = false;
        bool cancelled = false;
        QList<qint64> polls; // on `clock`
        double duration = 0;
    };
    struct Issued
    {
        QDateTime at;
        QString clientId;
        QString ip;
    };

    std::unique_ptr<BodyConsumer> bodyConsumer(const HttpRequest &request) override;
    void handle(const HttpRequest &request, std::unique_ptr<BodyConsumer> body,
                HttpConnection *connection) override;
    void dispatch(const HttpRequest &request, std::unique_ptr<BodyConsumer> body, HttpConnection *connection,
                  const QString &endpoint, const Fault &fault);

    QString endpointOf(const HttpRequest &request) const;
    Fault faultFor(const QString &endpoint, int call, const QString &path);
    QDateTime now() const;

    // Answers
    void sendJson(HttpConnection *connection, int status, const QJsonObject &body, const Fault &fault);
    void sendEnvelope(HttpConnection *connection, const QJsonObject &data, const Fault &fault);
    void sendError(HttpConnection *connection, int code, const QString &message, const Fault &fault,
                   int httpStatus = 0);
    void serveFile(const HttpRequest &request, HttpConnection *connection, const QString &path,
                   const QByteArray &contentType, const Fault &fault);

    // Checks shared by the API endpoints; they answer and return null on failure.
    const Token *authorize(const HttpRequest &request, HttpConnection *connection, const Fault &fault);
    Session *sessionFor(const QString &sessionId, const Token &token, HttpConnection *connection,
                        const Fault &fault);

    void handleToken(const HttpRequest &request, HttpConnection *connection, const Fault &fault);
    void handleClaim(const HttpRequest &request, HttpConnection *connection, const Fault &fault);
    void handleRenderCancel(const HttpRequest &request, HttpConnection *connection, const Fault &fault);
    QString localMedia(const QString &source, const QString &sessionId);
    void handleSession(const HttpRequest &request, HttpConnection *connection, const Fault &fault);
    void handleChat(const HttpRequest &request, HttpConnection *connection, const Fault &fault);
    void handleUpload(const HttpRequest &request, std::unique_ptr<BodyConsumer> body,
                      HttpConnection *connection, const Fault &fault);
    void handleCredits(const HttpRequest &request, HttpConnection *connection, const Fault &fault);
    void handleState(const HttpRequest &request, HttpConnection *connection, const Fault &fault);
    void handleRenderStart(const HttpRequest &request, HttpConnection *connection, const Fault &fault);
    void handleRenderPoll(const HttpRequest &request, HttpConnection *connection, const Fault &fault);
    void handleRenderDownload(const HttpRequest &request, HttpConnection *connection, const Fault &fault);
    void handleMedia(const HttpRequest &request, HttpConnection *connection, const Fault &fault);
    void handleControl(const HttpRequest &request, HttpConnection *connection);

    MediaItem describeMedia(const QString &filename, const QString &localPath, const QString &hash,
                            const QString &sessionId) const;
    void startRenderOutput(Render &render);
    QString renderStatus(const Render &render, int *progress) const;
    QString ensureMediaDir();
    QString samplePath();
    QString generatedClip(const QString &name);

    QTcpServer *m_server = nullptr;
    Scenario m_scenario;
    QRandomGenerator m_random;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_mediaDir;
    qint64 m_clockOffset = 0;

    QHash<QString, Token> m_tokens;
    QHash<QString, User> m_users;
    QHash<QString, Session> m_sessions;
    QHash<QString, Render> m_renders;
    QList<Issued> m_issued;
    QHash<QString, int> m_calls;
    QHash<QString, QList<qint64>> m_callTimes;
    QHash<int, int> m_faultHits; // requests that matched a fault's pathContains, by fault index
    QElapsedTimer m_clock;
    QStringList m_claims;
    QList<std::pair<QString, QString>> m_chatMessages;
    QList<qint64> m_rangeStarts; // where each file answer began (0, or a Range's first byte)
    int m_requests = 0;
    int m_missingAttribution = 0;
    qint64 m_peakBufferedBody = 0;
    int m_uploadsStored = 0;
    int m_serial = 0;
};

} // namespace nemo::fake
