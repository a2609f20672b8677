#include "jsonview.h"

#include <QJsonDocument>

#include <cstring>

namespace nemo::core {

namespace {

bool validUtf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        // ASCII runs, eight bytes at a time.
        while (i + 8 <= n) {
            quint64 word;
            std::memcpy(&word, s + i, 8);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned int code = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            code = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            code = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            code = c & 0x07;
        } else {
            return false;
        }
        if (i + size_t(length) > n)
            return false;
        for (int k = 1; k < length; ++k) {
            if ((s[i + size_t(k)] & 0xC0) != 0x80)
                return false;
            code = (code << 6) | (s[i + size_t(k)] & 0x3F);
        }
        // No overlong forms, no surrogates, nothing past U+10FFFF.
        if ((length == 2 && code < 0x80) || (length == 3 && code < 0x800) ||
            (length == 4 && code < 0x10000) || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF)
            return false;
        i += size_t(length);
    }
    return true;
}

inline void skipSpace(const char *&p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        ++p;
}

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

bool JsonView::parse(QByteArrayView json)
{
    m_json = json;
    m_nodes.clear();
    if (json.size() > 0x7fffffff ||
        !validUtf8(reinterpret_cast<const unsigned char *>(json.data()), size_t(json.size())))
        return false;
    const char *p = json.data();
    const char *end = p + json.size();
    skipSpace(p, end);
    int index = -1;
    if (!parseValue(p, 0, &index)) {
        m_nodes.clear();
        return false;
    }
    skipSpace(p, end);
    if (p != end) {
        m_nodes.clear();
        return false;
    }
    return true;
}

bool JsonView::parseString(const char *&p, int *begin, int *end, bool *escaped)
{
    const char *limit = m_json.data() + m_json.size();
    // p is at the opening quote.
    ++p;
    *begin = int(p - m_json.data());
    *escaped = false;
    while (p < limit) {
        const unsigned char c = static_cast<unsigned char>(*p);
        if (c == '"') {
            *end = int(p - m_json.data());
            ++p;
            return true;
        }
        if (c < 0x20)
            return false;
        if (c == '\\') {
            *escaped = true;
            ++p;
            if (p >= limit)
                return false;
            switch (*p) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                ++p;
                break;
            case 'u':
                if (limit - p < 5)
                    return false;
                for (int k = 1; k <= 4; ++k) {
                    if (hexValue(p[k]) < 0)
                        return false;
                }
                p += 5;
                break;
            default:
                return false;
            }
            continue;
        }
        ++p;
    }
    return false;
}

bool JsonView::parseValue(const char *&p, int depth, int *index)
{
    const char *limit = m_json.data() + m_json.size();
    if (p >= limit || depth > MaxDepth)
        return false;
    const int self = int(m_nodes.size());
    *index = self;
    Node node;
    node.begin = int(p - m_json.data());
    switch (*p) {
    case '{':
    case '[': {
        const bool object = *p == '{';
        node.type = object ? Type::Object : Type::Array;
        m_nodes.push_back(node);
        ++p;
        skipSpace(p, limit);
        if (p < limit && *p == (object ? '}' : ']')) {
            ++p;
            m_nodes[size_t(self)].end = int(p - m_json.data());
            return true;
        }
        int previous = -1;
        for (;;) {
            int keyBegin = -1;
            int keyEnd = -1;
            bool keyEscaped = false;
            if (object) {
                if (p >= limit || *p != '"' || !parseString(p, &keyBegin, &keyEnd, &keyEscaped))
                    return false;
                skipSpace(p, limit);
                if (p >= limit || *p != ':')
                    return false;
                ++p;
                skipSpace(p, limit);
            }
            int child = -1;
            if (!parseValue(p, depth + 1, &child))
                return false;
            if (object) {
                m_nodes[size_t(child)].keyBegin = keyBegin;
                m_nodes[size_t(child)].keyEnd = keyEnd;
                m_nodes[size_t(child)].keyEscaped = keyEscaped;
            }
            if (previous < 0)
                m_nodes[size_t(self)].firstChild = child;
            else
                m_nodes[size_t(previous)].next = child;
            previous = child;
            skipSpace(p, limit);
            if (p >= limit)
                return false;
            if (*p == ',') {
                ++p;
                skipSpace(p, limit);
                continue;
            }
            if (*p == (object ? '}' : ']')) {
                ++p;
                m_nodes[size_t(self)].end = int(p - m_json.data());
                return true;
            }
            return false;
        }
    }
    case '"': {
        node.type = Type::String;
        int begin = 0;
        int end = 0;
        bool escaped = false;
        if (!parseString(p, &begin, &end, &escaped))
            return false;
        node.begin = begin;
        node.end = end;
        node.escaped = escaped;
        m_nodes.push_back(node);
        return true;
    }
    case 't':
    case 'f':
    case 'n': {
        const char *word = *p == 't' ? "true" : (*p == 'f' ? "false" : "null");
        const size_t length = std::strlen(word);
        if (size_t(limit - p) < length || std::memcmp(p, word, length) != 0)
            return false;
        p += length;
        node.type = *word == 'n' ? Type::Null : Type::Bool;
        node.end = int(p - m_json.data());
        m_nodes.push_back(node);
        return true;
    }
    default: {
        // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        const char *start = p;
        if (p < limit && *p == '-')
            ++p;
        if (p >= limit || !isDigit(*p))
            return false;
        if (*p == '0') {
            ++p;
        } else {
            while (p < limit && isDigit(*p))
                ++p;
        }
        if (p < limit && *p == '.') {
            ++p;
            if (p >= limit || !isDigit(*p))
                return false;
            while (p < limit && isDigit(*p))
                ++p;
        }
        if (p < limit && (*p == 'e' || *p == 'E')) {
            ++p;
            if (p < limit && (*p == '+' || *p == '-'))
                ++p;
            if (p >= limit || !isDigit(*p))
                return false;
            while (p < limit && isDigit(*p))
                ++p;
        }
        node.type = Type::Number;
        node.begin = int(start - m_json.data());
        node.end = int(p - m_json.data());
        m_nodes.push_back(node);
        return true;
    }
    }
}

int JsonView::childCount(int node) const
{
    int count = 0;
    for (int child = firstChild(node); child >= 0; child = next(child))
        ++count;
    return count;
}

int JsonView::member(int object, QLatin1StringView key) const
{
    if (!isObject(object))
        return -1;
    for (int child = firstChild(object); child >= 0; child = next(child)) {
        const Node &n = m_nodes[size_t(child)];
        if (!n.keyEscaped) {
            if (n.keyEnd - n.keyBegin == key.size() &&
                std::memcmp(m_json.data() + n.keyBegin, key.data(), size_t(key.size())) == 0)
                return child;
        } else if (decode(n.keyBegin, n.keyEnd, true) == key) {
            return child;
        }
    }
    return -1;
}

QString JsonView::key(int node) const
{
    if (node < 0 || m_nodes[size_t(node)].keyBegin < 0)
        return {};
    const Node &n = m_nodes[size_t(node)];
    return decode(n.keyBegin, n.keyEnd, n.keyEscaped);
}

QString JsonView::decode(int begin, int end, bool escaped) const
{
    const char *data = m_json.data();
    if (!escaped)
        return QString::fromUtf8(data + begin, end - begin);
    QString out;
    out.reserve(end - begin);
    int run = begin;
    int i = begin;
    auto flush = [&](int upTo) {
        if (upTo > run)
            out += QString::fromUtf8(data + run, upTo - run);
    };
    while (i < end) {
        if (data[i] != '\\') {
            ++i;
            continue;
        }
        flush(i);
        const char c = data[i + 1];
        i += 2;
        switch (c) {
        case 'b':
            out += QChar(0x08);
            break;
        case 'f':
            out += QChar(0x0C);
            break;
        case 'n':
            out += QLatin1Char('\n');
            break;
        case 'r':
            out += QLatin1Char('\r');
            break;
        case 't':
            out += QLatin1Char('\t');
            break;
        case 'u': {
            char16_t unit = 0;
            for (int k = 0; k < 4; ++k)
                unit = char16_t(unit << 4 | hexValue(data[i + k]));
            i += 4;
            out += QChar(unit); // surrogate pairs arrive as two escapes and join up in UTF-16
            break;
        }
        default:
            out += QLatin1Char(c);
            break;
        }
        run = i;
    }
    flush(end);
    return out;
}

QString JsonView::string(int node) const
{
    if (!isString(node))
        return {};
    const Node &n = m_nodes[size_t(node)];
    return decode(n.begin, n.end, n.escaped);
}

double JsonView::number(int node, double fallback) const
{
    if (!isNumber(node))
        return fallback;
    bool ok = false;
    const double value = text(node).toDouble(&ok);
    return ok ? value : fallback;
}

bool JsonView::boolean(int node, bool fallback) const
{
    if (!isBool(node))
        return fallback;
    return m_json.at(m_nodes[size_t(node)].begin) == 't';
}

QByteArrayView JsonView::text(int node) const
{
    if (node < 0)
        return {};
    const Node &n = m_nodes[size_t(node)];
    if (n.type == Type::String)
        return m_json.sliced(n.begin - 1, n.end - n.begin + 2);
    return m_json.sliced(n.begin, n.end - n.begin);
}

QJsonObject JsonView::toObject(int node) const
{
    if (!isObject(node))
        return {};
    return QJsonDocument::fromJson(text(node).toByteArray()).object();
}

} // namespace nemo::core
