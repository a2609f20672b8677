#pragma once

#include "client/conversation.h"
#include "client/service.h"
#include "draft/draftdiff.h"
#include "media/uploadqueue.h"
#include "render/exporter.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace nemo::auth {
class SecretStore;
} // namespace nemo::auth

namespace nemo::media {
class MediaCache;
} // namespace nemo::media

namespace nemo::render {
class PreviewRenderer;
} // namespace nemo::render

namespace nemo::edit {
class HandEdits;
} // namespace nemo::edit

namespace nemo::client {

// What one window works on: the service, the chat, the media bin's uploads, the export, and the
// latest timeline with what the last turn changed in it. It signs in and opens a session on its
// own ("setting up"), notices when the service cannot be reached, and refreshes credits after work.
class Playhead;

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

    Workspace(const net::ServiceConfig &config, auth::SecretStore *secrets, QObject *parent = nullptr);
    ~Workspace() override;

    Service *service() const { return m_service.get(); }
    Conversation *conversation() const { return m_conversation; }
    media::UploadQueue *uploads() const { return m_uploads; }
    render::Exporter *exporter() const { return m_exporter; }
    media::MediaCache *mediaCache() const { return m_cache; }
    // The edit rendered here for the preview monitor, kept up to date with every change of the timeline.
    render::PreviewRenderer *preview() const { return m_preview; }
    // The user's own edits over the agent's draft (undo, redo, kept over the agent's next draft).
    edit::HandEdits *handEdits() const { return m_handEdits; }
    // Where the user is in the edit (timeline, monitor and export share it).
    Playhead *playhead() const { return m_playhead; }

    Connection connection() const { return m_connection; }
    const net::ApiError &connectionError() const { return m_connectionError; }
    std::optional<auth::Credits> credits() const { return m_service->lastCredits(); }
    // The timeline as the user sees it: the agent's latest draft with the hand edits applied. Every output
    // (preview, exports, the project for other editors) reads this one.
    std::optional<agent::ProjectState> state() const;
    // Any state of the agent's with this project's hand edits applied (a state just read by nemo-cli).
    agent::ProjectState edited(const agent::ProjectState &agentState) const;
    // How long each media is (by its link and by its file name), from the uploads, the state and the
    // generated clips: what a trim may not reach past.
    QHash<QString, qint64> mediaLengths(const agent::ProjectState &state) const;
    const draft::DraftDiff &lastChanges() const { return m_lastChanges; }

    // Gets a token and a session if needed, then the credits and the timeline.
    void connectToService();
    // A one-shot client (nemo-cli) turns off what only a window needs: preview renders, fetching
    // generated clips into the cache (they stay links in the bin), refreshing credits after turns.
    void setBackgroundWork(bool enabled);
    void refreshState();
    void refreshCredits();
    // While offline: seconds until the next automatic attempt to reach the service.
    int secondsToReconnect() const;

signals:
    void connectionChanged(nemo::client::Workspace::Connection connection);
    void creditsChanged(const nemo::auth::Credits &credits);
    // The timeline (edited), and which of its segments the last turn changed; also after every hand edit.
    void timelineChanged(const nemo::agent::ProjectState &state, const nemo::draft::DraftDiff &changes);
    // Something the user should know that is not part of the chat (storage problems …).
    void notice(const QString &message);

private:
    void setConnection(Connection connection, const net::ApiError &error = net::ApiError());
    void noteAgentState(const agent::ProjectState &state);
    void editsChanged();
    void noteFailure(const net::ApiError &error);
    void reconnect();

    std::unique_ptr<Service> m_service;
    media::MediaCache *m_cache;
    Conversation *m_conversation;
    media::UploadQueue *m_uploads;
    render::Exporter *m_exporter;
    render::PreviewRenderer *m_preview;
    edit::HandEdits *m_handEdits;
    Playhead *m_playhead;
    bool m_backgroundWork = true;
    Connection m_connection = Connection::SettingUp;
    net::ApiError m_connectionError;
    draft::DraftDiff m_lastChanges;
    bool m_changesPending = false;
    QTimer *m_reconnectTimer;
    int m_reconnectAttempts = 0;
};

} // namespace nemo::client
