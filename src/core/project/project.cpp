#include "project/project.h"

#include "project/projectstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace nemo::project {

namespace {

const QLatin1String FormatName("nemo-studio-project");

QDateTime fromIsoTime(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

template<typename T, typename Read>
QList<T> readList(const QJsonObject &object, QLatin1String key, Read read)
{
    QList<T> list;
    for (const QJsonValue &value : object.value(key).toArray()) {
        if (value.isObject())
            list.append(read(value.toObject()));
    }
    return list;
}

} // namespace

QString RenderRecord::stateName(State state)
{
    switch (state) {
    case State::Rendering:
        return QStringLiteral("rendering");
    case State::Downloading:
        return QStringLiteral("downloading");
    case State::Done:
        return QStringLiteral("done");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QString();
}

RenderRecord::State RenderRecord::stateFromName(const QString &name)
{
    for (State state : {State::Rendering, State::Downloading, State::Done, State::Failed, State::Cancelled}) {
        if (stateName(state) == name)
            return state;
    }
    return State::Failed; // unknown: nothing to resume
}

QString Project::displayName() const
{
    if (!name.isEmpty())
        return name;
    if (!title.simplified().isEmpty())
        return title.simplified().left(80);
    for (const agent::ChatMessage &message : messages) {
        if (message.role != agent::ChatMessage::Role::User)
            continue;
        const QString text = message.text.simplified();
        return text.size() > 48 ? text.left(47) + QChar(0x2026) : text;
    }
    return ProjectStore::tr("Untitled project");
}

std::optional<Project> Project::fromJson(const QJsonObject &object, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (object.value(QLatin1String("format")).toString() != FormatName)
        return fail(ProjectStore::tr("it is not a Nemo Studio project"));
    const int version = object.value(QLatin1String("version")).toInt(0);
    if (version > FormatVersion)
        return fail(ProjectStore::tr("it was saved by a newer version of Nemo Studio"));
    if (version < 1)
        return fail(ProjectStore::tr("its version is missing"));
    Project project;
    project.id = object.value(QLatin1String("id")).toString();
    if (!ProjectStore::isValidId(project.id))
        return fail(ProjectStore::tr("its identifier is missing"));
    project.name = object.value(QLatin1String("name")).toString().left(200);
    project.created = fromIsoTime(object.value(QLatin1String("created")));
    project.modified = fromIsoTime(object.value(QLatin1String("modified")));
    project.session = agent::SessionInfo::fromJson(object.value(QLatin1String("session")).toObject());
    project.messages =
        readList<agent::ChatMessage>(object, QLatin1String("messages"), agent::ChatMessage::fromJson);
    project.media = readList<media::MediaItem>(object, QLatin1String("media"), media::MediaItem::fromJson);
    project.drafts = readList<DraftSnapshot>(object, QLatin1String("drafts"), [](const QJsonObject &o) {
        return DraftSnapshot{o.value(QLatin1String("turn")).toInt(),
                             fromIsoTime(o.value(QLatin1String("time"))),
                             draft::Draft::fromJson(o.value(QLatin1String("draft")))};
    });
    project.renders = readList<RenderRecord>(object, QLatin1String("renders"), [](const QJsonObject &o) {
        RenderRecord record;
        record.jobId = o.value(QLatin1String("id")).toString();
        record.state = RenderRecord::stateFromName(o.value(QLatin1String("state")).toString());
        record.targetPath = o.value(QLatin1String("target")).toString();
        record.sessionId = o.value(QLatin1String("session")).toString();
        record.server = o.value(QLatin1String("server")).toString();
        record.startedAt = fromIsoTime(o.value(QLatin1String("started")));
        record.error = o.value(QLatin1String("error")).toString();
        return record;
    });
    // A record without a job or a file cannot be resumed or shown.
    project.renders.removeIf(
        [](const RenderRecord &r) { return r.jobId.isEmpty() || r.targetPath.isEmpty(); });
    return project;
}

QString Project::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace nemo::project
