#include "agent/chatturn.h"
#include "agent/intentrouter.h"
#include "cliapplication.h"
#include "client/conversation.h"
#include "client/workspace.h"
#include "clisupport.h"
#include "exitcodes.h"

#include <QMetaEnum>

namespace nemo::cli {

using namespace nemo;

void CliApplication::addChatOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(
        QStringLiteral("message"),
        tr("What you want, e.g. \"turn these images into a 30-second promo video\"."));
    parser.addOption(
        {QStringLiteral("no-route"), tr("Always send to the agent, even \"export\" or \"credits\".")});
}

void CliApplication::chat()
{
    const QString message = m_parser.positionalArguments().join(QLatin1Char(' ')).trimmed();
    if (message.isEmpty()) {
        printError(
            tr("Say what you want, e.g. nemo-cli chat \"turn these images into a 30-second promo video\"."));
        finish(Usage);
        return;
    }
    if (!m_parser.isSet(QStringLiteral("no-route"))) {
        switch (agent::IntentRouter::route(message)) {
        case agent::Intent::Credits:
            printStatus(tr("(handled here, not sent to the agent: credits)"));
            credits();
            return;
        case agent::Intent::State:
            printStatus(tr("(handled here, not sent to the agent: timeline)"));
            state();
            return;
        case agent::Intent::Export:
            printError(tr("To export, run: nemo-cli export --out FILE.mp4 (add --no-route to send this to "
                          "the agent instead)."));
            finish(Usage);
            return;
        case agent::Intent::Upload:
            printError(tr(
                "To upload, run: nemo-cli upload FILE… (add --no-route to send this to the agent instead)."));
            finish(Usage);
            return;
        case agent::Intent::Chat:
            break;
        }
    }
    // Through the project's conversation, so the exchange is in the chat the window shows.
    agent::ChatTurn *turn = m_workspace->conversation()->send(message);
    m_turn = turn;
    connect(turn, &agent::ChatTurn::textChanged, this, [this](const QString &, const QString &appended) {
        if (!m_json && !appended.isEmpty()) {
            m_out << appended << Qt::flush;
            m_midLine = !appended.endsWith(QLatin1Char('\n'));
        }
    });
    connect(turn, &agent::ChatTurn::toolStarted, this,
            [this](const QString &description) { printStatus(QStringLiteral("… ") + description); });
    connect(turn, &agent::ChatTurn::stillWorking, this, [this] { printStatus(tr("⏳ Still working…")); });
    connect(turn, &net::ServiceJob::finished, this, [this, turn] {
        const QString reply = turn->text();
        if (!m_json && !reply.isEmpty())
            m_out << Qt::endl;
        if (m_json) {
            QJsonObject body{
                {QStringLiteral("reply"), reply},
                {QStringLiteral("outcome"),
                 QString::fromLatin1(
                     QMetaEnum::fromType<agent::ChatTurn::Outcome>().valueToKey(int(turn->outcome())))
                     .toLower()},
                {QStringLiteral("changes"), turn->hasStateAfter() ? turn->changes().describe() : QString()}};
            if (turn->hasStateAfter())
                body.insert(QStringLiteral("timeline"), turn->stateAfter().draft.summary());
            if (turn->error()) {
                body.insert(QStringLiteral("error"),
                            QJsonObject{{QStringLiteral("kind"), jsonKind(turn->error())},
                                        {QStringLiteral("message"), turn->outcomeMessage().trimmed()}});
                printError(turn->outcomeMessage().trimmed()); // the human line, on stderr
                m_jsonErrorPrinted = true;
            }
            printJson(body);
            finish(exitCodeFor(turn->error()));
            return;
        }
        if (turn->outcome() == agent::ChatTurn::Outcome::Refused) {
            fail(turn->error());
            return;
        }
        const QString note = turn->outcomeMessage();
        if (!note.isEmpty())
            (turn->error() ? m_err : m_out) << note.trimmed() << Qt::endl;
        if (turn->hasStateAfter() && turn->outcome() != agent::ChatTurn::Outcome::Replied)
            m_out << turn->stateAfter().draft.summary() << Qt::endl;
        finish(exitCodeFor(turn->error()));
    });
}

} // namespace nemo::cli
