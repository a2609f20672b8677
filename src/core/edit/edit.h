#pragma once

#include "edit/editop.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace nemo::edit {

// One thing the user did by hand (a trim, a split, a ripple delete …): the small ops it is made of,
// applied all or nothing, undone as one step. `name` is for the Edit menu ("Trim photo2.jpg"), `summary`
// for the agent ("trimmed photo2.jpg to 2.5 s"). A Discard takes the draft back to the agent's.
struct Edit
{
    Q_DECLARE_TR_FUNCTIONS(nemo::edit::Edit)
public:
    enum class Kind
    {
        Change,
        Discard
    };

    Kind kind = Kind::Change;
    QString name;
    QString summary;
    // Consecutive edits with the same key become one step (nudging a segment frame by frame).
    QString mergeKey;
    int turn = 0; // the agent's draft it was made on (the project's turn)
    int fps = 30;
    QDateTime time;
    QList<EditOp> ops;

    bool isEmpty() const { return ops.isEmpty() && kind == Kind::Change; }
    // `later` folded into this one: for each segment, the values before this edit and after `later`.
    // Only for edits made of Sets (what merges).
    bool absorb(const Edit &later);

    QByteArray toJson() const;
    // A stored edit; null with `error` set when it is damaged (its ops are then not used).
    static std::optional<Edit> fromJson(const QByteArray &bytes, QString *error);
};

// What became of an op when the edits were applied to a newer agent draft.
enum class OpState
{
    Applied,  // as made
    Drifted,  // its segment moved, the change still made sense and was made
    Conflict, // the agent changed the same thing: the hand edit was made over it, or could not be
    Orphaned  // its segment is gone
};

// What became of one edit.
struct EditReport
{
    OpState state = OpState::Applied; // the worst of its ops
    bool applied = true;              // false: nothing of it is in the draft (conflict or orphaned)
    QString message;                  // for people, when not simply applied
    QList<OpState> ops;
};

} // namespace nemo::edit
