#include "timeline/edithistory.h"

#include "edit/handedits.h"

#include <QUndoStack>

namespace nemo::app {

namespace {

constexpr int MergingId = 0x4e45; // commands that may merge (nudges, volume): the core decides
} // namespace

// One hand edit on the stack. Its first redo is the push itself (the core applied it already).
class EditCommand : public QUndoCommand
{
public:
    EditCommand(EditHistory *history, const QString &text, bool mergeable, bool merged)
        : m_history(history)
        , m_mergeable(mergeable)
        , m_merged(merged)
    {
        setText(text);
    }

    void redo() override
    {
        if (std::exchange(m_applied, false) || m_history->m_following)
            return;
        m_history->m_driving = true;
        m_history->m_edits->redo();
        m_history->m_driving = false;
    }

    void undo() override
    {
        if (m_history->m_following)
            return;
        m_history->m_driving = true;
        m_history->m_edits->undo();
        m_history->m_driving = false;
    }

    int id() const override { return m_mergeable ? MergingId : -1; }

    bool mergeWith(const QUndoCommand *other) override
    {
        // The core merged the newer edit into this one: the stack does the same.
        const auto *newer = static_cast<const EditCommand *>(other);
        if (!newer->m_merged)
            return false;
        setText(newer->text());
        return true;
    }

private:
    EditHistory *m_history;
    bool m_mergeable;
    bool m_merged;
    bool m_applied = true;
};

EditHistory::EditHistory(edit::HandEdits *edits, QObject *parent)
    : QObject(parent)
    , m_edits(edits)
    , m_stack(new QUndoStack(this))
{
    connect(edits, &edit::HandEdits::changed, this, [this] {
        if (!m_driving)
            follow();
    });
    follow();
}

EditHistory::~EditHistory() = default;

bool EditHistory::perform(const edit::Editor::Result &result, QString *problem)
{
    if (!result.ok()) {
        if (problem)
            *problem = result.problem;
        return false;
    }
    m_driving = true;
    QString why;
    const bool done = m_edits->push(result.edit, &why);
    m_driving = false;
    if (!done) {
        if (problem)
            *problem = why;
        return false;
    }
    const bool merged = m_edits->lastPushMerged();
    const QString name = merged ? m_edits->undoName() : result.edit.name;
    m_stack->push(new EditCommand(this, name, !result.edit.mergeKey.isEmpty(), merged));
    return true;
}

void EditHistory::follow()
{
    // The layer changed under the stack: the same commands again, as many done as the core has done.
    m_following = true;
    m_stack->clear();
    for (const edit::HandEdits::Entry &entry : m_edits->entries())
        m_stack->push(new EditCommand(this, entry.edit.name, false, false));
    m_stack->setIndex(m_edits->doneCount());
    m_following = false;
}

} // namespace nemo::app
