#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QSlider;
class QSplitter;
class QToolButton;
class QUndoView;

namespace nemo::draft {
class DraftDiff;
} // namespace nemo::draft

namespace nemo::agent {
struct ProjectState;
} // namespace nemo::agent

namespace nemo::client {
class Workspace;
} // namespace nemo::client

namespace nemo::app {

class EditHistory;
class HandEditList;
class TimelineModel;
class TimelineView;

// The timeline dock's content: the view over the edited draft, a bar with the one-line summary, ripple
// and snapping, zoom, Fit and Refresh, and the list of hand edits beside it. Edits go through the
// EditHistory (the window's undo stack); a segment's words, volume and fades open a SegmentDialog.
class TimelinePanel : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePanel(client::Workspace *workspace, QWidget *parent = nullptr);

    TimelineView *view() const { return m_view; }
    TimelineModel *model() const { return m_model; }
    EditHistory *history() const { return m_history; }
    HandEditList *handEditList() const { return m_list; }
    QSlider *zoomSlider() const { return m_zoom; }
    QLabel *summaryLabel() const { return m_summary; }
    QToolButton *rippleButton() const { return m_ripple; }
    QToolButton *handEditsButton() const { return m_showEdits; }
    // Every hand edit, undoable from any point (a click on a line goes back to it): the History panel's
    // content, made once, for the shell to put in its dock.
    QUndoView *historyView();

    void showState(const agent::ProjectState &state, const draft::DraftDiff &changes);
    // Opens the words/length or volume/fades of a segment.
    void editSegment(const QString &key);

signals:
    void refreshRequested();
    // Something the user should read in the status bar (an edit that could not be made).
    void message(const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    void updateSummary();
    static int sliderFor(double pixelsPerSecond);
    static double zoomFor(int slider);

    client::Workspace *m_workspace;
    TimelineModel *m_model;
    EditHistory *m_history;
    TimelineView *m_view;
    HandEditList *m_list;
    QSplitter *m_splitter;
    QSlider *m_zoom;
    QToolButton *m_ripple;
    QToolButton *m_snap;
    QToolButton *m_showEdits;
    QToolButton *m_fit;
    QToolButton *m_refresh;
    QLabel *m_zoomLabel;
    QLabel *m_summary;
    QPointer<QUndoView> m_historyView;
    QString m_summaryText;
};

} // namespace nemo::app
