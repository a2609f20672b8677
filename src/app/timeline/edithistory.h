#pragma once

#include "edit/editor.h"

#include <QObject>

class QUndoStack;

namespace nemo::edit {
class HandEdits;
} // namespace nemo::edit

namespace nemo::app {

// The hand edits as the window's undo stack: each edit the core applies is one QUndoCommand named for
// the Edit menu ("Undo Trim photo2.jpg"), undone and redone by the core (QtGui stays out of it); a drag
// is one command, repeated nudges merge into one. The stack follows the core when the layer changes
// under it (a project opened, an edit dropped), so the History dock always shows the project's edits.
class EditHistory : public QObject
{
    Q_OBJECT
public:
    explicit EditHistory(edit::HandEdits *edits, QObject *parent = nullptr);
    ~EditHistory() override;

    QUndoStack *stack() const { return m_stack; }
    edit::HandEdits *handEdits() const { return m_edits; }
    // Applies an edit the Editor made; false with `problem` (plain words) when it can't be done.
    bool perform(const edit::Editor::Result &result, QString *problem = nullptr);
    // Whether the core is being driven by the stack right now (commands, not someone else).
    bool isDriving() const { return m_driving; }

private:
    friend class EditCommand;
    void follow();

    edit::HandEdits *m_edits;
    QUndoStack *m_stack;
    bool m_driving = false;
    bool m_following = false;
};

} // namespace nemo::app
