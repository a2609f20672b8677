#pragma once

#include <QString>

namespace nemo::agent {

enum class Intent
{
    Chat,
    Export,
    Credits,
    State,
    Upload
};

// Decides, before anything goes to the agent, whether a message is a command the client handles
// itself (the contract's routing table, in English and Chinese). Messages that also ask for an
// edit ("add music and export") go to the agent.
class IntentRouter
{
public:
    static Intent route(const QString &message);
    static QString name(Intent intent);
};

} // namespace nemo::agent
