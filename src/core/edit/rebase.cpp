#include "edit/rebase.h"

namespace nemo::edit {

namespace {

int severity(OpState state)
{
    switch (state) {
    case OpState::Applied:
        return 0;
    case OpState::Drifted:
        return 1;
    case OpState::Conflict:
        return 2;
    case OpState::Orphaned:
        return 3;
    }
    return 0;
}

struct Words
{
    Q_DECLARE_TR_FUNCTIONS(nemo::edit::Rebase)
};

} // namespace

AppliedEdit applyEdit(EditedDraft &document, const Edit &edit, EditedDraft::Observer *observer)
{
    AppliedEdit applied;
    EditReport &report = applied.report;
    if (edit.kind == Edit::Kind::Discard) {
        const EditedDraft::Result result =
            document.apply(document.opsToAgentDraft(), EditedDraft::Mode::Restore, observer);
        applied.inverse = result.inverse;
        return applied;
    }
    const EditedDraft::Result result = document.apply(edit.ops, EditedDraft::Mode::Rebase, observer);
    report.ops = result.states;
    int worst = 0;
    int orphans = 0;
    QString trouble;
    for (int i = 0; i < int(result.states.size()); ++i) {
        const OpState state = result.states.at(i);
        if (severity(state) > worst) {
            worst = severity(state);
            report.state = state;
            trouble = edit.ops.at(i).label;
        }
        if (state == OpState::Orphaned)
            ++orphans;
    }
    if (!result.ok) {
        report.state = OpState::Conflict;
        report.applied = false;
        report.message = Words::tr("Not applied: %1").arg(result.problem);
        return applied;
    }
    applied.inverse = result.inverse;
    report.applied = orphans < edit.ops.size();
    switch (report.state) {
    case OpState::Applied:
        break;
    case OpState::Drifted:
        report.message =
            Words::tr("%1 has moved in the agent's timeline; the edit still applies.").arg(trouble);
        break;
    case OpState::Conflict:
        report.message = Words::tr("The agent changed %1 too; your edit was made over it.").arg(trouble);
        break;
    case OpState::Orphaned:
        report.message = report.applied
            ? Words::tr("%1 is no longer in the agent's timeline; the rest of the edit applies.").arg(trouble)
            : Words::tr("%1 is no longer in the agent's timeline.").arg(trouble);
        break;
    }
    return applied;
}

Rebased rebase(const draft::Draft &agent, const QList<Edit> &edits, const EditedDraft::MediaLengths &lengths)
{
    Rebased rebased{EditedDraft(agent, lengths), {}};
    rebased.edits.reserve(edits.size());
    for (const Edit &edit : edits)
        rebased.edits.append(applyEdit(rebased.document, edit));
    return rebased;
}

} // namespace nemo::edit
