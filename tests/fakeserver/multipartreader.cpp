#include "multipartreader.h"

#include <QList>
#include <QUrl>

namespace nemo::fake {

namespace {

constexpr qsizetype MaxPartHeaderBytes = 16 * 1024;

// Splits `a=b; c="d;e"` into parameters, honouring quotes and backslash escapes.
QList<std::pair<QByteArray, QByteArray>> headerParameters(const QByteArray &value)
{
    QList<std::pair<QByteArray, QByteArray>> result;
    qsizetype i = 0;
    const qsizetype n = value.size();
    while (i < n) {
        while (i < n && (value.at(i) == ';' || value.at(i) == ' ' || value.at(i) == '\t'))
            ++i;
        const qsizetype nameStart = i;
        while (i < n && value.at(i) != '=' && value.at(i) != ';')
            ++i;
        const QByteArray name = value.mid(nameStart, i - nameStart).trimmed().toLower();
        QByteArray parameter;
        if (i < n && value.at(i) == '=') {
            ++i;
            if (i < n && value.at(i) == '"') {
                ++i;
                while (i < n && value.at(i) != '"') {
                    if (value.at(i) == '\\' && i + 1 < n)
                        ++i;
                    parameter.append(value.at(i));
                    ++i;
                }
                ++i;
            } else {
                const qsizetype start = i;
                while (i < n && value.at(i) != ';')
                    ++i;
                parameter = value.mid(start, i - start).trimmed();
            }
        }
        if (!name.isEmpty())
            result.append({name, parameter});
    }
    return result;
}

} // namespace

MultipartReader::MultipartReader(const QByteArray &boundary)
    : m_dashBoundary("--" + boundary)
    , m_delimiter("\r\n--" + boundary)
{
    if (boundary.isEmpty())
        m_state = State::Error;
}

QByteArray MultipartReader::boundaryFromContentType(const QByteArray &contentType)
{
    if (!contentType.trimmed().toLower().startsWith("multipart/"))
        return {};
    for (const auto &[name, value] : headerParameters(contentType.mid(contentType.indexOf(';') + 1))) {
        if (name == "boundary")
            return value;
    }
    return {};
}

MultipartPartHead MultipartReader::parsePartHeaders(const QByteArray &headerBlock)
{
    MultipartPartHead head;
    QString plainName;
    QString extendedName;
    for (const QByteArray &rawLine : headerBlock.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-type") {
            head.contentType = value;
        } else if (name == "content-disposition") {
            for (const auto &[key, parameter] : headerParameters(value.mid(value.indexOf(';') + 1))) {
                if (key == "name") {
                    head.name = parameter;
                } else if (key == "filename") {
                    plainName = QString::fromUtf8(parameter);
                } else if (key == "filename*") {
                    // RFC 5987: charset'language'percent-encoded
                    const QList<QByteArray> pieces = parameter.split('\'');
                    if (pieces.size() == 3)
                        extendedName = QUrl::fromPercentEncoding(pieces.at(2));
                }
            }
        }
    }
    head.filename = extendedName.isEmpty() ? plainName : extendedName;
    return head;
}

void MultipartReader::feed(QByteArrayView data)
{
    if (m_state == State::Error || m_state == State::Epilogue)
        return;
    m_buffer.append(data.data(), data.size());
    for (;;) {
        switch (m_state) {
        case State::Preamble: {
            const qsizetype at = m_buffer.indexOf(m_dashBoundary);
            if (at < 0) {
                const qsizetype keep = m_dashBoundary.size() - 1;
                if (m_buffer.size() > keep)
                    m_buffer.remove(0, m_buffer.size() - keep);
                return;
            }
            m_buffer.remove(0, at + m_dashBoundary.size());
            m_state = State::AfterDelimiter;
            break;
        }
        case State::AfterDelimiter: {
            if (m_buffer.size() < 2)
                return;
            if (m_buffer.startsWith("--")) {
                m_state = State::Epilogue;
                m_buffer.clear();
                return;
            }
            const qsizetype eol = m_buffer.indexOf("\r\n");
            if (eol < 0) {
                if (m_buffer.size() > 256)
                    m_state = State::Error;
                return;
            }
            m_buffer.remove(0, eol + 2);
            m_state = State::Headers;
            break;
        }
        case State::Headers: {
            qsizetype end = -1;
            qsizetype skip = 0;
            if (m_buffer.startsWith("\r\n")) {
                end = 0;
                skip = 2;
            } else if ((end = m_buffer.indexOf("\r\n\r\n")) >= 0) {
                skip = end + 4;
            }
            if (end < 0) {
                if (m_buffer.size() > MaxPartHeaderBytes)
                    m_state = State::Error;
                return;
            }
            const MultipartPartHead head = parsePartHeaders(m_buffer.left(end));
            m_buffer.remove(0, skip);
            m_state = State::Body;
            if (onPartBegin)
                onPartBegin(head);
            break;
        }
        case State::Body: {
            const qsizetype at = m_buffer.indexOf(m_delimiter);
            if (at < 0) {
                const qsizetype safe = m_buffer.size() - (m_delimiter.size() - 1);
                if (safe > 0) {
                    if (onPartData)
                        onPartData(QByteArrayView(m_buffer.constData(), safe));
                    m_buffer.remove(0, safe);
                }
                return;
            }
            if (at > 0 && onPartData)
                onPartData(QByteArrayView(m_buffer.constData(), at));
            m_buffer.remove(0, at + m_delimiter.size());
            if (onPartEnd)
                onPartEnd();
            m_state = State::AfterDelimiter;
            break;
        }
        case State::Epilogue:
        case State::Error:
            return;
        }
    }
}

} // namespace nemo::fake
