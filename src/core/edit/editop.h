#pragma once

#include "edit/clip.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace nemo::edit {

// One small change to the edited draft, holding absolute values (never deltas) and naming its segment by
// identity (never by position). Set changes some of a segment's values, Remove takes it out, Insert puts
// one in (a split's second part, or a segment an undo brings back). The inverse of a Set is the Set
// back; the inverse of a Remove or an Insert is made when it is applied (EditedDraft::apply), from the
// document it was applied to.
struct EditOp
{
    Q_DECLARE_TR_FUNCTIONS(nemo::edit::EditOp)
public:
    enum class Kind
    {
        Set,
        Remove,
        Insert
    };

    Kind kind = Kind::Set;
    QString key;
    QString label;          // what the segment is, for people ("photo2.jpg", "“Urban Dreams”")
    quint32 properties = 0; // Set: what it changes
    ClipValues before;      // Set: the values it was made on (drift and conflicts are told from them)
    ClipValues after;       // Set: the new values
    Clip clip;              // Insert: the segment (Remove: as it was taken out)
    draft::TrackKind trackKind = draft::TrackKind::Other;
    QString trackKey; // Insert: its track
    QString afterKey; // Insert: the segment it follows in the draft's list (empty: the first)

    static EditOp set(const Clip &clip, quint32 properties, const ClipValues &after);
    static EditOp remove(const Clip &clip);
    static EditOp insert(const Clip &clip, const QString &trackKey, draft::TrackKind kind,
                         const QString &afterKey);
    // The Set that undoes this Set.
    EditOp reversed() const;

    QJsonObject toJson() const;
    static std::optional<EditOp> fromJson(const QJsonObject &object, QString *error);
};

} // namespace nemo::edit
