#pragma once

// The differential check of the JSON readers against QJsonDocument, shared by tst_json and
// fuzz_json. For any bytes: what our reader (simdjson On-Demand) accepts, QJsonDocument accepts too,
// with the same value in every place; where QJsonDocument is more lenient than RFC 8259 (control
// characters in strings, unknown escapes, ".5") and ours refuses, ours must still accept Qt's own
// serialisation of what it read, with the same value. The envelope must keep exactly what Qt reads,
// and a draft must read the same from the bytes as from Qt's re-serialisation of them.
// Returns an empty string when they agree, else what differs.

#include "agent/projectstate.h"
#include "draft/draft.h"
#include "net/envelope.h"
#include "net/json.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace nemo::test {

// A string with half a surrogate pair ("\ud83d" alone): QJsonDocument reads it but cannot write it
// back as valid UTF-8, so its serialisation is no test of ours.
inline bool hasLoneSurrogate(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (text.at(i).isSurrogate())
            return true;
    }
    return false;
}

inline bool hasLoneSurrogate(const QJsonValue &value)
{
    if (value.isString())
        return hasLoneSurrogate(value.toString());
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array) {
            if (hasLoneSurrogate(item))
                return true;
        }
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (hasLoneSurrogate(it.key()) || hasLoneSurrogate(it.value()))
                return true;
        }
    }
    return false;
}

inline QString jsonDifference(QByteArrayView bytes)
{
    const QByteArray copy = bytes.toByteArray();
    QJsonParseError error{};
    const QJsonDocument qt = QJsonDocument::fromJson(copy, &error);
    const bool qtAccepts = error.error == QJsonParseError::NoError && (qt.isObject() || qt.isArray());
    QJsonValue ours;
    const bool weAccept = net::json::parseToQt(bytes, &ours);
    if (weAccept && !qtAccepts)
        return QStringLiteral("our reader accepts what QJsonDocument refuses");
    if (!qtAccepts)
        return {};
    const QJsonValue expected = qt.isObject() ? QJsonValue(qt.object()) : QJsonValue(qt.array());
    if (!weAccept) {
        if (hasLoneSurrogate(expected))
            return {};
        QJsonValue again;
        if (!net::json::parseToQt(qt.toJson(QJsonDocument::Compact), &again))
            return QStringLiteral("our reader refuses QJsonDocument's own serialisation");
        if (again != expected)
            return QStringLiteral("the values of QJsonDocument's serialisation differ");
        return {};
    }
    if (ours != expected)
        return QStringLiteral("the values differ");

    const net::ApiResult answer = net::Envelope::decode(200, copy);
    if (qt.isObject() && answer.body != qt.object())
        return QStringLiteral("the envelope kept other values than QJsonDocument read");
    if (!qt.isObject() && answer.error.kind() != net::ApiError::Kind::BadResponse)
        return QStringLiteral("the envelope took an array for an answer");

    if (qt.isObject()) {
        const draft::Draft direct = draft::Draft::fromBytes(copy);
        const draft::Draft canonical = draft::Draft::fromBytes(qt.toJson(QJsonDocument::Compact));
        if (direct.summary() != canonical.summary() || direct.durationMs() != canonical.durationMs() ||
            direct.segmentCount() != canonical.segmentCount() || direct.title() != canonical.title() ||
            direct.toJson() != canonical.toJson())
            return QStringLiteral("the draft reads differently from QJsonDocument's copy of it");
    }
    return {};
}

} // namespace nemo::test
