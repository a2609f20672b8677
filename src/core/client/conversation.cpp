#include "client/conversation.h"

#include "agent/chatturn.h"
#include "agent/statequery.h"
#include "auth/creditsquery.h"
#include "client/service.h"
#include "client/timelinewatch.h"
#include "edit/handedits.h"

#include <QJsonArray>

#include <utility>

namespace nemo::client {

Conversation::Conversation(Service *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{ }

int Conversation::indexOf(quint64 id) const
{
    // Messages are appended in id order: search from the end, where changes happen.
    for (qsizetype i = m_messages.size() - 1; i >= 0; --i) {
        if (m_messages.at(i).id == id)
            return int(i);
    }
    return -1;
}

qint64 Conversation::elapsedMs() const
{
    return m_turn ? m_turn->elapsedMs() : 0;
}

agent::ChatMessage &Conversation::append(agent::ChatMessage::Role role, const QString &text)
{
    agent::ChatMessage message;
    message.id = m_nextId++;
    message.role = role;
    message.text = text;
    message.time = QDateTime::currentDateTime();
    m_messages.append(message);
    emit messageAdded(int(m_messages.size() - 1));
    return m_messages.last();
}

void Conversation::changed(quint64 id)
{
    const int index = indexOf(id);
    if (index >= 0)
        emit messageChanged(index);
}

agent::ChatMessage &Conversation::addNotice(const QString &text)
{
    return append(agent::ChatMessage::Role::Notice, text);
}

agent::ChatMessage &Conversation::addError(const net::ApiError &error, const QString &text)
{
    agent::ChatMessage &message =
        append(agent::ChatMessage::Role::Error, text.isEmpty() ? error.message() : text);
    bool more = false;
    if (error.actionUrl().isValid()) {
        message.actionUrl = error.actionUrl();
        message.actionLabel = error.actionLabel();
        more = true;
    }
    if (error.kind() == net::ApiError::Kind::NoCredits) {
        // Registering or topping up happens in the web app: this project can go along.
        message.actions.append(agent::GuiAction::OpenWebApp);
        more = true;
    }
    if (more)
        emit messageChanged(int(m_messages.size() - 1));
    return m_messages.last();
}

void Conversation::restore(const QList<agent::ChatMessage> &messages)
{
    if (m_turn)
        m_turn->abort();
    dropWatch();
    m_messages = messages;
    m_nextId = 1;
    for (agent::ChatMessage &message : m_messages) {
        if (message.state == agent::ChatMessage::State::Streaming)
            message.state = agent::ChatMessage::State::Interrupted;
        m_nextId = qMax(m_nextId, message.id + 1);
    }
    emit reset();
}

void Conversation::clear()
{
    restore({});
}

bool Conversation::submit(const QString &input)
{
    QString text = input.trimmed();
    if (text.isEmpty() || isBusy())
        return false;
    const agent::Intent intent = agent::IntentRouter::route(text);
    if (intent == agent::Intent::Chat) {
        text = withHandEdits(text);
        dropWatch(); // a new message to the agent: the new turn reports what changes from here
    }
    append(agent::ChatMessage::Role::User, text);
    switch (intent) {
    case agent::Intent::Credits:
        showCredits();
        break;
    case agent::Intent::State:
        emit guiActionRequested(agent::GuiAction::ShowTimeline);
        showTimeline();
        break;
    case agent::Intent::Export:
        addNotice(tr("Opening the export…"));
        emit guiActionRequested(agent::GuiAction::OpenExport);
        break;
    case agent::Intent::Upload:
        addNotice(tr("Choose the photos, videos or music to add."));
        emit guiActionRequested(agent::GuiAction::AddMedia);
        break;
    case agent::Intent::Chat:
        runTurn(text);
        break;
    }
    return true;
}

agent::ChatTurn *Conversation::send(const QString &text)
{
    QString message = text.trimmed();
    if (message.isEmpty() || isBusy())
        return nullptr;
    message = withHandEdits(message);
    append(agent::ChatMessage::Role::User, message);
    dropWatch();
    runTurn(message);
    return m_turn;
}

void Conversation::showCredits()
{
    auth::CreditsQuery *query = m_service->fetchCredits(this);
    connect(query, &net::ServiceJob::finished, this, [this, query] {
        if (query->error()) {
            addError(query->error());
            return;
        }
        const auth::Credits credits = query->credits();
        addNotice(tr("You have %1 credits available (%2 frozen while work is running, %3 in total).")
                      .arg(credits.available)
                      .arg(credits.frozen)
                      .arg(credits.total));
    });
}

void Conversation::showTimeline()
{
    agent::StateQuery *query = m_service->fetchState(this);
    connect(query, &net::ServiceJob::finished, this, [this, query] {
        if (query->error()) {
            addError(query->error());
            return;
        }
        // The timeline as the user sees it, hand edits included.
        const draft::Draft &agentDraft = query->state().draft;
        const bool edited = m_handEdits && m_handEdits->document().agent().bytes() == agentDraft.bytes();
        addNotice(edited ? m_handEdits->draft().summary() : agentDraft.summary());
    });
}

int Conversation::userTurns() const
{
    int turns = 0;
    for (const agent::ChatMessage &message : m_messages)
        turns += message.role == agent::ChatMessage::Role::User ? 1 : 0;
    return turns;
}

QString Conversation::withHandEdits(const QString &text) const
{
    if (!m_handEdits)
        return text;
    const QString summary = m_handEdits->pendingSummary();
    if (summary.isEmpty())
        return text;
    m_handEdits->markSent();
    return text + QStringLiteral("\n\n") + tr("(I edited the timeline by hand: %1.)").arg(summary);
}

void Conversation::runTurn(const QString &text)
{
    agent::ChatTurn *turn = m_service->sendMessage(text, this);
    m_turn = turn;
    agent::ChatMessage &reply = append(agent::ChatMessage::Role::Agent, QString());
    reply.state = agent::ChatMessage::State::Streaming;
    const quint64 id = reply.id;
    emit busyChanged(true);
    connect(turn, &agent::ChatTurn::textChanged, this, [this, id](const QString &full) {
        const int index = indexOf(id);
        if (index < 0)
            return;
        m_messages[index].text = full;
        emit messageChanged(index);
    });
    connect(turn, &agent::ChatTurn::statusChanged, this, [this](const QString &status) {
        m_status = status;
        emit statusChanged(status);
    });
    connect(turn, &agent::ChatTurn::heartbeat, this, &Conversation::heartbeat);
    connect(turn, &agent::ChatTurn::stillWorking, this, &Conversation::stillWorking);
    connect(turn, &net::ServiceJob::finished, this, [this, turn, id] {
        const int index = indexOf(id);
        const agent::ChatTurn::Outcome outcome = turn->outcome();
        if (index >= 0) {
            agent::ChatMessage &message = m_messages[index];
            message.text = turn->text();
            message.actions = turn->guiActions();
            switch (outcome) {
            case agent::ChatTurn::Outcome::Replied:
            case agent::ChatTurn::Outcome::NoText:
                message.state = agent::ChatMessage::State::Done;
                break;
            case agent::ChatTurn::Outcome::Cancelled:
                message.state = agent::ChatMessage::State::Stopped;
                break;
            case agent::ChatTurn::Outcome::Dropped:
            case agent::ChatTurn::Outcome::TimedOut:
                message.state = agent::ChatMessage::State::Interrupted;
                break;
            default:
                message.state = agent::ChatMessage::State::Failed;
                break;
            }
            if (message.text.isEmpty()) {
                // Nothing was said: the message goes, the outcome below says what happened.
                m_messages.removeAt(index);
                emit messageRemoved(index);
            } else {
                emit messageChanged(index);
            }
        }
        m_status.clear();
        emit statusChanged(m_status);
        const QString note = turn->outcomeMessage().trimmed();
        if (outcome == agent::ChatTurn::Outcome::Refused) {
            addError(turn->error());
        } else if (turn->error() && outcome != agent::ChatTurn::Outcome::Cancelled) {
            addError(turn->error(), note);
        } else if (!note.isEmpty()) {
            addNotice(note);
        }
        if (turn->hasStateAfter())
            emit turnFinished(turn->changes());
        m_turn = nullptr;
        emit busyChanged(false);
        if (outcome == agent::ChatTurn::Outcome::Dropped) {
            agent::ProjectState baseline;
            if (turn->hasStateAfter())
                baseline = turn->stateAfter();
            else if (const auto last = m_service->lastState())
                baseline = *last;
            startWatch(baseline);
        }
    });
}

TimelineWatch *Conversation::watch() const
{
    return m_watch;
}

bool Conversation::isWatching() const
{
    return m_watch && m_watch->isRunning();
}

void Conversation::stopWatching()
{
    if (m_watch)
        m_watch->stop();
}

void Conversation::dropWatch()
{
    if (!m_watch)
        return;
    TimelineWatch *watch = std::exchange(m_watch, nullptr);
    watch->disconnect(this);
    watch->stop();
    watch->deleteLater();
    emit watchingChanged(false);
}

void Conversation::startWatch(const agent::ProjectState &baseline)
{
    dropWatch();
    auto *watch = new TimelineWatch(m_service, baseline, this);
    m_watch = watch;
    const net::ServiceConfig &config = m_service->config();
    addNotice(
        tr("The agent may still be working on it. Nemo Studio will look at the timeline in %n second(s), "
           "then every %1 s, and stop after %2 looks without a change (or when you press Stop "
           "Waiting).",
           nullptr, int((config.droppedStreamFirstCheck.count() + 999) / 1000))
            .arg((config.droppedStreamInterval.count() + 999) / 1000)
            .arg(watch->quietLimit()));
    connect(watch, &TimelineWatch::progressed, this, &Conversation::watchProgressed);
    connect(watch, &TimelineWatch::changed, this,
            [this](const agent::ProjectState &, const draft::DraftDiff &changes) {
                addNotice(changes.isEmpty()
                              ? tr("The agent carried on: there is new generated media in the media bin.")
                              : tr("The agent carried on. What changed: %1.").arg(changes.describe()));
                emit turnFinished(changes);
            });
    connect(watch, &TimelineWatch::finished, this, [this, watch](TimelineWatch::End end) {
        if (end == TimelineWatch::End::Quiet)
            addNotice(
                tr("Nothing changed in %n look(s) at the timeline, so Nemo Studio stopped waiting for the "
                   "agent.",
                   nullptr, watch->quietLimit()));
        else
            addNotice(tr("Stopped waiting for the agent. What it did so far is on the timeline."));
        emit watchingChanged(false);
    });
    watch->start();
    emit watchingChanged(true);
}

void Conversation::stop()
{
    if (m_turn)
        m_turn->stop();
}

} // namespace nemo::client
