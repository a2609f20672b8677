#pragma once

#include "scenario.h"
#include "scriptedagent.h"

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace nemo::fake {

class HttpConnection;

// Writes one chat turn as server-sent events, paced by a timer, in the scenario's form and framing,
// with the fault's cuts applied.
class SseStreamer : public QObject
{
    Q_OBJECT
public:
    SseStreamer(HttpConnection *connection, const AgentTurn &turn, const Scenario &scenario,
                const Fault &fault, QObject *parent = nullptr);

    void start();

    // The encoded events of a turn, one frame per event, as the streamer would send them.
    static QList<QByteArray> encodeTurn(const AgentTurn &turn, const Scenario &scenario, const Fault &fault);

signals:
    void finished();

private:
    void writeNext();
    QByteArray heartbeatFrame();
    void finish();

    QPointer<HttpConnection> m_connection;
    Scenario m_scenario;
    Fault m_fault;
    QList<QByteArray> m_frames;
    qsizetype m_frameIndex = 0;
    qsizetype m_offsetInFrame = 0;
    int m_eventsWritten = 0;
    int m_heartbeatCount = 0;
    QTimer m_timer;
    QElapsedTimer m_clock;
};

// Streams a file (or a byte range of it) with back-pressure, so large downloads never sit in memory.
class FileStreamer : public QObject
{
    Q_OBJECT
public:
    FileStreamer(HttpConnection *connection, const QString &path, qint64 begin, qint64 length,
                 QObject *parent = nullptr);
    void start();

private:
    void pump();

    QPointer<HttpConnection> m_connection;
    QString m_path;
    qint64 m_begin;
    qint64 m_remaining;
    QFile *m_file = nullptr;
};

} // namespace nemo::fake
