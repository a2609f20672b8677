#pragma once

#include "edit/edit.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>

#include <memory>

namespace nemo::edit {

// The agent's draft with the hand edits applied: its tracks and segments in frames (the draft's rate),
// changed by ops, and the draft it makes for every output (draft(): the service's JSON with only what
// the edits changed rewritten, in the segment's own spellings; every other byte as the service sent it).
// Segments are found by identity, never by position. An edit is applied all or nothing and checked as a
// whole: no segment may come to overlap one it did not overlap before, none may be empty or start before
// 0, and a clip cannot reach past the end of its media (photos and titles have no such limit).
class EditedDraft
{
    Q_DECLARE_TR_FUNCTIONS(nemo::edit::EditedDraft)
public:
    // A source (its URL, sandbox path or file name) → the length of that media in milliseconds.
    using MediaLengths = QHash<QString, qint64>;

    // Views follow changes through this (a model's begin/end signals), one segment at a time.
    class Observer
    {
    public:
        virtual ~Observer() = default;
        virtual void aboutToInsert(int track, int index) = 0;
        virtual void inserted(int track, int index) = 0;
        virtual void aboutToRemove(int track, int index) = 0;
        virtual void removed(int track, int index) = 0;
        virtual void changed(int track, int index) = 0;
    };

    struct Result
    {
        bool ok = false;
        QList<EditOp> inverse; // applied in order, undo the edit
        QList<OpState> states;
        QString problem; // why it was refused, for people
    };

    EditedDraft();
    explicit EditedDraft(const draft::Draft &agent, const MediaLengths &lengths = {});

    const draft::Draft &agent() const { return m_agent; }
    int fps() const { return m_agent.fps(); }
    const QList<EditTrack> &tracks() const { return m_tracks; }
    int clipCount() const;
    bool locate(const QString &key, int *track, int *index) const;
    const Clip *clip(const QString &key) const;
    int trackIndex(const QString &trackKey) const;
    // The edited video's length in frames: its last segment's end, plus any tail the agent's draft has.
    qint64 durationFrames() const;
    qint64 toFrames(qint64 ms) const;
    qint64 toMs(qint64 frames) const;
    // Whether anything differs from the agent's draft.
    bool isEdited() const;

    enum class Mode
    {
        Strict,  // what the user does now: an op whose segment is gone or whose values are not those it
                 // was made on refuses the edit
        Rebase,  // the edits again over the agent's next draft: such ops are skipped or made over the
                 // agent's change, and said so in `states`
        Restore, // an undo, a redo or a discard: back to a state that was, without checks
    };
    // Applies ops all or nothing (the result is checked as a whole, except in Restore).
    Result apply(const QList<EditOp> &ops, Mode mode, Observer *observer = nullptr);
    // The ops that take the document back to the agent's draft (a Discard).
    QList<EditOp> opsToAgentDraft() const;

    // The edited draft, as every output reads it (computed once per change).
    draft::Draft draft() const;

    // A segment named the way `nemo-cli state` prints it: its id or key, "Video:photo2.jpg" (with "#2"
    // for the second of that name), or "Video:3" (the third by time); the track by name or number.
    QString resolve(const QString &name, QString *problem) const;
    // The segments of a track in order of start (indexes into its clips).
    QList<int> timeOrder(int track) const;
    // The clip a segment of the agent's draft becomes (also for putting one back).
    Clip clipFromAgent(int track, int index) const;
    // A segment's JSON as the edited draft writes it.
    QByteArray segmentJson(const Clip &clip) const { return segmentText(clip); }
    // Whether a segment plays media of its own length (a clip or music), rather than a photo or a title.
    bool hasMedia(int track, const Clip &clip) const;

private:
    bool step(const EditOp &op, Mode mode, Observer *observer, EditOp *inverse, OpState *state,
              QString *problem);
    ClipValues agentValues(int track, int index) const;
    qint64 mediaFramesFor(const QString &source, draft::TrackKind kind) const;
    QByteArray segmentText(const Clip &clip) const;
    void index() const;
    void applyValues(int track, int index, const ClipValues &values);
    QString check(const QSet<QString> &touched, const QHash<QString, ClipValues> &before,
                  const QSet<QString> &overlapsBefore) const;
    QSet<QString> overlaps(const QSet<QString> &touched) const;

    draft::Draft m_agent;
    MediaLengths m_lengths;
    QList<EditTrack> m_tracks;
    QList<QStringList> m_agentKeys; // the agent's segments' keys, per track
    mutable QHash<QString, std::pair<int, int>> m_index;
    mutable bool m_indexValid = false;
    mutable std::shared_ptr<const draft::Draft> m_draft; // the edited draft, once made
};

} // namespace nemo::edit
