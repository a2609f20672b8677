#pragma once

#include "net/sseevent.h"

#include <QByteArray>
#include <QList>

namespace nemo::net {

// An incremental text/event-stream parser: feed it bytes as they arrive, split anywhere (even in the
// middle of a CRLF), and it hands back complete events. LF, CRLF and CR line ends, multi-line data,
// comments (reported, as heartbeats), and the event/id/retry fields; a leading BOM is skipped.
// Events larger than the limit are dropped and counted, never buffered without bound.
class SseParser
{
public:
    static constexpr qsizetype DefaultMaxEventBytes = 16 * 1024 * 1024;

    void feed(QByteArrayView bytes, QList<SseEvent> &out);
    // End of stream: an event whose blank line never came is delivered if it has data.
    void finish(QList<SseEvent> &out);
    void reset();

    void setMaxEventBytes(qsizetype bytes) { m_maxEventBytes = bytes; }
    int oversizedEvents() const { return m_oversized; }
    QByteArray lastEventId() const { return m_lastEventId; }

private:
    void processLine(QByteArrayView line, QList<SseEvent> &out);
    void dispatch(QList<SseEvent> &out);

    QByteArray m_line; // a line not yet ended
    SseEvent m_pending;
    QByteArray m_lastEventId;
    qsizetype m_eventBytes = 0;
    qsizetype m_maxEventBytes = DefaultMaxEventBytes;
    int m_oversized = 0;
    bool m_dropping = false; // the current event grew past the limit
    bool m_afterCR = false;  // the last byte seen was a CR: a following LF belongs to it
    bool m_started = false;  // past a possible BOM
    int m_bomBytes = 0;
    bool m_anyField = false;
};

} // namespace nemo::net
