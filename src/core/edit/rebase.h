#pragma once

#include "edit/editeddraft.h"

#include <QCoreApplication>

namespace nemo::edit {

// What one edit did when it was applied again.
struct AppliedEdit
{
    EditReport report;
    QList<EditOp> inverse; // undoes what of it was applied
};

// The hand edits over an agent's draft: apply(agentDraft, edits) → (draft, report), pure. The result
// keeps every byte the service sent except what the edits change.
struct Rebased
{
    EditedDraft document;
    QList<AppliedEdit> edits;
    draft::Draft draft() const { return document.draft(); }
};

// One edit over the document as it stands: its ops whose segment is gone are skipped (orphaned), those
// whose segment the agent changed too are made over it (conflict) or, when the result would not be a
// valid timeline, the whole edit is left out (conflict, not applied). A Discard goes back to the agent's
// draft.
AppliedEdit applyEdit(EditedDraft &document, const Edit &edit, EditedDraft::Observer *observer = nullptr);
Rebased rebase(const draft::Draft &agent, const QList<Edit> &edits,
               const EditedDraft::MediaLengths &lengths = {});

} // namespace nemo::edit
