#pragma once

#include "agent/chatmessage.h"
#include "agent/sessioninfo.h"
#include "draft/draft.h"
#include "edit/edit.h"
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
    draft::Draft draft;
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
    // Rendered on this computer (MLT): `jobId` is ours ("local-…"), and nothing is left to resume.
    bool local = false;

    bool isRunning() const { return state == State::Rendering || state == State::Downloading; }
    static QString stateName(State state);
    static State stateFromName(const QString &name);
};

// The hand edits over the agent's drafts: the edits in order, how many of them are done (the rest can
// be redone) and how many the agent was told of.
struct HandEditLayer
{
    QList<edit::Edit> edits;
    int done = 0;
    int sent = 0;
    // Stored edits that could not be read (left out), for the user.
    QStringList problems;
};

// Everything that is the user's work: the service session, the chat, the media bin, the timeline after
// each turn and the exports. Never holds a token or any other secret.
struct Project
{
    // The version of the JSON files projects were kept in before their databases (imported once).
    static constexpr int FormatVersion = 1;

    QString id;
    QString name;  // as the user named it (File → Rename Project…); empty until they do
    QString title; // the video's title in the agent's latest draft ("Urban Dreams")
    QDateTime created;
    QDateTime modified;
    agent::SessionInfo session;
    QList<agent::ChatMessage> messages;
    QList<media::MediaItem> media;
    QList<DraftSnapshot> drafts;
    QList<RenderRecord> renders;
    HandEditLayer handEdits;

    // The user's name for it, else its video's title, else the first thing the user asked for ("Turn
    // these photos into a…"), else "Untitled project".
    QString displayName() const;
    // Reads a project file from before projects were databases. Null with `error` set when the object
    // is not a project this version can read.
    static std::optional<Project> fromJson(const QJsonObject &object, QString *error = nullptr);
    static QString newId();
};

} // namespace nemo::project
