#pragma once

#include "agent/guireference.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QUrl>

namespace nemo::agent {

// One message of the chat — the user's, the agent's, or a notice or problem in between — with the
// buttons it offers; kept in the project (toJson/fromJson).
struct ChatMessage
{
    enum class Role
    {
        User,
        Agent,
        Notice,
        Error
    };
    enum class State
    {
        Done,
        Streaming,
        Stopped,
        Failed,
        Interrupted
    };

    quint64 id = 0;
    Role role = Role::Notice;
    State state = State::Done;
    QString text;
    QDateTime time;
    QList<GuiAction> actions; // buttons that do in this app what the agent described
    QString actionLabel;      // a link for errors, e.g. "Register"
    QUrl actionUrl;

    QJsonObject toJson() const;
    static ChatMessage fromJson(const QJsonObject &object);
    static QString roleName(Role role);
    static QString stateName(State state);
};

} // namespace nemo::agent
