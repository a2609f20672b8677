#include "scenario.h"

#include <QJsonArray>

namespace nemo::fake {

namespace {

template<typename T>
void read(const QJsonObject &object, const char *key, T &value)
{
    const QJsonValue v = object.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return;
    if constexpr (std::is_same_v<T, bool>)
        value = v.toBool(value);
    else if constexpr (std::is_same_v<T, QString>)
        value = v.toString(value);
    else if constexpr (std::is_same_v<T, double>)
        value = v.toDouble(value);
    else
        value = static_cast<T>(v.toDouble(static_cast<double>(value)));
}

} // namespace

bool Fault::matches(const QString &endpointName, int call) const
{
    if (endpoint != QLatin1String("*") && endpoint != endpointName)
        return false;
    // With pathContains, `call` counts the matching requests only (the server keeps that count).
    return nth <= 0 || (call >= nth && call < nth + qMax(1, times));
}

Fault Fault::fromJson(const QJsonObject &o)
{
    Fault f;
    read(o, "endpoint", f.endpoint);
    read(o, "pathContains", f.pathContains);
    read(o, "nth", f.nth);
    read(o, "times", f.times);
    read(o, "httpStatus", f.httpStatus);
    read(o, "code", f.code);
    read(o, "message", f.message);
    read(o, "delayMs", f.delayMs);
    read(o, "dropAfterBytes", f.dropAfterBytes);
    read(o, "stallAfterBytes", f.stallAfterBytes);
    read(o, "dropAfterEvents", f.dropAfterEvents);
    read(o, "reset", f.reset);
    read(o, "refuse", f.refuse);
    read(o, "malformedJson", f.malformedJson);
    read(o, "truncatedJson", f.truncatedJson);
    read(o, "hugeAnswerBytes", f.hugeAnswerBytes);
    read(o, "heartbeatsOnly", f.heartbeatsOnly);
    read(o, "heartbeatsForMs", f.heartbeatsForMs);
    read(o, "sseError", f.sseError);
    read(o, "hugeLine", f.hugeLine);
    read(o, "invalidUtf8", f.invalidUtf8);
    return f;
}

QJsonObject Fault::toJson() const
{
    return QJsonObject{{QStringLiteral("endpoint"), endpoint},
                       {QStringLiteral("pathContains"), pathContains},
                       {QStringLiteral("nth"), nth},
                       {QStringLiteral("times"), times},
                       {QStringLiteral("httpStatus"), httpStatus},
                       {QStringLiteral("code"), code},
                       {QStringLiteral("message"), message},
                       {QStringLiteral("delayMs"), delayMs},
                       {QStringLiteral("dropAfterBytes"), double(dropAfterBytes)},
                       {QStringLiteral("stallAfterBytes"), double(stallAfterBytes)},
                       {QStringLiteral("dropAfterEvents"), dropAfterEvents},
                       {QStringLiteral("reset"), reset},
                       {QStringLiteral("refuse"), refuse},
                       {QStringLiteral("malformedJson"), malformedJson},
                       {QStringLiteral("truncatedJson"), truncatedJson},
                       {QStringLiteral("hugeAnswerBytes"), hugeAnswerBytes},
                       {QStringLiteral("heartbeatsOnly"), heartbeatsOnly},
                       {QStringLiteral("heartbeatsForMs"), heartbeatsForMs},
                       {QStringLiteral("sseError"), sseError},
                       {QStringLiteral("hugeLine"), hugeLine},
                       {QStringLiteral("invalidUtf8"), invalidUtf8}};
}

Scenario Scenario::fromJson(const QJsonObject &o)
{
    Scenario s;
    read(o, "tokenTtlSeconds", s.tokenTtlSeconds);
    read(o, "tokenWindowSeconds", s.tokenWindowSeconds);
    read(o, "tokensPerIp", s.tokensPerIp);
    read(o, "initialCredits", s.initialCredits);
    read(o, "creditsPerTurn", s.creditsPerTurn);
    read(o, "codesAsHttpStatus", s.codesAsHttpStatus);
    read(o, "exportBlocked", s.exportBlocked);
    read(o, "maxUploadBytes", s.maxUploadBytes);
    read(o, "sseForm", s.sseForm);
    read(o, "framing", s.framing);
    read(o, "sseChunked", s.sseChunked);
    read(o, "chunkBytes", s.chunkBytes);
    read(o, "eventDelayMs", s.eventDelayMs);
    read(o, "heartbeatMs", s.heartbeatMs);
    read(o, "heartbeatStyle", s.heartbeatStyle);
    read(o, "multilineData", s.multilineData);
    read(o, "eventIds", s.eventIds);
    read(o, "noTextRatio", s.noTextRatio);
    read(o, "seed", s.seed);
    read(o, "trailingTemporaryIssue", s.trailingTemporaryIssue);
    read(o, "lateEditMs", s.lateEditMs);
    read(o, "sandboxPaths", s.sandboxPaths);
    read(o, "cancelSupported", s.cancelSupported);
    read(o, "renderMs", s.renderMs);
    read(o, "pollShape", s.pollShape);
    read(o, "renderFails", s.renderFails);
    read(o, "renderError", s.renderError);
    read(o, "outputUrl", s.outputUrl);
    read(o, "useFfmpeg", s.useFfmpeg);
    int width = s.renderSize.width();
    int height = s.renderSize.height();
    read(o, "renderWidth", width);
    read(o, "renderHeight", height);
    s.renderSize = QSize(qBound(16, width, 3840), qBound(16, height, 3840));
    for (const QJsonValue &fault : o.value(QLatin1String("faults")).toArray())
        s.faults.append(Fault::fromJson(fault.toObject()));
    return s;
}

QJsonObject Scenario::toJson() const
{
    QJsonArray faultList;
    for (const Fault &f : faults)
        faultList.append(f.toJson());
    return QJsonObject{{QStringLiteral("tokenTtlSeconds"), double(tokenTtlSeconds)},
                       {QStringLiteral("tokenWindowSeconds"), double(tokenWindowSeconds)},
                       {QStringLiteral("tokensPerIp"), tokensPerIp},
                       {QStringLiteral("initialCredits"), initialCredits},
                       {QStringLiteral("creditsPerTurn"), creditsPerTurn},
                       {QStringLiteral("codesAsHttpStatus"), codesAsHttpStatus},
                       {QStringLiteral("exportBlocked"), exportBlocked},
                       {QStringLiteral("maxUploadBytes"), double(maxUploadBytes)},
                       {QStringLiteral("sseForm"), sseForm},
                       {QStringLiteral("framing"), framing},
                       {QStringLiteral("sseChunked"), sseChunked},
                       {QStringLiteral("chunkBytes"), chunkBytes},
                       {QStringLiteral("eventDelayMs"), eventDelayMs},
                       {QStringLiteral("heartbeatMs"), heartbeatMs},
                       {QStringLiteral("heartbeatStyle"), heartbeatStyle},
                       {QStringLiteral("multilineData"), multilineData},
                       {QStringLiteral("eventIds"), eventIds},
                       {QStringLiteral("noTextRatio"), noTextRatio},
                       {QStringLiteral("seed"), double(seed)},
                       {QStringLiteral("trailingTemporaryIssue"), trailingTemporaryIssue},
                       {QStringLiteral("lateEditMs"), lateEditMs},
                       {QStringLiteral("sandboxPaths"), sandboxPaths},
                       {QStringLiteral("cancelSupported"), cancelSupported},
                       {QStringLiteral("renderMs"), renderMs},
                       {QStringLiteral("pollShape"), pollShape},
                       {QStringLiteral("renderFails"), renderFails},
                       {QStringLiteral("renderError"), renderError},
                       {QStringLiteral("outputUrl"), outputUrl},
                       {QStringLiteral("useFfmpeg"), useFfmpeg},
                       {QStringLiteral("renderWidth"), renderSize.width()},
                       {QStringLiteral("renderHeight"), renderSize.height()},
                       {QStringLiteral("faults"), faultList}};
}

} // namespace nemo::fake
