#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace nemo::app {

class EditHistory;

// The hand edits and what became of them over the agent's latest draft: each edit with its state
// (applied, moved in the agent's timeline, changed by the agent too, no longer there); an edit that no
// longer fits can be re-anchored on the selected segment or dropped, and all of them discarded at once
// (undoable). Undone edits show greyed until something new is done.
class HandEditList : public QWidget
{
    Q_OBJECT
public:
    explicit HandEditList(EditHistory *history, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QPushButton *discardButton() const { return m_discard; }
    QPushButton *dropButton() const { return m_drop; }
    QPushButton *reanchorButton() const { return m_reanchor; }
    // The segment selected on the timeline (what Re-anchor points an edit at).
    void setSelectedSegment(const QString &key);

signals:
    void problem(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void retranslate();
    void updateButtons();
    int currentEntry() const;

    EditHistory *m_history;
    QLabel *m_title;
    QListWidget *m_list;
    QPushButton *m_reanchor;
    QPushButton *m_drop;
    QPushButton *m_discard;
    QString m_selected;
};

} // namespace nemo::app
