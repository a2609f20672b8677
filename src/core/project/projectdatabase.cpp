#include "project/projectdatabase.h"

#include "project/projectchange.h"
#include "util/logging.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QVariant>

#include <functional>

namespace nemo::project {

namespace {

const QLatin1String Driver("QSQLITE");
const QLatin1String FormatName("nemo-studio-project");
// "NMOS" in PRAGMA application_id: tells our databases from other SQLite files.
constexpr int ApplicationId = 0x4E4D4F53;

// Each entry brings the schema from the version before it to the next (entry 0 makes version 1).
// Never change a released entry; add one.
const char *const Migrations[] = {
    "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT) WITHOUT ROWID;"
    "CREATE TABLE messages (pos INTEGER PRIMARY KEY, role TEXT NOT NULL, state TEXT NOT NULL, time TEXT,"
    " text TEXT NOT NULL, extra TEXT NOT NULL);"
    "CREATE TABLE media (pos INTEGER PRIMARY KEY, path TEXT, url TEXT, hash TEXT, state TEXT NOT NULL,"
    " item TEXT NOT NULL);"
    "CREATE TABLE drafts (turn INTEGER PRIMARY KEY, time TEXT, draft BLOB NOT NULL);"
    "CREATE TABLE renders (job_id TEXT PRIMARY KEY NOT NULL, engine TEXT NOT NULL, state TEXT NOT NULL,"
    " target TEXT NOT NULL, started TEXT, error TEXT, session TEXT, server TEXT);",
    // 2: hand edits over the agent's drafts, in order (meta edits_done / edits_sent count them).
    "CREATE TABLE hand_edits (pos INTEGER PRIMARY KEY, turn INTEGER NOT NULL, edit BLOB NOT NULL);",
};
static_assert(std::size(Migrations) == ProjectDatabase::SchemaVersion);

QString isoTime(const QDateTime &time)
{
    return time.toString(Qt::ISODateWithMs);
}

QDateTime fromIsoTime(const QVariant &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

// Text for a NOT NULL column: a null QString would be bound as NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject objectFrom(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toByteArray()).object();
}

// SQLite's "this is not (or no longer) a database" codes; anything else may pass (busy, permissions).
bool isDamage(const QSqlError &error)
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    return code == 11 /* SQLITE_CORRUPT */ || code == 26 /* SQLITE_NOTADB */;
}

} // namespace

ProjectDatabase::ProjectDatabase(const QString &path)
    : m_path(path)
{
    static QAtomicInt next;
    m_connection = QStringLiteral("nemo-project-%1").arg(next.fetchAndAddRelaxed(1));
}

ProjectDatabase::~ProjectDatabase()
{
    close();
}

QSqlDatabase ProjectDatabase::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

void ProjectDatabase::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = database();
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool ProjectDatabase::fail(const QSqlError &error, Status status)
{
    m_status = isDamage(error) ? Status::Damaged : status;
    m_error = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    qCWarning(lcNemoProject, "project database %s: %s", qUtf8Printable(QFileInfo(m_path).fileName()),
              qUtf8Printable(error.text()));
    return false;
}

bool ProjectDatabase::connect(bool asIs)
{
    if (QSqlDatabase::contains(m_connection) && database().isOpen())
        return true;
    if (!QSqlDatabase::isDriverAvailable(Driver)) {
        m_status = Status::Unavailable;
        m_error = tr("Qt's SQLite driver (QSQLITE) is not installed");
        return false;
    }
    QSqlDatabase db =
        QSqlDatabase::contains(m_connection) ? database() : QSqlDatabase::addDatabase(Driver, m_connection);
    if (asIs) {
        // Read only, and as an unchanging file (SQLite's immutable): no journal or lock is made.
        db.setDatabaseName(QStringLiteral("file:") + QUrl::fromLocalFile(m_path).path(QUrl::FullyEncoded) +
                           QStringLiteral("?immutable=1"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
    } else {
        db.setDatabaseName(m_path);
        // Another process reading while this one commits waits a moment instead of failing.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    }
    if (!db.open()) {
        m_status = Status::Unavailable;
        m_error = db.lastError().text();
        return false;
    }
    return true;
}

ProjectDatabase::Status ProjectDatabase::checkSchema(bool create)
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next()) {
        fail(query.lastError());
        return m_status;
    }
    const int applicationId = query.value(0).toInt();
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        fail(query.lastError());
        return m_status;
    }
    const int version = query.value(0).toInt();
    query.finish();
    if (applicationId != ApplicationId && !(applicationId == 0 && version == 0)) {
        m_error = tr("it is not a Nemo Studio project");
        return m_status = Status::Damaged;
    }
    if (version > SchemaVersion) {
        m_error = tr("it was saved by a newer version of Nemo Studio");
        return m_status = Status::Newer;
    }
    if (version == 0 && !create) {
        m_error = tr("it is empty or incomplete");
        return m_status = Status::Damaged;
    }
    m_schemaFrom = version < SchemaVersion ? version : -1;
    if (version == 0) {
        // A new database. WAL: a commit appends to the journal, readers are never blocked, and a killed
        // process leaves the last committed transaction (recovered by the next one to open the file).
        // Its schema is made in the same transaction as its first contents, so nobody ever sees a
        // project database without a project in it.
        QSqlQuery query(database());
        if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL"))) {
            fail(query.lastError());
            return m_status;
        }
    } else if (m_schemaFrom > 0) {
        QSqlDatabase db = database();
        if (!db.transaction()) {
            fail(db.lastError());
            return m_status;
        }
        if (!migrate() || !db.commit()) {
            if (m_error.isEmpty())
                fail(db.lastError());
            db.rollback();
            return m_status;
        }
    }
    return m_status = Status::Ok;
}

bool ProjectDatabase::migrate()
{
    if (m_schemaFrom < 0)
        return true;
    QSqlQuery query(database());
    for (int version = m_schemaFrom; version < SchemaVersion; ++version) {
        const QStringList statements =
            QString::fromLatin1(Migrations[version]).split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (const QString &statement : statements) {
            if (!query.exec(statement))
                return fail(query.lastError());
        }
    }
    if (!query.exec(QStringLiteral("PRAGMA application_id = %1").arg(ApplicationId)) ||
        !query.exec(QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion)))
        return fail(query.lastError());
    qCDebug(lcNemoProject, "project database %s: schema %d -> %d",
            qUtf8Printable(QFileInfo(m_path).fileName()), m_schemaFrom, SchemaVersion);
    m_schemaFrom = -1; // (in the transaction being made: set back if it is rolled back)
    return true;
}

ProjectDatabase::Status ProjectDatabase::open()
{
    if (!QFileInfo::exists(m_path)) {
        m_error = tr("the file is missing");
        return m_status = Status::Missing;
    }
    if ((!connect() || checkSchema(false) != Status::Ok) && m_status == Status::Unavailable) {
        // A folder that can't be written (read-only, a full disk) keeps SQLite from opening its
        // journal: the file is read as it is, without one.
        close();
        if (!connect(true))
            return m_status;
        m_openedAsIs = true;
        if (checkSchema(false) != Status::Ok)
            return m_status;
    } else if (m_status != Status::Ok && m_status != Status::Missing) {
        return m_status;
    }
    Project project;
    if (!readMeta(&project))
        return m_status;
    return m_status;
}

bool ProjectDatabase::openForWriting()
{
    if (m_status == Status::Ok && QSqlDatabase::contains(m_connection) && database().isOpen())
        return true;
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder)) {
        m_status = Status::Unavailable;
        m_error = tr("the folder %1 could not be created").arg(QDir::toNativeSeparators(folder));
        return false;
    }
    if (!connect())
        return false;
    if (checkSchema(true) != Status::Ok) {
        close();
        return false;
    }
    QSqlQuery query(database());
    // Durable against a killed process at every commit; against power loss up to the last checkpoint.
    if (!query.exec(QStringLiteral("PRAGMA synchronous=NORMAL")))
        return fail(query.lastError());
    return true;
}

bool ProjectDatabase::readMeta(Project *project)
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT key, value FROM meta")))
        return fail(query.lastError(), Status::Damaged);
    QString format;
    while (query.next()) {
        const QString key = query.value(0).toString();
        const QVariant value = query.value(1);
        if (key == QLatin1String("format"))
            format = value.toString();
        else if (key == QLatin1String("id"))
            project->id = value.toString();
        else if (key == QLatin1String("name"))
            project->name = value.toString().left(200);
        else if (key == QLatin1String("title"))
            project->title = value.toString().left(200);
        else if (key == QLatin1String("created"))
            project->created = fromIsoTime(value);
        else if (key == QLatin1String("modified"))
            project->modified = fromIsoTime(value);
        else if (key == QLatin1String("session"))
            project->session = agent::SessionInfo::fromJson(objectFrom(value));
        else if (key == QLatin1String("edits_done"))
            project->handEdits.done = qMax(0, value.toInt());
        else if (key == QLatin1String("edits_sent"))
            project->handEdits.sent = qMax(0, value.toInt());
    }
    if (format != FormatName) {
        m_status = Status::Damaged;
        m_error = tr("it is incomplete");
        return false;
    }
    return true;
}

std::optional<Project> ProjectDatabase::readSummary()
{
    Project project;
    if (open() != Status::Ok || !readMeta(&project))
        return std::nullopt;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(
            QStringLiteral("SELECT extra, text FROM messages WHERE role = 'user' ORDER BY pos LIMIT 1"))) {
        fail(query.lastError(), Status::Damaged);
        return std::nullopt;
    }
    if (query.next()) {
        QJsonObject object = objectFrom(query.value(0));
        object.insert(QStringLiteral("text"), query.value(1).toString());
        project.messages.append(agent::ChatMessage::fromJson(object));
    }
    return project;
}

std::optional<Project> ProjectDatabase::read(Drafts drafts)
{
    Project project;
    m_salvageStopped.clear();
    m_salvaged.reset();
    if (open() != Status::Ok || !readMeta(&project))
        return std::nullopt;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    // Each table to its end; a table that can't be read (to its end) is damage. In salvage mode the
    // other tables are still read, and what was read is kept.
    QStringList damaged;
    auto table = [&](const QString &sql, const QString &what, const std::function<void()> &row) {
        if (!query.exec(sql)) {
            fail(query.lastError(), Status::Damaged);
            damaged.append(what);
            return m_salvage;
        }
        while (query.next())
            row();
        if (query.lastError().isValid()) {
            fail(query.lastError(), Status::Damaged);
            damaged.append(what);
            return m_salvage;
        }
        return true;
    };
    const bool whole =
        table(QStringLiteral("SELECT extra, text FROM messages ORDER BY pos"), tr("its messages"),
              [&] {
                  QJsonObject object = objectFrom(query.value(0));
                  object.insert(QStringLiteral("text"), query.value(1).toString());
                  project.messages.append(agent::ChatMessage::fromJson(object));
              }) &&
        table(QStringLiteral("SELECT item FROM media ORDER BY pos"), tr("its media bin"),
              [&] { project.media.append(media::MediaItem::fromJson(objectFrom(query.value(0)))); }) &&
        table(drafts == Drafts::Last
                  ? QStringLiteral("SELECT turn, time, draft FROM drafts ORDER BY turn DESC LIMIT 1")
                  : QStringLiteral("SELECT turn, time, draft FROM drafts ORDER BY turn"),
              tr("its timelines"),
              [&] {
                  project.drafts.append(DraftSnapshot{query.value(0).toInt(), fromIsoTime(query.value(1)),
                                                      draft::Draft::fromBytes(query.value(2).toByteArray())});
              }) &&
        table(QStringLiteral("SELECT job_id, engine, state, target, started, error, session, server "
                             "FROM renders ORDER BY started, rowid"),
              tr("its exports"), [&] {
                  RenderRecord record;
                  record.jobId = query.value(0).toString();
                  record.local = query.value(1).toString() == QLatin1String("local");
                  record.state = RenderRecord::stateFromName(query.value(2).toString());
                  record.targetPath = query.value(3).toString();
                  record.startedAt = fromIsoTime(query.value(4));
                  record.error = query.value(5).toString();
                  record.sessionId = query.value(6).toString();
                  record.server = query.value(7).toString();
                  if (!record.jobId.isEmpty() && !record.targetPath.isEmpty())
                      project.renders.append(record);
              });
    // A stored edit that can't be read is left out (and told); the ones after it keep their places.
    HandEditLayer &layer = project.handEdits;
    const int done = layer.done;
    const int sent = layer.sent;
    if (whole)
        table(QStringLiteral("SELECT pos, edit FROM hand_edits ORDER BY pos"), tr("its hand edits"), [&] {
            const int position = query.value(0).toInt();
            QString problem;
            const std::optional<edit::Edit> edit =
                edit::Edit::fromJson(query.value(1).toByteArray(), &problem);
            if (edit) {
                layer.edits.append(*edit);
                return;
            }
            layer.problems.append(problem);
            if (position < done)
                --layer.done;
            if (position < sent)
                --layer.sent;
        });
    layer.done = qBound(0, layer.done, int(layer.edits.size()));
    layer.sent = qBound(0, layer.sent, layer.done);
    if (!damaged.isEmpty()) {
        m_salvageStopped = damaged.join(QStringLiteral(", "));
        m_error = tr("%1 could not be read (%2)").arg(m_salvageStopped, m_error);
        if (m_salvage)
            m_salvaged = std::move(project);
        return std::nullopt;
    }
    return project;
}

bool ProjectDatabase::isIntact()
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("PRAGMA quick_check(1)")) || !query.next()) {
        fail(query.lastError(), Status::Damaged);
        return false;
    }
    const QString answer = query.value(0).toString();
    if (answer == QLatin1String("ok"))
        return true;
    m_status = Status::Damaged;
    m_error = answer;
    return false;
}

bool ProjectDatabase::write(const ProjectChange &change)
{
    if (!openForWriting())
        return false;
    QSqlDatabase db = database();
    if (!db.transaction())
        return fail(db.lastError());
    const int schemaFrom = m_schemaFrom;
    if (!migrate()) {
        db.rollback();
        return false;
    }
    QSqlQuery query(db);
    auto run = [this, &db, &query, schemaFrom](std::initializer_list<QVariant> values) {
        int index = 0;
        for (const QVariant &value : values)
            query.bindValue(index++, value);
        if (query.exec())
            return true;
        fail(query.lastError());
        db.rollback();
        m_schemaFrom = schemaFrom;
        return false;
    };
    if (change.header) {
        const ProjectChange::Header &h = *change.header;
        const std::pair<const char *, QVariant> rows[] = {
            {"format", FormatName},
            {"id", h.id},
            {"name", h.name},
            {"title", h.title},
            {"created", isoTime(h.created)},
            {"modified", isoTime(h.modified)},
            {"session", compact(h.session.toJson())},
        };
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
        for (const auto &[key, value] : rows) {
            if (!run({QString::fromLatin1(key), value}))
                return false;
        }
    }
    if (change.messageCount >= 0) {
        query.prepare(QStringLiteral("DELETE FROM messages WHERE pos >= ?"));
        if (!run({change.messageCount}))
            return false;
    }
    if (!change.messages.isEmpty()) {
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO messages (pos, role, state, time, text, extra) "
                                     "VALUES (?, ?, ?, ?, ?, ?)"));
        for (auto it = change.messages.cbegin(); it != change.messages.cend(); ++it) {
            const agent::ChatMessage &m = it.value();
            QJsonObject extra = m.toJson();
            extra.remove(QStringLiteral("text")); // in its own column
            if (!run({it.key(), agent::ChatMessage::roleName(m.role), agent::ChatMessage::stateName(m.state),
                      isoTime(m.time), text(m.text), compact(extra)}))
                return false;
        }
    }
    if (change.mediaCount >= 0) {
        query.prepare(QStringLiteral("DELETE FROM media WHERE pos >= ?"));
        if (!run({change.mediaCount}))
            return false;
    }
    if (!change.media.isEmpty()) {
        query.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO media (pos, path, url, hash, state, item) VALUES (?, ?, ?, ?, ?, ?)"));
        for (auto it = change.media.cbegin(); it != change.media.cend(); ++it) {
            const media::MediaItem &m = it.value();
            if (!run({it.key(), m.path, m.url.toString(), m.uploaded.hash,
                      media::MediaItem::stateName(m.state), compact(m.toJson())}))
                return false;
        }
    }
    if (!change.drafts.isEmpty()) {
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO drafts (turn, time, draft) VALUES (?, ?, ?)"));
        for (const DraftSnapshot &snapshot : change.drafts) {
            if (!run({snapshot.turn, isoTime(snapshot.time), snapshot.draft.bytes()}))
                return false;
        }
    }
    if (!change.renders.isEmpty()) {
        query.prepare(
            QStringLiteral("INSERT OR REPLACE INTO renders (job_id, engine, state, target, started, "
                           "error, session, server) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const RenderRecord &r : change.renders) {
            if (!run({text(r.jobId), r.local ? QStringLiteral("local") : QStringLiteral("cloud"),
                      RenderRecord::stateName(r.state), text(r.targetPath), isoTime(r.startedAt), r.error,
                      r.sessionId, r.server}))
                return false;
        }
    }
    if (change.editsFrom >= 0) {
        query.prepare(QStringLiteral("DELETE FROM hand_edits WHERE pos >= ?"));
        if (!run({change.editsFrom}))
            return false;
        query.prepare(QStringLiteral("INSERT INTO hand_edits (pos, turn, edit) VALUES (?, ?, ?)"));
        for (int i = 0; i < int(change.edits.size()); ++i) {
            if (!run({change.editsFrom + i, change.editTurns.value(i), change.edits.at(i)}))
                return false;
        }
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
        if (!run({QStringLiteral("edits_done"), change.editsDone}) ||
            !run({QStringLiteral("edits_sent"), change.editsSent}))
            return false;
    }
    if (!db.commit()) {
        m_schemaFrom = schemaFrom;
        return fail(db.lastError());
    }
    return true;
}

} // namespace nemo::project
