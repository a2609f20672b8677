#pragma once

#include "project/project.h"
#include "project/projectlock.h"
#include "project/projectstore.h"
#include "project/projectwriter.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <future>
#include <memory>

namespace nemo::agent {
struct ProjectState;
} // namespace nemo::agent

namespace nemo::client {
class Workspace;
} // namespace nemo::client

namespace nemo::project {

// Keeps the workspace's project in its database: every change to the chat, the media bin, the session,
// the timeline or an export is written within SaveDelayMs (a new message at once), and what is left on
// flush() when the app quits. Only what changed is written — the message a chunk streamed into, the
// snapshot of the turn — on the ProjectWriter's thread, never on the caller's. Opening a project
// restores all of it: messages that were streaming and uploads that were running show as interrupted
// (nothing is sent again), and an export that was running is picked up again — its render polled, its
// download resumed.
class ProjectKeeper : public QObject
{
    Q_OBJECT
public:
    static constexpr int SaveDelayMs = 200;
    static constexpr int RetryDelayMs = 10000; // after a failed write (a full or read-only disk)

    ProjectKeeper(client::Workspace *workspace, ProjectStore *store, QObject *parent = nullptr);
    ~ProjectKeeper() override;

    ProjectStore *store() const { return m_store; }
    QString projectId() const { return m_project.id; }
    QString projectName() const;
    // File → Rename Project…: the user's own name from now on (empty: named after its video again).
    void rename(const QString &name);
    QString projectPath() const { return m_store->pathFor(m_project.id); }
    // The timeline as it stood after the latest turn, if there was one.
    std::optional<DraftSnapshot> lastDraft() const;
    const QList<RenderRecord> &renders() const { return m_project.renders; }
    QList<ProjectStore::Entry> recent() const { return m_store->recent(); }
    // Changes not yet known to be on disk.
    bool hasUnsavedChanges() const { return m_dirty || m_writing > 0 || m_writeFailed; }
    // Whether opening a project picks up its unfinished export (the window does; nemo-cli only on
    // `export --resume`).
    void setResumesExports(bool resumes) { m_resumesExports = resumes; }
    // The newest export of this project still rendering or downloading, if any.
    QString pendingRender() const;
    // Records an export run by someone other than the workspace's exporter (nemo-cli's).
    void noteRender(const QString &jobId, RenderRecord::State state, const QString &targetPath = QString(),
                    const QString &error = QString(), const QDateTime &startedAt = QDateTime());
    // What went wrong last (for a person).
    QString lastProblem() const { return m_lastProblem; }

    // Starts a fresh project (the current one is saved first).
    // False (lastProblem() says why) when its lock cannot be taken.
    bool newProject();
    // Opens a saved project; false (and problem()) when it cannot be read — the current one stays.
    bool open(const QString &id);
    // At start: the project used last, else a new one. A damaged last project is reported and kept aside.
    enum class Opened
    {
        Last,           // the last project
        New,            // there was none: a new one
        LastInUse,      // another process has the last one open: a new one, and lastProblem() says so
        LastUnreadable, // the last one is damaged (kept aside): a new one, and lastProblem() says so
    };
    Opened openLast();
    // Starts reading the last project (taking its lock) on another thread, for openLast() to find it
    // read: at start, while the window is being built.
    void readLastAhead();
    // Whether another process has this project open (its lock is held); `problem` says so for a person.
    bool isInUse(const QString &id, QString *problem = nullptr) const;
    // Reads projects without ever writing them or taking their lock (nemo-cli's commands that only look).
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    // The whole project as it stands (its messages, media bin, timeline and hand edits) written to `path`
    // as a new project of its own: File → Save a Copy As…, when the projects folder can't be written.
    bool saveCopy(const QString &path, QString *error);
    // Writes the project's header and waits: whether the project can be saved at all (a full or
    // read-only disk says no, and problem() why).
    bool checkWritable();
    // Whether the last write failed (the changes are kept and written again).
    bool isUnsaved() const { return m_writeFailed; }
    // Writes what changed and waits until it is on disk; false when it could not (problem() says why).
    bool flush();

signals:
    // Another project was opened or started, or the project's name changed.
    void projectChanged();
    void saved();
    // Something went wrong with the project files; for the user.
    void problem(const QString &message);

private:
    // A project read from its database, with its lock taken; or why it could not be.
    struct Reading
    {
        QString id;
        std::unique_ptr<ProjectLock> lock; // none when the folder cannot be written at all
        ProjectStore::Loaded loaded;
        QString problem;     // for a person
        bool locked = false; // another process holds its lock
    };
    // The project's lock; false (and why) when another process holds it. `lock` stays empty when the
    // folder cannot be written at all (nobody can save there, so there is nobody to keep out).
    bool lock(const QString &id, std::unique_ptr<ProjectLock> *lock, QString *problem) const;
    // Only reads files (any thread); open() makes what was read the open project.
    Reading read(const QString &id) const;
    bool open(Reading reading);
    void watch();
    void changed();
    void post();
    void written(const QString &error);
    void report(const QString &error);
    void noteRestored(const Project &project);
    void apply(const Project &project);
    void noteState(const agent::ProjectState &state);
    void noteExport();
    void resumeExport();
    int userTurns() const;

    client::Workspace *m_workspace;
    ProjectStore *m_store;
    Project m_project; // id, name, times, the last snapshot and renders; the rest lives in the workspace
    ProjectWriter m_writer;
    QTimer m_saveTimer;
    QTimer m_retryTimer;
    // What changed since the last write: rows by position, and the first position from which every row
    // moved (-1: none).
    QSet<int> m_changedMessages;
    QSet<int> m_changedMedia;
    int m_messagesFrom = -1;
    int m_mediaFrom = -1;
    QMap<int, DraftSnapshot> m_newDrafts;
    QSet<QString> m_changedRenders;
    QList<QByteArray> m_savedEdits; // the hand edits as last written
    bool m_editsDirty = false;
    int m_writing = 0; // changes given to the writer and not yet written
    bool m_writeFailed = false;
    QString m_nameShown;
    bool m_dirty = false;
    // Whether the project has a file: a new one gets its file with its first content (an empty project
    // is never kept, so none piles up in Open Recent).
    bool m_onDisk = false;
    bool hasContent() const;
    // Lets go of the open project (its lock; its file too when it was never written).
    void leave();
    // Its file is only the empty one its lock made, left by a process that stopped.
    bool neverWritten(const QString &id) const;
    bool m_applying = false;
    bool m_resumesExports = true;
    bool m_readOnly = false;
    bool m_lastOpenLocked = false;
    std::unique_ptr<ProjectLock> m_lock; // of the open project, held while it is open
    std::future<Reading> m_ahead;        // the last project, read on another thread
    QString m_lastError;
    QString m_lastProblem;
};

} // namespace nemo::project
