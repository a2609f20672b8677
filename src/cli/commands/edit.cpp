#include "cliapplication.h"
#include "client/workspace.h"
#include "edit/editor.h"
#include "edit/handedits.h"
#include "exitcodes.h"
#include "util/timecode.h"

#include <QJsonArray>

namespace nemo::cli {

using namespace nemo;
namespace timecode = util::timecode;

void CliApplication::addEditOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("what"),
                                 tr("list | undo | redo | discard | delete SEGMENT | move SEGMENT TIME | "
                                    "trim SEGMENT | split SEGMENT TIME | "
                                    "title SEGMENT | volume SEGMENT PERCENT"));
    parser.addOption(
        {QStringLiteral("ripple"), tr("Move what follows on the track too (delete, move, trim).")});
    parser.addOption({QStringLiteral("start"), tr("trim: where the segment now starts."), tr("TIME")});
    parser.addOption({QStringLiteral("end"), tr("trim: where the segment now ends."), tr("TIME")});
    parser.addOption({QStringLiteral("text"), tr("title: the new words."), tr("WORDS")});
    parser.addOption({QStringLiteral("duration"), tr("title: how long it shows."), tr("TIME")});
    parser.addOption({QStringLiteral("fade-in"), tr("volume: fade in over this long."), tr("TIME")});
    parser.addOption({QStringLiteral("fade-out"), tr("volume: fade out over this long."), tr("TIME")});
}

void CliApplication::edit()
{
    edit::HandEdits *edits = m_workspace->handEdits();
    const QStringList words = m_parser.positionalArguments();
    const QString what = words.value(0).toLower();
    const edit::EditedDraft &document = edits->document();
    const int fps = document.fps();
    auto usage = [this](const QString &message) {
        printError(message);
        finish(Usage);
    };
    auto time = [fps](const QString &text, qint64 *frames) {
        return timecode::parseFrames(text, fps, frames);
    };
    auto report = [this, edits](const QString &done) {
        if (m_json) {
            QJsonArray list;
            for (int i = 0; i < int(edits->entries().size()); ++i) {
                const edit::HandEdits::Entry &entry = edits->entries().at(i);
                list.append(QJsonObject{{QStringLiteral("name"), entry.edit.name},
                                        {QStringLiteral("done"), i < edits->doneCount()},
                                        {QStringLiteral("applied"), entry.report.applied},
                                        {QStringLiteral("message"), entry.report.message}});
            }
            printJson({{QStringLiteral("result"), done},
                       {QStringLiteral("edits"), list},
                       {QStringLiteral("summary"), edits->draft().summary()}});
        } else {
            if (!done.isEmpty())
                m_out << done << Qt::endl;
            m_out << edits->draft().summary() << Qt::endl;
        }
        finish(Ok);
    };
    if (what.isEmpty() || what == QLatin1String("list")) {
        if (m_json) {
            report(QString());
            return;
        }
        if (edits->entries().isEmpty())
            m_out << tr("No hand edits.") << Qt::endl;
        for (int i = 0; i < int(edits->entries().size()); ++i) {
            const edit::HandEdits::Entry &entry = edits->entries().at(i);
            QString line = QStringLiteral("%1. %2").arg(i + 1).arg(entry.edit.name);
            if (i >= edits->doneCount())
                line += tr(" (undone)");
            else if (!entry.report.message.isEmpty())
                line += QStringLiteral(" — ") + entry.report.message;
            m_out << line << Qt::endl;
        }
        finish(Ok);
        return;
    }
    if (document.clipCount() == 0) {
        printError(tr("There is no timeline to edit yet: ask the agent for a video first."));
        finish(BadInput);
        return;
    }
    if (what == QLatin1String("undo") || what == QLatin1String("redo")) {
        const QString name = what == QLatin1String("undo") ? edits->undoName() : edits->redoName();
        const bool done = what == QLatin1String("undo") ? edits->undo() : edits->redo();
        if (!done) {
            printError(what == QLatin1String("undo") ? tr("There is nothing to undo.")
                                                     : tr("There is nothing to redo."));
            finish(BadInput);
            return;
        }
        report(what == QLatin1String("undo") ? tr("Undid: %1").arg(name) : tr("Redid: %1").arg(name));
        return;
    }
    const edit::Editor editor(document);
    edit::Editor::Result result;
    if (what == QLatin1String("discard")) {
        if (!document.isEdited()) {
            printError(tr("The timeline is the agent's already: there are no hand edits to discard."));
            finish(BadInput);
            return;
        }
        result = editor.discard();
    } else {
        const QString name = words.value(1);
        if (name.isEmpty()) {
            usage(tr("Name the segment, as `nemo-cli state` lists it (e.g. Video:photo1.jpg or Video:2)."));
            return;
        }
        QString problem;
        const QString key = document.resolve(name, &problem);
        if (key.isEmpty()) {
            printError(problem);
            finish(BadInput);
            return;
        }
        const edit::Clip *clip = document.clip(key);
        const bool ripple = m_parser.isSet(QStringLiteral("ripple"));
        qint64 frames = 0;
        if (what == QLatin1String("delete")) {
            result = editor.remove({key}, ripple);
        } else if (what == QLatin1String("move") || what == QLatin1String("split")) {
            if (!time(words.value(2), &frames)) {
                usage(tr("Give the time, e.g. 4.5 (seconds) or 00:04:15 (minutes:seconds:frames)."));
                return;
            }
            result =
                what == QLatin1String("move") ? editor.move(key, frames, ripple) : editor.split(key, frames);
        } else if (what == QLatin1String("trim")) {
            const bool start = m_parser.isSet(QStringLiteral("start"));
            const bool end = m_parser.isSet(QStringLiteral("end"));
            if (start == end) {
                usage(tr("Say which edge: --start TIME or --end TIME."));
                return;
            }
            if (!time(m_parser.value(start ? QStringLiteral("start") : QStringLiteral("end")), &frames)) {
                usage(tr("Give the time, e.g. 4.5 (seconds) or 00:04:15 (minutes:seconds:frames)."));
                return;
            }
            result = start ? editor.trimIn(key, frames, ripple) : editor.trimOut(key, frames, ripple);
        } else if (what == QLatin1String("title")) {
            qint64 duration = 0;
            if (m_parser.isSet(QStringLiteral("duration")) &&
                !time(m_parser.value(QStringLiteral("duration")), &duration)) {
                usage(tr("Give the length, e.g. 4 (seconds) or 00:04:00."));
                return;
            }
            const QString text = m_parser.isSet(QStringLiteral("text"))
                ? m_parser.value(QStringLiteral("text"))
                : clip->values.text;
            result = editor.setTitle(key, text, duration);
        } else if (what == QLatin1String("volume")) {
            QString percent = words.value(2);
            percent.remove(QLatin1Char('%'));
            bool ok = false;
            const double volume = percent.toDouble(&ok) / 100.0;
            if (!ok) {
                usage(tr("Give the volume in percent, e.g. 35."));
                return;
            }
            result = editor.setVolume(key, volume);
            qint64 fadeIn = clip->values.fadeIn;
            qint64 fadeOut = clip->values.fadeOut;
            if ((m_parser.isSet(QStringLiteral("fade-in")) &&
                 !time(m_parser.value(QStringLiteral("fade-in")), &fadeIn)) ||
                (m_parser.isSet(QStringLiteral("fade-out")) &&
                 !time(m_parser.value(QStringLiteral("fade-out")), &fadeOut))) {
                usage(tr("Give the fade's length, e.g. 1.5 (seconds)."));
                return;
            }
            const edit::Editor::Result fades = editor.setFades(key, fadeIn, fadeOut);
            if (!fades.problem.isEmpty() && !fades.edit.ops.isEmpty()) {
                printError(fades.problem);
                finish(BadInput);
                return;
            }
            if (!result.problem.isEmpty() && result.edit.ops.isEmpty() && !fades.edit.ops.isEmpty())
                result = fades;
            else if (!fades.edit.ops.isEmpty() && fades.problem.isEmpty())
                result.edit.ops += fades.edit.ops;
        } else {
            usage(tr("Unknown edit \"%1\". Run nemo-cli edit --help.").arg(what));
            return;
        }
    }
    if (!result.ok()) {
        printError(result.problem);
        finish(BadInput);
        return;
    }
    QString problem;
    if (!edits->push(result.edit, &problem)) {
        printError(problem);
        finish(BadInput);
        return;
    }
    report(tr("Done: %1").arg(result.edit.name));
}

} // namespace nemo::cli
