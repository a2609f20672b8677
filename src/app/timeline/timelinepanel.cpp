#include "timeline/timelinepanel.h"

#include "agent/projectstate.h"
#include "client/playhead.h"
#include "client/workspace.h"
#include "common/dialogs.h"
#include "common/firstpaint.h"
#include "draft/draftdiff.h"
#include "edit/handedits.h"
#include "render/localsources.h"
#include "timeline/edithistory.h"
#include "timeline/handeditlist.h"
#include "timeline/segmentdialog.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelineview.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QSplitter>
#include <QToolButton>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

#include <cmath>

namespace nemo::app {

TimelinePanel::TimelinePanel(client::Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_model(new TimelineModel(workspace->handEdits(), this))
    , m_history(new EditHistory(workspace->handEdits(), this))
    , m_view(new TimelineView(this))
    , m_list(new HandEditList(m_history, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_zoom(new QSlider(Qt::Horizontal, this))
    , m_ripple(new QToolButton(this))
    , m_snap(new QToolButton(this))
    , m_showEdits(new QToolButton(this))
    , m_fit(new QToolButton(this))
    , m_refresh(new QToolButton(this))
    , m_zoomLabel(new QLabel(this))
    , m_summary(new QLabel(this))
{
    m_view->setModel(m_model);
    m_view->setHistory(m_history);
    m_view->setPlayhead(workspace->playhead());
    m_view->setLocalFiles([workspace](const QString &source) {
        const std::optional<agent::ProjectState> state = workspace->state();
        return render::LocalSources::localFor(source, state ? *state : agent::ProjectState(),
                                              workspace->uploads()->items(), workspace->mediaCache());
    });
    m_zoom->setRange(0, 1000);
    m_zoom->setValue(sliderFor(m_view->pixelsPerSecond()));
    m_zoom->setMinimumWidth(60);
    m_zoom->setMaximumWidth(200);
    for (QToolButton *button : {m_ripple, m_snap, m_showEdits}) {
        button->setCheckable(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    }
    m_snap->setChecked(true);
    m_showEdits->setChecked(true);
    // Icons from the desktop theme where there is one, once the window is on screen (the first search of
    // the theme is slow); words otherwise.
    for (QToolButton *button : {m_fit, m_refresh})
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    afterFirstPaint(this, [this] {
        m_fit->setIcon(QIcon::fromTheme(QStringLiteral("zoom-fit-best")));
        m_refresh->setIcon(QIcon::fromTheme(QStringLiteral("view-refresh")));
        for (QToolButton *button : {m_fit, m_refresh}) {
            button->setToolButtonStyle(button->icon().isNull() ? Qt::ToolButtonTextOnly
                                                               : Qt::ToolButtonIconOnly);
        }
    });
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(false);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary->setMinimumWidth(40);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 6, 2);
    bar->addWidget(m_summary, 1);
    bar->addSpacing(8);
    bar->addWidget(m_ripple);
    bar->addWidget(m_snap);
    bar->addWidget(m_zoomLabel);
    bar->addWidget(m_zoom);
    bar->addWidget(m_fit);
    bar->addWidget(m_refresh);
    bar->addWidget(m_showEdits);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_list);
    m_splitter->setStretchFactor(0, 4);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setCollapsible(0, false);
    m_splitter->setSizes({700, 220});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);

    // Ctrl+R toggles ripple while the timeline has focus.
    auto *ripple = new QAction(this);
    ripple->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    ripple->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(ripple);
    connect(ripple, &QAction::triggered, m_ripple, &QToolButton::click);
    connect(m_ripple, &QToolButton::toggled, m_view, &TimelineView::setRippleMode);
    connect(m_view, &TimelineView::rippleModeChanged, m_ripple, &QToolButton::setChecked);
    connect(m_snap, &QToolButton::toggled, m_view, &TimelineView::setSnapping);
    connect(m_showEdits, &QToolButton::toggled, m_list, &QWidget::setVisible);
    connect(m_zoom, &QSlider::valueChanged, this,
            [this](int value) { m_view->setPixelsPerSecond(zoomFor(value)); });
    connect(m_view, &TimelineView::zoomChanged, this, [this](double zoom) {
        const QSignalBlocker blocker(m_zoom);
        m_zoom->setValue(sliderFor(zoom));
    });
    connect(m_fit, &QToolButton::clicked, m_view, &TimelineView::zoomToFit);
    connect(m_refresh, &QToolButton::clicked, this, &TimelinePanel::refreshRequested);
    connect(m_view, &TimelineView::editSegmentRequested, this, &TimelinePanel::editSegment);
    connect(m_view, &TimelineView::problem, this, &TimelinePanel::message);
    connect(m_list, &HandEditList::problem, this, &TimelinePanel::message);
    connect(m_view, &TimelineView::selectionChanged, this, [this] {
        const QSet<QString> selected = m_view->selection();
        m_list->setSelectedSegment(selected.size() == 1 ? *selected.begin() : QString());
    });
    connect(workspace->handEdits(), &edit::HandEdits::draftChanged, this, &TimelinePanel::updateSummary);
    retranslate();
}

int TimelinePanel::sliderFor(double pixelsPerSecond)
{
    const double span = std::log(TimelineView::MaxZoom / TimelineView::MinZoom);
    return int(std::round(1000.0 * std::log(pixelsPerSecond / TimelineView::MinZoom) / span));
}

double TimelinePanel::zoomFor(int slider)
{
    const double span = std::log(TimelineView::MaxZoom / TimelineView::MinZoom);
    return TimelineView::MinZoom * std::exp(span * slider / 1000.0);
}

void TimelinePanel::showState(const agent::ProjectState &, const draft::DraftDiff &changes)
{
    m_model->setChanges(changes.changedSegments());
    updateSummary();
}

void TimelinePanel::updateSummary()
{
    const bool empty = m_model->document().clipCount() == 0;
    m_summaryText = empty ? tr("No timeline yet") : m_model->summary();
    if (!empty && m_model->document().isEdited())
        m_summaryText = tr("%1 (edited by hand)").arg(m_summaryText);
    m_summary->setToolTip(empty ? QString() : m_summaryText);
    m_summary->setText(
        m_summary->fontMetrics().elidedText(m_summaryText, Qt::ElideRight, qMax(0, m_summary->width())));
    m_view->setAccessibleDescription(m_summaryText);
}

void TimelinePanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateSummary();
}

void TimelinePanel::editSegment(const QString &key)
{
    const edit::EditedDraft &document = m_model->document();
    int track = 0;
    int index = 0;
    if (!document.locate(key, &track, &index))
        return;
    const edit::Clip &clip = document.tracks().at(track).clips.at(index);
    const bool title = document.tracks().at(track).kind == draft::TrackKind::Text;
    auto *dialog = new SegmentDialog(clip, title, document.fps(), this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const edit::EditedDraft &now = m_model->document();
        const edit::Editor editor(now);
        edit::Editor::Result result;
        if (dialog->isTitle()) {
            result = editor.setTitle(dialog->key(), dialog->text(), dialog->duration());
        } else {
            // Volume and fades are one step.
            result = editor.setVolume(dialog->key(), dialog->volume());
            const edit::Editor::Result fades =
                editor.setFades(dialog->key(), dialog->fadeIn(), dialog->fadeOut());
            if (!fades.problem.isEmpty() && fades.problem != edit::Editor::tr("Nothing would change.")) {
                emit message(fades.problem);
                return;
            }
            if (result.edit.ops.isEmpty()) {
                result = fades;
            } else if (!fades.edit.ops.isEmpty()) {
                result.edit.ops += fades.edit.ops;
                result.edit.name = tr("Change Volume and Fades of %1").arg(now.clip(dialog->key())->label);
                result.edit.summary += tr("; ") + fades.edit.summary;
                result.edit.mergeKey.clear();
            }
        }
        if (result.edit.ops.isEmpty() && result.problem == edit::Editor::tr("Nothing would change."))
            return;
        QString problem;
        if (!m_history->perform(result, &problem))
            emit message(problem);
    });
    m_view->setFocus(); // back to the timeline once the dialog closes
    dialogs::open(dialog);
}

QUndoView *TimelinePanel::historyView()
{
    if (!m_historyView) {
        m_historyView = new QUndoView(m_history->stack());
        m_historyView->setObjectName(QStringLiteral("HistoryView"));
        retranslate();
    }
    return m_historyView;
}

void TimelinePanel::retranslate()
{
    m_zoomLabel->setText(tr("Zoom"));
    m_zoom->setAccessibleName(tr("Timeline zoom"));
    m_zoom->setToolTip(tr("Zoom the timeline (Ctrl+wheel over the timeline, or + and -)"));
    m_fit->setText(tr("Fit"));
    m_refresh->setText(tr("Refresh"));
    m_fit->setToolTip(tr("Fit the whole video in view (0)"));
    m_fit->setAccessibleName(tr("Fit timeline"));
    m_refresh->setToolTip(tr("Ask the service for the latest timeline (F5)"));
    m_refresh->setAccessibleName(tr("Refresh timeline"));
    m_ripple->setText(tr("Ripple"));
    m_ripple->setToolTip(
        tr("Ripple: moving, trimming or deleting a segment moves what follows it on its track (Ctrl+R)"));
    m_ripple->setAccessibleName(tr("Ripple"));
    m_snap->setText(tr("Snap"));
    m_snap->setToolTip(tr("Snap to segment edges and the playhead while dragging (hold Alt to drag freely)"));
    m_snap->setAccessibleName(tr("Snap"));
    m_showEdits->setText(tr("Hand Edits"));
    m_showEdits->setToolTip(tr("Show or hide the list of your hand edits"));
    m_showEdits->setAccessibleName(tr("Show hand edits"));
    if (m_historyView) {
        m_historyView->setAccessibleName(tr("Edit history"));
        m_historyView->setAccessibleDescription(
            tr("Every change, the oldest first; choosing one undoes the changes after it."));
        // The first row: where undoing everything leads (Qt's own says "<empty>").
        m_historyView->setEmptyLabel(tr("As the agent made it"));
    }
    updateSummary();
}

void TimelinePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace nemo::app
