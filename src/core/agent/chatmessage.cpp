#include "agent/chatmessage.h"

#include "util/weblink.h"

#include <QJsonArray>

#include <optional>

namespace nemo::agent {

namespace {

QString actionName(GuiAction action)
{
    switch (action) {
    case GuiAction::OpenExport:
        return QStringLiteral("export");
    case GuiAction::ShowTimeline:
        return QStringLiteral("timeline");
    case GuiAction::RefreshState:
        return QStringLiteral("refresh");
    case GuiAction::ComposeEdit:
        return QStringLiteral("compose");
    case GuiAction::OpenWebApp:
        return QStringLiteral("web");
    case GuiAction::AddMedia:
        return QStringLiteral("media");
    }
    return {};
}

std::optional<GuiAction> actionFromName(const QString &name)
{
    for (GuiAction action : {GuiAction::OpenExport, GuiAction::ShowTimeline, GuiAction::RefreshState,
                             GuiAction::ComposeEdit, GuiAction::OpenWebApp, GuiAction::AddMedia}) {
        if (actionName(action) == name)
            return action;
    }
    return std::nullopt;
}

} // namespace

QString ChatMessage::roleName(Role role)
{
    switch (role) {
    case Role::User:
        return QStringLiteral("user");
    case Role::Agent:
        return QStringLiteral("agent");
    case Role::Notice:
        return QStringLiteral("notice");
    case Role::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("notice");
}

QString ChatMessage::stateName(State state)
{
    switch (state) {
    case State::Done:
        return QStringLiteral("done");
    case State::Streaming:
        return QStringLiteral("streaming");
    case State::Stopped:
        return QStringLiteral("stopped");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Interrupted:
        return QStringLiteral("interrupted");
    }
    return QStringLiteral("done");
}

QJsonObject ChatMessage::toJson() const
{
    QJsonArray actionList;
    for (GuiAction action : actions)
        actionList.append(actionName(action));
    QJsonObject object{{QStringLiteral("id"), QString::number(id)},
                       {QStringLiteral("role"), roleName(role)},
                       {QStringLiteral("state"), stateName(state)},
                       {QStringLiteral("text"), text},
                       {QStringLiteral("time"), time.toString(Qt::ISODateWithMs)}};
    if (!actionList.isEmpty())
        object.insert(QStringLiteral("actions"), actionList);
    if (actionUrl.isValid()) {
        object.insert(QStringLiteral("action_label"), actionLabel);
        object.insert(QStringLiteral("action_url"), actionUrl.toString());
    }
    return object;
}

ChatMessage ChatMessage::fromJson(const QJsonObject &object)
{
    ChatMessage message;
    message.id = object.value(QLatin1String("id")).toString().toULongLong();
    const QString role = object.value(QLatin1String("role")).toString();
    for (Role r : {Role::User, Role::Agent, Role::Notice, Role::Error}) {
        if (roleName(r) == role)
            message.role = r;
    }
    const QString state = object.value(QLatin1String("state")).toString();
    for (State s : {State::Done, State::Streaming, State::Stopped, State::Failed, State::Interrupted}) {
        if (stateName(s) == state)
            message.state = s;
    }
    message.text = object.value(QLatin1String("text")).toString();
    message.time = QDateTime::fromString(object.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
    for (const auto &value : object.value(QLatin1String("actions")).toArray()) {
        if (const auto action = actionFromName(value.toString()))
            message.actions.append(*action);
    }
    const QUrl url(object.value(QLatin1String("action_url")).toString());
    // Only web links are ever offered as actions.
    if (util::isWebLink(url)) {
        message.actionUrl = url;
        message.actionLabel = object.value(QLatin1String("action_label")).toString();
    }
    return message;
}

} // namespace nemo::agent
