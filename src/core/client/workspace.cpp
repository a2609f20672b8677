#include "client/workspace.h"

#include "agent/session.h"
#include "agent/statequery.h"
#include "auth/authenticator.h"
#include "auth/creditsquery.h"
#include "client/playhead.h"
#include "edit/handedits.h"
#include "edit/rebase.h"
#include "media/mediacache.h"
#include "render/localsources.h"
#include "render/previewrenderer.h"

namespace nemo::client {

Workspace::Workspace(const net::ServiceConfig &config, auth::SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_service(std::make_unique<Service>(config, secrets))
    , m_cache(new media::MediaCache(m_service.get(), media::MediaCache::defaultFolder(),
                                    media::MediaCache::DefaultLimitBytes, this))
    , m_conversation(new Conversation(m_service.get(), this))
    , m_uploads(new media::UploadQueue(m_service.get(), this))
    , m_exporter(new render::Exporter(m_service.get(), this))
    , m_preview(new render::PreviewRenderer(m_cache, this))
    , m_handEdits(new edit::HandEdits(this))
    , m_playhead(new Playhead(this))
    , m_reconnectTimer(new QTimer(this))
{
    m_uploads->setCache(m_cache);
    m_conversation->setHandEdits(m_handEdits);
    connect(m_handEdits, &edit::HandEdits::draftChanged, this, &Workspace::editsChanged);
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &Workspace::reconnect);
    connect(m_service.get(), &Service::creditsChanged, this, &Workspace::creditsChanged);
    connect(m_service.get(), &Service::stateChanged, this, &Workspace::noteAgentState);
    connect(m_conversation, &Conversation::turnFinished, this, [this](const draft::DraftDiff &changes) {
        m_lastChanges = changes;
        if (const auto state = this->state())
            emit timelineChanged(*state, m_lastChanges);
        if (m_backgroundWork)
            refreshCredits();
    });
    connect(m_service->auth(), &auth::Authenticator::storageProblem, this, [this](const QString &message) {
        emit notice(
            tr("Your sign-in could not be saved in the %1 (%2). It works for now but will not be remembered.")
                .arg(m_service->auth()->storageName(), message));
    });
    connect(m_service->session(), &agent::Session::replaced, this, [this] {
        m_conversation->addNotice(
            tr("The service no longer knew this editing session, so a new one was started. "
               "Its timeline starts empty."));
    });
}

void Workspace::noteAgentState(const agent::ProjectState &state)
{
    // What the agent generated belongs in the media bin, to watch and to keep.
    m_uploads->addGenerated(state.generated);
    // The hand edits go over the agent's new draft (a plain refresh with the same draft changes nothing);
    // the edited draft then goes to the preview and the timeline (editsChanged).
    if (state.draft.bytes() != m_handEdits->document().agent().bytes() || state.draft.isEmpty())
        m_handEdits->setAgentDraft(state.draft, m_conversation->userTurns(), mediaLengths(state));
    else
        editsChanged();
}

void Workspace::editsChanged()
{
    const std::optional<agent::ProjectState> edited = state();
    if (!edited)
        return;
    m_playhead->setLength(edited->draft.durationMs());
    m_preview->request(*edited, m_uploads->items());
    // Highlights belong to the turn that made them; a later plain refresh keeps them.
    emit timelineChanged(*edited, m_lastChanges);
}

std::optional<agent::ProjectState> Workspace::state() const
{
    std::optional<agent::ProjectState> state = m_service->lastState();
    if (state)
        *state = edited(*state);
    return state;
}

agent::ProjectState Workspace::edited(const agent::ProjectState &agentState) const
{
    agent::ProjectState state = agentState;
    if (m_handEdits->entries().isEmpty())
        return state;
    if (state.draft.bytes() == m_handEdits->document().agent().bytes()) {
        state.draft = m_handEdits->draft();
    } else {
        QList<edit::Edit> done;
        for (qsizetype i = 0; i < m_handEdits->doneCount(); ++i)
            done.append(m_handEdits->entries().at(i).edit);
        state.draft = edit::rebase(state.draft, done, mediaLengths(state)).draft();
    }
    return state;
}

QHash<QString, qint64> Workspace::mediaLengths(const agent::ProjectState &state) const
{
    return render::LocalSources::mediaLengths(state, m_uploads->items());
}

void Workspace::setBackgroundWork(bool enabled)
{
    m_backgroundWork = enabled;
    m_uploads->setCache(enabled ? m_cache : nullptr);
    if (enabled)
        m_preview->release();
    else
        m_preview->hold();
}

Workspace::~Workspace()
{
    // Everything that uses the service goes before it does (children would otherwise be deleted
    // only after the service member is gone).
    delete m_preview;
    delete m_exporter;
    delete m_uploads;
    delete m_conversation;
    delete m_handEdits;
    delete m_cache;
}

void Workspace::setConnection(Connection connection, const net::ApiError &error)
{
    m_connectionError = error;
    if (connection == Connection::Offline && !m_reconnectTimer->isActive()) {
        // Try again on our own, waiting longer each time (2 s, 4 s, … at most a minute).
        const qint64 first = m_service->config().reconnectInterval.count();
        const qint64 wait = qMin<qint64>(first << qMin(m_reconnectAttempts, 10), 60000);
        ++m_reconnectAttempts;
        m_reconnectTimer->start(int(qMax<qint64>(wait, 1)));
    } else if (connection == Connection::Ready) {
        m_reconnectAttempts = 0;
        m_reconnectTimer->stop();
    }
    if (connection == m_connection && !error)
        return;
    m_connection = connection;
    emit connectionChanged(connection);
}

void Workspace::noteFailure(const net::ApiError &error)
{
    if (error.kind() == net::ApiError::Kind::Network || error.kind() == net::ApiError::Kind::Timeout)
        setConnection(Connection::Offline, error);
}

int Workspace::secondsToReconnect() const
{
    return m_reconnectTimer->isActive() ? (m_reconnectTimer->remainingTime() + 999) / 1000 : 0;
}

void Workspace::reconnect()
{
    if (m_connection != Connection::Offline)
        return;
    // With a session, a cheap query tells whether the service is back (and brings the credits and
    // timeline up to date); without one, set up from the start.
    if (m_service->session()->info().isValid()) {
        refreshCredits();
        refreshState();
    } else {
        connectToService();
    }
}

void Workspace::connectToService()
{
    setConnection(Connection::SettingUp);
    m_service->session()->ensure(this, [this](const net::ApiError &error) {
        if (error) {
            if (error.kind() == net::ApiError::Kind::Network || error.kind() == net::ApiError::Kind::Timeout)
                setConnection(Connection::Offline, error);
            else
                setConnection(Connection::SignedOut, error);
            return;
        }
        setConnection(Connection::Ready);
        refreshCredits();
        refreshState();
    });
}

void Workspace::refreshState()
{
    agent::StateQuery *query = m_service->fetchState(this);
    connect(query, &net::ServiceJob::finished, this, [this, query] {
        if (query->error())
            noteFailure(query->error());
        else if (m_connection == Connection::Offline)
            setConnection(Connection::Ready);
    });
}

void Workspace::refreshCredits()
{
    auth::CreditsQuery *query = m_service->fetchCredits(this);
    connect(query, &net::ServiceJob::finished, this, [this, query] {
        if (query->error())
            noteFailure(query->error());
        else if (m_connection == Connection::Offline)
            setConnection(Connection::Ready);
    });
}

} // namespace nemo::client
