#include "edit/handedits.h"

#include "edit/rebase.h"

namespace nemo::edit {

HandEdits::HandEdits(QObject *parent)
    : QObject(parent)
{ }

QString HandEdits::undoName() const
{
    return canUndo() ? m_entries.at(m_done - 1).edit.name : QString();
}

QString HandEdits::redoName() const
{
    return canRedo() ? m_entries.at(m_done).edit.name : QString();
}

void HandEdits::setAgentDraft(const draft::Draft &agent, int turn, const EditedDraft::MediaLengths &lengths)
{
    m_agent = agent;
    m_turn = turn;
    m_lengths = lengths;
    m_mergeOpen = false;
    rebuild();
    emit changed(); // the reports are the new draft's
}

void HandEdits::setMediaLengths(const EditedDraft::MediaLengths &lengths)
{
    if (lengths == m_lengths)
        return;
    m_lengths = lengths;
    rebuild();
}

void HandEdits::restore(const QList<Edit> &edits, int done, int sent)
{
    m_entries.clear();
    for (const Edit &edit : edits)
        m_entries.append({edit, {}, {}});
    m_done = qBound(0, done, int(m_entries.size()));
    m_sent = qBound(0, sent, int(m_entries.size()));
    m_mergeOpen = false;
    rebuild();
    emit changed();
}

void HandEdits::clear()
{
    m_entries.clear();
    m_done = 0;
    m_sent = 0;
    m_agent = draft::Draft();
    m_turn = 0;
    m_mergeOpen = false;
    rebuild();
    emit changed();
}

void HandEdits::applyEntry(Entry &entry, EditedDraft::Observer *observer)
{
    AppliedEdit applied = applyEdit(m_document, entry.edit, observer);
    entry.report = applied.report;
    entry.inverse = applied.inverse;
}

void HandEdits::rebuild()
{
    emit documentAboutToReset();
    m_document = EditedDraft(m_agent, m_lengths);
    for (qsizetype i = 0; i < m_done; ++i)
        applyEntry(m_entries[i], nullptr);
    for (qsizetype i = m_done; i < m_entries.size(); ++i) {
        m_entries[i].report = EditReport();
        m_entries[i].inverse.clear();
    }
    emit documentReset();
    emit draftChanged();
}

bool HandEdits::push(const Edit &edit, QString *problem)
{
    m_lastMerged = false;
    const EditedDraft::Mode mode =
        edit.kind == Edit::Kind::Discard ? EditedDraft::Mode::Restore : EditedDraft::Mode::Strict;
    const EditedDraft::Result result = m_document.apply(edit.ops, mode, m_observer);
    if (!result.ok) {
        if (problem)
            *problem = result.problem;
        return false;
    }
    m_entries.resize(m_done);
    m_sent = qMin(m_sent, m_done);
    Entry *top = m_done > 0 ? &m_entries[m_done - 1] : nullptr;
    Edit merged = top ? top->edit : Edit();
    if (top && m_mergeOpen && !edit.mergeKey.isEmpty() && top->edit.mergeKey == edit.mergeKey &&
        m_sent < m_done && merged.absorb(edit)) {
        top->edit = merged;
        top->inverse = result.inverse + top->inverse;
        m_lastMerged = true;
    } else {
        Entry entry{edit, {}, result.inverse};
        entry.edit.turn = m_turn;
        entry.report.ops = result.states;
        m_entries.append(entry);
        ++m_done;
    }
    m_mergeOpen = true;
    emit changed();
    emit draftChanged();
    return true;
}

bool HandEdits::undo()
{
    if (!canUndo())
        return false;
    Entry &entry = m_entries[m_done - 1];
    m_document.apply(entry.inverse, EditedDraft::Mode::Restore, m_observer);
    entry.inverse.clear();
    --m_done;
    m_mergeOpen = false;
    emit changed();
    emit draftChanged();
    return true;
}

bool HandEdits::redo()
{
    if (!canRedo())
        return false;
    applyEntry(m_entries[m_done], m_observer);
    ++m_done;
    m_mergeOpen = false;
    emit changed();
    emit draftChanged();
    return true;
}

bool HandEdits::drop(int entry)
{
    if (entry < 0 || entry >= m_entries.size())
        return false;
    m_entries.removeAt(entry);
    if (entry < m_done)
        --m_done;
    if (entry < m_sent)
        --m_sent;
    m_mergeOpen = false;
    rebuild();
    emit changed();
    return true;
}

bool HandEdits::reanchor(int entry, const QString &oldKey, const QString &newKey)
{
    if (entry < 0 || entry >= m_entries.size() || oldKey == newKey)
        return false;
    const Clip *target = m_document.clip(newKey);
    if (!target)
        return false;
    bool any = false;
    for (EditOp &op : m_entries[entry].edit.ops) {
        if (op.key != oldKey)
            continue;
        op.key = newKey;
        op.label = target->label;
        // Made over the segment as it is now, so that it applies cleanly.
        op.before = target->values;
        any = true;
    }
    if (!any)
        return false;
    m_mergeOpen = false;
    rebuild();
    emit changed();
    return true;
}

QString HandEdits::pendingSummary() const
{
    QStringList parts;
    for (qsizetype i = m_sent; i < m_done; ++i) {
        const Entry &entry = m_entries.at(i);
        if (entry.report.applied && !entry.edit.summary.isEmpty())
            parts.append(entry.edit.summary);
    }
    for (qsizetype i = m_done; i < m_sent; ++i)
        parts.append(tr("undid “%1”").arg(m_entries.at(i).edit.summary));
    return parts.join(tr("; "));
}

void HandEdits::markSent()
{
    if (m_sent == m_done)
        return;
    m_sent = m_done;
    m_mergeOpen = false;
    emit changed();
}

} // namespace nemo::edit
