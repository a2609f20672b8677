#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace nemo::agent {

// The agent talks as if it had a GUI ("click the Export button", "preview in timeline"). This app
// has one: these are the actions such a sentence maps to.
enum class GuiAction
{
    OpenExport,
    ShowTimeline,
    RefreshState,
    ComposeEdit,
    OpenWebApp, // continue this project in the NemoVideo web app (offered with "out of credits")
    AddMedia    // pick photos, videos or music to add (a typed "upload")
};

class GuiReference
{
    Q_DECLARE_TR_FUNCTIONS(nemo::agent::GuiReference)
public:
    // The actions a reply refers to, in the order of first mention, each once.
    static QList<GuiAction> detect(const QString &text);
    static QString label(GuiAction action);
};

} // namespace nemo::agent
