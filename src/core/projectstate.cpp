#include "projectstate.h"

#include "jsonnumbers.h"

namespace nemo::core {

ProjectState ProjectState::fromJson(const QJsonObject &data)
{
    ProjectState state;
    const QJsonObject inner = data.value(QLatin1String("state")).toObject();
    state.draft = Draft::fromJson(inner.value(QLatin1String("draft")));
    state.videoInfos = inner.value(QLatin1String("video_infos")).toArray();
    state.generatedMedia = inner.value(QLatin1String("generated_media")).toArray();
    state.generated = GeneratedClip::listFromJson(state.generatedMedia);
    state.canvas = inner.value(QLatin1String("canvas_config")).toObject();
    const QJsonValue id = data.value(QLatin1String("session_id"));
    state.sessionId = id.isDouble() ? QString::number(clampToInt64(id.toDouble())) : id.toString();
    state.taskId = data.value(QLatin1String("task_id")).toString();
    state.taskName = data.value(QLatin1String("task_name")).toString();
    return state;
}

} // namespace nemo::core
