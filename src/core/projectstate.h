#pragma once

#include "draft.h"
#include "generatedclip.h"

#include <QJsonArray>
#include <QJsonObject>

namespace nemo::core {

// The session's state as the service reports it.
struct ProjectState
{
    Draft draft;
    QJsonArray videoInfos;
    QJsonArray generatedMedia;
    QList<GeneratedClip> generated; // generatedMedia, read
    QJsonObject canvas;
    QString sessionId;
    QString taskId;
    QString taskName;

    static ProjectState fromJson(const QJsonObject &data);
};

} // namespace nemo::core
