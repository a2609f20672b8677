#pragma once

#include "edit/editeddraft.h"

#include <QObject>

namespace nemo::edit {

// The hand edits of a project: a layer of edits over the agent's draft, with undo and redo. Each edit is
// applied all or nothing and undone as one step; consecutive edits with the same merge key (nudges)
// become one. When the agent's next draft comes, the edits that are done are applied to it again and
// each says what became of it (applied, drifted, conflict, orphaned); one that no longer fits can be
// dropped or re-anchored on another segment. What was done since the last message is summed up for the
// agent (pendingSummary) and marked sent once it went out. The project keeps the layer (entries, how
// many are done, how many were told), so that after a restart everything is there and still undoable.
class HandEdits : public QObject
{
    Q_OBJECT
public:
    struct Entry
    {
        Edit edit;
        EditReport report;
        QList<EditOp> inverse; // undoes what of it was applied
    };

    explicit HandEdits(QObject *parent = nullptr);

    const EditedDraft &document() const { return m_document; }
    // The edited draft, as every output reads it.
    draft::Draft draft() const { return m_document.draft(); }
    int turn() const { return m_turn; }
    // Views follow single changes through this; a reset is signalled (documentReset) for the rest.
    void setObserver(EditedDraft::Observer *observer) { m_observer = observer; }

    // A new draft from the agent (or the one a project was opened with): the done edits again over it.
    void setAgentDraft(const draft::Draft &agent, int turn, const EditedDraft::MediaLengths &lengths = {});
    void setMediaLengths(const EditedDraft::MediaLengths &lengths);
    // What a project kept; nothing is applied until its draft comes (setAgentDraft).
    void restore(const QList<Edit> &edits, int done, int sent);
    // Back to nothing (a new project).
    void clear();

    // Applies an edit now (strictly: the segments must be as it expects). False with `problem` (plain
    // words) when it can't be done; nothing changes then.
    bool push(const Edit &edit, QString *problem = nullptr);
    bool lastPushMerged() const { return m_lastMerged; }
    bool undo();
    bool redo();
    bool canUndo() const { return m_done > 0; }
    bool canRedo() const { return m_done < m_entries.size(); }
    QString undoName() const;
    QString redoName() const;

    const QList<Entry> &entries() const { return m_entries; }
    int doneCount() const { return int(m_done); }
    int sentCount() const { return int(m_sent); }
    // Takes an edit out of the layer (one that no longer fits); the rest are applied again.
    bool drop(int entry);
    // Points an edit's ops that named `oldKey` at another segment; the layer is applied again.
    bool reanchor(int entry, const QString &oldKey, const QString &newKey);
    // The edits done since the agent was last told, in plain words ("removed photo1.jpg; made the title
    // 4 s"), empty when there are none.
    QString pendingSummary() const;
    void markSent();

signals:
    // The entries, how many are done, or their reports changed (the project saves them).
    void changed();
    // The edited draft changed (outputs follow it).
    void draftChanged();
    // The document is about to be rebuilt, and was: views read it again.
    void documentAboutToReset();
    void documentReset();

private:
    void rebuild();
    void applyEntry(Entry &entry, EditedDraft::Observer *observer);

    EditedDraft m_document;
    draft::Draft m_agent;
    EditedDraft::MediaLengths m_lengths;
    int m_turn = 0;
    QList<Entry> m_entries;
    qsizetype m_done = 0;
    qsizetype m_sent = 0;
    bool m_lastMerged = false;
    bool m_mergeOpen = false;
    EditedDraft::Observer *m_observer = nullptr;
};

} // namespace nemo::edit
