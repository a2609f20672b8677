#pragma once

#include "draft/draft.h"
#include "media/generatedclip.h"

#include <QJsonArray>
#include <QJsonObject>

namespace nemo::net::json {
class Value;
} // namespace nemo::net::json

namespace nemo::agent {

// The session's state as the service reports it.
struct ProjectState
{
    draft::Draft draft;
    QJsonArray videoInfos;
    QJsonArray generatedMedia;
    QList<media::GeneratedClip> generated; // generatedMedia, read
    QJsonObject canvas;
    QString sessionId;
    QString taskId;
    QString taskName;

    static ProjectState fromJson(const QJsonObject &data);
    // The state answer's `data` again (fromJson(toJson()) gives this state back), for keeping it.
    QJsonObject toJson() const;
    // Reads the state answer's `data` straight from the parse (net/json.h); false when malformed.
    static bool read(net::json::Value &data, ProjectState *out);
};

} // namespace nemo::agent
