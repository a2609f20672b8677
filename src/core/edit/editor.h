#pragma once

#include "edit/editeddraft.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringList>

namespace nemo::edit {

// Turns what the user does (drag, trim, split, delete, nudge, retitle …) into an Edit over the edited
// draft as it stands, the way Shotcut's users expect: segments never overlap on a track; on a track with
// no gaps a drag reorders and the rest closes up; ripple shifts what follows on the track; a trim keeps
// the content in place (the in-point moves with the left edge) and never reaches past the media's end.
// Pure: the document in, the edit (or why it can't be done, in plain words) out; applying it is the
// caller's (HandEdits).
class Editor
{
    Q_DECLARE_TR_FUNCTIONS(nemo::edit::Editor)
public:
    struct Result
    {
        Edit edit;
        QString problem;
        bool ok() const
        {
            return problem.isEmpty() && (!edit.ops.isEmpty() || edit.kind == Edit::Kind::Discard);
        }
    };

    explicit Editor(const EditedDraft &document);

    // The nearest segment edge (any track; not the segments in `exclude`) or the playhead within
    // `tolerance` frames of `frame`; the frame itself when none is that near.
    qint64 snap(qint64 frame, qint64 tolerance, const QSet<QString> &exclude, qint64 playhead,
                bool *snapped = nullptr) const;
    bool isGapless(int track) const;

    Result move(const QString &key, qint64 start, bool ripple) const;
    // Several segments by the same number of frames (each on its own track).
    Result moveBy(const QStringList &keys, qint64 frames, bool ripple) const;
    Result nudge(const QStringList &keys, qint64 frames) const;
    Result trimIn(const QString &key, qint64 start, bool ripple) const;
    Result trimOut(const QString &key, qint64 end, bool ripple) const;
    Result split(const QString &key, qint64 at) const;
    Result remove(const QStringList &keys, bool ripple) const;
    Result setTitle(const QString &key, const QString &text, qint64 duration) const;
    Result setVolume(const QString &key, double volume) const;
    Result setFades(const QString &key, qint64 fadeIn, qint64 fadeOut) const;
    Result discard() const;

    // The segment of a track under a frame (the last-starting one), or an empty key.
    QString clipAt(int track, qint64 frame) const;
    // Where the next or previous segment edge is on a track from a frame (the frame itself when none).
    qint64 nextEdge(qint64 frame, int direction) const;

private:
    struct Placed
    {
        int track;
        int index;
        const Clip *clip;
    };
    bool find(const QString &key, Placed *placed, Result *result) const;
    QString seconds(qint64 frames) const;
    Result finish(Edit edit) const;

    const EditedDraft &m_document;
};

} // namespace nemo::edit
