#pragma once

#include "apicall.h"
#include "projectstate.h"

namespace nemo::core {

// GET /api/state/nemo_agent/me/<sid>/latest
class StateQuery : public ApiCall
{
    Q_OBJECT
public:
    explicit StateQuery(Connection *connection, QObject *parent = nullptr);
    const ProjectState &state() const { return m_state; }

protected:
    void handle(const ApiResult &result) override;

private:
    ProjectState m_state;
};

} // namespace nemo::core
