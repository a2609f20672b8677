#include "timeline/timelinepanel.h"

#include "agent/statequery.h"
#include "common/firstpaint.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelineview.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace nemo::app {

TimelinePanel::TimelinePanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new TimelineModel(this))
    , m_view(new TimelineView(this))
    , m_zoom(new QSlider(Qt::Horizontal, this))
    , m_fit(new QToolButton(this))
    , m_refresh(new QToolButton(this))
    , m_zoomLabel(new QLabel(this))
    , m_summary(new QLabel(this))
{
    m_view->setModel(m_model);
    m_zoom->setRange(0, 1000);
    m_zoom->setValue(sliderFor(m_view->pixelsPerSecond()));
    m_zoom->setMaximumWidth(220);
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

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 6, 2);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_zoomLabel);
    bar->addWidget(m_zoom);
    bar->addWidget(m_fit);
    bar->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_zoom, &QSlider::valueChanged, this,
            [this](int value) { m_view->setPixelsPerSecond(zoomFor(value)); });
    connect(m_view, &TimelineView::zoomChanged, this, [this](double zoom) {
        const QSignalBlocker blocker(m_zoom);
        m_zoom->setValue(sliderFor(zoom));
    });
    connect(m_fit, &QToolButton::clicked, m_view, &TimelineView::zoomToFit);
    connect(m_refresh, &QToolButton::clicked, this, &TimelinePanel::refreshRequested);
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

void TimelinePanel::showState(const agent::ProjectState &state, const draft::DraftDiff &changes)
{
    m_model->setDraft(state.draft, changes.changedSegments());
    const QString summary = state.draft.summary();
    m_summary->setText(summary);
    m_summary->setToolTip(summary);
    m_view->setAccessibleDescription(summary);
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
    if (m_model->rowCount() == 0)
        m_summary->setText(tr("No timeline yet"));
}

void TimelinePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace nemo::app
