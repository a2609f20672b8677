#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#ifndef Q_MOC_RUN // moc cannot read simdjson's header (and needs nothing from it)
#include <simdjson.h>
#endif

#include <memory>
#include <string_view>

// The one reader for JSON that comes from the network: simdjson's On-Demand API. Every answer and
// every event is parsed once, straight into what the client keeps (values, a draft, a QJsonObject
// only for the parts kept as they came). What the client writes is QJsonDocument's.
// Include this in .cpp files only: simdjson's header is large.
namespace nemo::net::json {

namespace od = simdjson::ondemand;

// Nesting deeper than this is refused, as QJsonDocument refuses it.
constexpr size_t MaxDepth = 1024;

// A value handed to a reader (opaque in headers, which only forward-declare it).
class Value
{
public:
    explicit Value(od::value value)
        : v(value)
    { }
    od::value v;
};

// One JSON text, parsed: the bytes are copied once into a padded buffer, indexed by simdjson, and
// then read on demand. Readers of one document must not outlive it.
class Document
{
public:
    Document();
    ~Document();
    Document(const Document &) = delete;
    Document &operator=(const Document &) = delete;

    // False when the text is not JSON at all (bad UTF-8, unclosed strings, too deep, empty). A
    // document that starts well may still fail later, while it is read: every read checks.
    bool parse(QByteArrayView bytes);
    // parse(), then every value checked (grammar, numbers, escapes) and nothing after the root, as
    // QJsonDocument would check it; the document is then ready to be read from its start. For small
    // texts read by key in any order (events); large ones are checked by the pass that reads them.
    bool parseStrict(QByteArrayView bytes);
    od::document &root() { return m_document; }
    // Whether everything after the root value is whitespace (call once the root is read).
    bool atEnd();
    // Where a raw text taken from this document begins, for offsets into it.
    const char *data() const { return m_buffer.get(); }

private:
    std::unique_ptr<char[]> m_buffer;
    size_t m_capacity = 0;
    std::unique_ptr<od::parser> m_ownParser;
    od::parser *m_parser = nullptr;
    bool m_borrowed = false;
    od::document m_document;
};

inline QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// Readers that never fail on a wrong type: they say whether the value had the type asked for, and
// false on malformed JSON too (`*broken` is set then, when given).
bool readString(od::value value, QString *out, bool *broken = nullptr);
bool readNumber(od::value value, double *out, bool *broken = nullptr);
bool readBool(od::value value, bool *out, bool *broken = nullptr);

// Reads a value completely without keeping it: false on malformed JSON.
bool check(od::value value);

// The value as Qt's JSON types, read completely (every byte of it is checked). False on malformed JSON.
bool toQt(od::value value, QJsonValue *out);
// The whole text of `bytes` as a QJsonValue, the way QJsonDocument would read it (for tests and the
// differential fuzzer). False when it is not exactly one JSON value.
bool parseToQt(QByteArrayView bytes, QJsonValue *out);

} // namespace nemo::net::json
