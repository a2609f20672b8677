#include "timeline/handeditlist.h"

#include "edit/handedits.h"
#include "timeline/edithistory.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace nemo::app {

using edit::OpState;

HandEditList::HandEditList(EditHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_history(history)
    , m_title(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_reanchor(new QPushButton(this))
    , m_drop(new QPushButton(this))
    , m_discard(new QPushButton(this))
{
    setObjectName(QStringLiteral("HandEditList"));
    m_list->setObjectName(QStringLiteral("HandEditItems"));
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_title->setBuddy(m_list);
    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_reanchor);
    buttons->addWidget(m_drop);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_discard);
    edit::HandEdits *edits = history->handEdits();
    connect(edits, &edit::HandEdits::changed, this, &HandEditList::refresh);
    connect(m_list, &QListWidget::currentRowChanged, this, &HandEditList::updateButtons);
    connect(m_drop, &QPushButton::clicked, this, [this] {
        const int entry = currentEntry();
        if (entry >= 0)
            m_history->handEdits()->drop(entry);
    });
    connect(m_reanchor, &QPushButton::clicked, this, [this] {
        const int entry = currentEntry();
        edit::HandEdits *edits = m_history->handEdits();
        if (entry < 0 || m_selected.isEmpty())
            return;
        // The first op whose segment is gone now names the selected one.
        const edit::HandEdits::Entry &item = edits->entries().at(entry);
        for (int i = 0; i < int(item.edit.ops.size()); ++i) {
            if (i < item.report.ops.size() && item.report.ops.at(i) == OpState::Orphaned) {
                if (!edits->reanchor(entry, item.edit.ops.at(i).key, m_selected))
                    emit problem(tr("That edit can't be applied to the selected segment."));
                return;
            }
        }
    });
    connect(m_discard, &QPushButton::clicked, this, [this] {
        QString why;
        if (!m_history->perform(edit::Editor(m_history->handEdits()->document()).discard(), &why))
            emit problem(why);
    });
    retranslate();
    refresh();
}

int HandEditList::currentEntry() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toInt() : -1;
}

void HandEditList::setSelectedSegment(const QString &key)
{
    m_selected = key;
    updateButtons();
}

void HandEditList::refresh()
{
    const edit::HandEdits *edits = m_history->handEdits();
    const int keep = currentEntry();
    m_list->clear();
    const QList<edit::HandEdits::Entry> &entries = edits->entries();
    for (int i = 0; i < int(entries.size()); ++i) {
        const edit::HandEdits::Entry &entry = entries.at(i);
        const bool done = i < edits->doneCount();
        QString state;
        if (!done) {
            state = tr("undone");
        } else {
            switch (entry.report.state) {
            case OpState::Applied:
                state = tr("applied");
                break;
            case OpState::Drifted:
                state = tr("moved in the agent's timeline");
                break;
            case OpState::Conflict:
                state = entry.report.applied ? tr("the agent changed it too") : tr("no longer fits");
                break;
            case OpState::Orphaned:
                state = tr("its segment is gone");
                break;
            }
        }
        auto *item = new QListWidgetItem(tr("%1 — %2").arg(entry.edit.name, state), m_list);
        item->setData(Qt::UserRole, i);
        if (!entry.report.message.isEmpty())
            item->setToolTip(entry.report.message);
        item->setData(Qt::AccessibleDescriptionRole, entry.report.message);
        if (!done) {
            item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        } else if (entry.report.state == OpState::Orphaned || !entry.report.applied) {
            item->setForeground(QColor(0xb0, 0x2a, 0x2a));
        } else if (entry.report.state != OpState::Applied) {
            item->setForeground(QColor(0x9a, 0x6b, 0x00));
        }
        if (i == keep)
            m_list->setCurrentItem(item);
    }
    m_title->setText(entries.isEmpty() ? tr("&Hand edits: none yet")
                                       : tr("&Hand edits (%1)").arg(entries.size()));
    updateButtons();
}

void HandEditList::updateButtons()
{
    const edit::HandEdits *edits = m_history->handEdits();
    const int entry = currentEntry();
    const bool valid = entry >= 0 && entry < edits->entries().size() && entry < edits->doneCount();
    const bool orphaned = valid && edits->entries().at(entry).report.state == OpState::Orphaned;
    m_drop->setEnabled(entry >= 0 && entry < edits->entries().size());
    m_reanchor->setEnabled(orphaned && !m_selected.isEmpty() && edits->document().clip(m_selected));
    m_discard->setEnabled(edits->document().isEdited());
}

void HandEditList::retranslate()
{
    m_reanchor->setText(tr("&Re-anchor"));
    m_reanchor->setToolTip(tr("Apply the chosen edit to the segment selected on the timeline"));
    m_drop->setText(tr("&Drop"));
    m_drop->setToolTip(tr("Take the chosen edit out (the others stay)"));
    m_discard->setText(tr("Discard My Hand Edits"));
    m_discard->setToolTip(tr("Go back to the agent's timeline (you can undo this)"));
    m_list->setAccessibleName(tr("Hand edits"));
    refresh();
}

void HandEditList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace nemo::app
