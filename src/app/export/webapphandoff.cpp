#include "export/webapphandoff.h"

#include "auth/claimtokenquery.h"
#include "client/workspace.h"
#include "common/weblinks.h"

namespace nemo::app {

WebAppHandoff::WebAppHandoff(client::Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
{ }

void WebAppHandoff::start()
{
    if (m_running)
        return;
    m_running = true;
    emit runningChanged(true);
    emit message(tr("Opening this project in the NemoVideo web app…"), 0);
    auth::ClaimTokenQuery *query = m_workspace->service()->claimWebLink(this);
    connect(query, &net::ServiceJob::finished, this, [this, query] {
        m_running = false;
        emit runningChanged(false);
        if (query->error()) {
            emit message(QString(), 0);
            m_workspace->conversation()->addError(
                query->error(),
                tr("Couldn't open the project in the web app: %1").arg(query->error().message()));
            return;
        }
        emit message(tr("Opened in your browser: continue there with the same project."), 15000);
        openWebLink(query->webUrl());
    });
}

} // namespace nemo::app
