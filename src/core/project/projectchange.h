#pragma once

#include "project/project.h"

#include <QMap>

#include <optional>

namespace nemo::project {

// What changed in a project since it was last written. Only these rows are written, in one transaction:
// a streamed chunk is one message row, a new turn's timeline one snapshot row, whatever the history.
struct ProjectChange
{
    struct Header
    {
        QString id;
        QString name;
        QString title;
        QDateTime created;
        QDateTime modified;
        agent::SessionInfo session;
    };

    std::optional<Header> header;
    // Rows at or after these positions are deleted before the rows below are written (-1: none).
    int messageCount = -1;
    int mediaCount = -1;
    QMap<int, agent::ChatMessage> messages; // by position in the chat
    QMap<int, media::MediaItem> media;      // by position in the media bin
    QMap<int, DraftSnapshot> drafts;        // by turn
    QMap<QString, RenderRecord> renders;    // by job id
    // The hand edits from this position on (each with its turn), and the counts; -1: unchanged.
    int editsFrom = -1;
    QList<QByteArray> edits;
    QList<int> editTurns;
    int editsDone = 0;
    int editsSent = 0;

    bool isEmpty() const;
    // This change followed by `later`, as one change (a failed write is retried with the next one).
    void merge(const ProjectChange &later);
    // All of `project`: what a new database is written with.
    static ProjectChange whole(const Project &project);
};

} // namespace nemo::project
