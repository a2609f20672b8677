#pragma once

#include <QJsonObject>
#include <QString>

namespace nemo::render {

// A cloud render as one poll reports it.
struct RenderStatus
{
    enum class State
    {
        Unknown,
        Pending,
        Processing,
        Completed,
        Failed,
        Cancelled
    };

    QString id;
    State state = State::Unknown;
    int progress = 0;  // 0…100
    QString outputUrl; // as the service gave it (may be relative)
    qint64 size = -1;
    double duration = 0;
    QString error;

    // Reads both poll shapes: top-level {"taskId"|"render_id","status","progress","output":{…}} and
    // wrapped {"success":true,"data":{"id","status","progress","outputUrl",…}}.
    static RenderStatus fromJson(const QJsonObject &body);
    static State stateFromString(const QString &status);
    static QString stateName(State state);
    bool isFinal() const
    {
        return state == State::Completed || state == State::Failed || state == State::Cancelled;
    }
};

} // namespace nemo::render
