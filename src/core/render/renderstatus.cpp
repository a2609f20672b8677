#include "render/renderstatus.h"

#include "net/envelope.h"
#include "util/jsonnumbers.h"

namespace nemo::render {

namespace {

QJsonObject fieldsOf(const QJsonObject &body)
{
    const QJsonValue data = body.value(QLatin1String("data"));
    if (data.isObject() &&
        (body.contains(QLatin1String("success")) || data.toObject().contains(QLatin1String("status"))))
        return data.toObject();
    return body;
}

QString firstString(const QJsonObject &object, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isString() && !value.toString().isEmpty())
            return value.toString();
        if (value.isDouble())
            return QString::number(util::clampToInt64(value.toDouble()));
    }
    return {};
}

} // namespace

RenderStatus::State RenderStatus::stateFromString(const QString &status)
{
    const QString s = status.trimmed().toLower();
    if (s == QLatin1String("pending") || s == QLatin1String("queued") || s == QLatin1String("waiting") ||
        s == QLatin1String("created"))
        return State::Pending;
    if (s == QLatin1String("processing") || s == QLatin1String("running") ||
        s == QLatin1String("rendering") || s == QLatin1String("in_progress") || s == QLatin1String("started"))
        return State::Processing;
    if (s == QLatin1String("completed") || s == QLatin1String("complete") || s == QLatin1String("done") ||
        s == QLatin1String("success") || s == QLatin1String("succeeded") || s == QLatin1String("finished"))
        return State::Completed;
    if (s == QLatin1String("failed") || s == QLatin1String("error"))
        return State::Failed;
    if (s == QLatin1String("cancelled") || s == QLatin1String("canceled") || s == QLatin1String("aborted"))
        return State::Cancelled;
    return State::Unknown;
}

QString RenderStatus::stateName(State state)
{
    switch (state) {
    case State::Unknown:
        return QStringLiteral("unknown");
    case State::Pending:
        return QStringLiteral("pending");
    case State::Processing:
        return QStringLiteral("processing");
    case State::Completed:
        return QStringLiteral("completed");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

RenderStatus RenderStatus::fromJson(const QJsonObject &body)
{
    RenderStatus status;
    const QJsonObject fields = fieldsOf(body);
    status.id = firstString(fields, {"id", "taskId", "render_id", "renderId", "task_id"});
    status.state = stateFromString(fields.value(QLatin1String("status")).toString());
    status.progress =
        int(qBound(qint64(0), util::jsonInt64(fields.value(QLatin1String("progress"))), qint64(100)));
    const QJsonObject output = fields.value(QLatin1String("output")).toObject();
    status.outputUrl = firstString(output, {"url", "downloadUrl", "download_url"});
    if (status.outputUrl.isEmpty())
        status.outputUrl =
            firstString(fields, {"outputUrl", "output_url", "url", "downloadUrl", "download_url"});
    const QJsonValue size = output.contains(QLatin1String("size")) ? output.value(QLatin1String("size"))
                                                                   : fields.value(QLatin1String("size"));
    if (size.isDouble() && size.toDouble() >= 0)
        status.size = util::clampToInt64(size.toDouble());
    status.duration =
        output.value(QLatin1String("duration")).toDouble(fields.value(QLatin1String("duration")).toDouble());
    const QJsonValue error = fields.value(QLatin1String("error"));
    status.error = error.isString()
        ? error.toString()
        : (error.isObject() ? net::Envelope::messageOf(error.toObject()) : QString());
    if (status.error.isEmpty() && status.state == State::Failed)
        status.error = net::Envelope::messageOf(fields);
    if (status.state == State::Completed)
        status.progress = 100;
    return status;
}

} // namespace nemo::render
