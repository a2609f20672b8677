#include "project/projectstore.h"

#include "project/projectchange.h"
#include "util/logging.h"
#include "util/replacefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>

namespace nemo::project {

namespace {

// Larger than any real project file from before databases: one beyond it is not read into memory.
constexpr qint64 MaxLegacyBytes = 512LL * 1024 * 1024;
const QLatin1String DatabaseSuffix(".nemo");
const QLatin1String LegacySuffix(".json");
// SQLite's companions of a database file, moved with it.
const QLatin1String Companions[] = {QLatin1String("-wal"), QLatin1String("-shm")};

QDateTime lastWritten(const QString &path)
{
    // In WAL mode the newest changes are in the journal until a checkpoint.
    const QDateTime main = QFileInfo(path).lastModified();
    const QFileInfo wal(path + QLatin1String("-wal"));
    return wal.exists() && wal.lastModified() > main ? wal.lastModified() : main;
}

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
    return m_folder + QLatin1Char('/') + id + DatabaseSuffix;
}

QString ProjectStore::legacyPathFor(const QString &id) const
{
    return m_folder + QLatin1Char('/') + id + LegacySuffix;
}

bool ProjectStore::exists(const QString &id) const
{
    return isValidId(id) && (QFileInfo::exists(pathFor(id)) || QFileInfo::exists(legacyPathFor(id)));
}

ProjectStore::Loaded ProjectStore::load(const QString &id, ProjectDatabase::Drafts drafts,
                                        Access access) const
{
    if (!isValidId(id)) {
        Loaded loaded;
        loaded.error = tr("This project does not exist.");
        return loaded;
    }
    // An empty database beside a project file from before databases is the lock's (taken on the
    // database file): the file is imported into it.
    const QFileInfo database(pathFor(id));
    if (database.exists() && (database.size() > 0 || !QFileInfo::exists(legacyPathFor(id))))
        return loadDatabase(id, drafts, access);
    if (QFileInfo::exists(legacyPathFor(id)))
        return loadLegacy(id, drafts, access);
    Loaded loaded;
    loaded.error = tr("The project file %1 is missing.").arg(QDir::toNativeSeparators(pathFor(id)));
    return loaded;
}

void ProjectStore::keepAside(const QString &path, const QString &reason, Access access, Loaded *loaded) const
{
    if (access == Access::LookOnly) {
        loaded->error = tr("The project could not be opened: %1.").arg(reason);
        return;
    }
    // Keep the damaged file for the user (and for support) instead of overwriting it later.
    const QString aside = path + QStringLiteral(".corrupt-") +
        QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (QFile::rename(path, aside)) {
        for (const QLatin1String &companion : Companions) {
            if (QFileInfo::exists(path + companion))
                QFile::rename(path + companion, aside + companion);
        }
        loaded->keptAside = aside;
        loaded->error = tr("The project could not be opened: %1. The file was kept as %2.")
                            .arg(reason, QDir::toNativeSeparators(aside));
    } else {
        loaded->error = tr("The project could not be opened: %1. The file %2 was left as it is.")
                            .arg(reason, QDir::toNativeSeparators(path));
    }
}

ProjectStore::Loaded ProjectStore::loadDatabase(const QString &id, ProjectDatabase::Drafts drafts,
                                                Access access) const
{
    Loaded loaded;
    const QString path = pathFor(id);
    QString reason;
    std::optional<Project> salvaged;
    {
        ProjectDatabase database(path);
        // The one that will write it checks every page first (damage found before anything is added
        // to it), and keeps what can be read of a damaged one.
        database.setSalvage(access == Access::Owner);
        if (access == Access::Owner && database.open() == ProjectDatabase::Status::Ok && !database.isIntact())
            reason = tr("it is damaged (%1)").arg(database.errorString());
        else
            loaded.project = database.read(drafts);
        if (loaded.project && loaded.project->id != id) {
            loaded.project.reset();
            reason = tr("it belongs to another project");
        } else if (!loaded.project && reason.isEmpty()) {
            switch (database.status()) {
            case ProjectDatabase::Status::Newer:
                loaded.error =
                    tr("The project could not be opened: it was saved by a newer version of Nemo Studio.");
                return loaded; // fine as it is
            case ProjectDatabase::Status::Damaged:
                reason = tr("it is damaged (%1)").arg(database.errorString());
                break;
            default:
                // Not damaged, only unreadable now (permissions, a full disk): leave it where it is.
                loaded.error = tr("The project file %1 could not be opened: %2.")
                                   .arg(QDir::toNativeSeparators(path), database.errorString());
                return loaded;
            }
        }
        if (!loaded.project && access == Access::Owner) {
            // What can be read of it, table by table (a quick check only says where it is damaged).
            if (!database.salvaged()) {
                database.setSalvage(true);
                database.read(drafts);
            }
            salvaged = database.salvaged();
        }
    } // closed before it is moved
    if (loaded.project)
        return loaded;
    keepAside(path, reason, access, &loaded);
    if (!salvaged || salvaged->id != id || loaded.keptAside.isEmpty())
        return loaded;
    // Recovered into a fresh database under its own name; the damaged file stays aside.
    QString error;
    if (!save(*salvaged, &error)) {
        loaded.error += QLatin1Char(' ') + error;
        return loaded;
    }
    loaded.project = salvaged;
    loaded.recovered =
        tr("The project was damaged, so what could be read of it was recovered into a fresh copy: "
           "%n message(s)",
           nullptr, int(salvaged->messages.size())) +
        QStringLiteral(", ") + tr("%n item(s) of the media bin", nullptr, int(salvaged->media.size())) +
        QStringLiteral(", ") + (salvaged->drafts.isEmpty() ? tr("no timeline") : tr("the timeline")) +
        QStringLiteral(". ") +
        tr("The damaged file was kept as %1.").arg(QDir::toNativeSeparators(loaded.keptAside));
    loaded.error.clear();
    qCWarning(lcNemoProject, "project %s recovered from a damaged database", qUtf8Printable(id));
    return loaded;
}

ProjectStore::Loaded ProjectStore::loadLegacy(const QString &id, ProjectDatabase::Drafts drafts,
                                              Access access) const
{
    Loaded loaded;
    QFile file(legacyPathFor(id));
    QString reason;
    if (file.size() > MaxLegacyBytes) {
        reason = tr("it is too large");
    } else if (!file.open(QIODevice::ReadOnly)) {
        loaded.error = tr("The project file %1 could not be opened: %2.")
                           .arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
        return loaded;
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
    if (!loaded.project) {
        keepAside(file.fileName(), reason, access, &loaded);
        return loaded;
    }
    if (access == Access::Owner)
        importLegacy(file.fileName(), &loaded);
    if (drafts == ProjectDatabase::Drafts::Last && loaded.project->drafts.size() > 1)
        loaded.project->drafts = {loaded.project->drafts.constLast()};
    return loaded;
}

void ProjectStore::importLegacy(const QString &file, Loaded *loaded) const
{
    // Imported once: written into its database, the file kept under another name (never deleted).
    const QString id = loaded->project->id;
    QString error;
    if (!save(*loaded->project, &error)) {
        qCWarning(lcNemoProject, "project %s not imported: %s", qUtf8Printable(id), qUtf8Printable(error));
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(pathFor(id) + suffix); // a half-made database must not hide the file next time
        return;                                  // opened from the file; imported on a later open
    }
    QString kept = file + QStringLiteral(".imported");
    if (QFileInfo::exists(kept))
        kept += QDateTime::currentDateTime().toString(QStringLiteral("-yyyyMMdd-HHmmss"));
    if (QFile::rename(file, kept))
        loaded->importedFrom = kept;
    qCInfo(lcNemoProject, "project %s imported into %s", qUtf8Printable(id), qUtf8Printable(pathFor(id)));
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
    ProjectDatabase database(pathFor(project.id));
    if (!database.write(ProjectChange::whole(project)))
        return fail(tr("The project could not be saved: %1.").arg(database.errorString()));
    return true;
}

QList<ProjectStore::Entry> ProjectStore::recent(int max) const
{
    struct File
    {
        QString id;
        QString path;
        QDateTime written;
        bool legacy;
    };
    QList<File> files;
    const QDir folder(m_folder);
    for (const QFileInfo &info : folder.entryInfoList({QLatin1String("*") + DatabaseSuffix}, QDir::Files))
        files.append({info.completeBaseName(), info.filePath(), lastWritten(info.filePath()), false});
    for (const QFileInfo &info : folder.entryInfoList({QLatin1String("*") + LegacySuffix}, QDir::Files)) {
        if (QFileInfo(pathFor(info.completeBaseName())).size() == 0)
            files.append({info.completeBaseName(), info.filePath(), info.lastModified(), true});
    }
    std::stable_sort(files.begin(), files.end(),
                     [](const File &a, const File &b) { return a.written > b.written; });
    QList<Entry> entries;
    for (const File &file : std::as_const(files)) {
        if (entries.size() >= max)
            break;
        if (!isValidId(file.id))
            continue;
        std::optional<Project> project;
        if (!file.legacy) {
            project = ProjectDatabase(file.path).readSummary();
        } else if (QFileInfo(file.path).size() <= MaxLegacyBytes) {
            QFile legacy(file.path);
            if (legacy.open(QIODevice::ReadOnly))
                project = Project::fromJson(QJsonDocument::fromJson(legacy.readAll()).object());
        }
        if (project && project->id == file.id)
            entries.append({file.id, project->displayName(), project->modified});
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
    util::writeWholeFile(m_folder + QStringLiteral("/last"), id.toUtf8());
}

} // namespace nemo::project
