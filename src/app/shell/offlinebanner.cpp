#include "shell/offlinebanner.h"

#include "client/workspace.h"

#include <QEvent>
#include <QPushButton>
#include <QTimer>

namespace nemo::app {

using client::Workspace;

OfflineBanner::OfflineBanner(Workspace *workspace, QWidget *parent)
    : Banner(Close::No, parent)
    , m_workspace(workspace)
    , m_ticker(new QTimer(this))
{
    setObjectName(QStringLiteral("OfflineBanner"));
    button()->setObjectName(QStringLiteral("OfflineRetryButton"));
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &OfflineBanner::update);
    connect(button(), &QPushButton::clicked, workspace, &Workspace::connectToService);
    connect(workspace, &Workspace::connectionChanged, this, &OfflineBanner::update);
    update();
}

void OfflineBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        update();
    Banner::changeEvent(event);
}

void OfflineBanner::update()
{
    const bool offline = m_workspace->connection() == Workspace::Connection::Offline;
    setVisible(offline);
    if (!offline) {
        m_ticker->stop();
        return;
    }
    const int seconds = m_workspace->secondsToReconnect();
    setText(
        seconds > 0
            ? tr("You're offline: Nemo Studio can't reach the NemoVideo service. Your work is kept; trying "
                 "again in %n s.",
                 nullptr, seconds)
            : tr("You're offline: Nemo Studio can't reach the NemoVideo service. Your work is kept; trying "
                 "again…"));
    button()->setText(tr("Try Now"));
    if (!m_ticker->isActive())
        m_ticker->start();
}

} // namespace nemo::app
