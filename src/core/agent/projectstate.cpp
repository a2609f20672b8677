#include "agent/projectstate.h"

#include "net/json.h"
#include "util/jsonnumbers.h"

namespace nemo::agent {

ProjectState ProjectState::fromJson(const QJsonObject &data)
{
    ProjectState state;
    const QJsonObject inner = data.value(QLatin1String("state")).toObject();
    state.draft = draft::Draft::fromJson(inner.value(QLatin1String("draft")));
    state.videoInfos = inner.value(QLatin1String("video_infos")).toArray();
    state.generatedMedia = inner.value(QLatin1String("generated_media")).toArray();
    state.generated = media::GeneratedClip::listFromJson(state.generatedMedia);
    state.canvas = inner.value(QLatin1String("canvas_config")).toObject();
    const QJsonValue id = data.value(QLatin1String("session_id"));
    state.sessionId = id.isDouble() ? QString::number(util::clampToInt64(id.toDouble())) : id.toString();
    state.taskId = data.value(QLatin1String("task_id")).toString();
    state.taskName = data.value(QLatin1String("task_name")).toString();
    return state;
}

QJsonObject ProjectState::toJson() const
{
    QJsonObject inner{{QStringLiteral("draft"), draft.toJson()},
                      {QStringLiteral("video_infos"), videoInfos},
                      {QStringLiteral("generated_media"), generatedMedia},
                      {QStringLiteral("canvas_config"), canvas}};
    return {{QStringLiteral("session_id"), sessionId},
            {QStringLiteral("task_id"), taskId},
            {QStringLiteral("task_name"), taskName},
            {QStringLiteral("state"), inner}};
}

bool ProjectState::read(net::json::Value &data, ProjectState *out)
{
    namespace od = net::json::od;
    *out = ProjectState();
    od::json_type type;
    if (data.v.type().get(type))
        return false;
    od::object object;
    if (type != od::json_type::object)
        return true; // no state: an empty one
    if (data.v.get_object().get(object))
        return false;
    // Each key once; a repeated key: the last one counts, as QJsonDocument would have it.
    for (auto member : object) {
        od::field field;
        std::string_view key;
        if (std::move(member).get(field) || field.unescaped_key().get(key))
            return false;
        od::value value = field.value();
        if (key == "state") {
            od::json_type stateType;
            if (value.type().get(stateType))
                return false;
            od::object state;
            if (stateType != od::json_type::object) {
                if (!net::json::check(value))
                    return false;
                continue;
            }
            if (value.get_object().get(state))
                return false;
            for (auto inner : state) {
                od::field stateField;
                std::string_view stateKey;
                if (std::move(inner).get(stateField) || stateField.unescaped_key().get(stateKey))
                    return false;
                if (stateKey == "draft") {
                    net::json::Value draft(stateField.value());
                    bool ok = false;
                    out->draft = draft::Draft::read(draft, &ok);
                    if (!ok)
                        return false;
                    continue;
                }
                QJsonValue converted;
                if (!net::json::toQt(stateField.value(), &converted))
                    return false;
                if (stateKey == "video_infos") {
                    out->videoInfos = converted.toArray();
                } else if (stateKey == "generated_media") {
                    out->generatedMedia = converted.toArray();
                    out->generated = media::GeneratedClip::listFromJson(out->generatedMedia);
                } else if (stateKey == "canvas_config") {
                    out->canvas = converted.toObject();
                }
            }
            continue;
        }
        QJsonValue converted;
        if (!net::json::toQt(value, &converted))
            return false;
        if (key == "session_id")
            out->sessionId = converted.isDouble() ? QString::number(util::clampToInt64(converted.toDouble()))
                                                  : converted.toString();
        else if (key == "task_id")
            out->taskId = converted.toString();
        else if (key == "task_name")
            out->taskName = converted.toString();
    }
    return true;
}

} // namespace nemo::agent
