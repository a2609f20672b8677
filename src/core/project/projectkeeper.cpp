#include "project/projectkeeper.h"

#include "agent/session.h"
#include "agent/statequery.h"
#include "client/service.h"
#include "client/workspace.h"
#include "edit/handedits.h"
#include "project/projectstore.h"
#include "util/logging.h"
#include "util/replacefile.h"

#include <QDir>
#include <QFile>

namespace nemo::project {

ProjectKeeper::ProjectKeeper(client::Workspace *workspace, ProjectStore *store, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_store(store)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(SaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &ProjectKeeper::post);
    // After a write that failed (a full or read-only disk), tried again now and then: the work is kept
    // in memory meanwhile and saved once there is room.
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setInterval(RetryDelayMs);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (!m_writeFailed)
            return;
        m_dirty = true;
        post();
    });
    connect(&m_writer, &ProjectWriter::written, this, &ProjectKeeper::written);
    watch();
}

ProjectKeeper::~ProjectKeeper()
{
    if (m_ahead.valid())
        m_ahead.wait(); // it reads through this keeper's store
    if (m_dirty || m_writeFailed)
        flush();
    leave();
}

bool ProjectKeeper::neverWritten(const QString &id) const
{
    // The empty file its lock made, and the lock's note left by a process that stopped without letting
    // go (a file emptied by damage has no such note: that is reported and kept aside).
    const QString path = m_store->pathFor(id);
    return QFileInfo(path).size() == 0 && QFile::exists(path + QStringLiteral(".lock")) &&
        !isInUse(id, nullptr);
}

void ProjectKeeper::leave()
{
    const QString id = m_project.id;
    const bool kept = m_onDisk;
    m_lock.reset();
    // Never written (nothing was ever in it): its empty, locked file goes too.
    if (!kept && !m_readOnly && ProjectStore::isValidId(id) && QFileInfo(m_store->pathFor(id)).size() == 0) {
        QFile::remove(m_store->pathFor(id));
        QFile::remove(m_store->pathFor(id) + QStringLiteral(".lock"));
    }
}

namespace {

// Every row from `index` on moved (one was inserted or removed there).
void noteMoved(int *movedFrom, int index)
{
    *movedFrom = *movedFrom < 0 ? index : std::min(*movedFrom, index);
}

// Row `index` was added: only it is new when it is the last one.
void noteAdded(QSet<int> *rows, int *movedFrom, int index, int count)
{
    if (index == count - 1)
        rows->insert(index);
    else
        noteMoved(movedFrom, index);
}

// The changed rows of `list` for a write: every row from `movedFrom`, and the `rows` before it.
template<typename T>
void collect(const QList<T> &list, QSet<int> *rows, int *movedFrom, QMap<int, T> *out, int *count)
{
    if (*movedFrom >= 0) {
        *count = int(list.size());
        for (int i = *movedFrom; i < list.size(); ++i)
            out->insert(i, list.at(i));
    }
    for (int i : std::as_const(*rows)) {
        if (i < list.size())
            out->insert(i, list.at(i));
    }
    rows->clear();
    *movedFrom = -1;
}

} // namespace

void ProjectKeeper::watch()
{
    client::Conversation *chat = m_workspace->conversation();
    // A new message (the user's above all: it goes to the service now) is written at once; text
    // streaming into a message follows within SaveDelayMs.
    connect(chat, &client::Conversation::messageAdded, this, [this, chat](int index) {
        noteAdded(&m_changedMessages, &m_messagesFrom, index, chat->size());
        changed();
        if (m_dirty)
            post();
    });
    connect(chat, &client::Conversation::messageChanged, this, [this](int index) {
        m_changedMessages.insert(index);
        changed();
    });
    connect(chat, &client::Conversation::messageRemoved, this, [this](int index) {
        noteMoved(&m_messagesFrom, index);
        changed();
    });
    connect(chat, &client::Conversation::reset, this, [this] {
        noteMoved(&m_messagesFrom, 0);
        changed();
    });
    media::UploadQueue *uploads = m_workspace->uploads();
    connect(uploads, &media::UploadQueue::added, this, [this, uploads](int first, int last) {
        if (last == uploads->size() - 1) {
            for (int i = first; i <= last; ++i)
                m_changedMedia.insert(i);
        } else {
            noteMoved(&m_mediaFrom, first);
        }
        changed();
    });
    connect(uploads, &media::UploadQueue::changed, this, [this](int index) {
        m_changedMedia.insert(index);
        changed();
    });
    connect(uploads, &media::UploadQueue::removed, this, [this](int index) {
        noteMoved(&m_mediaFrom, index);
        changed();
    });
    connect(uploads, &media::UploadQueue::reset, this, [this] {
        noteMoved(&m_mediaFrom, 0);
        changed();
    });
    connect(m_workspace->service()->session(), &agent::Session::changed, this, &ProjectKeeper::changed);
    connect(m_workspace->service(), &client::Service::stateChanged, this, &ProjectKeeper::noteState);
    connect(m_workspace->handEdits(), &edit::HandEdits::changed, this, [this] {
        if (m_applying)
            return;
        m_editsDirty = true;
        changed();
    });
    connect(m_workspace->exporter(), &render::Exporter::jobIdAssigned, this, &ProjectKeeper::noteExport);
    connect(m_workspace->exporter(), &render::Exporter::changed, this, &ProjectKeeper::noteExport);
}

QString ProjectKeeper::projectName() const
{
    Project project;
    project.name = m_project.name;
    project.title = m_project.title;
    project.messages = m_workspace->conversation()->messages();
    return project.displayName();
}

void ProjectKeeper::rename(const QString &name)
{
    const QString kept = name.simplified().left(200);
    if (m_project.id.isEmpty() || kept == m_project.name)
        return;
    m_project.name = kept;
    changed();
}

bool ProjectKeeper::hasContent() const
{
    return !m_project.name.isEmpty() || !m_project.drafts.isEmpty() || !m_project.renders.isEmpty() ||
        m_workspace->conversation()->size() > 0 || m_workspace->uploads()->size() > 0 ||
        !m_workspace->handEdits()->entries().isEmpty();
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
    return m_workspace->conversation()->userTurns();
}

std::optional<DraftSnapshot> ProjectKeeper::lastDraft() const
{
    if (m_project.drafts.isEmpty())
        return std::nullopt;
    return m_project.drafts.constLast();
}

void ProjectKeeper::noteState(const agent::ProjectState &state)
{
    if (m_applying || m_project.id.isEmpty() || state.draft.isEmpty())
        return;
    // Compared as the service sent it: no JSON is built on this thread.
    if (!m_project.drafts.isEmpty() && m_project.drafts.constLast().draft.bytes() == state.draft.bytes())
        return;
    // One snapshot per turn: a later refresh in the same turn replaces it. Only the latest is kept in
    // memory; every turn's is in the database.
    const DraftSnapshot snapshot{userTurns(), QDateTime::currentDateTime(), state.draft};
    m_project.drafts = {snapshot};
    // Named after its video once the agent titled it (until the user names it).
    if (!state.draft.title().simplified().isEmpty())
        m_project.title = state.draft.title();
    m_newDrafts.insert(snapshot.turn, snapshot);
    changed();
}

QString ProjectKeeper::pendingRender() const
{
    const QString session = m_workspace->service()->session()->info().sessionId;
    const QString server = agent::SessionInfo::serverOf(m_workspace->service()->config().baseUrl);
    for (auto it = m_project.renders.crbegin(); it != m_project.renders.crend(); ++it) {
        if (it->isRunning() && !it->local && (it->sessionId.isEmpty() || it->sessionId == session) &&
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
    m_changedRenders.insert(jobId);
    changed();
}

void ProjectKeeper::noteExport()
{
    const render::Exporter *exporter = m_workspace->exporter();
    const bool local = exporter->engine() == render::Exporter::Engine::Local;
    if (m_applying || m_project.id.isEmpty() || (exporter->jobId().isEmpty() && !local))
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
    // A render on this computer has no job on the service: it is known by when it started.
    const QString id =
        local ? QStringLiteral("local-%1").arg(exporter->startedAt().toMSecsSinceEpoch()) : exporter->jobId();
    const bool known = std::any_of(m_project.renders.cbegin(), m_project.renders.cend(),
                                   [&id](const RenderRecord &r) { return r.jobId == id; });
    noteRender(id, state, exporter->targetPath(), error, exporter->startedAt());
    if (local && !known) {
        for (RenderRecord &record : m_project.renders) {
            if (record.jobId == id)
                record.local = true;
        }
    }
}

void ProjectKeeper::post()
{
    m_saveTimer.stop();
    if (m_project.id.isEmpty() || m_readOnly || !m_dirty)
        return;
    if (!m_onDisk && !hasContent()) {
        m_dirty = false; // nothing to keep yet: no file for an empty project
        return;
    }
    m_onDisk = true;
    // Only what changed, copied (Qt's lists share their data): the writer's thread does the rest.
    ProjectChange change;
    m_project.modified = QDateTime::currentDateTime();
    change.header = ProjectChange::Header{m_project.id,       m_project.name,
                                          m_project.title,    m_project.created,
                                          m_project.modified, m_workspace->service()->session()->info()};
    collect(m_workspace->conversation()->messages(), &m_changedMessages, &m_messagesFrom, &change.messages,
            &change.messageCount);
    collect(m_workspace->uploads()->items(), &m_changedMedia, &m_mediaFrom, &change.media,
            &change.mediaCount);
    change.drafts = std::exchange(m_newDrafts, {});
    for (const RenderRecord &record : std::as_const(m_project.renders)) {
        if (m_changedRenders.contains(record.jobId))
            change.renders.insert(record.jobId, record);
    }
    m_changedRenders.clear();
    if (m_editsDirty) {
        // Rewritten from the first edit that differs from what was written (usually the last one).
        const edit::HandEdits *edits = m_workspace->handEdits();
        QList<QByteArray> now;
        QList<int> turns;
        for (const edit::HandEdits::Entry &entry : edits->entries()) {
            now.append(entry.edit.toJson());
            turns.append(entry.edit.turn);
        }
        int from = 0;
        while (from < now.size() && from < m_savedEdits.size() && now.at(from) == m_savedEdits.at(from))
            ++from;
        change.editsFrom = from;
        change.edits = now.mid(from);
        change.editTurns = turns.mid(from);
        change.editsDone = edits->doneCount();
        change.editsSent = edits->sentCount();
        m_savedEdits = now;
        m_editsDirty = false;
    }
    m_dirty = false;
    ++m_writing;
    m_writer.write(change);
}

void ProjectKeeper::written(const QString &error)
{
    --m_writing;
    if (!error.isEmpty()) {
        m_writeFailed = true;
        report(error);
        m_retryTimer.start();
        return;
    }
    m_writeFailed = false;
    m_lastError.clear();
    if (m_writing == 0 && !m_dirty) {
        qCDebug(lcNemoProject, "saved project %s", qUtf8Printable(m_project.id));
        emit saved();
    }
}

void ProjectKeeper::report(const QString &error)
{
    // Keep the changes pending and say so once; the next change tries again.
    if (error == m_lastError)
        return;
    m_lastError = error;
    m_lastProblem = error;
    emit problem(error);
}

bool ProjectKeeper::flush()
{
    if (m_project.id.isEmpty() || m_readOnly)
        return true;
    if (m_writeFailed)
        m_dirty = true; // retried with the header at least
    post();
    const QString error = m_writer.wait();
    if (!error.isEmpty()) {
        m_writeFailed = true;
        report(error);
        m_retryTimer.start();
        return false;
    }
    m_writeFailed = false;
    m_lastError.clear();
    return true;
}

bool ProjectKeeper::checkWritable()
{
    if (m_project.id.isEmpty() || m_readOnly)
        return true;
    m_dirty = true;
    return flush();
}

bool ProjectKeeper::saveCopy(const QString &path, QString *error)
{
    Project copy = m_project;
    copy.id = Project::newId();
    copy.created = QDateTime::currentDateTime();
    copy.modified = copy.created;
    copy.session = m_workspace->service()->session()->info();
    copy.messages = m_workspace->conversation()->messages();
    copy.media = m_workspace->uploads()->items();
    if (const std::optional<agent::ProjectState> state = m_workspace->service()->lastState();
        state && !state->draft.isEmpty())
        copy.drafts = {DraftSnapshot{userTurns(), QDateTime::currentDateTime(), state->draft}};
    const edit::HandEdits *edits = m_workspace->handEdits();
    copy.handEdits = HandEditLayer();
    for (const edit::HandEdits::Entry &entry : edits->entries())
        copy.handEdits.edits.append(entry.edit);
    copy.handEdits.done = edits->doneCount();
    copy.handEdits.sent = edits->sentCount();
    // Written beside the target, then put in place whole.
    const QString part = path + QStringLiteral(".part");
    QFile::remove(part);
    bool written = false;
    {
        ProjectDatabase database(part);
        written = database.write(ProjectChange::whole(copy));
        if (!written && error)
            *error = tr("%1 could not be written: %2.")
                         .arg(QDir::toNativeSeparators(path), database.errorString());
    }
    for (const char *companion : {"-wal", "-shm"})
        QFile::remove(part + QLatin1String(companion)); // checkpointed on close
    QString problem;
    if (written && !util::replaceFile(part, path, &problem)) {
        written = false;
        if (error)
            *error = problem;
    }
    if (!written)
        QFile::remove(part);
    return written;
}

void ProjectKeeper::noteRestored(const Project &project)
{
    // Opening marks what was running as interrupted (a streaming reply, an upload, a render here):
    // those rows are written back, nothing else.
    const QList<agent::ChatMessage> &messages = m_workspace->conversation()->messages();
    for (int i = 0; i < messages.size() && i < project.messages.size(); ++i) {
        if (messages.at(i).state != project.messages.at(i).state)
            m_changedMessages.insert(i);
    }
    const QList<media::MediaItem> &media = m_workspace->uploads()->items();
    for (int i = 0; i < media.size() && i < project.media.size(); ++i) {
        if (media.at(i).state != project.media.at(i).state)
            m_changedMedia.insert(i);
    }
    for (RenderRecord &record : m_project.renders) {
        if (record.local && record.isRunning()) {
            record.state = RenderRecord::State::Failed;
            record.error = tr("It stopped when Nemo Studio closed. Export again to make it.");
            m_changedRenders.insert(record.jobId);
        }
    }
    if (!m_changedMessages.isEmpty() || !m_changedMedia.isEmpty() || !m_changedRenders.isEmpty()) {
        m_dirty = true;
        m_saveTimer.start();
    }
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
    m_onDisk = QFileInfo(m_store->pathFor(project.id)).size() > 0 ||
        QFile::exists(m_store->legacyPathFor(project.id));
    if (!m_readOnly)
        m_writer.setPath(m_store->pathFor(project.id));
    chat->restore(project.messages);
    m_workspace->uploads()->restore(project.media);
    // The hand edits go over the project's last timeline as soon as it is noted below.
    m_workspace->handEdits()->restore(project.handEdits.edits, project.handEdits.done,
                                      project.handEdits.sent);
    m_savedEdits.clear();
    for (const edit::Edit &edit : project.handEdits.edits)
        m_savedEdits.append(edit.toJson());
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
        state.draft = project.drafts.constLast().draft;
    service->noteState(state);
    // What was just read is on disk already: nothing of it is written again.
    m_changedMessages.clear();
    m_changedMedia.clear();
    m_messagesFrom = m_mediaFrom = -1;
    m_newDrafts.clear();
    m_changedRenders.clear();
    m_applying = false;
    m_dirty = false;
    m_editsDirty = false;
    noteRestored(project);
    if (!project.handEdits.problems.isEmpty()) {
        report(tr("Some of your hand edits in this project could not be read and were left out (%1). The "
                  "others are kept.")
                   .arg(project.handEdits.problems.join(QStringLiteral("; "))));
        m_editsDirty = true; // written back without them, all from the first row
        m_savedEdits.clear();
        m_dirty = true;
        m_saveTimer.start();
    }
    m_nameShown = projectName();
    if (!m_readOnly && m_store->lastProjectId() != project.id)
        m_store->setLastProjectId(project.id); // a synced write: not at every start
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
    // The most recent export on the service that was still running when the app stopped: poll its
    // render again and continue its download where the .part file ends.
    if (const QString pending = pendingRender(); !pending.isEmpty()) {
        for (auto it = m_project.renders.crbegin(); it != m_project.renders.crend(); ++it) {
            if (it->jobId == pending) {
                m_workspace->exporter()->resume(it->jobId, it->targetPath);
                return;
            }
        }
    }
}

bool ProjectKeeper::lock(const QString &id, std::unique_ptr<ProjectLock> *lock, QString *problem) const
{
    ProjectLock::Result result = ProjectLock::Result::Taken;
    *lock = ProjectLock::take(m_store->pathFor(id), &result, problem);
    // A folder that cannot be written at all: the project opens; saving reports the problem and keeps
    // the changes until it can.
    return result != ProjectLock::Result::Held;
}

bool ProjectKeeper::isInUse(const QString &id, QString *problem) const
{
    if (!m_store->exists(id))
        return false;
    QString why;
    std::unique_ptr<ProjectLock> taken;
    const bool inUse = !lock(id, &taken, &why); // taken and let go at once
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
        std::unique_ptr<ProjectLock> taken;
        if (!lock(project.id, &taken, &m_lastProblem))
            return false;
        leave();
        m_lock = std::move(taken);
    }
    apply(project);
    m_dirty = true; // written from now on, header first
    post();
    return true;
}

ProjectKeeper::Reading ProjectKeeper::read(const QString &id) const
{
    Reading reading;
    reading.id = id;
    // No two processes ever write one project: the one that has it open holds its lock.
    if (!m_readOnly && !lock(id, &reading.lock, &reading.problem)) {
        reading.locked = true;
        return reading;
    }
    reading.loaded = m_store->load(id, ProjectDatabase::Drafts::Last,
                                   m_readOnly ? ProjectStore::Access::LookOnly : ProjectStore::Access::Owner);
    if (!reading.loaded.project)
        reading.problem = reading.loaded.error;
    return reading;
}

bool ProjectKeeper::open(Reading reading)
{
    m_lastOpenLocked = reading.locked;
    if (!reading.loaded.project) {
        m_lastProblem = reading.problem;
        emit problem(m_lastProblem);
        return false;
    }
    if (m_dirty)
        flush();
    leave();
    m_lock = std::move(reading.lock); // the previous project's lock goes with it
    apply(*reading.loaded.project);
    // A damaged project recovered on the way: what was kept, said in its chat and to whoever listens.
    if (const QString recovered = reading.loaded.recovered; !recovered.isEmpty()) {
        m_lastProblem = recovered;
        m_workspace->conversation()->addNotice(recovered);
        emit problem(recovered);
    }
    return true;
}

bool ProjectKeeper::open(const QString &id)
{
    if (id == m_project.id)
        return true;
    return open(read(id));
}

void ProjectKeeper::readLastAhead()
{
    if (m_ahead.valid())
        return;
    const QString last = m_store->lastProjectId();
    // An empty file is looked at on this thread (openLast): damaged, or never written.
    if (!m_store->exists(last) || QFileInfo(m_store->pathFor(last)).size() == 0)
        return;
    m_ahead = std::async(std::launch::async, [this, last] { return read(last); });
}

ProjectKeeper::Opened ProjectKeeper::openLast()
{
    const QString last = m_ahead.valid() ? QString() : m_store->lastProjectId();
    // A project the user deleted is not a problem to report, nor one that was never written (the app
    // stopped before anything was in it); a damaged one is.
    const bool empty = !m_ahead.valid() && m_store->exists(last) && neverWritten(last);
    if (!m_ahead.valid() && (!m_store->exists(last) || empty)) {
        if (empty) {
            QFile::remove(m_store->pathFor(last));
            QFile::remove(m_store->pathFor(last) + QStringLiteral(".lock"));
        }
        newProject();
        return Opened::New;
    }
    if (m_ahead.valid() ? open(m_ahead.get()) : open(last))
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
