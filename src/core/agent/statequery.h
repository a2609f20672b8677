#pragma once

#include "agent/projectstate.h"
#include "net/apicall.h"

namespace nemo::agent {

// GET /api/state/nemo_agent/me/<sid>/latest
class StateQuery : public net::ApiCall
{
    Q_OBJECT
public:
    explicit StateQuery(net::Connection *connection, QObject *parent = nullptr);
    const ProjectState &state() const { return m_state; }
    // How the answer's `data` is read (straight from the parse into `state`); the benchmark uses it too.
    static net::Envelope::DataReader readerInto(ProjectState *state);

protected:
    void handle(const net::ApiResult &result) override;

private:
    ProjectState m_state;
};

} // namespace nemo::agent
