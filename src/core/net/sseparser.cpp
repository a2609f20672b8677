#include "net/sseparser.h"

#include <cstring>

namespace nemo::net {

void SseParser::reset()
{
    *this = SseParser();
}

void SseParser::feed(QByteArrayView bytes, QList<SseEvent> &out)
{
    const char *data = bytes.data();
    qsizetype size = bytes.size();
    if (!m_started) {
        // Skip a UTF-8 BOM, even one split across reads.
        static const char bom[] = "\xEF\xBB\xBF";
        while (size > 0 && m_bomBytes < 3 && data[0] == bom[m_bomBytes]) {
            ++m_bomBytes;
            ++data;
            --size;
        }
        if (m_bomBytes < 3 && size == 0)
            return;
        if (m_bomBytes > 0 && m_bomBytes < 3)
            m_line.append(bom, m_bomBytes); // it was text after all
        m_started = true;
    }
    qsizetype pos = 0;
    if (m_afterCR && size > 0) {
        m_afterCR = false;
        if (data[0] == '\n')
            pos = 1;
    }
    while (pos < size) {
        // Find the next line end (LF or CR).
        const char *start = data + pos;
        const qsizetype remaining = size - pos;
        const void *lf = std::memchr(start, '\n', size_t(remaining));
        const void *cr = std::memchr(start, '\r', size_t(remaining));
        const char *end = nullptr;
        if (lf && cr)
            end = static_cast<const char *>(lf < cr ? lf : cr);
        else
            end = static_cast<const char *>(lf ? lf : cr);
        if (!end) {
            if (!m_dropping) {
                if (m_eventBytes + m_line.size() + remaining > m_maxEventBytes) {
                    m_dropping = true;
                    m_line.clear();
                } else {
                    m_line.append(start, remaining);
                }
            }
            return;
        }
        const qsizetype length = end - start;
        if (m_line.isEmpty()) {
            processLine(QByteArrayView(start, length), out);
        } else {
            if (!m_dropping)
                m_line.append(start, length);
            const QByteArray line = std::exchange(m_line, QByteArray());
            processLine(line, out);
        }
        pos += length + 1;
        if (*end == '\r') {
            if (pos < size) {
                if (data[pos] == '\n')
                    ++pos;
            } else {
                m_afterCR = true;
            }
        }
    }
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent> &out)
{
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (m_dropping)
        return;
    if (line.front() == ':') {
        SseEvent comment;
        comment.type = SseEvent::Type::Comment;
        comment.data = line.sliced(1).toByteArray();
        out.append(std::move(comment));
        return;
    }
    const qsizetype colon = line.indexOf(':');
    QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (!value.isEmpty() && value.front() == ' ')
        value = value.sliced(1);
    m_anyField = true;
    if (field == "data") {
        m_eventBytes += value.size() + 1;
        if (m_eventBytes > m_maxEventBytes) {
            m_dropping = true;
            m_pending = SseEvent();
            return;
        }
        if (m_pending.hasData)
            m_pending.data.append('\n');
        m_pending.data.append(value.data(), value.size());
        m_pending.hasData = true;
    } else if (field == "event") {
        m_pending.event = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = value.toByteArray();
    } else if (field == "retry") {
        bool ok = !value.isEmpty();
        for (char c : value)
            ok = ok && c >= '0' && c <= '9';
        if (ok)
            m_pending.retryMs = int(qMin<qint64>(value.toByteArray().toLongLong(), 24 * 3600 * 1000));
    }
    // Other fields are ignored, as the specification says.
}

void SseParser::dispatch(QList<SseEvent> &out)
{
    if (m_dropping) {
        ++m_oversized;
        m_dropping = false;
    } else if (m_anyField && (m_pending.hasData || m_pending.retryMs >= 0 || !m_pending.event.isEmpty())) {
        m_pending.id = m_lastEventId;
        out.append(std::move(m_pending));
    }
    m_pending = SseEvent();
    m_eventBytes = 0;
    m_anyField = false;
}

void SseParser::finish(QList<SseEvent> &out)
{
    if (!m_line.isEmpty()) {
        const QByteArray line = std::exchange(m_line, QByteArray());
        processLine(line, out);
    }
    if (m_pending.hasData && !m_dropping)
        dispatch(out);
    m_pending = SseEvent();
    m_dropping = false;
    m_anyField = false;
    m_eventBytes = 0;
}

} // namespace nemo::net
