#pragma once

#include "agent/chatmessage.h"
#include "agent/sessioninfo.h"
#include "media/mediaitem.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace nemo::project {

// The timeline as it stood after one turn.
struct DraftSnapshot
{
    int turn = 0; // how many messages the user had sent when it was taken
    QDateTime time;
    QJsonObject draft;
};

// An export the project started: the render job on the service and where its file goes.
struct RenderRecord
{
    enum class State
    {
        Rendering,
        Downloading,
        Done,
        Failed,
        Cancelled
    };

    QString jobId;
    State state = State::Rendering;
    QString targetPath;
    QDateTime startedAt;
    QString error;
    // The session and server it was made in: a render job is only known there.
    QString sessionId;
    QString server;

    bool isRunning() const { return state == State::Rendering || state == State::Downloading; }
    static QString stateName(State state);
};

// Everything that is the user's work: the service session, the chat, the media bin, the timeline after
// each turn and the exports. Never holds a token or any other secret.
struct Project
{
    static constexpr int FormatVersion = 1;

    QString id;
    QString name;
    QDateTime created;
    QDateTime modified;
    agent::SessionInfo session;
    QList<agent::ChatMessage> messages;
    QList<media::MediaItem> media;
    QList<DraftSnapshot> drafts;
    QList<RenderRecord> renders;

    // "Brand video" from the first thing the user asked for, else "Untitled project".
    QString displayName() const;
    QJsonObject toJson() const;
    // Null with `error` set when the object is not a project this version can read.
    static std::optional<Project> fromJson(const QJsonObject &object, QString *error = nullptr);
    static QString newId();
};

// The projects on disk: one JSON file each under the platform's app-data folder, written atomically
// (QSaveFile), so a crash at any moment leaves either the old or the new file. A file that cannot be
// read is never overwritten: it is renamed aside and reported.
class ProjectStore
{
    Q_DECLARE_TR_FUNCTIONS(nemo::project::ProjectStore)
public:
    struct Entry
    {
        QString id;
        QString name;
        QDateTime modified;
    };
    struct Loaded
    {
        std::optional<Project> project;
        QString error;     // for a person
        QString keptAside; // where an unreadable file was moved
    };

    // Default: <AppDataLocation>/projects.
    explicit ProjectStore(const QString &folder = QString());

    QString folder() const { return m_folder; }
    QString pathFor(const QString &id) const;
    // Most recently changed first; unreadable files are left out.
    QList<Entry> recent(int max = 10) const;
    Loaded load(const QString &id) const;
    // False with a message when the file could not be written (the previous file is then untouched).
    bool save(const Project &project, QString *error = nullptr) const;

    QString lastProjectId() const;
    void setLastProjectId(const QString &id) const;

    static QString defaultFolder();
    static bool isValidId(const QString &id);

private:
    QString m_folder;
};

} // namespace nemo::project
