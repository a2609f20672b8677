#include "shell/statuspanel.h"

#include "auth/authenticator.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace nemo::app {

using client::Workspace;

StatusPanel::StatusPanel(client::Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_connection(new QLabel(this))
    , m_retry(new QPushButton(this))
    , m_credits(new QLabel(this))
    , m_token(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->addWidget(m_connection);
    layout->addWidget(m_retry);
    layout->addSpacing(12);
    layout->addWidget(m_credits);
    layout->addSpacing(12);
    layout->addWidget(m_token);
    m_retry->setFlat(true);
    m_retry->setCursor(Qt::PointingHandCursor);
    connect(m_retry, &QPushButton::clicked, workspace, &Workspace::connectToService);
    connect(workspace, &Workspace::connectionChanged, this, &StatusPanel::update);
    connect(workspace, &Workspace::creditsChanged, this, &StatusPanel::update);
    connect(workspace->service()->auth(), &auth::Authenticator::changed, this, &StatusPanel::update);
    update();
}

void StatusPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        update();
    QWidget::changeEvent(event);
}

void StatusPanel::update()
{
    m_retry->setText(tr("Retry"));
    m_retry->setToolTip(tr("Try to reach the NemoVideo service again"));
    switch (m_workspace->connection()) {
    case Workspace::Connection::SettingUp:
        m_connection->setText(tr("Setting up…"));
        m_connection->setToolTip(tr("Signing in and opening an editing session"));
        m_retry->hide();
        break;
    case Workspace::Connection::Ready:
        m_connection->setText(tr("Connected"));
        m_connection->setToolTip(m_workspace->service()->config().baseUrl.toString());
        m_retry->hide();
        break;
    case Workspace::Connection::Offline:
        m_connection->setText(tr("⚠ Offline — can't reach the service"));
        m_connection->setToolTip(m_workspace->connectionError().message());
        m_retry->show();
        break;
    case Workspace::Connection::SignedOut:
        m_connection->setText(tr("⚠ Not connected: %1").arg(m_workspace->connectionError().title()));
        m_connection->setToolTip(m_workspace->connectionError().message());
        m_retry->show();
        break;
    }
    if (const auto credits = m_workspace->credits()) {
        m_credits->setText(credits->frozen > 0
                               ? tr("%1 credits (%2 frozen)").arg(credits->available).arg(credits->frozen)
                               : tr("%1 credits").arg(credits->available));
        m_credits->setToolTip(tr("Available: %1 · Frozen while work runs: %2 · Total: %3")
                                  .arg(credits->available)
                                  .arg(credits->frozen)
                                  .arg(credits->total));
        m_credits->show();
    } else {
        m_credits->hide();
    }
    const auth::Authenticator *auth = m_workspace->service()->auth();
    const int days = auth->daysLeft();
    if (auth->source() == auth::Authenticator::Source::Environment) {
        m_token->setText(tr("NEMO_TOKEN"));
        m_token->setToolTip(tr("Using the token from the NEMO_TOKEN environment variable"));
        m_token->show();
    } else if (days >= 0) {
        m_token->setText(days == 1 ? tr("1 day left") : tr("%1 days left").arg(days));
        m_token->setToolTip(
            tr("Your free sign-in lasts 7 days; Nemo Studio gets a new one when it runs out."));
        m_token->show();
    } else {
        m_token->hide();
    }
    m_connection->setAccessibleName(m_connection->text());
    m_credits->setAccessibleName(m_credits->text());
}

} // namespace nemo::app
