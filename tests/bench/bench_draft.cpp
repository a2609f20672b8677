// Benchmark: a 10,000-segment draft on the path the product takes, from the bytes of the state answer
// (the envelope, the state, the draft) to the window's timeline model; and the draft alone from its
// own bytes, for comparison. Target: < 20 ms.
#include "agent/projectstate.h"
#include "agent/statequery.h"
#include "benchsupport.h"
#include "draft/draft.h"
#include "draft/draftdiff.h"
#include "edit/editor.h"
#include "edit/handedits.h"
#include "net/envelope.h"
#include "timeline/timelinemodel.h"

#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace nemo;

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv); // the timeline model is the window's
    const bool quick = nemo::bench::smoke(argc, argv);
    QJsonArray video;
    QJsonArray audio;
    QJsonArray text;
    for (int i = 0; i < 10000; ++i) {
        QJsonArray &segments = i % 10 == 0 ? audio : (i % 10 == 1 ? text : video);
        segments.append(QJsonObject{
            {QStringLiteral("id"), QStringLiteral("seg_%1").arg(i)},
            {QStringLiteral("st"), i * 500},
            {QStringLiteral("d"), 500},
            {QStringLiteral("src"), QStringLiteral("https://cdn.nemovideo.ai/u/anon_1/clip_%1.mp4").arg(i)},
            {QStringLiteral("m"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("clip_%1.mp4").arg(i)},
                         {QStringLiteral("text"), QStringLiteral("Caption %1").arg(i)},
                         {QStringLiteral("volume"), 0.35},
                         {QStringLiteral("width"), 1920},
                         {QStringLiteral("height"), 1080}}},
            {QStringLiteral("fx"), QStringLiteral("ken_burns")}});
    }
    const QJsonObject draft{
        {QStringLiteral("d"), 5000000},
        {QStringLiteral("m"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Benchmark")}}},
        {QStringLiteral("t"),
         QJsonArray{QJsonObject{{QStringLiteral("tt"), 0}, {QStringLiteral("sg"), video}},
                    QJsonObject{{QStringLiteral("tt"), 1}, {QStringLiteral("sg"), audio}},
                    QJsonObject{{QStringLiteral("tt"), 7}, {QStringLiteral("sg"), text}}}}};
    const QByteArray bytes = QJsonDocument(draft).toJson(QJsonDocument::Compact);
    std::vector<double> times;
    int segments = 0;
    for (int round = 0; round < (quick ? 2 : 30); ++round) {
        QElapsedTimer clock;
        clock.start();
        const draft::Draft decoded = draft::Draft::fromBytes(bytes);
        segments = decoded.segmentCount();
        times.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::printf("draft %.1f MB, %d segments, %d rounds\n", double(bytes.size()) / (1024 * 1024), segments,
                int(times.size()));
    nemo::bench::report("draft.decode_10000_segments_draft_bytes_only", nemo::bench::median(times), "ms",
                        "(for comparison)");

    // The state answer as the service sends it ({"code":0,"data":{"state":{"draft":…}}}), as StateQuery
    // takes it: the envelope decoded, the state read, the draft given to the timeline.
    const QByteArray answer =
        QJsonDocument(QJsonObject{{QStringLiteral("code"), 0},
                                  {QStringLiteral("data"),
                                   QJsonObject{{QStringLiteral("state"),
                                                QJsonObject{{QStringLiteral("draft"), draft}}}}}})
            .toJson(QJsonDocument::Compact);
    // Then what a turn does with it in the product: the diff against the timeline before (ChatTurn), the
    // hand edits applied over it (Workspace → HandEdits), the model read again and the summary
    // (TimelinePanel::showState).
    edit::HandEdits edits;
    nemo::app::TimelineModel model(&edits);
    std::vector<double> real;
    std::vector<double> envelopeMs;
    std::vector<double> modelMs;
    int shown = 0;
    int summarised = 0;
    for (int round = 0; round < (quick ? 2 : 30); ++round) {
        const draft::Draft before = edits.document().agent();
        QElapsedTimer clock;
        clock.start();
        // What ServiceJob::answerOf does for a StateQuery: one parse, the state read from it.
        agent::ProjectState state;
        const net::ApiResult result =
            net::Envelope::decode(200, answer, agent::StateQuery::readerInto(&state));
        const qint64 enveloped = clock.nsecsElapsed();
        if (!result.ok())
            return 1;
        const qint64 read = clock.nsecsElapsed();
        const draft::DraftDiff diff = draft::DraftDiff::between(before, state.draft);
        edits.setAgentDraft(state.draft, round + 1);
        model.setChanges(diff.changedSegments());
        summarised += model.summary().isEmpty() ? 0 : 1;
        real.push_back(double(clock.nsecsElapsed()) / 1e6);
        envelopeMs.push_back(double(enveloped) / 1e6);
        modelMs.push_back(double(clock.nsecsElapsed() - read) / 1e6);
        shown = model.document().clipCount();
        edits.setAgentDraft(draft::Draft(),
                            0); // the next round starts from an empty timeline, as a new project does
    }
    // The hand edits again over the agent's next 10,000-segment draft: 100 single-op edits (trims, volume,
    // moves, lifts), as HandEdits does when a turn brings a new draft, and the edited draft every output
    // reads.
    {
        edit::HandEdits layer;
        const draft::Draft first = draft::Draft::fromBytes(bytes);
        layer.setAgentDraft(first, 1);
        for (int i = 0; i < 100; ++i) {
            const edit::EditedDraft &doc = layer.document();
            const edit::EditTrack &track = doc.tracks().at(i % 2);
            const edit::Clip &clip = track.clips.at((i * 97) % track.clips.size());
            const edit::Editor editor(doc);
            edit::Editor::Result result;
            switch (i % 4) {
            case 0:
                result = editor.trimOut(clip.key, clip.end() - 1, false);
                break;
            case 1:
                result = editor.setVolume(clip.key, 0.5);
                break;
            case 2:
                result = editor.remove({clip.key}, false);
                break;
            default:
                result = editor.setFades(clip.key, 1, 1);
                break;
            }
            if (!result.ok() || !layer.push(result.edit))
                nemo::bench::fail("an edit for the benchmark was refused");
        }
        // The agent's next draft: a changed volume somewhere, so its bytes differ.
        QJsonObject changed = draft;
        QJsonArray tracks = changed.value(QLatin1String("t")).toArray();
        QJsonObject track = tracks.at(0).toObject();
        track.insert(QStringLiteral("next"), true);
        tracks.replace(0, track);
        changed.insert(QStringLiteral("t"), tracks);
        const draft::Draft next = draft::Draft::fromJson(changed);
        std::vector<double> reapply;
        std::vector<double> written;
        int applied = 0;
        for (int round = 0; round < (quick ? 2 : 20); ++round) {
            QElapsedTimer clock;
            clock.start();
            layer.setAgentDraft(round % 2 ? first : next, round + 2);
            reapply.push_back(double(clock.nsecsElapsed()) / 1e6);
            // What the outputs then read: the edited draft's JSON, made and read back once.
            const draft::Draft edited = layer.draft();
            written.push_back(double(clock.nsecsElapsed()) / 1e6);
            applied = 0;
            for (const edit::HandEdits::Entry &entry : layer.entries())
                applied += entry.report.applied ? 1 : 0;
            if (edited.segmentCount() != segments - 25)
                nemo::bench::fail("the edited draft is not what the edits make");
        }
        nemo::bench::report("hand_edit.reapply_100_ops_to_new_10000_segment_draft",
                            nemo::bench::median(reapply), "ms", "< 50");
        nemo::bench::report("hand_edit.reapply_and_write_edited_draft", nemo::bench::median(written), "ms",
                            "(the outputs' draft too)");
        if (applied != 100)
            nemo::bench::fail("not every edit applied again");
    }
    nemo::bench::report("draft.state_answer_to_timeline_model_10000_segments", nemo::bench::median(real),
                        "ms", "< 20");
    nemo::bench::report("draft.state_answer.parsed_and_read", nemo::bench::median(envelopeMs), "ms",
                        "(part: envelope, state and draft in one pass)");
    nemo::bench::report("draft.state_answer.diff_edits_model_summary", nemo::bench::median(modelMs), "ms",
                        "(part)");
    return segments == 10000 && shown == 10000 && summarised == int(real.size()) ? 0 : 1;
}
