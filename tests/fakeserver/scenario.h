#pragma once

#include <QJsonObject>
#include <QList>
#include <QSize>
#include <QString>

namespace nemo::fake {

// One injected fault: which endpoint, on which call(s), and what goes wrong.
// Endpoints: token, session, claim, sse, upload, credits, state, render, render_poll, render_cancel,
// render_download, media, or "*".
struct Fault
{
    QString endpoint = QStringLiteral("*");
    QString pathContains; // only requests whose path contains this (then nth counts those requests alone)
    int nth = 0;          // 1-based call number of that endpoint; 0 = every call
    int times = 1;        // consecutive calls affected, starting at nth
    int httpStatus = 0;   // answer with this HTTP status (and an envelope)
    int code = 0;         // answer with this business code
    QString message;
    int delayMs = 0;             // wait before answering
    qint64 dropAfterBytes = -1;  // cut the response body after this many bytes
    qint64 stallAfterBytes = -1; // files: send this many bytes, then nothing more (the connection stays open)
    int dropAfterEvents = -1;    // SSE: cut the stream after this many events
    bool reset = true;           // cut with a TCP reset (true) or a clean close (false)
    bool refuse = false;         // close the connection without any answer
    bool malformedJson = false;
    bool truncatedJson = false;
    qint64 hugeAnswerBytes = 0;  // JSON answers: a valid envelope padded to this size
    bool heartbeatsOnly = false; // SSE: nothing but heartbeats
    int heartbeatsForMs = 0;     // ... for this long, then close (0 = until the client leaves)
    QString sseError;            // SSE: an {"error": ...} event after the first text
    bool hugeLine = false;       // SSE: a 2 MB text chunk on one line
    bool invalidUtf8 = false;    // SSE: an event whose data is not valid UTF-8

    bool matches(const QString &endpointName, int call) const;
    static Fault fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

struct Scenario
{
    // Auth and credits
    qint64 tokenTtlSeconds = 7 * 24 * 3600;
    qint64 tokenWindowSeconds = 7 * 24 * 3600;
    int tokensPerIp = 10;
    int initialCredits = 100;
    int creditsPerTurn = 10;
    bool codesAsHttpStatus = false; // business codes with a matching HTTP error status instead of 200
    bool exportBlocked = false;     // free plan: export answers 402 even with attribution
    // Uploads
    qint64 maxUploadBytes = 200LL * 1024 * 1024;
    // Chat turns
    QString sseForm = QStringLiteral("adk"); // "adk" or "simple"
    QString framing = QStringLiteral("lf");  // "lf", "crlf" or "cr"
    bool sseChunked = true; // Transfer-Encoding: chunked; false = the stream ends when the connection closes
    int chunkBytes = 0;     // 0: one write per event; N: N-byte writes (1 = split at every byte)
    int eventDelayMs = 25;
    int heartbeatMs = 200;                            // interval of heartbeats in heartbeats-only turns
    QString heartbeatStyle = QStringLiteral("mixed"); // "comment", "empty", "type" or "mixed"
    bool multilineData = false;                       // pretty-printed JSON over several data: lines
    bool eventIds = false;                            // id:/event:/retry: fields
    double noTextRatio = 0.3;
    quint32 seed = 7;
    bool trailingTemporaryIssue = false;
    int lateEditMs = 0;        // the agent's edit lands this long after the turn began (0: at once)
    bool sandboxPaths = false; // drafts name media by sandbox path (/mnt/userdata/<user>/<file>)
    // Render
    int renderMs = 4000;
    QString pollShape = QStringLiteral("top"); // "top", "top_render_id" or "wrapped"
    bool renderFails = false;
    QString renderError = QStringLiteral("Render node ran out of memory");
    QString outputUrl = QStringLiteral("absolute"); // "absolute", "relative" or "none"
    QSize renderSize = QSize(1280, 720);
    bool useFfmpeg = true;
    bool cancelSupported = true; // false: POST …/cancel answers 404, as where the service has no cancel

    QList<Fault> faults;

    static Scenario fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

} // namespace nemo::fake
