#include "fakeserver.h"

#include "multipartreader.h"
#include "ssestreamer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

namespace nemo::fake {

namespace {

const QStringList ImageTypes = {QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"),
                                QStringLiteral("gif"), QStringLiteral("webp")};
const QStringList VideoTypes = {QStringLiteral("mp4"), QStringLiteral("mov"), QStringLiteral("avi"),
                                QStringLiteral("webm"), QStringLiteral("mkv")};
const QStringList AudioTypes = {QStringLiteral("mp3"), QStringLiteral("wav"), QStringLiteral("m4a"),
                                QStringLiteral("aac")};
const QString AcceptedList =
    QStringLiteral("mp4, mov, avi, webm, mkv, jpg, png, gif, webp, mp3, wav, m4a, aac");

QString fileTypeOf(const QString &name)
{
    const QString suffix = QFileInfo(name).suffix().toLower();
    if (ImageTypes.contains(suffix))
        return QStringLiteral("image");
    if (VideoTypes.contains(suffix))
        return QStringLiteral("video");
    if (AudioTypes.contains(suffix))
        return QStringLiteral("audio");
    return {};
}

QString safeName(const QString &name)
{
    QString result = QFileInfo(name).fileName();
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    result.replace(unsafe, QStringLiteral("_"));
    while (result.startsWith(QLatin1Char('.')))
        result.remove(0, 1);
    return result.isEmpty() ? QStringLiteral("file") : result.left(120);
}

QString randomHex(QRandomGenerator &random, int length)
{
    static const char digits[] = "0123456789abcdef";
    QString out;
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char(digits[random.bounded(16)]));
    return out;
}

int httpStatusForCode(int code)
{
    switch (code) {
    case 1001:
        return 401;
    case 1002:
        return 404;
    case 2001:
        return 402;
    case 4001:
        return 415;
    case 4002:
        return 413;
    default:
        return code >= 400 && code < 600 ? code : 400;
    }
}

QString defaultMessage(int code)
{
    switch (code) {
    case 1001:
        return QStringLiteral("Token expired or invalid");
    case 1002:
        return QStringLiteral("Session not found");
    case 2001:
        return QStringLiteral("Insufficient credits");
    case 4001:
        return QStringLiteral("Unsupported file type");
    case 4002:
        return QStringLiteral("File too large");
    case 400:
        return QStringLiteral("Missing X-Client-Id");
    case 402:
        return QStringLiteral("Free plan export blocked: register or upgrade your plan to unlock export");
    case 429:
        return QStringLiteral("Rate limited");
    default:
        return QStringLiteral("Error %1").arg(code);
    }
}

// Receives the "files" parts of an upload straight to disk, hashing as it goes.
class UploadReceiver : public BodyConsumer
{
public:
    struct Part
    {
        QString filename;
        QString path;
        qint64 size = 0;
        bool tooLarge = false;
        bool unsupported = false;
        QString hash;
    };

    UploadReceiver(const QByteArray &boundary, const QString &dir, qint64 maxBytes)
        : m_reader(boundary)
        , m_dir(dir)
        , m_maxBytes(maxBytes)
    {
        m_reader.onPartBegin = [this](const MultipartPartHead &head) { begin(head); };
        m_reader.onPartData = [this](QByteArrayView data) { write(data); };
        m_reader.onPartEnd = [this] { end(); };
    }
    ~UploadReceiver() override { discard(); }

    void consume(QByteArrayView chunk) override { m_reader.feed(chunk); }
    bool malformed() const { return m_reader.hasError() || !m_reader.isComplete(); }
    QList<Part> parts;

    void discard()
    {
        m_file.close();
        for (const Part &part : std::as_const(parts)) {
            if (!part.path.isEmpty())
                QFile::remove(part.path);
        }
    }
    // Hands the parts over, so that the destructor no longer removes their files.
    QList<Part> takeParts()
    {
        QList<Part> result = parts;
        parts.clear();
        return result;
    }

private:
    void begin(const MultipartPartHead &head)
    {
        m_active = false;
        if ((head.name != "files" && head.name != "file") || head.filename.isEmpty())
            return;
        Part part;
        part.filename = QFileInfo(head.filename).fileName();
        part.unsupported = fileTypeOf(part.filename).isEmpty();
        if (!part.unsupported) {
            QDir().mkpath(m_dir);
            part.path = m_dir + QLatin1Char('/') + QString::number(parts.size() + 1) + QLatin1Char('_') +
                safeName(part.filename);
            m_file.setFileName(part.path);
            m_file.open(QIODevice::WriteOnly | QIODevice::Truncate);
            m_hash.reset();
        }
        parts.append(part);
        m_active = true;
    }
    void write(QByteArrayView data)
    {
        if (!m_active)
            return;
        Part &part = parts.last();
        part.size += data.size();
        if (part.unsupported || part.tooLarge)
            return;
        if (part.size > m_maxBytes) {
            part.tooLarge = true;
            m_file.close();
            QFile::remove(part.path);
            part.path.clear();
            return;
        }
        m_file.write(data.data(), data.size());
        m_hash.addData(data);
    }
    void end()
    {
        if (!m_active)
            return;
        m_active = false;
        Part &part = parts.last();
        if (m_file.isOpen()) {
            m_file.close();
            part.hash = QString::fromLatin1(m_hash.result().toHex());
        }
    }

    MultipartReader m_reader;
    QString m_dir;
    qint64 m_maxBytes;
    QFile m_file;
    QCryptographicHash m_hash{QCryptographicHash::Md5};
    bool m_active = false;
};

} // namespace

FakeServer::FakeServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    m_random.seed(m_scenario.seed);
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            auto *connection = new HttpConnection(socket, this, this);
            connect(connection, &HttpConnection::closed, this, [this, connection] {
                m_peakBufferedBody = qMax(m_peakBufferedBody, connection->peakBufferedBytes());
            });
        }
    });
}

FakeServer::~FakeServer()
{
    // Renders still encoding are abandoned with the server.
    for (QProcess *process : findChildren<QProcess *>()) {
        process->disconnect(this);
        process->kill();
        process->waitForFinished(3000);
    }
}

bool FakeServer::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}

void FakeServer::close()
{
    m_server->close();
}

quint16 FakeServer::port() const
{
    return m_server->serverPort();
}

QUrl FakeServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

void FakeServer::setMediaDir(const QString &path)
{
    m_mediaDir = QDir(path).absolutePath();
    QDir().mkpath(m_mediaDir);
}

QString FakeServer::mediaDir() const
{
    return m_mediaDir;
}

QString FakeServer::ensureMediaDir()
{
    if (m_mediaDir.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        m_mediaDir = m_tempDir->path();
    }
    return m_mediaDir;
}

QString FakeServer::generatedClip(const QString &name)
{
    // Every generated clip is a real, playable H.264 file (the bundled sample under the clip's own name).
    const QString path = ensureMediaDir() + QStringLiteral("/generated/") + name;
    if (!QFile::exists(path) && !name.contains(QLatin1Char('/')) && !name.startsWith(QLatin1Char('.')))
        QFile::copy(samplePath(), path);
    return path;
}

QString FakeServer::samplePath()
{
    const QString path = ensureMediaDir() + QStringLiteral("/generated/sample.mp4");
    if (!QFile::exists(path)) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile::copy(QStringLiteral(":/nemo/fakeserver/sample.mp4"), path);
        QFile::setPermissions(path,
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    return path;
}

void FakeServer::setScenario(const Scenario &scenario)
{
    m_scenario = scenario;
    m_random.seed(scenario.seed);
}

void FakeServer::addFault(const Fault &fault)
{
    m_scenario.faults.append(fault);
}

void FakeServer::advanceClock(qint64 seconds)
{
    m_clockOffset += seconds;
}

void FakeServer::setCredits(int available)
{
    for (User &user : m_users)
        user.credits = available;
    m_scenario.initialCredits = available;
}

void FakeServer::reset()
{
    m_tokens.clear();
    m_users.clear();
    m_sessions.clear();
    m_renders.clear();
    m_issued.clear();
    m_calls.clear();
    m_callTimes.clear();
    m_faultHits.clear();
    m_claims.clear();
    m_chatMessages.clear();
    m_requests = 0;
    m_missingAttribution = 0;
    m_peakBufferedBody = 0;
    m_uploadsStored = 0;
    m_clockOffset = 0;
    m_random.seed(m_scenario.seed);
}

QDateTime FakeServer::now() const
{
    return QDateTime::currentDateTimeUtc().addSecs(m_clockOffset);
}

QStringList FakeServer::chatMessages() const
{
    QStringList texts;
    for (const auto &message : m_chatMessages)
        texts.append(message.second);
    return texts;
}

QJsonObject FakeServer::stats() const
{
    QJsonObject calls;
    for (auto it = m_calls.cbegin(); it != m_calls.cend(); ++it)
        calls.insert(it.key(), it.value());
    QJsonArray messages;
    for (const auto &[session, text] : m_chatMessages)
        messages.append(QJsonObject{{QStringLiteral("session_id"), session}, {QStringLiteral("text"), text}});
    QJsonArray rangeStarts;
    for (qint64 start : m_rangeStarts)
        rangeStarts.append(double(start));
    return QJsonObject{{QStringLiteral("requests"), m_requests},
                       {QStringLiteral("calls"), calls},
                       {QStringLiteral("chatMessages"), messages},
                       {QStringLiteral("missingAttribution"), m_missingAttribution},
                       {QStringLiteral("peakBufferedBodyBytes"), double(m_peakBufferedBody)},
                       {QStringLiteral("uploadsStored"), m_uploadsStored},
                       {QStringLiteral("tokensIssued"), int(m_issued.size())},
                       {QStringLiteral("sessions"), int(m_sessions.size())},
                       {QStringLiteral("renders"), int(m_renders.size())},
                       {QStringLiteral("fileRangeStarts"), rangeStarts}};
}

QString FakeServer::endpointOf(const HttpRequest &request) const
{
    const QString &p = request.path;
    if (p == QLatin1String("/api/auth/anonymous-token"))
        return QStringLiteral("token");
    if (p == QLatin1String("/api/auth/claim-token"))
        return QStringLiteral("claim");
    if (p == QLatin1String("/api/tasks/me/with-session/nemo_agent"))
        return QStringLiteral("session");
    if (p == QLatin1String("/run_sse"))
        return QStringLiteral("sse");
    if (p.startsWith(QLatin1String("/api/upload-video/nemo_agent/me/")))
        return QStringLiteral("upload");
    if (p == QLatin1String("/api/credits/balance/simple"))
        return QStringLiteral("credits");
    if (p.startsWith(QLatin1String("/api/state/nemo_agent/me/")) && p.endsWith(QLatin1String("/latest")))
        return QStringLiteral("state");
    if (p == QLatin1String("/api/render/proxy/lambda"))
        return QStringLiteral("render");
    if (p.startsWith(QLatin1String("/api/render/proxy/lambda/")) && p.endsWith(QLatin1String("/cancel")))
        return QStringLiteral("render_cancel");
    if (p.startsWith(QLatin1String("/api/render/proxy/lambda/")))
        return QStringLiteral("render_poll");
    if (p.startsWith(QLatin1String("/api/render/proxy/")) && p.endsWith(QLatin1String("/download")))
        return QStringLiteral("render_download");
    if (p.startsWith(QLatin1String("/media/")))
        return QStringLiteral("media");
    if (p.startsWith(QLatin1String("/__fake/")))
        return QStringLiteral("control");
    return QStringLiteral("unknown");
}

Fault FakeServer::faultFor(const QString &endpoint, int call, const QString &path)
{
    Fault merged;
    merged.endpoint = endpoint;
    for (int i = 0; i < m_scenario.faults.size(); ++i) {
        const Fault &f = m_scenario.faults.at(i);
        if (!f.pathContains.isEmpty()) {
            if (!path.contains(f.pathContains) ||
                (f.endpoint != QLatin1String("*") && f.endpoint != endpoint))
                continue;
            if (!f.matches(endpoint, ++m_faultHits[i]))
                continue;
        } else if (!f.matches(endpoint, call)) {
            continue;
        }
        if (f.httpStatus)
            merged.httpStatus = f.httpStatus;
        if (f.code)
            merged.code = f.code;
        if (!f.message.isEmpty())
            merged.message = f.message;
        merged.delayMs += f.delayMs;
        if (f.dropAfterBytes >= 0) {
            merged.dropAfterBytes = f.dropAfterBytes;
            merged.reset = f.reset;
        }
        if (f.stallAfterBytes >= 0)
            merged.stallAfterBytes = f.stallAfterBytes;
        if (f.dropAfterEvents >= 0) {
            merged.dropAfterEvents = f.dropAfterEvents;
            merged.reset = f.reset;
        }
        merged.refuse |= f.refuse;
        merged.malformedJson |= f.malformedJson;
        merged.truncatedJson |= f.truncatedJson;
        merged.hugeAnswerBytes = qMax(merged.hugeAnswerBytes, f.hugeAnswerBytes);
        merged.heartbeatsOnly |= f.heartbeatsOnly;
        merged.heartbeatsForMs = qMax(merged.heartbeatsForMs, f.heartbeatsForMs);
        if (!f.sseError.isEmpty())
            merged.sseError = f.sseError;
        merged.hugeLine |= f.hugeLine;
        merged.invalidUtf8 |= f.invalidUtf8;
    }
    return merged;
}

std::unique_ptr<BodyConsumer> FakeServer::bodyConsumer(const HttpRequest &request)
{
    if (request.method != "POST" || endpointOf(request) != QLatin1String("upload"))
        return nullptr;
    const QByteArray boundary = MultipartReader::boundaryFromContentType(request.header("content-type"));
    if (boundary.isEmpty())
        return nullptr;
    const QString dir = ensureMediaDir() + QStringLiteral("/incoming/") + QString::number(++m_serial);
    return std::make_unique<UploadReceiver>(boundary, dir, m_scenario.maxUploadBytes);
}

void FakeServer::handle(const HttpRequest &request, std::unique_ptr<BodyConsumer> body,
                        HttpConnection *connection)
{
    ++m_requests;
    const QString endpoint = endpointOf(request);
    if (endpoint == QLatin1String("control")) {
        handleControl(request, connection);
        return;
    }
    const int call = ++m_calls[endpoint];
    if (!m_clock.isValid())
        m_clock.start();
    m_callTimes[endpoint].append(m_clock.elapsed());
    if (endpoint != QLatin1String("media") &&
        (!request.hasHeader("x-skill-source") || !request.hasHeader("x-skill-version") ||
         !request.hasHeader("x-skill-platform"))) {
        ++m_missingAttribution;
    }
    const Fault fault = faultFor(endpoint, call, request.path);
    if (fault.delayMs > 0) {
        QPointer<HttpConnection> guard(connection);
        auto shared = std::make_shared<std::unique_ptr<BodyConsumer>>(std::move(body));
        QTimer::singleShot(fault.delayMs, this, [this, guard, request, shared, endpoint, fault] {
            if (guard)
                dispatch(request, std::move(*shared), guard, endpoint, fault);
        });
        return;
    }
    dispatch(request, std::move(body), connection, endpoint, fault);
}

void FakeServer::dispatch(const HttpRequest &request, std::unique_ptr<BodyConsumer> body,
                          HttpConnection *connection, const QString &endpoint, const Fault &fault)
{
    if (fault.refuse) {
        connection->drop(true);
        return;
    }
    if (fault.code != 0) {
        if (fault.code == 1001) {
            // The token the client holds is now genuinely invalid, as after a real expiry.
            auto it = m_tokens.find(QString::fromLatin1(request.bearerToken()));
            if (it != m_tokens.end())
                it->revoked = true;
        }
        sendError(connection, fault.code,
                  fault.message.isEmpty() ? defaultMessage(fault.code) : fault.message, fault,
                  fault.httpStatus);
        return;
    }
    if (fault.httpStatus != 0) {
        if (fault.httpStatus >= 500) {
            connection->respond(fault.httpStatus, "text/html",
                                "<html><body><h1>" + QByteArray::number(fault.httpStatus) + ' ' +
                                    reasonPhrase(fault.httpStatus) + "</h1></body></html>");
        } else {
            sendError(connection, fault.httpStatus,
                      fault.message.isEmpty() ? defaultMessage(fault.httpStatus) : fault.message, fault,
                      fault.httpStatus);
        }
        return;
    }
    const QByteArray method = request.method;
    auto expect = [&](const char *wanted) {
        if (method == wanted || (qstrcmp(wanted, "GET") == 0 && method == "HEAD"))
            return true;
        sendError(connection, 405, QStringLiteral("Method not allowed"), Fault(), 405);
        return false;
    };
    if (endpoint == QLatin1String("token")) {
        if (expect("POST"))
            handleToken(request, connection, fault);
    } else if (endpoint == QLatin1String("session")) {
        if (expect("POST"))
            handleSession(request, connection, fault);
    } else if (endpoint == QLatin1String("claim")) {
        if (expect("POST"))
            handleClaim(request, connection, fault);
    } else if (endpoint == QLatin1String("render_cancel")) {
        if (expect("POST"))
            handleRenderCancel(request, connection, fault);
    } else if (endpoint == QLatin1String("sse")) {
        if (expect("POST"))
            handleChat(request, connection, fault);
    } else if (endpoint == QLatin1String("upload")) {
        if (expect("POST"))
            handleUpload(request, std::move(body), connection, fault);
    } else if (endpoint == QLatin1String("credits")) {
        if (expect("GET"))
            handleCredits(request, connection, fault);
    } else if (endpoint == QLatin1String("state")) {
        if (expect("GET"))
            handleState(request, connection, fault);
    } else if (endpoint == QLatin1String("render")) {
        if (expect("POST"))
            handleRenderStart(request, connection, fault);
    } else if (endpoint == QLatin1String("render_poll")) {
        if (expect("GET"))
            handleRenderPoll(request, connection, fault);
    } else if (endpoint == QLatin1String("render_download")) {
        if (expect("GET"))
            handleRenderDownload(request, connection, fault);
    } else if (endpoint == QLatin1String("media")) {
        if (expect("GET"))
            handleMedia(request, connection, fault);
    } else {
        sendError(connection, 404, QStringLiteral("Not found"), Fault(), 404);
    }
}

void FakeServer::sendJson(HttpConnection *connection, int status, const QJsonObject &body, const Fault &fault)
{
    QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    if (fault.malformedJson)
        bytes = R"({"code":0,"data":{"token":)" + bytes.left(bytes.size() / 3) + "]]";
    else if (fault.truncatedJson)
        bytes.truncate(bytes.size() / 2);
    if (fault.hugeAnswerBytes > bytes.size() && bytes.endsWith('}')) {
        bytes.chop(1);
        bytes += ",\"padding\":\"" + QByteArray(fault.hugeAnswerBytes - bytes.size() - 14, 'x') + "\"}";
    }
    if (fault.dropAfterBytes >= 0)
        connection->setDropAfterBytes(fault.dropAfterBytes, fault.reset);
    connection->respond(status, "application/json; charset=utf-8", bytes);
}

void FakeServer::sendEnvelope(HttpConnection *connection, const QJsonObject &data, const Fault &fault)
{
    sendJson(connection, 200, QJsonObject{{QStringLiteral("code"), 0}, {QStringLiteral("data"), data}},
             fault);
}

void FakeServer::sendError(HttpConnection *connection, int code, const QString &message, const Fault &fault,
                           int httpStatus)
{
    int status = httpStatus;
    if (status == 0)
        status = m_scenario.codesAsHttpStatus ? httpStatusForCode(code) : 200;
    if (code < 1000 && httpStatus == 0)
        status = code;
    sendJson(connection, status,
             QJsonObject{{QStringLiteral("code"), code},
                         {QStringLiteral("message"), message},
                         {QStringLiteral("data"), QJsonValue()}},
             fault);
}

const FakeServer::Token *FakeServer::authorize(const HttpRequest &request, HttpConnection *connection,
                                               const Fault &fault)
{
    const auto it = m_tokens.constFind(QString::fromLatin1(request.bearerToken()));
    if (it == m_tokens.cend() || it->revoked || it->expiresAt <= now()) {
        sendError(connection, 1001, defaultMessage(1001), fault);
        return nullptr;
    }
    return &it.value();
}

FakeServer::Session *FakeServer::sessionFor(const QString &sessionId, const Token &token,
                                            HttpConnection *connection, const Fault &fault)
{
    auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end() || it->userId != token.userId) {
        sendError(connection, 1002, defaultMessage(1002), fault);
        return nullptr;
    }
    return &it.value();
}

void FakeServer::handleClaim(const HttpRequest &request, HttpConnection *connection, const Fault &fault)
{
    const Token *token = authorize(request, connection, fault);
    if (!token)
        return;
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString sessionId = body.value(QLatin1String("session_id")).toString();
    const QString taskId = body.value(QLatin1String("task_id")).toString();
    if (sessionId.isEmpty() || taskId.isEmpty()) {
        sendError(connection, 400, QStringLiteral("task_id and session_id are required"), fault, 400);
        return;
    }
    const auto it = m_sessions.constFind(sessionId);
    // Only the owner may hand a project to the web app.
    if (it == m_sessions.cend() || it->userId != token->userId || it->taskId != taskId) {
        sendError(connection, 403, QStringLiteral("This task does not belong to you"), fault, 403);
        return;
    }
    const QString claim =
        QStringLiteral("clm_") + QString::number(m_random.generate64(), 36) + QString::number(++m_serial);
    m_claims.append(claim);
    sendEnvelope(connection, {{QStringLiteral("claim_token"), claim}, {QStringLiteral("expires_in"), 604800}},
                 fault);
}

void FakeServer::handleToken(const HttpRequest &request, HttpConnection *connection, const Fault &fault)
{
    const QString clientId = QString::fromUtf8(request.header("x-client-id")).trimmed();
    if (clientId.isEmpty() || clientId.size() > 64 || QUuid::fromString(clientId).isNull()) {
        sendError(connection, 400, QStringLiteral("Missing or invalid X-Client-Id (a UUID is required)"),
                  fault, 400);
        return;
    }
    const QDateTime current = now();
    const QDateTime windowStart = current.addSecs(-m_scenario.tokenWindowSeconds);
    const QString ip = request.peer.toString();
    int fromIp = 0;
    for (const Issued &issued : std::as_const(m_issued)) {
        if (issued.at <= windowStart)
            continue;
        if (issued.ip == ip)
            ++fromIp;
    }
    bool clientHasLiveToken = false;
    QString userId;
    for (const Token &token : std::as_const(m_tokens)) {
        if (token.clientId != clientId)
            continue;
        userId = token.userId;
        if (!token.revoked && token.expiresAt > current)
            clientHasLiveToken = true;
    }
    if (clientHasLiveToken || fromIp >= m_scenario.tokensPerIp) {
        sendError(connection, 429,
                  clientHasLiveToken
                      ? QStringLiteral("Rate limited: one anonymous token per client every 7 days")
                      : QStringLiteral("Rate limited: too many anonymous tokens from this address"),
                  fault, 429);
        return;
    }
    if (userId.isEmpty()) {
        userId = QStringLiteral("anon_") + randomHex(m_random, 12);
        m_users.insert(userId, User{userId, m_scenario.initialCredits, 0});
    }
    Token token;
    token.token = QStringLiteral("nmv_usr_") + randomHex(m_random, 32);
    token.userId = userId;
    token.clientId = clientId;
    token.expiresAt = current.addSecs(m_scenario.tokenTtlSeconds);
    m_tokens.insert(token.token, token);
    m_issued.append(Issued{current, clientId, ip});
    // For the suite's secrets scan: everything a client must never write anywhere.
    if (const QString log = qEnvironmentVariable("NEMO_FAKE_SERVER_SECRETS_LOG"); !log.isEmpty()) {
        QFile file(log);
        if (file.open(QIODevice::WriteOnly | QIODevice::Append))
            file.write((token.token + QLatin1Char('\n') + clientId + QLatin1Char('\n')).toUtf8());
    }
    sendEnvelope(connection,
                 {{QStringLiteral("token"), token.token},
                  {QStringLiteral("user_id"), userId},
                  {QStringLiteral("expires_at"), token.expiresAt.toString(Qt::ISODate)},
                  {QStringLiteral("credits"), double(m_users.value(userId).credits)}},
                 fault);
}

void FakeServer::handleSession(const HttpRequest &request, HttpConnection *connection, const Fault &fault)
{
    const Token *token = authorize(request, connection, fault);
    if (!token)
        return;
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    Session session;
    session.sessionId = QString::number(5529798706024415232ULL + quint64(m_random.bounded(1000000000)));
    while (m_sessions.contains(session.sessionId))
        session.sessionId = QString::number(session.sessionId.toULongLong() + 1);
    session.taskId = QStringLiteral("task_") + randomHex(m_random, 16);
    session.userId = token->userId;
    session.taskName = body.value(QLatin1String("task_name")).toString(QStringLiteral("project"));
    session.language = body.value(QLatin1String("language")).toString(QStringLiteral("en"));
    m_sessions.insert(session.sessionId, session);
    sendEnvelope(connection,
                 {{QStringLiteral("task_id"), session.taskId},
                  {QStringLiteral("session_id"), session.sessionId},
                  {QStringLiteral("user_id"), session.userId}},
                 fault);
}

void FakeServer::handleChat(const HttpRequest &request, HttpConnection *connection, const Fault &fault)
{
    const Token *token = authorize(request, connection, fault);
    if (!token)
        return;
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    Session *session =
        sessionFor(body.value(QLatin1String("session_id")).toString(), *token, connection, fault);
    if (!session)
        return;
    QString text;
    for (const QJsonValue &part :
         body.value(QLatin1String("new_message")).toObject().value(QLatin1String("parts")).toArray())
        text += part.toObject().value(QLatin1String("text")).toString();
    if (text.trimmed().isEmpty()) {
        sendError(connection, 400, QStringLiteral("new_message.parts[].text is required"), fault, 400);
        return;
    }
    User &user = m_users[session->userId];
    if (user.credits <= 0) {
        sendJson(connection, m_scenario.codesAsHttpStatus ? 402 : 200,
                 {{QStringLiteral("code"), 2001},
                  {QStringLiteral("message"), defaultMessage(2001)},
                  {QStringLiteral("data"), QJsonObject{{QStringLiteral("user_id"), user.userId}}}},
                 fault);
        return;
    }
    m_chatMessages.append({session->sessionId, text});
    const qint64 cost = qMin<qint64>(m_scenario.creditsPerTurn, user.credits);
    user.credits -= cost;
    user.frozen += cost;

    ScriptedAgent::Input input;
    input.draft = session->draft;
    input.generatedMedia = session->generatedMedia;
    input.media = session->media;
    input.message = text;
    input.language = session->language;
    input.mediaBaseUrl = baseUrl().toString();
    input.turnNumber = ++session->turns;
    input.clipTag = QString::number(qHash(session->sessionId), 16);
    input.sandboxRoot = m_scenario.sandboxPaths ? QStringLiteral("/mnt/userdata/") + user.userId : QString();
    input.silent = m_random.generateDouble() < m_scenario.noTextRatio;
    const AgentTurn turn = ScriptedAgent::run(input);
    for (const QJsonValue &clip : turn.generatedMedia)
        generatedClip(QUrl(clip.toObject().value(QLatin1String("url")).toString()).fileName());
    // The agent works on the server whether or not the client stays to listen (and, with lateEditMs, goes
    // on after the stream has ended).
    if (m_scenario.lateEditMs > 0) {
        const QString sessionId = session->sessionId;
        QTimer::singleShot(m_scenario.lateEditMs, this, [this, sessionId, turn] {
            auto it = m_sessions.find(sessionId);
            if (it != m_sessions.end()) {
                it->draft = turn.draft;
                it->generatedMedia = turn.generatedMedia;
            }
        });
    } else {
        session->draft = turn.draft;
        session->generatedMedia = turn.generatedMedia;
    }

    auto *streamer = new SseStreamer(connection, turn, m_scenario, fault, this);
    const QString userId = user.userId;
    connect(streamer, &SseStreamer::finished, this, [this, userId, cost] {
        auto it = m_users.find(userId);
        if (it != m_users.end())
            it->frozen = qMax<qint64>(0, it->frozen - cost);
    });
    streamer->start();
}

MediaItem FakeServer::describeMedia(const QString &filename, const QString &localPath, const QString &hash,
                                    const QString &sessionId) const
{
    MediaItem item;
    item.filename = filename;
    item.fileType = fileTypeOf(filename);
    item.localPath = localPath;
    item.hash = hash;
    item.cdnUrl = baseUrl().toString() + QStringLiteral("/media/uploads/") + sessionId + QLatin1Char('/') +
        QFileInfo(localPath).fileName();
    if (item.fileType == QLatin1String("image")) {
        QImageReader reader(localPath);
        const QSize size = reader.size();
        item.width = size.width() > 0 ? size.width() : 1920;
        item.height = size.height() > 0 ? size.height() : 1080;
        return item;
    }
    item.duration = item.fileType == QLatin1String("video") ? 10.0 : 30.0;
    if (item.fileType == QLatin1String("video")) {
        item.width = 1920;
        item.height = 1080;
        item.fps = 30;
    }
    const QString ffprobe = QStandardPaths::findExecutable(QStringLiteral("ffprobe"));
    if (ffprobe.isEmpty() || localPath.isEmpty())
        return item;
    QProcess probe;
    probe.start(ffprobe,
                {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-print_format"),
                 QStringLiteral("json"), QStringLiteral("-show_format"), QStringLiteral("-show_streams"),
                 localPath});
    if (!probe.waitForFinished(5000) || probe.exitCode() != 0)
        return item;
    const QJsonObject info = QJsonDocument::fromJson(probe.readAllStandardOutput()).object();
    const double duration =
        info.value(QLatin1String("format")).toObject().value(QLatin1String("duration")).toString().toDouble();
    if (duration > 0)
        item.duration = duration;
    for (const QJsonValue &value : info.value(QLatin1String("streams")).toArray()) {
        const QJsonObject stream = value.toObject();
        if (stream.value(QLatin1String("codec_type")).toString() != QLatin1String("video"))
            continue;
        item.width = stream.value(QLatin1String("width")).toInt(item.width);
        item.height = stream.value(QLatin1String("height")).toInt(item.height);
        const QStringList rate =
            stream.value(QLatin1String("r_frame_rate")).toString().split(QLatin1Char('/'));
        if (rate.size() == 2 && rate.at(1).toDouble() > 0)
            item.fps = rate.at(0).toDouble() / rate.at(1).toDouble();
        break;
    }
    return item;
}

void FakeServer::handleUpload(const HttpRequest &request, std::unique_ptr<BodyConsumer> body,
                              HttpConnection *connection, const Fault &fault)
{
    auto *receiver = dynamic_cast<UploadReceiver *>(body.get());
    const Token *token = authorize(request, connection, fault);
    if (!token)
        return;
    const QString sessionId = request.path.mid(QStringLiteral("/api/upload-video/nemo_agent/me/").size());
    Session *session = sessionFor(sessionId, *token, connection, fault);
    if (!session)
        return;
    const QString sessionDir = ensureMediaDir() + QStringLiteral("/uploads/") + safeName(sessionId);
    QJsonArray files;
    if (receiver) {
        if (receiver->malformed() || receiver->parts.isEmpty()) {
            sendError(connection, 400, QStringLiteral("Expected one or more \"files\" parts"), fault, 400);
            return;
        }
        for (const auto &part : std::as_const(receiver->parts)) {
            if (part.unsupported) {
                sendError(connection, 4001,
                          QStringLiteral("Unsupported file type: %1. Accepted formats: %2")
                              .arg(part.filename, AcceptedList),
                          fault);
                return;
            }
            if (part.tooLarge) {
                sendError(connection, 4002,
                          QStringLiteral("File too large: %1 (limit %2 MB)")
                              .arg(part.filename)
                              .arg(m_scenario.maxUploadBytes / (1024 * 1024)),
                          fault);
                return;
            }
        }
        QDir().mkpath(sessionDir);
        for (const auto &part : receiver->takeParts()) {
            QString target = sessionDir + QLatin1Char('/') + QFileInfo(part.path).fileName();
            for (int n = 2; QFile::exists(target); ++n)
                target = sessionDir + QStringLiteral("/%1_").arg(n) + QFileInfo(part.path).fileName();
            QFile::rename(part.path, target);
            const MediaItem item = describeMedia(part.filename, target, part.hash, sessionId);
            session->media.append(item);
            files.append(item.toJson());
            ++m_uploadsStored;
        }
    } else {
        const QJsonObject json = QJsonDocument::fromJson(request.body).object();
        const QJsonArray urls = json.value(QLatin1String("urls")).toArray();
        if (urls.isEmpty()) {
            sendError(
                connection, 400,
                QStringLiteral("Expected multipart/form-data or {\"urls\":[...],\"source_type\":\"url\"}"),
                fault, 400);
            return;
        }
        QList<MediaItem> items;
        for (const QJsonValue &value : urls) {
            const QUrl url(value.toString(), QUrl::StrictMode);
            if (!url.isValid() ||
                (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
                url.host().isEmpty()) {
                sendError(connection, 400, QStringLiteral("Not an http(s) URL: %1").arg(value.toString()),
                          fault, 400);
                return;
            }
            const QString name = QFileInfo(url.path()).fileName();
            if (fileTypeOf(name).isEmpty()) {
                sendError(connection, 4001,
                          QStringLiteral("Unsupported file type: %1. Accepted formats: %2")
                              .arg(name.isEmpty() ? url.toString() : name, AcceptedList),
                          fault);
                return;
            }
            QString local;
            if (url.port() == port() && url.path().startsWith(QLatin1String("/media/")))
                local = ensureMediaDir() + url.path().mid(6);
            MediaItem item =
                describeMedia(name, QFile::exists(local) ? local : QString(), QString(), sessionId);
            item.cdnUrl = url.toString();
            item.hash = QString::fromLatin1(
                QCryptographicHash::hash(url.toEncoded(), QCryptographicHash::Md5).toHex());
            items.append(item);
        }
        for (const MediaItem &item : std::as_const(items)) {
            session->media.append(item);
            files.append(item.toJson());
        }
    }
    sendEnvelope(connection,
                 {{QStringLiteral("files"), files}, {QStringLiteral("session_state_applied"), true}}, fault);
}

void FakeServer::handleCredits(const HttpRequest &request, HttpConnection *connection, const Fault &fault)
{
    const Token *token = authorize(request, connection, fault);
    if (!token)
        return;
    const User user = m_users.value(token->userId);
    sendEnvelope(connection,
                 {{QStringLiteral("available"), double(user.credits)},
                  {QStringLiteral("frozen"), double(user.frozen)},
                  {QStringLiteral("total"), double(user.credits + user.frozen)}},
                 fault);
}

void FakeServer::handleState(const HttpRequest &request, HttpConnection *connection, const Fault &fault)
{
    const Token *token = authorize(request, connection, fault);
    if (!token)
        return;
    QString sessionId = request.path.mid(QStringLiteral("/api/state/nemo_agent/me/").size());
    sessionId.chop(QStringLiteral("/latest").size());
    Session *session = sessionFor(sessionId, *token, connection, fault);
    if (!session)
        return;
    QJsonArray videoInfos;
    for (const MediaItem &item : std::as_const(session->media))
        videoInfos.append(item.toJson());
    const QJsonObject state{
        {QStringLiteral("draft"), session->draft.isEmpty() ? QJsonValue() : QJsonValue(session->draft)},
        {QStringLiteral("video_infos"), videoInfos},
        {QStringLiteral("generated_media"), session->generatedMedia},
        {QStringLiteral("canvas_config"),
         QJsonObject{{QStringLiteral("width"), 1920},
                     {QStringLiteral("height"), 1080},
                     {QStringLiteral("fps"), 30},
                     {QStringLiteral("ratio"), QStringLiteral("16:9")},
                     {QStringLiteral("background"), QStringLiteral("#000000")}}}};
    sendEnvelope(connection,
                 {{QStringLiteral("session_id"), session->sessionId},
                  {QStringLiteral("task_id"), session->taskId},
                  {QStringLiteral("task_name"), session->taskName},
                  {QStringLiteral("state"), state}},
                 fault);
}

void FakeServer::handleRenderStart(const HttpRequest &request, HttpConnection *connection, const Fault &fault)
{
    if (!request.hasHeader("x-skill-source") || !request.hasHeader("x-skill-version") ||
        !request.hasHeader("x-skill-platform") || m_scenario.exportBlocked) {
        sendError(connection, 402, defaultMessage(402), fault, 402);
        return;
    }
    const Token *token = authorize(request, connection, fault);
    if (!token)
        return;
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString id = body.value(QLatin1String("id")).toString();
    if (id.isEmpty()) {
        sendJson(
            connection, 400,
            {{QStringLiteral("success"), false}, {QStringLiteral("error"), QStringLiteral("id is required")}},
            fault);
        return;
    }
    if (m_renders.contains(id)) {
        sendJson(connection, 409,
                 {{QStringLiteral("success"), false},
                  {QStringLiteral("error"), QStringLiteral("Render id already exists; retry with a new id")}},
                 fault);
        return;
    }
    const QString sessionId = body.value(QLatin1String("sessionId")).toString();
    if (!sessionFor(sessionId, *token, connection, fault))
        return;
    const QJsonObject draft = body.value(QLatin1String("draft")).toObject();
    if (!ScriptedAgent::hasSegments(draft)) {
        sendJson(connection, 400,
                 {{QStringLiteral("success"), false},
                  {QStringLiteral("error"), QStringLiteral("The draft has no segments to render")}},
                 fault);
        return;
    }
    Render render;
    render.id = id;
    render.sessionId = sessionId;
    render.draft = draft;
    render.clock.start();
    render.createdAt = QDateTime::currentDateTimeUtc();
    render.fails = m_scenario.renderFails;
    render.duration = qMax(1.0, draft.value(QLatin1String("d")).toDouble() / 1000.0);
    startRenderOutput(render);
    m_renders.insert(id, render);
    sendJson(connection, 200,
             {{QStringLiteral("success"), true},
              {QStringLiteral("data"),
               QJsonObject{{QStringLiteral("id"), id},
                           {QStringLiteral("status"), QStringLiteral("pending")},
                           {QStringLiteral("progress"), 5}}}},
             fault);
}

QString FakeServer::localMedia(const QString &source, const QString &sessionId)
{
    QString url = source;
    if (source.startsWith(QLatin1String("/mnt/userdata/"))) {
        // A sandbox path: the session's upload (or generated clip) of that file name.
        const QString name = source.section(QLatin1Char('/'), -1);
        url.clear();
        for (const MediaItem &item : m_sessions.value(sessionId).media) {
            if (item.filename == name)
                url = item.cdnUrl;
        }
        for (const QJsonValue &clip : m_sessions.value(sessionId).generatedMedia) {
            const QString clipUrl = clip.toObject().value(QLatin1String("url")).toString();
            if (QUrl(clipUrl).fileName() == name)
                url = clipUrl;
        }
    }
    const QString path = QUrl(url).path();
    if (!path.startsWith(QLatin1String("/media/")) || path.contains(QLatin1String("..")))
        return {};
    const QString local = ensureMediaDir() + path.mid(6);
    return QFile::exists(local) ? local : QString();
}

void FakeServer::startRenderOutput(Render &render)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_-]"));
    QString fileName = render.id;
    fileName.replace(unsafe, QStringLiteral("_"));
    const QString dir = ensureMediaDir() + QStringLiteral("/renders");
    QDir().mkpath(dir);
    render.outputPath = dir + QLatin1Char('/') + fileName + QStringLiteral(".mp4");
    QFile::remove(render.outputPath);
    const QString sample = samplePath();
    const QString ffmpeg =
        m_scenario.useFfmpeg ? QStandardPaths::findExecutable(QStringLiteral("ffmpeg")) : QString();
    if (ffmpeg.isEmpty()) {
        QFile::copy(sample, render.outputPath);
        render.outputReady = true;
        render.outputReadyMs = 0;
        return;
    }
    const QString sessionId = render.sessionId;
    auto localFor = [this, sessionId](const QString &source) { return localMedia(source, sessionId); };
    const int w = m_scenario.renderSize.width() & ~1;
    const int h = m_scenario.renderSize.height() & ~1;
    QStringList args{QStringLiteral("-nostdin"), QStringLiteral("-y"), QStringLiteral("-v"),
                     QStringLiteral("error")};
    QString filter;
    int inputs = 0;
    double total = 0;
    QString audioPath;
    double volume = 0.35;
    for (const QJsonValue &trackValue : render.draft.value(QLatin1String("t")).toArray()) {
        const QJsonObject track = trackValue.toObject();
        const int type = track.value(QLatin1String("tt")).toInt(-1);
        for (const QJsonValue &segmentValue : track.value(QLatin1String("sg")).toArray()) {
            const QJsonObject segment = segmentValue.toObject();
            if (type == 1 && audioPath.isEmpty()) {
                audioPath = localFor(segment.value(QLatin1String("src")).toString());
                volume = segment.value(QLatin1String("m"))
                             .toObject()
                             .value(QLatin1String("volume"))
                             .toDouble(0.35);
            }
            if (type != 0 || inputs >= 30)
                continue;
            const double seconds =
                qBound(0.2, segment.value(QLatin1String("d")).toDouble(3000) / 1000.0, 20.0);
            const QString src = localFor(segment.value(QLatin1String("src")).toString());
            const QString secs = QString::number(seconds, 'f', 2);
            if (src.isEmpty())
                args << QStringLiteral("-f") << QStringLiteral("lavfi") << QStringLiteral("-t") << secs
                     << QStringLiteral("-i") << QStringLiteral("testsrc2=size=%1x%2:rate=25").arg(w).arg(h);
            else if (fileTypeOf(src) == QLatin1String("image"))
                args << QStringLiteral("-loop") << QStringLiteral("1") << QStringLiteral("-framerate")
                     << QStringLiteral("25") << QStringLiteral("-t") << secs << QStringLiteral("-i") << src;
            else
                args << QStringLiteral("-t") << secs << QStringLiteral("-i") << src;
            filter +=
                QStringLiteral(
                    "[%1:v]scale=%2:%3:force_original_aspect_ratio=decrease,pad=%2:%3:(ow-iw)/2:(oh-ih)/2,"
                    "setsar=1,fps=25,format=yuv420p[v%1];")
                    .arg(inputs)
                    .arg(w)
                    .arg(h);
            ++inputs;
            total += seconds;
        }
    }
    if (inputs == 0) {
        QFile::copy(sample, render.outputPath);
        render.outputReady = true;
        render.outputReadyMs = 0;
        return;
    }
    for (int i = 0; i < inputs; ++i)
        filter += QStringLiteral("[v%1]").arg(i);
    filter += QStringLiteral("concat=n=%1:v=1:a=0[v]").arg(inputs);
    if (!audioPath.isEmpty()) {
        args << QStringLiteral("-i") << audioPath;
        const QString seconds = QString::number(total, 'f', 2);
        filter += QStringLiteral(";[%1:a]volume=%2,apad=whole_dur=%3,atrim=duration=%3[a]")
                      .arg(inputs)
                      .arg(volume, 0, 'f', 2)
                      .arg(seconds);
    }
    args << QStringLiteral("-filter_complex") << filter << QStringLiteral("-map") << QStringLiteral("[v]");
    if (!audioPath.isEmpty())
        args << QStringLiteral("-map") << QStringLiteral("[a]") << QStringLiteral("-c:a")
             << QStringLiteral("aac") << QStringLiteral("-b:a") << QStringLiteral("96k");
    args << QStringLiteral("-c:v") << QStringLiteral("libx264") << QStringLiteral("-preset")
         << QStringLiteral("ultrafast") << QStringLiteral("-crf") << QStringLiteral("28")
         << QStringLiteral("-pix_fmt") << QStringLiteral("yuv420p") << QStringLiteral("-movflags")
         << QStringLiteral("+faststart") << QStringLiteral("-f") << QStringLiteral("mp4")
         << render.outputPath + QStringLiteral(".part");
    render.duration = total;
    auto *process = new QProcess(this);
    const QString id = render.id;
    const QString output = render.outputPath;
    connect(process, &QProcess::finished, this,
            [this, process, id, output, sample](int exitCode, QProcess::ExitStatus status) {
                process->deleteLater();
                const QString written = output + QStringLiteral(".part");
                const bool ok =
                    status == QProcess::NormalExit && exitCode == 0 && QFileInfo(written).size() > 0;
                if (ok) {
                    QFile::rename(written, output);
                } else {
                    qWarning("fake server: ffmpeg failed for %s, serving the sample instead: %s",
                             qPrintable(id), process->readAllStandardError().constData());
                    QFile::remove(written);
                    QFile::copy(sample, output);
                }
                auto it = m_renders.find(id);
                if (it != m_renders.end()) {
                    it->outputReady = true;
                    it->outputReadyMs = it->clock.elapsed();
                }
            });
    connect(process, &QProcess::errorOccurred, this,
            [this, process, id, output, sample](QProcess::ProcessError error) {
                if (error != QProcess::FailedToStart)
                    return;
                process->deleteLater();
                QFile::copy(sample, output);
                auto it = m_renders.find(id);
                if (it != m_renders.end()) {
                    it->outputReady = true;
                    it->outputReadyMs = it->clock.elapsed();
                }
            });
    process->start(ffmpeg, args);
}

QString FakeServer::renderStatus(const Render &render, int *progress) const
{
    if (render.cancelled) {
        *progress = 0;
        return QStringLiteral("cancelled");
    }
    const qint64 elapsed = render.clock.elapsed();
    const qint64 total = qMax(1, m_scenario.renderMs);
    *progress = int(qMin<qint64>(95, 5 + 90 * elapsed / total));
    if (elapsed < total * 15 / 100)
        return QStringLiteral("pending");
    if (render.fails && elapsed >= total / 2)
        return QStringLiteral("failed");
    if (elapsed >= total && render.outputReady) {
        *progress = 100;
        return QStringLiteral("completed");
    }
    return QStringLiteral("processing");
}

void FakeServer::handleRenderPoll(const HttpRequest &request, HttpConnection *connection, const Fault &fault)
{
    const Token *token = authorize(request, connection, fault);
    if (!token)
        return;
    const QString id = request.path.mid(QStringLiteral("/api/render/proxy/lambda/").size());
    auto it = m_renders.find(id);
    if (it == m_renders.end()) {
        sendJson(connection, 404,
                 {{QStringLiteral("success"), false},
                  {QStringLiteral("error"), QStringLiteral("Render job not found")}},
                 fault);
        return;
    }
    it->polls.append(it->clock.elapsed());
    int progress = 0;
    const QString status = renderStatus(*it, &progress);
    const bool completed = status == QLatin1String("completed");
    if (completed && !it->completedAt.isValid())
        it->completedAt = QDateTime::currentDateTimeUtc();
    QString url;
    if (completed && m_scenario.outputUrl != QLatin1String("none")) {
        url = QStringLiteral("/media/renders/") + QFileInfo(it->outputPath).fileName();
        if (m_scenario.outputUrl == QLatin1String("absolute"))
            url = baseUrl().toString() + url;
    }
    const qint64 size = completed ? QFileInfo(it->outputPath).size() : 0;
    QJsonObject body;
    if (m_scenario.pollShape == QLatin1String("wrapped")) {
        QJsonObject data{{QStringLiteral("id"), id},
                         {QStringLiteral("status"), status},
                         {QStringLiteral("progress"), progress},
                         {QStringLiteral("createdAt"), it->createdAt.toString(Qt::ISODateWithMs)},
                         {QStringLiteral("completedAt"),
                          it->completedAt.isValid() ? QJsonValue(it->completedAt.toString(Qt::ISODateWithMs))
                                                    : QJsonValue()}};
        if (!url.isEmpty())
            data.insert(QStringLiteral("outputUrl"), url);
        if (status == QLatin1String("failed"))
            data.insert(QStringLiteral("error"), m_scenario.renderError);
        body = {{QStringLiteral("success"), true}, {QStringLiteral("data"), data}};
    } else {
        const QString idKey = m_scenario.pollShape == QLatin1String("top_render_id")
            ? QStringLiteral("render_id")
            : QStringLiteral("taskId");
        body = {{idKey, id}, {QStringLiteral("status"), status}, {QStringLiteral("progress"), progress}};
        if (completed) {
            QJsonObject output{{QStringLiteral("duration"), it->duration},
                               {QStringLiteral("size"), double(size)}};
            if (!url.isEmpty())
                output.insert(QStringLiteral("url"), url);
            body.insert(QStringLiteral("output"), output);
        }
        if (status == QLatin1String("failed"))
            body.insert(QStringLiteral("error"), m_scenario.renderError);
    }
    sendJson(connection, 200, body, fault);
}

void FakeServer::handleRenderCancel(const HttpRequest &request, HttpConnection *connection,
                                    const Fault &fault)
{
    const Token *token = authorize(request, connection, fault);
    if (!token)
        return;
    QString id = request.path.mid(QStringLiteral("/api/render/proxy/lambda/").size());
    id.chop(QStringLiteral("/cancel").size());
    auto it = m_renders.find(id);
    if (!m_scenario.cancelSupported || it == m_renders.end()) {
        sendJson(connection, 404,
                 {{QStringLiteral("success"), false}, {QStringLiteral("error"), QStringLiteral("Not found")}},
                 fault);
        return;
    }
    int progress = 0;
    const QString status = renderStatus(*it, &progress);
    if (status == QLatin1String("completed") || status == QLatin1String("failed")) {
        sendJson(connection, 409,
                 {{QStringLiteral("success"), false},
                  {QStringLiteral("error"), QStringLiteral("The render has already finished")}},
                 fault);
        return;
    }
    it->cancelled = true;
    sendJson(
        connection, 200,
        {{QStringLiteral("success"), true},
         {QStringLiteral("data"),
          QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("status"), QStringLiteral("cancelled")}}}},
        fault);
}

QJsonObject FakeServer::renderDraft(const QString &renderId) const
{
    return m_renders.value(renderId).draft;
}

QList<qint64> FakeServer::renderPolls(const QString &renderId) const
{
    return m_renders.value(renderId).polls;
}

qint64 FakeServer::renderDoneAtMs(const QString &renderId) const
{
    const auto it = m_renders.constFind(renderId);
    if (it == m_renders.cend() || it->fails || it->cancelled || !it->outputReady)
        return -1;
    return qMax<qint64>(m_scenario.renderMs, it->outputReadyMs);
}

void FakeServer::handleRenderDownload(const HttpRequest &request, HttpConnection *connection,
                                      const Fault &fault)
{
    const Token *token = authorize(request, connection, fault);
    if (!token)
        return;
    QString id = request.path.mid(QStringLiteral("/api/render/proxy/").size());
    id.chop(QStringLiteral("/download").size());
    auto it = m_renders.find(id);
    if (it == m_renders.end()) {
        sendJson(connection, 404,
                 {{QStringLiteral("success"), false},
                  {QStringLiteral("error"), QStringLiteral("Render job not found")}},
                 fault);
        return;
    }
    int progress = 0;
    if (renderStatus(*it, &progress) != QLatin1String("completed")) {
        sendJson(connection, 409,
                 {{QStringLiteral("success"), false},
                  {QStringLiteral("error"), QStringLiteral("The render has not finished")}},
                 fault);
        return;
    }
    serveFile(request, connection, it->outputPath, "video/mp4", fault);
}

void FakeServer::handleMedia(const HttpRequest &request, HttpConnection *connection, const Fault &fault)
{
    const QString relative = request.path.mid(QStringLiteral("/media/").size());
    const QStringList parts = relative.split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (part.isEmpty() || part == QLatin1String("..") || part == QLatin1String(".")) {
            sendError(connection, 404, QStringLiteral("Not found"), Fault(), 404);
            return;
        }
    }
    if (relative.startsWith(QLatin1String("generated/")) && relative.endsWith(QLatin1String(".mp4")))
        generatedClip(relative.mid(10));
    const QString path = ensureMediaDir() + QLatin1Char('/') + relative;
    const QString type = fileTypeOf(path);
    QByteArray contentType = "application/octet-stream";
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (type == QLatin1String("video"))
        contentType = suffix == QLatin1String("mp4") ? QByteArray("video/mp4")
                                                     : QByteArray("video/" + suffix.toLatin1());
    else if (type == QLatin1String("image"))
        contentType = suffix == QLatin1String("jpg") ? QByteArray("image/jpeg")
                                                     : QByteArray("image/" + suffix.toLatin1());
    else if (type == QLatin1String("audio"))
        contentType = suffix == QLatin1String("mp3") ? QByteArray("audio/mpeg")
                                                     : QByteArray("audio/" + suffix.toLatin1());
    serveFile(request, connection, path, contentType, fault);
}

void FakeServer::serveFile(const HttpRequest &request, HttpConnection *connection, const QString &path,
                           const QByteArray &contentType, const Fault &fault)
{
    const QFileInfo info(path);
    if (!info.isFile()) {
        sendError(connection, 404, QStringLiteral("Not found"), Fault(), 404);
        return;
    }
    const qint64 size = info.size();
    qint64 begin = 0;
    qint64 end = size - 1;
    int status = 200;
    const QByteArray range = request.header("range").trimmed();
    if (!range.isEmpty()) {
        static const QRegularExpression spec(QStringLiteral("^bytes=(\\d*)-(\\d*)$"));
        const auto match = spec.match(QString::fromLatin1(range));
        bool satisfiable = match.hasMatch() && !(match.captured(1).isEmpty() && match.captured(2).isEmpty());
        if (satisfiable) {
            if (match.captured(1).isEmpty()) {
                begin = qMax<qint64>(0, size - match.captured(2).toLongLong());
            } else {
                begin = match.captured(1).toLongLong();
                if (!match.captured(2).isEmpty())
                    end = qMin(end, match.captured(2).toLongLong());
            }
            satisfiable = begin < size && begin <= end;
        }
        if (!satisfiable) {
            connection->respond(416, "application/json", R"({"code":416,"message":"Range not satisfiable"})",
                                {{"Content-Range", "bytes */" + QByteArray::number(size)}});
            return;
        }
        status = 206;
    }
    HttpHeaders headers{{"Content-Type", contentType}, {"Accept-Ranges", "bytes"}};
    if (status == 206)
        headers.append({"Content-Range",
                        "bytes " + QByteArray::number(begin) + '-' + QByteArray::number(end) + '/' +
                            QByteArray::number(size)});
    connection->beginStream(status, headers, false, end - begin + 1);
    if (request.method == "HEAD")
        return;
    if (fault.dropAfterBytes >= 0)
        connection->setDropAfterBytes(fault.dropAfterBytes, fault.reset);
    m_rangeStarts.append(begin);
    const qint64 length =
        fault.stallAfterBytes >= 0 ? qMin(fault.stallAfterBytes, end - begin + 1) : end - begin + 1;
    auto *streamer = new FileStreamer(connection, path, begin, length, this);
    streamer->start();
}

void FakeServer::handleControl(const HttpRequest &request, HttpConnection *connection)
{
    const QString what = request.path.mid(QStringLiteral("/__fake/").size());
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    auto ok = [connection](const QJsonObject &data) {
        connection->respond(200, "application/json", QJsonDocument(data).toJson(QJsonDocument::Compact));
    };
    if (what == QLatin1String("stats")) {
        ok(stats());
    } else if (what == QLatin1String("scenario")) {
        if (request.method == "POST")
            setScenario(Scenario::fromJson(body));
        ok(m_scenario.toJson());
    } else if (what == QLatin1String("faults") && request.method == "POST") {
        const QJsonDocument document = QJsonDocument::fromJson(request.body);
        const QJsonArray list = document.isArray() ? document.array() : QJsonArray{document.object()};
        for (const QJsonValue &fault : list)
            addFault(Fault::fromJson(fault.toObject()));
        ok(m_scenario.toJson());
    } else if (what == QLatin1String("clock") && request.method == "POST") {
        advanceClock(qint64(body.value(QLatin1String("advanceSeconds")).toDouble()));
        ok({{QStringLiteral("now"), now().toString(Qt::ISODate)}});
    } else if (what == QLatin1String("credits") && request.method == "POST") {
        setCredits(body.value(QLatin1String("available")).toInt());
        ok(stats());
    } else if (what == QLatin1String("reset") && request.method == "POST") {
        reset();
        ok(stats());
    } else {
        connection->respond(404, "application/json", R"({"code":404,"message":"Unknown control endpoint"})");
    }
}

} // namespace nemo::fake
