// Hand edits over the agent's draft: the ops and their inverses, the edited draft's JSON (every byte the
// service sent kept, only the touched values rewritten in the segment's own spellings), the editing rules
// (no overlaps, in-points kept, media limits), re-application to the agent's next draft, and the stack.
#include "edit/editor.h"
#include "edit/handedits.h"
#include "edit/rebase.h"
#include "util/translations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace nemo;
using edit::Clip;
using edit::ClipValues;
using edit::Edit;
using edit::EditedDraft;
using edit::EditOp;
using edit::Editor;
using edit::HandEdits;
using edit::OpState;

namespace {

// Four 3 s photos (ids), a 10 s clip with an in-point (its media is 20 s), music at 35% under all of it,
// a 3 s title; unknown keys at every level, and a declared length.
QByteArray agentBytes()
{
    return QByteArrayLiteral(
        "{\"t\":[{\"id\":\"track_video\",\"tt\":0,\"n\":\"Video\",\"future\":{\"k\":[1,2]},\"sg\":["
        "{\"id\":\"v1\",\"st\":0,\"d\":3000,\"src\":\"https://cdn.example/"
        "photo1.jpg\",\"m\":{\"name\":\"photo1.jpg\"},\"x\":1},"
        "{\"id\":\"v2\",\"st\":3000,\"d\":3000,\"src\":\"https://cdn.example/"
        "photo2.jpg\",\"m\":{\"name\":\"photo2.jpg\"}},"
        "{\"id\":\"v3\",\"st\":6000,\"d\":3000,\"src\":\"https://cdn.example/"
        "photo3.jpg\",\"m\":{\"name\":\"photo3.jpg\"}},"
        "{\"id\":\"v4\",\"st\":9000,\"d\":3000,\"src\":\"https://cdn.example/"
        "photo4.jpg\",\"m\":{\"name\":\"photo4.jpg\"}},"
        "{\"id\":\"c1\",\"st\":12000,\"d\":10000,\"in\":2000,\"src\":\"https://cdn.example/"
        "clip.mp4\",\"m\":{\"name\":\"clip.mp4\"}}]},"
        "{\"id\":\"track_bgm\",\"tt\":1,\"n\":\"BGM\",\"sg\":[{\"id\":\"bgm\",\"st\":0,\"d\":22000,\"src\":"
        "\"https://cdn.example/song.mp3\",\"m\":{\"name\":\"Lo-fi\",\"volume\":0.35}}]},"
        "{\"id\":\"track_title\",\"tt\":7,\"n\":\"Title\",\"sg\":[{\"id\":\"title\",\"st\":0,\"d\":3000,"
        "\"m\":{\"text\":\"Urban Dreams\",\"style\":\"bold\"}}]}],"
        "\"d\":22000,\"m\":{\"title\":\"Urban "
        "Dreams\",\"width\":1920,\"height\":1080},\"unknown_root\":{\"keep\":true}}");
}

EditedDraft::MediaLengths lengths()
{
    return {{QStringLiteral("https://cdn.example/clip.mp4"), 20000},
            {QStringLiteral("https://cdn.example/song.mp3"), 60000}};
}

QJsonObject segmentJson(const draft::Draft &draft, const QString &id)
{
    for (const draft::Track &track : draft.tracks()) {
        for (const draft::Segment &segment : track.segments) {
            if (segment.id == id)
                return segment.raw();
        }
    }
    return {};
}

const draft::Segment *segment(const draft::Draft &draft, const QString &id)
{
    for (const draft::Track &track : draft.tracks()) {
        for (const draft::Segment &segment : track.segments) {
            if (segment.id == id)
                return &segment;
        }
    }
    return nullptr;
}

bool push(HandEdits &edits, const Editor::Result &result)
{
    if (!result.ok()) {
        qWarning("edit refused: %s", qPrintable(result.problem));
        return false;
    }
    QString problem;
    const bool ok = edits.push(result.edit, &problem);
    if (!ok)
        qWarning("edit not applied: %s", qPrintable(problem));
    return ok;
}

// No two segments of a track overlap, none is empty or starts before 0, no in-point is negative and no
// clip reaches past its media.
QString invariantsBroken(const EditedDraft &document)
{
    for (int t = 0; t < int(document.tracks().size()); ++t) {
        const QList<Clip> &clips = document.tracks().at(t).clips;
        const QList<int> order = document.timeOrder(t);
        for (int n = 0; n < int(order.size()); ++n) {
            const Clip &clip = clips.at(order.at(n));
            if (clip.values.duration < 1 || clip.values.start < 0 || clip.values.in < 0)
                return QStringLiteral("%1: start %2 length %3 in %4")
                    .arg(clip.key)
                    .arg(clip.values.start)
                    .arg(clip.values.duration)
                    .arg(clip.values.in);
            if (clip.mediaFrames > 0 && clip.values.in + clip.values.duration > clip.mediaFrames)
                return QStringLiteral("%1 reaches past its media").arg(clip.key);
            if (n > 0 && clips.at(order.at(n - 1)).end() > clip.start())
                return QStringLiteral("%1 overlaps %2").arg(clip.key, clips.at(order.at(n - 1)).key);
        }
    }
    return {};
}

} // namespace

class TestHandEdit final : public QObject
{
    Q_OBJECT

    util::Translations m_translations; // English plural forms

private slots:
    void initTestCase() { m_translations.apply(QStringLiteral("en")); }

    void readsWhatEditsChange()
    {
        const draft::Draft draft = draft::Draft::fromBytes(agentBytes());
        QCOMPARE(draft.fps(), 30);
        const draft::Segment *clip = segment(draft, QStringLiteral("c1"));
        QVERIFY(clip);
        QCOMPARE(clip->inMs, 2000);
        QCOMPARE(QByteArray(clip->keys.start), QByteArray("st"));
        QCOMPARE(QByteArray(clip->keys.in), QByteArray("in"));
        const draft::Segment *music = segment(draft, QStringLiteral("bgm"));
        QVERIFY(music->keys.volumeInMeta);
        QCOMPARE(music->volume, 0.35);
        const draft::Segment *title = segment(draft, QStringLiteral("title"));
        QVERIFY(title->keys.textInMeta);
        QCOMPARE(QByteArray(title->keys.text), QByteArray("text"));
        QVERIFY(draft.hasDeclaredDuration());
        QCOMPARE(draft.bytes().mid(draft.durationSpan().begin, draft.durationSpan().length),
                 QByteArray("22000"));
        QCOMPARE(draft.bytes().at(draft.tracksSpan().begin), '[');
        QCOMPARE(draft.bytes().at(draft.tracksSpan().end() - 1), ']');
        const draft::TextSpan sg = draft.tracks().first().segmentsSpan();
        QVERIFY(draft.bytes().mid(sg.begin, sg.length).startsWith("[{\"id\":\"v1\""));
        QVERIFY(draft.bytes().mid(sg.begin, sg.length).endsWith("}]"));
        // A rate the draft gives is the editor's.
        QCOMPARE(draft::Draft::fromBytes("{\"m\":{\"fps\":25},\"t\":[]}").fps(), 25);
        QCOMPARE(draft::Draft::fromBytes("{\"fps\":\"24\",\"t\":[]}").fps(), 24);
        QCOMPARE(draft::Draft::fromBytes("{\"fps\":-3,\"t\":[]}").fps(), 30);
    }

    void anUnchangedDraftIsTheAgentsOwnBytes()
    {
        const draft::Draft agent = draft::Draft::fromBytes(agentBytes());
        const EditedDraft document(agent, lengths());
        QVERIFY(!document.isEdited());
        QCOMPARE(document.draft().bytes(), agent.bytes());
        QCOMPARE(document.clipCount(), 7);
        QCOMPARE(document.durationFrames(), 660);
        // Keys are the service's ids; media lengths reach the clips (photos and titles have none).
        const Clip *clip = document.clip(QStringLiteral("c1"));
        QVERIFY(clip);
        QCOMPARE(clip->mediaFrames, 600);
        QCOMPARE(clip->values.in, 60);
        QCOMPARE(document.clip(QStringLiteral("v1"))->mediaFrames, -1);
        QCOMPARE(document.clip(QStringLiteral("title"))->mediaFrames, -1);
    }

    void anEditRewritesOnlyWhatItTouches()
    {
        const draft::Draft agent = draft::Draft::fromBytes(agentBytes());
        HandEdits edits;
        edits.setAgentDraft(agent, 1, lengths());
        QVERIFY(push(edits, Editor(edits.document()).trimOut(QStringLiteral("v2"), 165, false)));
        const draft::Draft edited = edits.draft();
        // The trimmed segment: its new length in its own key, everything else it had kept.
        const QJsonObject v2 = segmentJson(edited, QStringLiteral("v2"));
        QCOMPARE(v2.value(QLatin1String("d")).toDouble(), 2500.0);
        QCOMPARE(v2.value(QLatin1String("st")).toDouble(), 3000.0);
        QCOMPARE(v2.value(QLatin1String("m")).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("photo2.jpg"));
        // Every other segment and every key the service sent, byte for byte.
        for (const QString &id :
             {QStringLiteral("v1"), QStringLiteral("v3"), QStringLiteral("bgm"), QStringLiteral("title")})
            QCOMPARE(segment(edited, id)->rawText(), segment(agent, id)->rawText());
        QVERIFY(edited.bytes().contains("\"future\":{\"k\":[1,2]}"));
        QVERIFY(edited.bytes().contains("\"unknown_root\":{\"keep\":true}"));
        QVERIFY(edited.bytes().contains("\"x\":1"));
        QCOMPARE(edited.durationMs(), 22000);
    }

    void applyThenUndoEverythingIsByteIdentical()
    {
        const draft::Draft agent = draft::Draft::fromBytes(agentBytes());
        HandEdits edits;
        edits.setAgentDraft(agent, 1, lengths());
        auto editor = [&edits] { return Editor(edits.document()); };
        QVERIFY(push(edits, editor().trimIn(QStringLiteral("c1"), 390, false)));
        QVERIFY(push(edits, editor().split(QStringLiteral("c1"), 500)));
        QVERIFY(push(edits, editor().remove({QStringLiteral("v1")}, true)));
        QVERIFY(push(edits, editor().remove({QStringLiteral("v3")}, false)));
        QVERIFY(push(edits, editor().setTitle(QStringLiteral("title"), QStringLiteral("City Nights"), 120)));
        QVERIFY(push(edits, editor().setVolume(QStringLiteral("bgm"), 0.2)));
        QVERIFY(push(edits, editor().setFades(QStringLiteral("bgm"), 30, 60)));
        QVERIFY(push(edits, editor().nudge({QStringLiteral("v4")}, -1)));
        QVERIFY(push(edits, editor().discard()));
        QCOMPARE(edits.draft().bytes(), agent.bytes());
        QVERIFY(edits.undo()); // the discard
        QVERIFY(edits.draft().bytes() != agent.bytes());
        QCOMPARE(edits.document().clip(QStringLiteral("title"))->values.text, QStringLiteral("City Nights"));
        while (edits.canUndo())
            QVERIFY(edits.undo());
        QCOMPARE(edits.draft().bytes(), agent.bytes());
        QVERIFY(!edits.document().isEdited());
        // And forward again to the same place.
        while (edits.canRedo())
            QVERIFY(edits.redo());
        QCOMPARE(edits.draft().bytes(), agent.bytes()); // ends with the discard
    }

    void aTrimKeepsTheContentInPlace()
    {
        HandEdits edits;
        edits.setAgentDraft(draft::Draft::fromBytes(agentBytes()), 1, lengths());
        // Left edge 1 s later: the in-point moves with it (the picture does not slide).
        QVERIFY(push(edits, Editor(edits.document()).trimIn(QStringLiteral("c1"), 390, false)));
        const Clip *clip = edits.document().clip(QStringLiteral("c1"));
        QCOMPARE(clip->values.start, 390);
        QCOMPARE(clip->values.in, 90);
        QCOMPARE(clip->values.duration, 270);
        const QJsonObject json = segmentJson(edits.draft(), QStringLiteral("c1"));
        QCOMPARE(json.value(QLatin1String("in")).toDouble(), 3000.0);
        QCOMPARE(json.value(QLatin1String("st")).toDouble(), 13000.0);
        QCOMPARE(json.value(QLatin1String("d")).toDouble(), 9000.0);
        QCOMPARE(segment(edits.draft(), QStringLiteral("c1"))->inMs, 3000);
        // Not over the segment before it (photo4 ends at 12 s) …
        QVERIFY(push(edits, Editor(edits.document()).trimIn(QStringLiteral("c1"), 0, false)));
        clip = edits.document().clip(QStringLiteral("c1"));
        QCOMPARE(clip->values.start, 360);
        QCOMPARE(clip->values.in, 60);
        // … and, with room, past the media's start: held at its first frame (in-point 0), never before.
        QVERIFY(push(edits, Editor(edits.document()).remove({QStringLiteral("v4")}, false)));
        QVERIFY(push(edits, Editor(edits.document()).trimIn(QStringLiteral("c1"), 0, false)));
        clip = edits.document().clip(QStringLiteral("c1"));
        QCOMPARE(clip->values.in, 0);
        QCOMPARE(clip->values.start, 300);
        // Past the media's end (20 s from its in-point 0): held at its last frame.
        QVERIFY(push(edits, Editor(edits.document()).trimOut(QStringLiteral("c1"), 5000, false)));
        clip = edits.document().clip(QStringLiteral("c1"));
        QCOMPARE(clip->values.in + clip->values.duration, 600);
        // A photo has no such limit.
        QVERIFY(push(edits, Editor(edits.document()).remove({QStringLiteral("v2")}, false)));
        QVERIFY(push(edits, Editor(edits.document()).trimOut(QStringLiteral("v1"), 170, false)));
        QCOMPARE(edits.document().clip(QStringLiteral("v1"))->values.duration, 170);
        QCOMPARE(edits.document().clip(QStringLiteral("v1"))->values.in, 0);
        // … but not over the next segment: the right edge stops where photo3 starts (6 s).
        QVERIFY(push(edits, Editor(edits.document()).trimOut(QStringLiteral("v1"), 680, false)));
        QCOMPARE(edits.document().clip(QStringLiteral("v1"))->end(), 180);
        QCOMPARE(edits.document().clip(QStringLiteral("v3"))->values.start, 180);
        // An op that reaches past the media, made by hand, is refused with words and changes nothing.
        const Clip before = *edits.document().clip(QStringLiteral("c1"));
        ClipValues wide = before.values;
        wide.duration += 100;
        Edit edit;
        edit.ops.append(EditOp::set(before, edit::Duration, wide));
        QString problem;
        const QByteArray bytes = edits.draft().bytes();
        QVERIFY(!edits.push(edit, &problem));
        QVERIFY2(problem.contains(QLatin1String("past the end of its media")), qPrintable(problem));
        QCOMPARE(edits.draft().bytes(), bytes);
        // Nor one that leaves a segment no length at all.
        ClipValues none = before.values;
        none.duration = 0;
        Edit empty;
        empty.ops.append(EditOp::set(before, edit::Duration, none));
        QVERIFY(!edits.push(empty, &problem));
        QVERIFY2(problem.contains(QLatin1String("no length left")), qPrintable(problem));
        QCOMPARE(edits.draft().bytes(), bytes);
    }

    // A split leaves the picture where it was: the second part starts in the media where the cut is.
    void aSplitKeepsBothPartsInPlace()
    {
        HandEdits edits;
        edits.setAgentDraft(draft::Draft::fromBytes(agentBytes()), 1, lengths());
        // clip.mp4 starts at 12 s on the timeline and 2 s into its media; cut at 15 s.
        QVERIFY(push(edits, Editor(edits.document()).split(QStringLiteral("c1"), 450)));
        const Clip *first = edits.document().clip(QStringLiteral("c1"));
        QCOMPARE(first->values.start, 360);
        QCOMPARE(first->values.in, 60);
        QCOMPARE(first->values.duration, 90);
        const Clip *second = nullptr;
        for (const Clip &clip : edits.document().tracks().at(0).clips) {
            if (clip.values.start == 450)
                second = &clip;
        }
        QVERIFY(second);
        QCOMPARE(second->values.in, 150); // 2 s + 3 s into the media
        QCOMPARE(second->values.duration, 210);
        // A photo has no in-point to carry.
        QVERIFY(push(edits, Editor(edits.document()).split(QStringLiteral("v1"), 30)));
        for (const Clip &clip : edits.document().tracks().at(0).clips) {
            if (clip.values.start == 30)
                QCOMPARE(clip.values.in, 0);
        }
    }

    void rippleDeleteClosesTheGapAndLiftLeavesIt()
    {
        HandEdits edits;
        const draft::Draft agent = draft::Draft::fromBytes(agentBytes());
        edits.setAgentDraft(agent, 1, lengths());
        QVERIFY(push(edits, Editor(edits.document()).remove({QStringLiteral("v2")}, false)));
        QCOMPARE(edits.document().clip(QStringLiteral("v3"))->values.start, 180);
        QVERIFY(!edits.document().clip(QStringLiteral("v2")));
        QVERIFY(edits.undo());
        QVERIFY(push(edits, Editor(edits.document()).remove({QStringLiteral("v2")}, true)));
        QCOMPARE(edits.document().clip(QStringLiteral("v3"))->values.start, 90);
        QCOMPARE(edits.document().clip(QStringLiteral("c1"))->values.start, 270);
        // Other tracks stay; the video is 3 s shorter only where it was (the music still ends at 22 s).
        QCOMPARE(edits.document().clip(QStringLiteral("bgm"))->values.start, 0);
        const draft::Draft edited = edits.draft();
        QCOMPARE(edited.tracks().first().segments.size(), 4);
        QCOMPARE(edited.tracks().first().segments.first().id, QStringLiteral("v1"));
        QCOMPARE(edited.tracks().first().segments.at(1).id, QStringLiteral("v3"));
        QCOMPARE(edited.tracks().first().segments.at(1).startMs, 3000);
        QCOMPARE(edited.durationMs(), 22000);
        // With the music gone too, the declared length follows the content.
        QVERIFY(push(edits, Editor(edits.document()).remove({QStringLiteral("bgm")}, false)));
        QCOMPARE(edits.draft().durationMs(), 19000);
        QCOMPARE(edits.document().durationFrames(), 570);
    }

    void aDragOnAGaplessTrackReorders()
    {
        HandEdits edits;
        edits.setAgentDraft(draft::Draft::fromBytes(agentBytes()), 1, lengths());
        Editor editor(edits.document());
        QVERIFY(editor.isGapless(0));
        // photo1 dropped with its middle past photo3's: photo2, photo3, photo1, photo4.
        QVERIFY(push(edits, editor.move(QStringLiteral("v1"), 200, false)));
        const EditedDraft &document = edits.document();
        QCOMPARE(document.clip(QStringLiteral("v2"))->values.start, 0);
        QCOMPARE(document.clip(QStringLiteral("v3"))->values.start, 90);
        QCOMPARE(document.clip(QStringLiteral("v1"))->values.start, 180);
        QCOMPARE(document.clip(QStringLiteral("v4"))->values.start, 270);
        QCOMPARE(document.clip(QStringLiteral("c1"))->values.start, 360);
        QVERIFY(invariantsBroken(document).isEmpty());
        // The JSON lists the track in its new order, ids and names kept.
        const draft::Draft edited = edits.draft();
        QStringList order;
        for (const draft::Segment &s : edited.tracks().first().segments)
            order << s.id;
        QCOMPARE(order,
                 QStringList({QStringLiteral("v2"), QStringLiteral("v3"), QStringLiteral("v1"),
                              QStringLiteral("v4"), QStringLiteral("c1")}));
        QCOMPARE(edits.undoName(), QStringLiteral("Move photo1.jpg"));
    }

    void aMoveGoesIntoFreeSpaceOnly()
    {
        HandEdits edits;
        edits.setAgentDraft(draft::Draft::fromBytes(agentBytes()), 1, lengths());
        QVERIFY(push(edits, Editor(edits.document()).remove({QStringLiteral("v2")}, false)));
        QVERIFY(!Editor(edits.document()).isGapless(0));
        // Dropped over photo3: the nearest room is the gap photo2 left.
        QVERIFY(push(edits, Editor(edits.document()).move(QStringLiteral("v4"), 150, false)));
        QCOMPARE(edits.document().clip(QStringLiteral("v4"))->values.start, 90);
        QVERIFY(invariantsBroken(edits.document()).isEmpty());
        // The title track has one segment: it moves freely; ripple moves carry what follows.
        QVERIFY(push(edits, Editor(edits.document()).move(QStringLiteral("title"), 45, false)));
        QCOMPARE(edits.document().clip(QStringLiteral("title"))->values.start, 45);
        QVERIFY(push(edits, Editor(edits.document()).move(QStringLiteral("v3"), 200, true)));
        QCOMPARE(edits.document().clip(QStringLiteral("v3"))->values.start, 200);
        QCOMPARE(edits.document().clip(QStringLiteral("c1"))->values.start, 360 + 20);
        // Nudges are one step.
        QVERIFY(push(edits, Editor(edits.document()).nudge({QStringLiteral("title")}, 1)));
        QVERIFY(push(edits, Editor(edits.document()).nudge({QStringLiteral("title")}, 1)));
        QVERIFY(edits.lastPushMerged());
        QVERIFY(push(edits, Editor(edits.document()).nudge({QStringLiteral("title")}, 1)));
        QCOMPARE(edits.document().clip(QStringLiteral("title"))->values.start, 48);
        QVERIFY(edits.undo());
        QCOMPARE(edits.document().clip(QStringLiteral("title"))->values.start, 45);
    }

    void snapping()
    {
        HandEdits edits;
        edits.setAgentDraft(draft::Draft::fromBytes(agentBytes()), 1, lengths());
        Editor editor(edits.document());
        bool snapped = false;
        QCOMPARE(editor.snap(93, 5, {}, -1, &snapped), 90);
        QVERIFY(snapped);
        QCOMPARE(editor.snap(100, 5, {}, 102, &snapped), 102);
        QCOMPARE(editor.snap(130, 5, {}, -1, &snapped), 130);
        QVERIFY(!snapped);
        QCOMPARE(editor.snap(93, 5, {QStringLiteral("v1"), QStringLiteral("v2"), QStringLiteral("title")}, -1,
                             &snapped),
                 93);
        QCOMPARE(editor.nextEdge(100, 1), 180);
        QCOMPARE(editor.nextEdge(100, -1), 90);
        QCOMPARE(editor.clipAt(0, 95), QStringLiteral("v2"));
        QCOMPARE(editor.clipAt(2, 95), QString());
    }

    void randomEditsKeepATimelineValid_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {1u, 7u, 42u, 1234u, 99991u})
            QTest::newRow(qPrintable(QString::number(seed))) << seed;
    }

    void randomEditsKeepATimelineValid()
    {
        QFETCH(quint32, seed);
        QRandomGenerator random(seed);
        const draft::Draft agent = draft::Draft::fromBytes(agentBytes());
        HandEdits edits;
        edits.setAgentDraft(agent, 1, lengths());
        int applied = 0;
        for (int n = 0; n < 600; ++n) {
            const EditedDraft &document = edits.document();
            QStringList keys;
            for (const edit::EditTrack &track : document.tracks()) {
                for (const Clip &clip : track.clips)
                    keys << clip.key;
            }
            if (keys.isEmpty() || random.bounded(10) == 0) {
                if (random.bounded(2) && edits.canUndo())
                    QVERIFY(edits.undo());
                else if (edits.canRedo())
                    QVERIFY(edits.redo());
                continue;
            }
            const QString key = keys.at(random.bounded(int(keys.size())));
            const Clip &clip = *document.clip(key);
            const qint64 frame = random.bounded(800);
            const bool ripple = random.bounded(3) == 0;
            Editor editor(document);
            Editor::Result result;
            switch (random.bounded(9)) {
            case 0:
                result = editor.move(key, frame, ripple);
                break;
            case 1:
                result = editor.trimIn(key, frame, ripple);
                break;
            case 2:
                result = editor.trimOut(key, frame, ripple);
                break;
            case 3:
                result =
                    editor.split(key, clip.start() + random.bounded(qMax<qint64>(1, clip.values.duration)));
                break;
            case 4:
                result = editor.remove({key}, ripple);
                break;
            case 5:
                result = editor.nudge({key}, random.bounded(2) ? 1 : -1);
                break;
            case 6:
                result = editor.setVolume(key, random.bounded(100) / 100.0);
                break;
            case 7:
                result = editor.setFades(key, random.bounded(20), random.bounded(20));
                break;
            default:
                result = editor.moveBy({key}, random.bounded(61) - 30, ripple);
                break;
            }
            if (!result.ok())
                continue;
            QString problem;
            if (edits.push(result.edit, &problem))
                ++applied;
            const QString broken = invariantsBroken(edits.document());
            QVERIFY2(broken.isEmpty(),
                     qPrintable(QStringLiteral("after %1: %2").arg(result.edit.name, broken)));
        }
        QVERIFY2(applied > 100, qPrintable(QString::number(applied)));
        // The edited draft reads back as what the editor shows.
        const draft::Draft edited = edits.draft();
        QCOMPARE(edited.segmentCount(), edits.document().clipCount());
        while (edits.canUndo())
            QVERIFY(edits.undo());
        QCOMPARE(edits.draft().bytes(), agent.bytes());
    }

    void oddDraftsStillEdit_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("name");
        QTest::newRow("no ids")
            << QByteArray("{\"t\":[{\"tt\":0,\"sg\":[{\"st\":0,\"d\":2000,\"src\":\"/mnt/userdata/u/"
                          "a.jpg\"},{\"st\":2000,\"d\":2000,\"src\":\"/mnt/userdata/u/b.jpg\"}]}]}")
            << QStringLiteral("Video:b.jpg");
        QTest::newRow("duplicate ids")
            << QByteArray("{\"t\":[{\"tt\":0,\"sg\":[{\"id\":\"s\",\"st\":0,\"d\":2000,\"src\":\"a.jpg\"},{"
                          "\"id\":\"s\",\"st\":2000,\"d\":2000,\"src\":\"b.jpg\"}]}]}")
            << QStringLiteral("Video:2");
        QTest::newRow("an empty track")
            << QByteArray("{\"t\":[{\"tt\":1,\"sg\":[]},{\"tt\":0,\"sg\":[{\"id\":\"a\",\"st\":0,\"d\":2000,"
                          "\"src\":\"a.jpg\"},{\"id\":\"b\",\"st\":2000,\"d\":2000,\"src\":\"b.jpg\"}]}]}")
            << QStringLiteral("b");
        QTest::newRow("end instead of length")
            << QByteArray("{\"t\":[{\"tt\":\"video\",\"sg\":[{\"id\":\"a\",\"start\":0,\"end\":2000,\"url\":"
                          "\"a.jpg\"},{\"id\":\"b\",\"start\":2000,\"end\":4000,\"url\":\"b.jpg\",\"weird\":["
                          "null]}]}],\"d\":\"4000\"}")
            << QStringLiteral("b");
        QTest::newRow("same file twice")
            << QByteArray("{\"t\":[{\"tt\":0,\"sg\":[{\"st\":0,\"d\":2000,\"src\":\"a.jpg\"},{\"st\":2000,"
                          "\"d\":2000,\"src\":\"a.jpg\"}]}]}")
            << QStringLiteral("Video:a.jpg#2");
    }

    void oddDraftsStillEdit()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, name);
        const draft::Draft agent = draft::Draft::fromBytes(bytes);
        QVERIFY(agent.isExportable());
        HandEdits edits;
        edits.setAgentDraft(agent, 1);
        QString problem;
        const QString key = edits.document().resolve(name, &problem);
        QVERIFY2(!key.isEmpty(), qPrintable(problem));
        QCOMPARE(edits.document().clip(key)->values.start, 60);
        QVERIFY(push(edits, Editor(edits.document()).trimOut(key, 90, false)));
        const draft::Draft edited = edits.draft();
        QCOMPARE(edited.tracks().size(), agent.tracks().size());
        QCOMPARE(edited.segmentCount(), agent.segmentCount());
        qint64 end = 0;
        for (const draft::Track &track : edited.tracks())
            end = qMax(end, track.endMs());
        QCOMPARE(end, 3000);
        if (bytes.contains("weird"))
            QVERIFY(edited.bytes().contains("\"weird\":[null]"));
        if (bytes.contains("\"end\""))
            QVERIFY(edited.bytes().contains("\"end\":3000"));
        QVERIFY(push(edits, Editor(edits.document()).remove({key}, true)));
        QCOMPARE(edits.draft().segmentCount(), agent.segmentCount() - 1);
        while (edits.canUndo())
            QVERIFY(edits.undo());
        QCOMPARE(edits.draft().bytes(), agent.bytes());
    }

    void theAgentsNextDraftKeepsTheHandEdits()
    {
        const draft::Draft agent = draft::Draft::fromBytes(agentBytes());
        HandEdits edits;
        edits.setAgentDraft(agent, 1, lengths());
        QVERIFY(push(edits, Editor(edits.document()).setVolume(QStringLiteral("bgm"), 0.2)));        // 0
        QVERIFY(push(edits, Editor(edits.document()).trimOut(QStringLiteral("title"), 120, false))); // 1
        QVERIFY(push(edits, Editor(edits.document()).remove({QStringLiteral("v4")}, false)));        // 2
        QVERIFY(push(edits, Editor(edits.document()).setFades(QStringLiteral("c1"), 15, 0)));        // 3
        QVERIFY(push(edits, Editor(edits.document()).trimOut(QStringLiteral("v1"), 80, false)));     // 4
        // The agent's next draft: the music louder (the same property: conflict), the title words changed
        // (not what was edited: applied), photo4 gone (orphaned), the clip moved (drifted), photo1 already
        // as the hand made it (applied).
        QByteArray next = agentBytes();
        next.replace("\"volume\":0.35", "\"volume\":0.5");
        next.replace("\"text\":\"Urban Dreams\"", "\"text\":\"Night City\"");
        next.replace("{\"id\":\"v4\",\"st\":9000,\"d\":3000,\"src\":\"https://cdn.example/"
                     "photo4.jpg\",\"m\":{\"name\":\"photo4.jpg\"}},",
                     "");
        next.replace("\"id\":\"c1\",\"st\":12000", "\"id\":\"c1\",\"st\":13000");
        next.replace("{\"id\":\"v1\",\"st\":0,\"d\":3000", "{\"id\":\"v1\",\"st\":0,\"d\":2667");
        edits.setAgentDraft(draft::Draft::fromBytes(next), 2, lengths());
        const QList<HandEdits::Entry> &entries = edits.entries();
        QCOMPARE(entries.at(0).report.state, OpState::Conflict);
        QVERIFY(entries.at(0).report.applied);
        QCOMPARE(edits.document().clip(QStringLiteral("bgm"))->values.volume, 0.2);
        QCOMPARE(entries.at(1).report.state, OpState::Applied);
        QCOMPARE(edits.document().clip(QStringLiteral("title"))->values.duration, 120);
        QCOMPARE(edits.document().clip(QStringLiteral("title"))->values.text, QStringLiteral("Night City"));
        QCOMPARE(entries.at(2).report.state, OpState::Orphaned);
        QVERIFY(!entries.at(2).report.applied);
        QVERIFY(entries.at(2).report.message.contains(QLatin1String("photo4.jpg")));
        QCOMPARE(entries.at(3).report.state, OpState::Drifted);
        QCOMPARE(edits.document().clip(QStringLiteral("c1"))->values.fadeIn, 15);
        QCOMPARE(edits.document().clip(QStringLiteral("c1"))->values.start, 390);
        QCOMPARE(entries.at(4).report.state, OpState::Applied);
        // The pure form gives the same draft and reports.
        QList<Edit> list;
        for (const HandEdits::Entry &entry : entries)
            list << entry.edit;
        const edit::Rebased rebased = edit::rebase(draft::Draft::fromBytes(next), list, lengths());
        QCOMPARE(rebased.draft().bytes(), edits.draft().bytes());
        QCOMPARE(rebased.edits.at(2).report.state, OpState::Orphaned);
        // An orphan is dropped, or re-anchored on another segment.
        QVERIFY(edits.reanchor(2, QStringLiteral("v4"), QStringLiteral("v3")));
        QCOMPARE(edits.entries().at(2).report.state, OpState::Applied);
        QVERIFY(!edits.document().clip(QStringLiteral("v3")));
        QVERIFY(edits.drop(2));
        QCOMPARE(edits.entries().size(), 4);
        QVERIFY(edits.document().clip(QStringLiteral("v3")));
        // Undo still works over the new draft, back to exactly the agent's.
        while (edits.canUndo())
            QVERIFY(edits.undo());
        QCOMPARE(edits.draft().bytes(), draft::Draft::fromBytes(next).bytes());
    }

    void anEditThatNoLongerFitsIsLeftOut()
    {
        HandEdits edits;
        edits.setAgentDraft(draft::Draft::fromBytes(agentBytes()), 1, lengths());
        QVERIFY(push(edits, Editor(edits.document()).remove({QStringLiteral("v2")}, false)));
        QVERIFY(push(edits, Editor(edits.document()).trimOut(QStringLiteral("v1"), 150, false)));
        // The agent fills the gap again with a new segment: photo1's longer end would overlap it.
        QByteArray next = agentBytes();
        next.replace("\"id\":\"v2\"", "\"id\":\"v2b\"");
        edits.setAgentDraft(draft::Draft::fromBytes(next), 2, lengths());
        QCOMPARE(edits.entries().at(0).report.state, OpState::Orphaned);
        QCOMPARE(edits.entries().at(1).report.state, OpState::Conflict);
        QVERIFY(!edits.entries().at(1).report.applied);
        QVERIFY2(edits.entries().at(1).report.message.contains(QLatin1String("overlap")),
                 qPrintable(edits.entries().at(1).report.message));
        QCOMPARE(edits.document().clip(QStringLiteral("v1"))->values.duration, 90);
    }

    void storedEditsRoundTripAndDamageIsTold()
    {
        HandEdits edits;
        edits.setAgentDraft(draft::Draft::fromBytes(agentBytes()), 3, lengths());
        QVERIFY(push(edits, Editor(edits.document()).split(QStringLiteral("c1"), 500)));
        QVERIFY(
            push(edits, Editor(edits.document()).setTitle(QStringLiteral("title"), QStringLiteral("Hi"), 0)));
        QVERIFY(push(edits, Editor(edits.document()).remove({QStringLiteral("v1")}, false)));
        QVERIFY(push(edits, Editor(edits.document()).discard())); // its ops are made again when applied
        QVERIFY(edits.undo());
        QList<Edit> stored;
        for (const HandEdits::Entry &entry : edits.entries()) {
            QString error;
            const std::optional<Edit> back = Edit::fromJson(entry.edit.toJson(), &error);
            QVERIFY2(back, qPrintable(error));
            QCOMPARE(back->toJson(), entry.edit.toJson());
            QCOMPARE(back->turn, 3);
            stored << *back;
        }
        HandEdits reopened;
        reopened.restore(stored, 3, 0);
        reopened.setAgentDraft(draft::Draft::fromBytes(agentBytes()), 3, lengths());
        QCOMPARE(reopened.draft().bytes(), edits.draft().bytes());
        QVERIFY(reopened.redo()); // the discard
        QCOMPARE(reopened.draft().bytes(), draft::Draft::fromBytes(agentBytes()).bytes());
        for (int i = 0; i < 4; ++i)
            QVERIFY(reopened.undo());
        QVERIFY(!reopened.canUndo());
        QCOMPARE(reopened.draft().bytes(),
                 agentBytes().isEmpty() ? QByteArray() : draft::Draft::fromBytes(agentBytes()).bytes());
        // Damaged records: refused with words, nothing made up.
        QString error;
        QVERIFY(!Edit::fromJson("{not json", &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!Edit::fromJson("{\"kind\":\"change\",\"name\":\"Trim\",\"ops\":[{\"op\":\"set\",\"key\":"
                                "\"v1\",\"properties\":[\"start\"],\"before\":{},\"after\":{\"start\":-5}}]}",
                                &error));
        QVERIFY2(error.contains(QLatin1String("damaged")), qPrintable(error));
        QVERIFY(!Edit::fromJson("{\"kind\":\"teleport\",\"ops\":[]}", &error));
        QVERIFY(!Edit::fromJson(
            "{\"kind\":\"change\",\"name\":\"x\",\"ops\":[{\"op\":\"explode\",\"key\":\"v1\"}]}", &error));
        QVERIFY(error.contains(QLatin1String("explode")));
    }

    void anOpOnAGoneSegmentIsRefusedInWords()
    {
        HandEdits edits;
        edits.setAgentDraft(draft::Draft::fromBytes(agentBytes()), 1, lengths());
        const Editor::Result trim = Editor(edits.document()).trimOut(QStringLiteral("v2"), 80, false);
        QVERIFY(push(edits, Editor(edits.document()).remove({QStringLiteral("v2")}, false)));
        QString problem;
        QVERIFY(!edits.push(trim.edit, &problem));
        QCOMPARE(problem, QStringLiteral("photo2.jpg is no longer in the timeline."));
        QCOMPARE(edits.entries().size(), 1);
        QVERIFY(!Editor(edits.document()).split(QStringLiteral("v2"), 100).ok());
        QVERIFY(!Editor(edits.document()).split(QStringLiteral("v3"), 10).ok());
    }

    void theAgentIsToldWhatChanged()
    {
        HandEdits edits;
        edits.setAgentDraft(draft::Draft::fromBytes(agentBytes()), 1, lengths());
        QVERIFY(edits.pendingSummary().isEmpty());
        QVERIFY(push(edits, Editor(edits.document()).remove({QStringLiteral("v1")}, true)));
        QVERIFY(push(
            edits,
            Editor(edits.document()).setTitle(QStringLiteral("title"), QStringLiteral("Urban Dreams"), 120)));
        QCOMPARE(edits.pendingSummary(),
                 QStringLiteral("removed photo1.jpg and closed the gap; made the title 4 s"));
        edits.markSent();
        QVERIFY(edits.pendingSummary().isEmpty());
        QVERIFY(edits.undo());
        QCOMPARE(edits.pendingSummary(), QStringLiteral("undid “made the title 4 s”"));
    }

    void namesAsTheCommandLineWritesThem()
    {
        const EditedDraft document(draft::Draft::fromBytes(agentBytes()), lengths());
        QString problem;
        QCOMPARE(document.resolve(QStringLiteral("v3"), &problem), QStringLiteral("v3"));
        QCOMPARE(document.resolve(QStringLiteral("Video:photo2.jpg"), &problem), QStringLiteral("v2"));
        QCOMPARE(document.resolve(QStringLiteral("video:4"), &problem), QStringLiteral("v4"));
        QCOMPARE(document.resolve(QStringLiteral("1:clip.mp4"), &problem), QStringLiteral("c1"));
        QCOMPARE(document.resolve(QStringLiteral("Title:Urban Dreams"), &problem), QStringLiteral("title"));
        QVERIFY(document.resolve(QStringLiteral("Video:9"), &problem).isEmpty());
        QCOMPARE(problem, QStringLiteral("Video has 5 segments."));
        QVERIFY(document.resolve(QStringLiteral("Sound:x"), &problem).isEmpty());
        QCOMPARE(problem, QStringLiteral("No track is called “Sound”."));
        QVERIFY(document.resolve(QStringLiteral("photo9"), &problem).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHandEdit)
#include "tst_handedit.moc"
