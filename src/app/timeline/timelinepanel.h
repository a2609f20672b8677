#pragma once

#include <QWidget>

class QLabel;
class QSlider;
class QToolButton;

namespace nemo::draft {
class DraftDiff;
} // namespace nemo::draft

namespace nemo::agent {
struct ProjectState;
} // namespace nemo::agent

namespace nemo::app {

class TimelineModel;
class TimelineView;

// The timeline dock's content: the view, a zoom slider, Fit and Refresh, and the one-line summary.
class TimelinePanel : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePanel(QWidget *parent = nullptr);

    TimelineView *view() const { return m_view; }
    TimelineModel *model() const { return m_model; }
    QSlider *zoomSlider() const { return m_zoom; }
    QLabel *summaryLabel() const { return m_summary; }

    void showState(const agent::ProjectState &state, const draft::DraftDiff &changes);

signals:
    void refreshRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    static int sliderFor(double pixelsPerSecond);
    static double zoomFor(int slider);

    TimelineModel *m_model;
    TimelineView *m_view;
    QSlider *m_zoom;
    QToolButton *m_fit;
    QToolButton *m_refresh;
    QLabel *m_zoomLabel;
    QLabel *m_summary;
};

} // namespace nemo::app
