#include "chatturn.h"
#include "cliapplication.h"
#include "clisupport.h"
#include "exitcodes.h"
#include "intentrouter.h"

#include <QMetaEnum>

namespace nemo::cli {

using namespace nemo::core;

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
        switch (IntentRouter::route(message)) {
        case Intent::Credits:
            printStatus(tr("(handled here, not sent to the agent: credits)"));
            credits();
            return;
        case Intent::State:
            printStatus(tr("(handled here, not sent to the agent: timeline)"));
            state();
            return;
        case Intent::Export:
            printError(tr("To export, run: nemo-cli export --out FILE.mp4 (add --no-route to send this to "
                          "the agent instead)."));
            finish(Usage);
            return;
        case Intent::Upload:
            printError(tr(
                "To upload, run: nemo-cli upload FILE… (add --no-route to send this to the agent instead)."));
            finish(Usage);
            return;
        case Intent::Chat:
            break;
        }
    }
    ChatTurn *turn = m_service->sendMessage(message, this);
    m_turn = turn;
    connect(turn, &ChatTurn::textChanged, this, [this](const QString &, const QString &appended) {
        if (!m_json && !appended.isEmpty()) {
            m_out << appended << Qt::flush;
            m_midLine = !appended.endsWith(QLatin1Char('\n'));
        }
    });
    connect(turn, &ChatTurn::toolStarted, this,
            [this](const QString &description) { printStatus(QStringLiteral("… ") + description); });
    connect(turn, &ChatTurn::stillWorking, this, [this] { printStatus(tr("⏳ Still working…")); });
    connect(turn, &ServiceJob::finished, this, [this, turn] {
        const QString reply = turn->text();
        if (!m_json && !reply.isEmpty())
            m_out << Qt::endl;
        if (m_json) {
            QJsonObject body{
                {QStringLiteral("reply"), reply},
                {QStringLiteral("outcome"),
                 QString::fromLatin1(
                     QMetaEnum::fromType<ChatTurn::Outcome>().valueToKey(int(turn->outcome())))
                     .toLower()},
                {QStringLiteral("changes"), turn->hasStateAfter() ? turn->changes().describe() : QString()}};
            if (turn->hasStateAfter())
                body.insert(QStringLiteral("timeline"), turn->stateAfter().draft.summary());
            if (turn->error())
                body.insert(QStringLiteral("error"),
                            QJsonObject{{QStringLiteral("kind"), jsonKind(turn->error())},
                                        {QStringLiteral("message"), turn->outcomeMessage()}});
            printJson(body);
            finish(exitCodeFor(turn->error()));
            return;
        }
        if (turn->outcome() == ChatTurn::Outcome::Refused) {
            fail(turn->error());
            return;
        }
        const QString note = turn->outcomeMessage();
        if (!note.isEmpty())
            (turn->error() ? m_err : m_out) << note.trimmed() << Qt::endl;
        if (turn->hasStateAfter() && turn->outcome() != ChatTurn::Outcome::Replied)
            m_out << turn->stateAfter().draft.summary() << Qt::endl;
        finish(exitCodeFor(turn->error()));
    });
}

} // namespace nemo::cli
