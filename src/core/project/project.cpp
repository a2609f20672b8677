#include "project/project.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace nemo::project {

namespace {

const QLatin1String FormatName("nemo-studio-project");
constexpr qint64 MaxProjectBytes = 512LL * 1024 * 1024;

QString isoTime(const QDateTime &time)
{
    return time.toString(Qt::ISODateWithMs);
}

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

template<typename T, typename Write>
QJsonArray writeList(const QList<T> &list, Write write)
{
    QJsonArray array;
    for (const T &item : list)
        array.append(write(item));
    return array;
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

QString Project::displayName() const
{
    if (!name.isEmpty())
        return name;
    for (const agent::ChatMessage &message : messages) {
        if (message.role != agent::ChatMessage::Role::User)
            continue;
        const QString text = message.text.simplified();
        return text.size() > 48 ? text.left(47) + QChar(0x2026) : text;
    }
    return ProjectStore::tr("Untitled project");
}

QJsonObject Project::toJson() const
{
    return {
        {QStringLiteral("format"), FormatName},
        {QStringLiteral("version"), FormatVersion},
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("created"), isoTime(created)},
        {QStringLiteral("modified"), isoTime(modified)},
        {QStringLiteral("session"), session.toJson()},
        {QStringLiteral("messages"),
         writeList(messages, [](const agent::ChatMessage &m) { return m.toJson(); })},
        {QStringLiteral("media"), writeList(media, [](const media::MediaItem &m) { return m.toJson(); })},
        {QStringLiteral("drafts"),
         writeList(drafts,
                   [](const DraftSnapshot &d) {
                       return QJsonObject{{QStringLiteral("turn"), d.turn},
                                          {QStringLiteral("time"), isoTime(d.time)},
                                          {QStringLiteral("draft"), d.draft}};
                   })},
        {QStringLiteral("renders"),
         writeList(renders,
                   [](const RenderRecord &r) {
                       QJsonObject o{{QStringLiteral("id"), r.jobId},
                                     {QStringLiteral("state"), r.stateName(r.state)},
                                     {QStringLiteral("target"), r.targetPath},
                                     {QStringLiteral("started"), isoTime(r.startedAt)}};
                       if (!r.error.isEmpty())
                           o.insert(QStringLiteral("error"), r.error);
                       if (!r.sessionId.isEmpty())
                           o.insert(QStringLiteral("session"), r.sessionId);
                       if (!r.server.isEmpty())
                           o.insert(QStringLiteral("server"), r.server);
                       return o;
                   })},
    };
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
                             o.value(QLatin1String("draft")).toObject()};
    });
    project.renders = readList<RenderRecord>(object, QLatin1String("renders"), [](const QJsonObject &o) {
        RenderRecord record;
        record.jobId = o.value(QLatin1String("id")).toString();
        const QString state = o.value(QLatin1String("state")).toString();
        for (auto s :
             {RenderRecord::State::Rendering, RenderRecord::State::Downloading, RenderRecord::State::Done,
              RenderRecord::State::Failed, RenderRecord::State::Cancelled}) {
            if (RenderRecord::stateName(s) == state)
                record.state = s;
        }
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

ProjectStore::ProjectStore(const QString &folder)
    : m_folder(folder.isEmpty() ? defaultFolder() : folder)
{ }

QString ProjectStore::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/projects");
}

bool ProjectStore::isValidId(const QString &id)
{
    // Ids become file names: letters, digits and dashes only, so no id can point outside the folder.
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9-]{1,64}$"));
    return pattern.match(id).hasMatch();
}

QString ProjectStore::pathFor(const QString &id) const
{
    return m_folder + QLatin1Char('/') + id + QStringLiteral(".json");
}

ProjectStore::Loaded ProjectStore::load(const QString &id) const
{
    Loaded loaded;
    if (!isValidId(id)) {
        loaded.error = tr("This project does not exist.");
        return loaded;
    }
    QFile file(pathFor(id));
    if (!file.exists()) {
        loaded.error = tr("The project file %1 is missing.").arg(QDir::toNativeSeparators(file.fileName()));
        return loaded;
    }
    QString reason;
    if (file.size() > MaxProjectBytes) {
        reason = tr("it is too large");
    } else if (!file.open(QIODevice::ReadOnly)) {
        loaded.error = tr("The project file %1 could not be opened: %2.")
                           .arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
        return loaded; // not damaged, only unreadable now: leave it where it is
    } else {
        QJsonParseError parseError{};
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
        file.close();
        if (parseError.error != QJsonParseError::NoError)
            reason = tr("it is damaged or incomplete (%1)").arg(parseError.errorString());
        else if (!document.isObject())
            reason = tr("it is not a Nemo Studio project");
        else if (document.object().value(QLatin1String("version")).toInt() > Project::FormatVersion)
            loaded.error =
                tr("The project could not be opened: it was saved by a newer version of Nemo Studio.");
        else
            loaded.project = Project::fromJson(document.object(), &reason);
        if (!loaded.error.isEmpty())
            return loaded; // a newer file is fine as it is
        if (loaded.project && loaded.project->id != id) {
            loaded.project.reset();
            reason = tr("it belongs to another project");
        }
    }
    if (loaded.project)
        return loaded;
    // Keep the damaged file for the user (and for support) instead of overwriting it later.
    const QString aside = file.fileName() + QStringLiteral(".corrupt-") +
        QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (QFile::rename(file.fileName(), aside)) {
        loaded.keptAside = aside;
        loaded.error = tr("The project could not be opened: %1. The file was kept as %2.")
                           .arg(reason, QDir::toNativeSeparators(aside));
    } else {
        loaded.error = tr("The project could not be opened: %1. The file %2 was left as it is.")
                           .arg(reason, QDir::toNativeSeparators(file.fileName()));
    }
    return loaded;
}

bool ProjectStore::save(const Project &project, QString *error) const
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!isValidId(project.id))
        return fail(tr("The project has no valid identifier."));
    if (!QDir().mkpath(m_folder))
        return fail(tr("The folder %1 could not be created.").arg(QDir::toNativeSeparators(m_folder)));
    QSaveFile file(pathFor(project.id));
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("The project could not be saved: %1.").arg(file.errorString()));
    file.write(QJsonDocument(project.toJson()).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return fail(tr("The project could not be saved: %1.").arg(file.errorString()));
    return true;
}

QList<ProjectStore::Entry> ProjectStore::recent(int max) const
{
    QList<Entry> entries;
    const QFileInfoList files =
        QDir(m_folder).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Time);
    for (const QFileInfo &info : files) {
        if (entries.size() >= max)
            break;
        const QString id = info.completeBaseName();
        if (!isValidId(id) || info.size() > MaxProjectBytes)
            continue;
        QFile file(info.filePath());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const auto project = Project::fromJson(QJsonDocument::fromJson(file.readAll()).object());
        if (project && project->id == id)
            entries.append({id, project->displayName(), project->modified});
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry &a, const Entry &b) { return a.modified > b.modified; });
    return entries;
}

QString ProjectStore::lastProjectId() const
{
    QFile file(m_folder + QStringLiteral("/last"));
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    const QString id = QString::fromUtf8(file.read(128)).trimmed();
    return isValidId(id) ? id : QString();
}

void ProjectStore::setLastProjectId(const QString &id) const
{
    if (!isValidId(id) || !QDir().mkpath(m_folder))
        return;
    QSaveFile file(m_folder + QStringLiteral("/last"));
    if (file.open(QIODevice::WriteOnly)) {
        file.write(id.toUtf8());
        file.commit();
    }
}

} // namespace nemo::project
