#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace nemo::core {

// A fast, strict, read-only JSON reader for hot paths (every streamed event, large drafts). It
// validates the whole text (grammar and UTF-8, like QJsonDocument) into a flat array of nodes that
// point into the bytes; strings and numbers are only decoded when asked for. Nodes are indexes;
// -1 means "absent", and every accessor accepts -1.
class JsonView
{
public:
    enum class Type : quint8
    {
        Null,
        Bool,
        Number,
        String,
        Array,
        Object
    };
    static constexpr int MaxDepth = 256;

    // False when the text is not exactly one valid JSON value (surrounding whitespace allowed).
    bool parse(QByteArrayView json);
    bool isValid() const { return !m_nodes.empty(); }

    int root() const { return m_nodes.empty() ? -1 : 0; }
    Type type(int node) const { return m_nodes[size_t(node)].type; }
    bool isObject(int node) const { return node >= 0 && type(node) == Type::Object; }
    bool isArray(int node) const { return node >= 0 && type(node) == Type::Array; }
    bool isString(int node) const { return node >= 0 && type(node) == Type::String; }
    bool isNumber(int node) const { return node >= 0 && type(node) == Type::Number; }
    bool isBool(int node) const { return node >= 0 && type(node) == Type::Bool; }
    bool isNull(int node) const { return node >= 0 && type(node) == Type::Null; }

    // Children of an array or object, in order (for objects: the member values).
    int firstChild(int node) const { return node >= 0 ? m_nodes[size_t(node)].firstChild : -1; }
    int next(int node) const { return node >= 0 ? m_nodes[size_t(node)].next : -1; }
    int childCount(int node) const;
    // The member of an object with this key (the first one if repeated), or -1.
    int member(int object, QLatin1StringView key) const;
    // The key of an object member.
    QString key(int node) const;

    QString string(int node) const;                     // "" unless a string
    double number(int node, double fallback = 0) const; // fallback unless a number
    bool boolean(int node, bool fallback = false) const;
    // The exact JSON text of a node.
    QByteArrayView text(int node) const;
    // A node as a QJsonObject (for keeping unknown keys); empty unless an object.
    QJsonObject toObject(int node) const;

private:
    struct Node
    {
        Type type;
        bool escaped = false; // a string (or key) with backslash escapes
        bool keyEscaped = false;
        int begin = 0; // the value's text (for strings: inside the quotes)
        int end = 0;
        int keyBegin = -1; // for object members: the key inside its quotes
        int keyEnd = -1;
        int firstChild = -1;
        int next = -1;
    };

    bool parseValue(const char *&p, int depth, int *index);
    bool parseString(const char *&p, int *begin, int *end, bool *escaped);
    QString decode(int begin, int end, bool escaped) const;

    QByteArrayView m_json;
    std::vector<Node> m_nodes;
};

} // namespace nemo::core
