#include "agent/projectstate.h"
#include "agent/statequery.h"
#include "cliapplication.h"
#include "client/workspace.h"
#include "clisupport.h"
#include "exitcodes.h"
#include "media/mediacache.h"
#include "media/uploadqueue.h"
#include "net/apicall.h"
#include "project/projectkeeper.h"
#include "render/exporter.h"
#include "render/localrenderjob.h"
#include "render/renderjob.h"

#include <QDir>
#include <QFileInfo>

#include <cstdio>

namespace nemo::cli {

using namespace nemo;

void CliApplication::addExportOptions(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("out"), tr("Where to save the MP4."), tr("FILE.mp4")});
    parser.addOption({QStringLiteral("quality"), tr("Render quality (default: high)."), tr("QUALITY"),
                      QStringLiteral("high")});
    parser.addOption({QStringLiteral("poll-interval"),
                      tr("The longest wait between status checks, in seconds (2 or more; default: 30). "
                         "Checks come sooner when the render's progress says it will finish sooner."),
                      tr("SECONDS")});
    parser.addOption({QStringLiteral("cancel"), tr("Stop the export that is running for this session.")});
    parser.addOption({QStringLiteral("local"),
                      tr("Render on this computer with MLT's melt instead of the service (works offline "
                         "once the media is here).")});
    parser.addOption({QStringLiteral("mlt"),
                      tr("Write the edit as an MLT project for Shotcut or melt, with every source on this "
                         "computer."),
                      tr("FILE.mlt")});
    parser.addOption({QStringLiteral("otio"),
                      tr("Write the edit as an OpenTimelineIO timeline for DaVinci Resolve and other "
                         "editors, with every source on this computer."),
                      tr("FILE.otio")});
    parser.addOption({QStringLiteral("allow-missing"),
                      tr("With --local: render even when some media is missing (with gaps there).")});
    parser.addOption(
        {QStringLiteral("force"), tr("Overwrite the file given with --out, --mlt or --otio if it exists.")});
    parser.addOption({QStringLiteral("resume"), tr("Continue the export an earlier run left unfinished.")});
}

void CliApplication::exportVideo()
{
    if (m_parser.isSet(QStringLiteral("cancel"))) {
        cancelExport();
        return;
    }
    if (m_parser.isSet(QStringLiteral("mlt")) && m_parser.isSet(QStringLiteral("otio"))) {
        printError(tr("Give either --mlt or --otio, one project at a time."));
        finish(Usage);
        return;
    }
    if (m_parser.isSet(QStringLiteral("mlt"))) {
        exportProject(QFileInfo(m_parser.value(QStringLiteral("mlt"))).absoluteFilePath());
        return;
    }
    if (m_parser.isSet(QStringLiteral("otio"))) {
        QString path = QFileInfo(m_parser.value(QStringLiteral("otio"))).absoluteFilePath();
        if (!path.endsWith(QLatin1String(".otio"), Qt::CaseInsensitive))
            path += QStringLiteral(".otio"); // what makes it an OpenTimelineIO file for the tools
        exportProject(path);
        return;
    }
    const QString out = m_parser.value(QStringLiteral("out"));
    if (out.isEmpty()) {
        printError(tr("Say where to save the video: nemo-cli export --out FILE.mp4"));
        finish(Usage);
        return;
    }
    const QString target = QFileInfo(out).absoluteFilePath();
    if (QFileInfo(target).isDir()) {
        printError(
            tr("%1 is a folder; give a file name, e.g. %1/video.mp4").arg(QDir::toNativeSeparators(out)));
        finish(BadInput);
        return;
    }
    if (QFileInfo::exists(target) && !m_parser.isSet(QStringLiteral("force"))) {
        printError(tr("%1 already exists; add --force to overwrite it.").arg(QDir::toNativeSeparators(out)));
        finish(BadInput);
        return;
    }
    if (m_parser.isSet(QStringLiteral("local"))) {
        renderLocally(target);
        return;
    }
    auto *exporter = new render::Exporter(m_service, this);
    auto throttle = std::make_shared<Throttle>();
    auto lastState = std::make_shared<render::RenderStatus::State>(render::RenderStatus::State::Unknown);
    auto lastProgress = std::make_shared<int>(-1);
    connect(exporter, &render::Exporter::jobIdAssigned, this, [this, exporter](const QString &id) {
        m_keeper->noteRender(id, project::RenderRecord::State::Rendering, exporter->targetPath(), QString(),
                             exporter->startedAt());
    });
    connect(exporter, &render::Exporter::changed, this, [this, exporter, throttle, lastState, lastProgress] {
        if (m_json)
            return;
        if (exporter->phase() == render::Exporter::Phase::Rendering) {
            const render::RenderStatus status = exporter->status();
            if (status.state != *lastState || status.progress != *lastProgress) {
                *lastState = status.state;
                *lastProgress = status.progress;
                printStatus(tr("Export %1: %2, %3%")
                                .arg(exporter->jobId(), render::RenderStatus::stateName(status.state))
                                .arg(status.progress));
            }
        } else if (exporter->phase() == render::Exporter::Phase::Downloading && throttle->ready()) {
            if (exporter->total() > 0)
                m_err << '\r' << tr("Downloading… %1%").arg(exporter->received() * 100 / exporter->total())
                      << Qt::flush;
            else
                m_err << '\r' << tr("Downloading… %1 KB").arg(exporter->received() / 1024) << Qt::flush;
        }
    });
    connect(exporter, &render::Exporter::finished, this, [this, exporter] {
        if (!m_json)
            m_err << '\r' << QString(30, QLatin1Char(' ')) << '\r' << Qt::flush;
        if (exporter->phase() == render::Exporter::Phase::Cancelled) {
            m_keeper->noteRender(exporter->jobId(), project::RenderRecord::State::Cancelled);
            printError(tr("The export was cancelled; nothing was saved."));
            finish(Interrupted);
            return;
        }
        if (exporter->phase() == render::Exporter::Phase::Failed) {
            const net::ApiError::Kind kind = exporter->error().kind();
            // Anything else (the network, a timeout) leaves it to `export --resume`.
            if (kind == net::ApiError::Kind::RenderFailed || kind == net::ApiError::Kind::NotFound)
                m_keeper->noteRender(exporter->jobId(), project::RenderRecord::State::Failed, QString(),
                                     exporter->error().message());
            fail(exporter->error());
            return;
        }
        m_keeper->noteRender(exporter->jobId(), project::RenderRecord::State::Done, exporter->targetPath());
        if (m_json) {
            printJson({{QStringLiteral("file"), exporter->targetPath()},
                       {QStringLiteral("render_id"), exporter->jobId()},
                       {QStringLiteral("bytes"), double(exporter->received())}});
        } else {
            m_out << QDir::toNativeSeparators(exporter->targetPath()) << Qt::endl;
        }
        finish(Ok);
    });
    if (m_parser.isSet(QStringLiteral("resume"))) {
        const QString pending = m_keeper->pendingRender();
        if (pending.isEmpty()) {
            printError(tr("There is no unfinished export to resume."));
            finish(BadInput);
            return;
        }
        printStatus(tr("Resuming export %1…").arg(pending));
        exporter->resume(pending, target);
        return;
    }
    agent::StateQuery *query = m_service->fetchState(this);
    m_jobs.append(query);
    connect(query, &net::ServiceJob::finished, this, [this, query, exporter, target] {
        if (query->error()) {
            fail(query->error());
            return;
        }
        // What the user sees: the agent's draft with the project's hand edits.
        const draft::Draft draft = m_workspace->edited(query->state()).draft;
        if (!draft.isExportable()) {
            net::ApiError error(net::ApiError::Kind::InvalidInput);
            error.setDetail(
                tr("The timeline is empty, so there is nothing to export yet. Upload media and ask the agent "
                   "for a video first."));
            fail(error);
            return;
        }
        render::RenderOptions options;
        options.quality = m_parser.value(QStringLiteral("quality"));
        exporter->start(draft, options, target);
    });
    m_exporter = exporter;
}
void CliApplication::cancelExport()
{
    const QString pending = m_keeper->pendingRender();
    if (pending.isEmpty()) {
        printError(tr("There is no export running for this session."));
        finish(BadInput);
        return;
    }
    net::ApiCall *call = m_service->cancelRender(pending, this);
    m_jobs.append(call);
    connect(call, &net::ServiceJob::finished, this, [this, call, pending] {
        const net::ApiError &error = call->error();
        if (!error) {
            m_keeper->noteRender(pending, project::RenderRecord::State::Cancelled);
            if (m_json)
                printJson({{QStringLiteral("render_id"), pending}, {QStringLiteral("cancelled"), true}});
            else
                m_out << tr("Export %1 cancelled.").arg(pending) << Qt::endl;
            finish(Ok);
            return;
        }
        if (error.kind() == net::ApiError::Kind::NotFound || error.httpStatus() == 405 ||
            error.httpStatus() == 501) {
            // The job goes on: it can still be fetched with --resume.
            if (m_json)
                printJson({{QStringLiteral("render_id"), pending},
                           {QStringLiteral("cancelled"), false},
                           {QStringLiteral("error"), QStringLiteral("not_cancellable")}});
            printError(tr("This export can't be stopped; it will finish on its own. Fetch it with: nemo-cli "
                          "export --resume --out FILE.mp4"));
            finish(Server);
            return;
        }
        fail(error);
    });
}
void CliApplication::withState(const std::function<void(const agent::ProjectState &)> &use)
{
    agent::StateQuery *query = m_service->fetchState(this);
    m_jobs.append(query);
    connect(query, &net::ServiceJob::finished, this, [this, query, use] {
        agent::ProjectState state;
        if (query->error()) {
            const net::ApiError::Kind kind = query->error().kind();
            // The project keeps the timeline after each turn; its last one is the service's state
            // until the service answers.
            // Whatever keeps the service from answering (no connection, no answer in time, a 5xx, an
            // answer that can't be read) leaves the saved timeline to work from; a refusal does not.
            using Kind = net::ApiError::Kind;
            const bool unavailable = kind == Kind::Network || kind == Kind::Timeout || kind == Kind::Server ||
                kind == Kind::BadResponse;
            const std::optional<agent::ProjectState> saved = m_service->lastState();
            if (!unavailable || !saved || saved->draft.isEmpty()) {
                fail(query->error());
                return;
            }
            printStatus(kind == Kind::Network || kind == Kind::Timeout
                            ? tr("The service can't be reached; using the timeline as it was last seen.")
                            : tr("The service did not give the timeline (%1); using the timeline as it was "
                                 "last seen.")
                                  .arg(query->error().message()));
            state = *saved;
        } else {
            state = query->state();
        }
        state = m_workspace->edited(state); // the project's hand edits over it
        if (!state.draft.isExportable()) {
            net::ApiError error(net::ApiError::Kind::InvalidInput);
            error.setDetail(
                tr("The timeline is empty, so there is nothing to export yet. Upload media and ask "
                   "the agent for a video first."));
            fail(error);
            return;
        }
        use(state);
    });
}
void CliApplication::exportProject(const QString &path)
{
    // Never over a file that is there, unless asked: a finished video or a project edited by hand.
    if (QFileInfo::exists(path) && !m_parser.isSet(QStringLiteral("force"))) {
        printError(tr("%1 already exists; add --force to overwrite it.").arg(QDir::toNativeSeparators(path)));
        finish(BadInput);
        return;
    }
    if (QFileInfo(path).isDir()) {
        printError(tr("%1 is a folder; give a file name.").arg(QDir::toNativeSeparators(path)));
        finish(BadInput);
        return;
    }
    withState([this, path](const agent::ProjectState &state) {
        render::Exporter::writeProject(
            state, m_workspace->uploads()->items(), m_workspace->mediaCache(), path, this,
            [this, path](const QString &error, const QList<render::MissingSource> &missing) {
                if (!error.isEmpty()) {
                    printError(error);
                    finish(Storage);
                    return;
                }
                for (const render::MissingSource &source : missing) {
                    printStatus(tr("Left empty: %1").arg(source.message()));
                    if (source.reason == render::MissingSource::Reason::Gone)
                        printStatus(tr("It was at %1.").arg(QDir::toNativeSeparators(source.original)));
                }
                if (m_json)
                    printJson(
                        {{QStringLiteral("file"), path}, {QStringLiteral("missing"), int(missing.size())}});
                else
                    m_out << QDir::toNativeSeparators(path) << Qt::endl;
                finish(Ok);
            });
    });
}
void CliApplication::renderLocally(const QString &target)
{
    if (render::LocalRenderJob::meltProgram().isEmpty()) {
        printError(render::LocalRenderJob::missingMeltMessage());
        finish(Failure);
        return;
    }
    withState([this, target](const agent::ProjectState &state) {
        auto *exporter = new render::Exporter(m_service, this);
        m_exporter = exporter;
        auto throttle = std::make_shared<Throttle>();
        connect(exporter, &render::Exporter::changed, this, [this, exporter, throttle] {
            if (m_json || exporter->phase() != render::Exporter::Phase::Rendering || !throttle->ready())
                return;
            if (exporter->status().state == render::RenderStatus::State::Processing)
                m_err << '\r' << tr("Rendering on this computer… %1%").arg(exporter->status().progress)
                      << Qt::flush;
        });
        connect(exporter, &render::Exporter::finished, this, [this, exporter] {
            if (!m_json)
                m_err << '\r' << QString(40, QLatin1Char(' ')) << '\r' << Qt::flush;
            if (exporter->phase() != render::Exporter::Phase::Done) {
                const net::ApiError &error = exporter->error();
                printError(error.message());
                for (const render::MissingSource &source : exporter->missing()) {
                    if (source.reason == render::MissingSource::Reason::Gone)
                        printStatus(tr("%1 was at %2.")
                                        .arg(QFileInfo(source.original).fileName(),
                                             QDir::toNativeSeparators(source.original)));
                }
                if (!exporter->missing().isEmpty())
                    printStatus(tr("Add --allow-missing to render with gaps where that media was."));
                finish(exitCodeFor(error));
                return;
            }
            if (m_json)
                printJson({{QStringLiteral("file"), exporter->targetPath()},
                           {QStringLiteral("engine"), QStringLiteral("local")},
                           {QStringLiteral("bytes"), double(QFileInfo(exporter->targetPath()).size())}});
            else
                m_out << QDir::toNativeSeparators(exporter->targetPath()) << Qt::endl;
            finish(Ok);
        });
        exporter->startLocal(state, m_workspace->uploads()->items(), m_workspace->mediaCache(), target,
                             m_parser.isSet(QStringLiteral("allow-missing")));
    });
}

} // namespace nemo::cli
