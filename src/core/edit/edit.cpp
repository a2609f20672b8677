#include "edit/edit.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace nemo::edit {

bool Edit::absorb(const Edit &later)
{
    for (const EditOp &op : later.ops) {
        if (op.kind != EditOp::Kind::Set)
            return false;
    }
    for (const EditOp &op : std::as_const(ops)) {
        if (op.kind != EditOp::Kind::Set)
            return false;
    }
    for (const EditOp &op : later.ops) {
        auto it =
            std::find_if(ops.begin(), ops.end(), [&op](const EditOp &mine) { return mine.key == op.key; });
        if (it == ops.end()) {
            ops.append(op);
            continue;
        }
        it->properties |= op.properties;
        it->after = it->after.with(op.after, op.properties);
    }
    summary = later.summary;
    name = later.name;
    time = later.time;
    return true;
}

QByteArray Edit::toJson() const
{
    // A Discard's ops are made again whenever it is applied (back to whichever agent's draft it meets).
    QJsonArray list;
    for (const EditOp &op : ops) {
        if (kind == Kind::Change)
            list.append(op.toJson());
    }
    QJsonObject object{
        {QLatin1String("kind"), kind == Kind::Discard ? QLatin1String("discard") : QLatin1String("change")},
        {QLatin1String("name"), name},
        {QLatin1String("summary"), summary},
        {QLatin1String("turn"), turn},
        {QLatin1String("fps"), fps},
        {QLatin1String("time"), time.toString(Qt::ISODateWithMs)},
        {QLatin1String("ops"), list}};
    if (!mergeKey.isEmpty())
        object.insert(QLatin1String("merge"), mergeKey);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<Edit> Edit::fromJson(const QByteArray &bytes, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (!document.isObject()) {
        if (error)
            *error = tr("a stored hand edit is not readable");
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    Edit edit;
    const QString kind = object.value(QLatin1String("kind")).toString();
    if (kind == QLatin1String("discard"))
        edit.kind = Kind::Discard;
    else if (kind != QLatin1String("change")) {
        if (error)
            *error = tr("a stored hand edit is of a kind this version doesn't know");
        return std::nullopt;
    }
    edit.name = object.value(QLatin1String("name")).toString();
    edit.summary = object.value(QLatin1String("summary")).toString();
    edit.mergeKey = object.value(QLatin1String("merge")).toString();
    edit.turn = object.value(QLatin1String("turn")).toInt();
    edit.fps = qBound(1, object.value(QLatin1String("fps")).toInt(30), 120);
    edit.time = QDateTime::fromString(object.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
    for (const QJsonValue &value : object.value(QLatin1String("ops")).toArray()) {
        QString why;
        const std::optional<EditOp> op = EditOp::fromJson(value.toObject(), &why);
        if (!op) {
            if (error)
                *error = tr("“%1”: %2").arg(edit.name, why);
            return std::nullopt;
        }
        edit.ops.append(*op);
    }
    if (edit.kind == Kind::Change && edit.ops.isEmpty()) {
        if (error)
            *error = tr("“%1” holds no change").arg(edit.name);
        return std::nullopt;
    }
    return edit;
}

} // namespace nemo::edit
