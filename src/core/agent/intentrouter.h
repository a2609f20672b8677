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
// itself (the contract's routing table). One rule in both languages: a message is the command when it
// is nothing but the command's words with politeness around them ("export", "please export the
// video", "帮我导出视频"); anything more ("make the title bigger, then export", "把标题改大一点，然后导出")
// is a request for the agent.
class IntentRouter
{
public:
    static Intent route(const QString &message);
    static QString name(Intent intent);
};

} // namespace nemo::agent
