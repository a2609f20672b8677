#pragma once

#include "common/banner.h"

class QTimer;

namespace nemo::client {
class Workspace;
} // namespace nemo::client

namespace nemo::app {

// Above the chat while the service can't be reached: that the work is kept, when the next try is, and
// Try Now.
class OfflineBanner : public Banner
{
    Q_OBJECT
public:
    explicit OfflineBanner(client::Workspace *workspace, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void update();

    client::Workspace *m_workspace;
    QTimer *m_ticker;
};

} // namespace nemo::app
