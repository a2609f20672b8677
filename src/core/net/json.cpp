#include "net/json.h"

#include <QJsonArray>

#include <cmath>
#include <cstring>
#include <limits>
#include <utility>

namespace nemo::net::json {

namespace {

// One parser per thread, reused (it keeps its buffers); a document read while another is open on the
// same thread gets a parser of its own.
struct ParserSlot
{
    od::parser parser;
    std::unique_ptr<char[]> buffer;
    size_t capacity = 0;
    bool busy = false;
};
thread_local ParserSlot t_slot;

// A number too small to tell from zero (1e-400) is refused, as QJsonDocument refuses it; simdjson
// would read it as 0.
bool underflows(od::value value, double number)
{
    if (number != 0)
        return false;
    const std::string_view token = value.raw_json_token();
    for (char c : token) {
        if (c == 'e' || c == 'E')
            break;
        if (c >= '1' && c <= '9')
            return true;
    }
    return false;
}

// Any number as a double, the one way every reader here takes (so what one accepts, all accept).
bool readDouble(od::value value, double *out)
{
    od::number number;
    if (!value.get_number().get(number)) {
        *out = number.is_int64() ? double(number.get_int64())
            : number.is_uint64() ? double(number.get_uint64())
                                 : number.get_double();
    } else if (value.get_double().get(*out)) {
        return false;
    }
    return !underflows(value, *out);
}

// As QJsonDocument keeps numbers: integral values that fit in 64 bits as integers, the rest as doubles.
QJsonValue qtNumber(double d)
{
    if (std::isfinite(d) && d == std::trunc(d) && d >= -9223372036854775808.0 && d < 9223372036854775808.0)
        return QJsonValue(qint64(d));
    return QJsonValue(d);
}

void setBroken(bool *broken)
{
    if (broken)
        *broken = true;
}

} // namespace

Document::Document()
{
    if (!t_slot.busy) {
        t_slot.busy = true;
        m_borrowed = true;
        m_parser = &t_slot.parser;
        m_buffer = std::move(t_slot.buffer);
        m_capacity = std::exchange(t_slot.capacity, 0);
    } else {
        m_ownParser = std::make_unique<od::parser>();
        m_parser = m_ownParser.get();
    }
}

Document::~Document()
{
    if (m_borrowed) {
        // The buffer stays with the thread for the next document (small ones above all: events).
        t_slot.buffer = std::move(m_buffer);
        t_slot.capacity = m_capacity;
        t_slot.busy = false;
    }
}

bool Document::parse(QByteArrayView bytes)
{
    const size_t length = size_t(bytes.size());
    const size_t needed = length + simdjson::SIMDJSON_PADDING;
    if (needed > m_capacity) {
        m_buffer.reset(new char[needed]);
        m_capacity = needed;
    }
    if (length)
        std::memcpy(m_buffer.get(), bytes.data(), length);
    std::memset(m_buffer.get() + length, 0, simdjson::SIMDJSON_PADDING);
    return !m_parser->iterate(m_buffer.get(), length, m_capacity).get(m_document);
}

bool Document::atEnd()
{
    const char *next = nullptr;
    return m_document.current_location().get(next) == simdjson::OUT_OF_BOUNDS;
}

bool Document::parseStrict(QByteArrayView bytes)
{
    if (!parse(bytes))
        return false;
    od::json_type type;
    if (m_document.type().get(type))
        return false;
    if (type == od::json_type::object || type == od::json_type::array) {
        od::value root;
        if (m_document.get_value().get(root) || !check(root))
            return false;
    } else {
        // A scalar root is read by its own kind.
        bool ok = true;
        switch (type) {
        case od::json_type::string: {
            std::string_view text;
            ok = !m_document.get_string().get(text);
            break;
        }
        case od::json_type::number: {
            double d = 0;
            ok = !m_document.get_double().get(d);
            break; // a scalar document is no event; only its grammar matters (QJsonDocument refuses it)
        }
        case od::json_type::boolean: {
            bool b = false;
            ok = !m_document.get_bool().get(b);
            break;
        }
        default: {
            bool isNull = false;
            ok = !m_document.is_null().get(isNull) && isNull;
            break;
        }
        }
        if (!ok)
            return false;
    }
    if (!atEnd())
        return false;
    m_document.rewind();
    return true;
}

namespace {

// Whether the value has this type; a broken value sets `*broken`.
bool hasType(od::value &value, od::json_type wanted, bool *broken)
{
    od::json_type type;
    if (value.type().get(type)) {
        setBroken(broken);
        return false;
    }
    return type == wanted;
}

// The read that follows a type check: false, and `*broken` set, when it failed.
bool readOk(bool ok, bool *broken)
{
    if (!ok)
        setBroken(broken);
    return ok;
}

} // namespace

bool readString(od::value value, QString *out, bool *broken)
{
    std::string_view text;
    if (!hasType(value, od::json_type::string, broken) || !readOk(!value.get_string().get(text), broken))
        return false;
    *out = toQString(text);
    return true;
}

bool readNumber(od::value value, double *out, bool *broken)
{
    return hasType(value, od::json_type::number, broken) && readOk(readDouble(value, out), broken);
}

bool readBool(od::value value, bool *out, bool *broken)
{
    return hasType(value, od::json_type::boolean, broken) && readOk(!value.get_bool().get(*out), broken);
}

namespace {

// Reads a value completely (every byte of it is checked); builds the Qt value when `keep` is given.
bool walk(od::value value, QJsonValue *keep, size_t depth)
{
    if (depth >= MaxDepth)
        return false;
    od::json_type type;
    if (value.type().get(type))
        return false;
    switch (type) {
    case od::json_type::object: {
        od::object object;
        if (value.get_object().get(object))
            return false;
        QJsonObject result;
        for (auto member : object) {
            od::field field;
            std::string_view key;
            QJsonValue item;
            if (std::move(member).get(field) || field.unescaped_key().get(key) ||
                !walk(field.value(), keep ? &item : nullptr, depth + 1))
                return false;
            if (keep)
                result.insert(toQString(key), item);
        }
        if (keep)
            *keep = result;
        return true;
    }
    case od::json_type::array: {
        od::array array;
        if (value.get_array().get(array))
            return false;
        QJsonArray result;
        for (auto element : array) {
            od::value item;
            QJsonValue converted;
            if (std::move(element).get(item) || !walk(item, keep ? &converted : nullptr, depth + 1))
                return false;
            if (keep)
                result.append(converted);
        }
        if (keep)
            *keep = result;
        return true;
    }
    case od::json_type::string: {
        std::string_view text;
        if (value.get_string().get(text))
            return false;
        if (keep)
            *keep = toQString(text);
        return true;
    }
    case od::json_type::number: {
        // As QJsonDocument reads numbers: integers that fit stay exact, everything else is a double.
        od::number number;
        if (!value.get_number().get(number) && number.is_int64()) {
            if (keep)
                *keep = QJsonValue(qint64(number.get_int64()));
            return true;
        }
        double d = 0;
        if (!readDouble(value, &d))
            return false;
        if (keep)
            *keep = qtNumber(d);
        return true;
    }
    case od::json_type::boolean: {
        bool b = false;
        if (value.get_bool().get(b))
            return false;
        if (keep)
            *keep = QJsonValue(b);
        return true;
    }
    case od::json_type::null: {
        bool isNull = false;
        if (value.is_null().get(isNull) || !isNull)
            return false;
        if (keep)
            *keep = QJsonValue(QJsonValue::Null);
        return true;
    }
    }
    return false;
}

} // namespace

bool check(od::value value)
{
    return walk(value, nullptr, 0);
}

bool toQt(od::value value, QJsonValue *out)
{
    return walk(value, out, 0);
}

bool parseToQt(QByteArrayView bytes, QJsonValue *out)
{
    Document document;
    if (!document.parse(bytes))
        return false;
    od::json_type type;
    if (document.root().type().get(type))
        return false;
    if (type != od::json_type::object && type != od::json_type::array)
        return false; // QJsonDocument holds an object or an array
    od::value root;
    if (document.root().get_value().get(root) || !toQt(root, out))
        return false;
    return document.atEnd();
}

} // namespace nemo::net::json
