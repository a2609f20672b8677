#include "project/projectwriter.h"

#include "project/projectdatabase.h"
#include "util/replacefile.h"

#include <QDir>
#include <QFileInfo>

namespace nemo::project {

namespace {

// Why a project could not be saved, in plain words: a full or read-only disk said as such (and that the
// work is kept), anything else with the database's own words.
QString describe(const QString &path, const QString &databaseError)
{
    const QString folder = QFileInfo(path).absolutePath();
    const QString why = util::storageProblem(folder);
    if (why.isEmpty())
        return ProjectDatabase::tr("The project could not be saved: %1.").arg(databaseError);
    return ProjectWriter::tr(
               "Nemo Studio can't save to %1: %2. Your work is kept here and saved as soon as it "
               "can be; File → Save a Copy As… keeps it somewhere else.")
        .arg(QDir::toNativeSeparators(folder), why);
}

} // namespace

// Lives on the writer's thread: owns the database connection (a connection belongs to one thread).
class ProjectWriter::Worker : public QObject
{
public:
    void setPath(const QString &path)
    {
        if (m_database && m_database->path() == path)
            return;
        m_database = std::make_unique<ProjectDatabase>(path);
        m_pending = ProjectChange(); // another project: what the last one could not write stays unwritten
        m_error.clear();
    }

    QString write(const ProjectChange &change)
    {
        m_pending.merge(change);
        if (!m_database)
            m_error = ProjectDatabase::tr("No project is open.");
        else if (!m_database->write(m_pending))
            m_error = describe(m_database->path(), m_database->errorString());
        else
            m_pending = ProjectChange();
        if (m_pending.isEmpty())
            m_error.clear();
        return m_error;
    }

    QString unwritten() const { return m_pending.isEmpty() ? QString() : m_error; }
    void stop() { m_database.reset(); }

private:
    std::unique_ptr<ProjectDatabase> m_database;
    ProjectChange m_pending;
    QString m_error;
};

ProjectWriter::ProjectWriter(QObject *parent)
    : QObject(parent)
    , m_worker(new Worker)
{
    m_thread.setObjectName(QStringLiteral("ProjectWriter"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

ProjectWriter::~ProjectWriter()
{
    // After everything queued before it; the connection is closed on the thread it belongs to.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->stop(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker; // its database was closed on its own thread
}

void ProjectWriter::setPath(const QString &path)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, path] { worker->setPath(path); }, Qt::QueuedConnection);
}

void ProjectWriter::write(const ProjectChange &change)
{
    QMetaObject::invokeMethod(
        m_worker,
        [this, worker = m_worker, change] {
            const QString error = worker->write(change);
            // Back on the writer's owner thread, in order.
            QMetaObject::invokeMethod(
                this, [this, error] { emit written(error); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

QString ProjectWriter::wait()
{
    QString error;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, &error] { error = worker->unwritten(); }, Qt::BlockingQueuedConnection);
    return error;
}

} // namespace nemo::project
