#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>

#include <vector>

namespace nemo::app {

// Every command of the window's menus, by a typed id (a misspelt id does not compile).
enum class ActionId
{
    NewProject,
    SaveCopy,
    RenameProject,
    AddMedia,
    PasteMedia,
    Export,
    ExportForShotcut,
    ExportOtio,
    OpenInWeb,
    Quit,
    Undo,
    Redo,
    Settings,
    ShowMediaPanel,
    ShowTimelinePanel,
    ShowPreviewPanel,
    ShowHistoryPanel,
    GoToMedia,
    ShowTimeline,
    GoToPreview,
    RefreshTimeline,
    ZoomIn,
    ZoomOut,
    ZoomFit,
    FocusChat,
    Send,
    Stop,
    Credits,
    Shortcuts,
    Website,
    About,
    AboutQt,
};

// The panel that offers a command or handles a key; the Keyboard Shortcuts dialog groups by it.
enum class KeyArea
{
    Window,
    Chat,
    Media,
    Timeline,
    Preview,
};

// One row of the one table the actions are built from and the Keyboard Shortcuts dialog reads.
struct ActionSpec
{
    ActionId id;
    KeyArea area;
    const char *name; // the QAction's object name
    const char *text; // its menu text, with its access key (translated in the "nemo::app::Actions" context)
    QList<QKeySequence> keys;
    const char *icon; // from the desktop's icon theme; empty for none
    // Keys the panel itself answers for the same command (Enter in the message box sends), shown beside.
    const char *alsoKeys = "";
};

// Keys a panel handles that are not a menu command (the timeline's editing keys, the player's).
struct KeySpec
{
    KeyArea area;
    const char *keys; // in portable text ("Shift+Del")
    const char *text; // what they do (translated in the "nemo::app::Actions" context)
};

namespace actions {

const std::vector<ActionSpec> &table();
const ActionSpec &spec(ActionId id);
const std::vector<KeySpec> &panelKeys();
// The translated text of a table entry; without its access key for lists.
QString text(const ActionSpec &spec);
QString plainText(const char *text);
QString areaName(KeyArea area);

} // namespace actions

} // namespace nemo::app
