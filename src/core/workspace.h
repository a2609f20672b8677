#pragma once

#include "conversation.h"
#include "draftdiff.h"
#include "exporter.h"
#include "service.h"
#include "uploadqueue.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace nemo::core {

class MediaCache;
class PreviewRenderer;
class SecretStore;

// What one window works on: the service, the chat, the media bin's uploads, the export, and the
// latest timeline with what the last turn changed in it. It signs in and opens a session on its
// own ("setting up"), notices when the service cannot be reached, and refreshes credits after work.
class Workspace : public QObject
{
    Q_OBJECT
public:
    enum class Connection
    {
        SettingUp,
        Ready,
        Offline,
        SignedOut
    };
    Q_ENUM(Connection)

    Workspace(const ServiceConfig &config, SecretStore *secrets, QObject *parent = nullptr);
    ~Workspace() override;

    Service *service() const { return m_service.get(); }
    Conversation *conversation() const { return m_conversation; }
    UploadQueue *uploads() const { return m_uploads; }
    Exporter *exporter() const { return m_exporter; }
    MediaCache *mediaCache() const { return m_cache; }
    // The edit rendered here for the preview monitor, kept up to date with every change of the timeline.
    PreviewRenderer *preview() const { return m_preview; }

    Connection connection() const { return m_connection; }
    const ApiError &connectionError() const { return m_connectionError; }
    std::optional<Credits> credits() const { return m_service->lastCredits(); }
    std::optional<ProjectState> state() const { return m_service->lastState(); }
    const DraftDiff &lastChanges() const { return m_lastChanges; }

    // Gets a token and a session if needed, then the credits and the timeline.
    void connectToService();
    void refreshState();
    void refreshCredits();
    // While offline: seconds until the next automatic attempt to reach the service.
    int secondsToReconnect() const;

signals:
    void connectionChanged(nemo::core::Workspace::Connection connection);
    void creditsChanged(const nemo::core::Credits &credits);
    // The timeline, and which of its segments the last turn changed.
    void timelineChanged(const nemo::core::ProjectState &state, const nemo::core::DraftDiff &changes);
    // Something the user should know that is not part of the chat (storage problems …).
    void notice(const QString &message);

private:
    void setConnection(Connection connection, const ApiError &error = ApiError());
    void noteFailure(const ApiError &error);
    void reconnect();

    std::unique_ptr<Service> m_service;
    MediaCache *m_cache;
    Conversation *m_conversation;
    UploadQueue *m_uploads;
    Exporter *m_exporter;
    PreviewRenderer *m_preview;
    Connection m_connection = Connection::SettingUp;
    ApiError m_connectionError;
    DraftDiff m_lastChanges;
    bool m_changesPending = false;
    QTimer *m_reconnectTimer;
    int m_reconnectAttempts = 0;
};

} // namespace nemo::core
