#include "project/projectkeeper.h"

#include "agent/session.h"
#include "agent/statequery.h"
#include "client/service.h"
#include "client/workspace.h"
#include "project/projectstore.h"
#include "util/logging.h"

#include <QDir>
#include <QFile>
#include <QLockFile>

namespace nemo::project {

ProjectKeeper::ProjectKeeper(client::Workspace *workspace, ProjectStore *store, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_store(store)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(SaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &ProjectKeeper::flush);
    watch();
}

ProjectKeeper::~ProjectKeeper()
{
    if (m_dirty)
        flush();
}

void ProjectKeeper::watch()
{
    client::Conversation *chat = m_workspace->conversation();
    // A new message (the user's above all: it goes to the service now) is written at once; text
    // streaming into a message follows within SaveDelayMs.
    connect(chat, &client::Conversation::messageAdded, this, [this] {
        changed();
        if (m_dirty)
            flush();
    });
    connect(chat, &client::Conversation::messageChanged, this, &ProjectKeeper::changed);
    connect(chat, &client::Conversation::messageRemoved, this, &ProjectKeeper::changed);
    connect(chat, &client::Conversation::reset, this, &ProjectKeeper::changed);
    media::UploadQueue *uploads = m_workspace->uploads();
    connect(uploads, &media::UploadQueue::added, this, &ProjectKeeper::changed);
    connect(uploads, &media::UploadQueue::changed, this, &ProjectKeeper::changed);
    connect(uploads, &media::UploadQueue::removed, this, &ProjectKeeper::changed);
    connect(uploads, &media::UploadQueue::reset, this, &ProjectKeeper::changed);
    connect(m_workspace->service()->session(), &agent::Session::changed, this, &ProjectKeeper::changed);
    connect(m_workspace->service(), &client::Service::stateChanged, this, &ProjectKeeper::noteState);
    connect(m_workspace->exporter(), &render::Exporter::jobIdAssigned, this, &ProjectKeeper::noteExport);
    connect(m_workspace->exporter(), &render::Exporter::changed, this, &ProjectKeeper::noteExport);
}

QString ProjectKeeper::projectName() const
{
    Project project;
    project.name = m_project.name;
    project.messages = m_workspace->conversation()->messages();
    return project.displayName();
}

void ProjectKeeper::changed()
{
    if (m_applying || m_project.id.isEmpty())
        return;
    m_dirty = true;
    // Not restarted by later changes: a reply streaming for minutes is still saved every SaveDelayMs.
    if (!m_saveTimer.isActive())
        m_saveTimer.start();
    const QString name = projectName();
    if (name != m_nameShown) {
        m_nameShown = name;
        emit projectChanged();
    }
}

int ProjectKeeper::userTurns() const
{
    int turns = 0;
    for (const agent::ChatMessage &message : m_workspace->conversation()->messages())
        turns += message.role == agent::ChatMessage::Role::User ? 1 : 0;
    return turns;
}

void ProjectKeeper::noteState(const agent::ProjectState &state)
{
    if (m_applying || m_project.id.isEmpty() || state.draft.isEmpty())
        return;
    const QJsonObject draft = state.draft.toJson();
    if (!m_project.drafts.isEmpty() && m_project.drafts.constLast().draft == draft)
        return;
    const int turn = userTurns();
    // One snapshot per turn: a later refresh in the same turn replaces it.
    if (!m_project.drafts.isEmpty() && m_project.drafts.constLast().turn == turn)
        m_project.drafts.removeLast();
    m_project.drafts.append({turn, QDateTime::currentDateTime(), draft});
    changed();
}

QString ProjectKeeper::pendingRender() const
{
    const QString session = m_workspace->service()->session()->info().sessionId;
    const QString server = agent::SessionInfo::serverOf(m_workspace->service()->config().baseUrl);
    for (auto it = m_project.renders.crbegin(); it != m_project.renders.crend(); ++it) {
        if (it->isRunning() && (it->sessionId.isEmpty() || it->sessionId == session) &&
            (it->server.isEmpty() || it->server == server))
            return it->jobId;
    }
    return {};
}

void ProjectKeeper::noteRender(const QString &jobId, RenderRecord::State state, const QString &targetPath,
                               const QString &error, const QDateTime &startedAt)
{
    if (m_applying || m_project.id.isEmpty() || jobId.isEmpty())
        return;
    auto it = std::find_if(m_project.renders.begin(), m_project.renders.end(),
                           [&](const RenderRecord &r) { return r.jobId == jobId; });
    if (it == m_project.renders.end()) {
        RenderRecord record;
        record.jobId = jobId;
        record.startedAt = startedAt.isValid() ? startedAt : QDateTime::currentDateTime();
        record.sessionId = m_workspace->service()->session()->info().sessionId;
        record.server = agent::SessionInfo::serverOf(m_workspace->service()->config().baseUrl);
        m_project.renders.append(record);
        it = std::prev(m_project.renders.end());
    }
    const QString target = targetPath.isEmpty() ? it->targetPath : targetPath;
    if (it->state == state && it->targetPath == target && it->error == error)
        return; // progress only: nothing a restart needs
    it->state = state;
    it->targetPath = target;
    it->error = error;
    changed();
}

void ProjectKeeper::noteExport()
{
    const render::Exporter *exporter = m_workspace->exporter();
    if (m_applying || m_project.id.isEmpty() || exporter->jobId().isEmpty())
        return;
    RenderRecord::State state = RenderRecord::State::Rendering;
    switch (exporter->phase()) {
    case render::Exporter::Phase::Idle:
        return;
    case render::Exporter::Phase::Rendering:
        state = RenderRecord::State::Rendering;
        break;
    case render::Exporter::Phase::Downloading:
        state = RenderRecord::State::Downloading;
        break;
    case render::Exporter::Phase::Done:
        state = RenderRecord::State::Done;
        break;
    case render::Exporter::Phase::Failed:
        state = RenderRecord::State::Failed;
        break;
    case render::Exporter::Phase::Cancelled:
        state = RenderRecord::State::Cancelled;
        break;
    }
    const QString error = state == RenderRecord::State::Failed ? exporter->error().message() : QString();
    noteRender(exporter->jobId(), state, exporter->targetPath(), error, exporter->startedAt());
}

bool ProjectKeeper::flush()
{
    m_saveTimer.stop();
    if (m_project.id.isEmpty() || m_readOnly)
        return true;
    Project project = m_project;
    project.modified = QDateTime::currentDateTime();
    project.session = m_workspace->service()->session()->info();
    project.messages = m_workspace->conversation()->messages();
    project.media = m_workspace->uploads()->items();
    QString error;
    if (!m_store->save(project, &error)) {
        // Keep the changes pending and say so once; the next change tries again.
        m_dirty = true;
        if (error != m_lastError) {
            m_lastError = error;
            m_lastProblem = error;
            emit problem(error);
        }
        return false;
    }
    m_project.modified = project.modified;
    qCDebug(lcNemoProject, "saved project %s (%d messages)", qUtf8Printable(project.id),
            int(project.messages.size()));
    m_lastError.clear();
    m_dirty = false;
    emit saved();
    return true;
}

void ProjectKeeper::apply(const Project &project)
{
    m_saveTimer.stop();
    m_applying = true;
    client::Conversation *chat = m_workspace->conversation();
    if (chat->isBusy())
        chat->stop();
    m_workspace->exporter()->detach();
    m_project = project;
    chat->restore(project.messages);
    m_workspace->uploads()->restore(project.media);
    client::Service *service = m_workspace->service();
    if (!project.session.belongsTo(service->config().baseUrl)) {
        // Made on another server: this one does not know it; the next request makes a new session here.
        service->session()->clear();
    } else if (project.session.isValid() && project.session.language.isEmpty()) {
        agent::SessionInfo info = project.session;
        info.language = service->config().language;
        service->session()->restore(info);
    } else if (project.session.isValid()) {
        service->session()->restore(project.session);
    } else {
        service->session()->clear();
    }
    // The timeline as it was last seen, until the service answers with the current one.
    agent::ProjectState state;
    state.sessionId = project.session.sessionId;
    state.taskId = project.session.taskId;
    if (!project.drafts.isEmpty())
        state.draft = draft::Draft::fromJson(QJsonValue(project.drafts.constLast().draft));
    service->noteState(state);
    m_applying = false;
    m_dirty = false;
    m_nameShown = projectName();
    if (!m_readOnly)
        m_store->setLastProjectId(project.id);
    emit projectChanged();
    if (m_resumesExports)
        resumeExport();
    // At start the app connects once everything is set up; later switches reconnect here, which
    // also brings the timeline up to date.
    if (m_workspace->connection() != client::Workspace::Connection::SettingUp)
        m_workspace->connectToService();
}

void ProjectKeeper::resumeExport()
{
    // The most recent export that was still running when the app stopped: poll its render again and
    // continue its download where the .part file ends.
    if (const QString pending = pendingRender(); !pending.isEmpty()) {
        for (auto it = m_project.renders.crbegin(); it != m_project.renders.crend(); ++it) {
            if (it->jobId == pending) {
                m_workspace->exporter()->resume(it->jobId, it->targetPath);
                return;
            }
        }
    }
}

std::unique_ptr<QLockFile> ProjectKeeper::lock(const QString &id, QString *problem) const
{
    QDir().mkpath(m_store->folder());
    auto lock = std::make_unique<QLockFile>(m_store->pathFor(id) + QStringLiteral(".lock"));
    // Never stale by age (a project stays open for days); a lock whose process is gone is stale and
    // taken over (a crash, a kill).
    lock->setStaleLockTime(0);
    if (lock->tryLock(0))
        return lock;
    if (lock->error() != QLockFile::LockFailedError) {
        // The folder cannot be written at all: nobody can save there, so there is nobody to keep out.
        // The project opens; saving reports the problem and keeps the changes until it can.
        return std::make_unique<QLockFile>(QString());
    }
    qint64 pid = 0;
    QString host;
    QString program;
    lock->getLockInfo(&pid, &host, &program);
    *problem = tr("This project is open in %1 (process %2). Close it there first; your work there is kept.")
                   .arg(program.isEmpty() ? tr("another program") : program)
                   .arg(pid);
    return nullptr;
}

bool ProjectKeeper::isInUse(const QString &id, QString *problem) const
{
    if (!ProjectStore::isValidId(id) || !QFile::exists(m_store->pathFor(id)))
        return false;
    QString why;
    const bool inUse = !lock(id, &why); // taken and let go at once
    if (inUse && problem)
        *problem = why;
    return inUse;
}

bool ProjectKeeper::newProject()
{
    if (m_dirty)
        flush();
    Project project;
    project.id = Project::newId();
    project.created = QDateTime::currentDateTime();
    project.modified = project.created;
    if (!m_readOnly) {
        std::unique_ptr<QLockFile> taken = lock(project.id, &m_lastProblem);
        if (!taken)
            return false;
        m_lock = std::move(taken);
    }
    apply(project);
    flush();
    return true;
}

bool ProjectKeeper::open(const QString &id)
{
    if (id == m_project.id)
        return true;
    m_lastOpenLocked = false;
    // No two processes ever write one project: the one that has it open holds its lock.
    std::unique_ptr<QLockFile> taken;
    if (!m_readOnly) {
        taken = lock(id, &m_lastProblem);
        if (!taken) {
            m_lastOpenLocked = true;
            emit problem(m_lastProblem);
            return false;
        }
    }
    const ProjectStore::Loaded loaded = m_store->load(id);
    if (!loaded.project) {
        m_lastProblem = loaded.error;
        emit problem(loaded.error);
        return false;
    }
    if (m_dirty)
        flush();
    if (taken)
        m_lock = std::move(taken); // the previous project's lock goes with it
    apply(*loaded.project);
    return true;
}

ProjectKeeper::Opened ProjectKeeper::openLast()
{
    const QString last = m_store->lastProjectId();
    // A project the user deleted is not a problem to report; a damaged one is.
    if (last.isEmpty() || !QFile::exists(m_store->pathFor(last))) {
        newProject();
        return Opened::New;
    }
    if (open(last))
        return Opened::Last;
    const Opened why = m_lastOpenLocked ? Opened::LastInUse : Opened::LastUnreadable;
    const QString problem = m_lastProblem;
    newProject();
    // Said in the new project's chat too, so it is not missed (and stays on record).
    m_workspace->conversation()->addNotice(problem);
    m_lastProblem = problem;
    return why;
}

} // namespace nemo::project
