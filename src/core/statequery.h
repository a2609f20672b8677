#pragma once

#include "apicall.h"
#include "draft.h"
#include "generatedclip.h"

#include <QJsonArray>

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

// GET /api/state/nemo_agent/me/<sid>/latest
class StateQuery : public ApiCall
{
    Q_OBJECT
public:
    explicit StateQuery(Service *service, QObject *parent = nullptr);
    const ProjectState &state() const { return m_state; }

protected:
    void handle(const ApiResult &result) override;

private:
    ProjectState m_state;
};

} // namespace nemo::core
