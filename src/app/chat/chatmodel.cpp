#include "chat/chatmodel.h"

#include "client/conversation.h"

namespace nemo::app {

using agent::ChatMessage;

ChatModel::ChatModel(client::Conversation *conversation, QObject *parent)
    : QAbstractListModel(parent)
    , m_conversation(conversation)
    , m_rows(conversation->size())
{
    connect(conversation, &client::Conversation::messageAdded, this, [this](int index) {
        beginInsertRows(QModelIndex(), index, index);
        ++m_rows;
        endInsertRows();
    });
    connect(conversation, &client::Conversation::messageRemoved, this, [this](int index) {
        beginRemoveRows(QModelIndex(), index, index);
        --m_rows;
        endRemoveRows();
    });
    connect(conversation, &client::Conversation::messageChanged, this, [this](int index) {
        const QModelIndex changed = this->index(index);
        emit dataChanged(changed, changed);
    });
    connect(conversation, &client::Conversation::reset, this, [this] {
        beginResetModel();
        m_rows = m_conversation->size();
        endResetModel();
    });
}

int ChatModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

QVariant ChatModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_conversation->size())
        return {};
    const ChatMessage &message = m_conversation->at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return message.text;
    case SpeakerRole:
        return int(message.role);
    case StateRole:
        return int(message.state);
    case TimeRole:
        return message.time;
    case ActionsRole: {
        QVariantList actions;
        for (agent::GuiAction action : message.actions)
            actions.append(int(action));
        return actions;
    }
    case ActionLabelRole:
        return message.actionLabel;
    case ActionUrlRole:
        return message.actionUrl;
    case IdRole:
        return qulonglong(message.id);
    case Qt::AccessibleTextRole:
        return message.text;
    default:
        return {};
    }
}

QHash<int, QByteArray> ChatModel::roleNames() const
{
    return {{TextRole, "text"},           {SpeakerRole, "speaker"},
            {StateRole, "state"},         {TimeRole, "time"},
            {ActionsRole, "actions"},     {ActionLabelRole, "actionLabel"},
            {ActionUrlRole, "actionUrl"}, {IdRole, "id"}};
}

} // namespace nemo::app
