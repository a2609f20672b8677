#include "project/projectstore.h"

#include "util/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace nemo::project {

namespace {

// Larger than any real project: a file beyond it is not read into memory.
constexpr qint64 MaxProjectBytes = 512LL * 1024 * 1024;

} // namespace

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
