#pragma once

#include <QAbstractListModel>

namespace nemo::client {
class Conversation;
} // namespace nemo::client

namespace nemo::app {

// The conversation as a list model: one row per message, in order.
class ChatModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        TextRole = Qt::UserRole + 1, // the message text (also Qt::DisplayRole)
        SpeakerRole,                 // ChatMessage::Role as int
        StateRole,                   // ChatMessage::State as int
        TimeRole,                    // QDateTime
        ActionsRole,                 // QVariantList of GuiAction as int
        ActionLabelRole,             // QString, e.g. "Register"
        ActionUrlRole,               // QUrl
        IdRole,                      // quint64 as qulonglong
    };

    explicit ChatModel(client::Conversation *conversation, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    client::Conversation *conversation() const { return m_conversation; }

private:
    client::Conversation *m_conversation;
    int m_rows = 0;
};

} // namespace nemo::app
