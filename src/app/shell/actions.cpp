#include "shell/actions.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace nemo::app::actions {

namespace {

QList<QKeySequence> keys(QKeySequence::StandardKey key)
{
    return QKeySequence::keyBindings(key);
}

QList<QKeySequence> keys(std::initializer_list<QKeyCombination> combinations)
{
    QList<QKeySequence> list;
    for (const QKeyCombination combination : combinations)
        list.append(QKeySequence(combination));
    return list;
}

QList<QKeySequence> redoKeys()
{
    // The platform's Redo, and both of the usual ones everywhere (people bring either from other editors).
    QList<QKeySequence> list = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &key :
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)}) {
        if (!list.contains(key))
            list.append(key);
    }
    return list;
}

} // namespace

const std::vector<ActionSpec> &table()
{
    using A = ActionId;
    using K = KeyArea;
    static const std::vector<ActionSpec> list = {
        {A::NewProject, K::Window, "newProject", QT_TRANSLATE_NOOP("nemo::app::Actions", "&New Project"),
         keys(QKeySequence::New), "document-new"},
        // Ctrl+Shift+S everywhere (the platforms' own Save As is not bound on Windows and plain X11).
        {A::SaveCopy, K::Window, "saveCopy", QT_TRANSLATE_NOOP("nemo::app::Actions", "Save a &Copy As…"),
         keys({Qt::CTRL | Qt::SHIFT | Qt::Key_S}), "document-save-as"},
        {A::RenameProject,
         K::Window,
         "renameProject",
         QT_TRANSLATE_NOOP("nemo::app::Actions", "Rena&me Project…"),
         {},
         ""},
        {A::AddMedia, K::Media, "addMedia", QT_TRANSLATE_NOOP("nemo::app::Actions", "&Add Media…"),
         keys(QKeySequence::Open), "list-add"},
        {A::PasteMedia, K::Media, "pasteMedia", QT_TRANSLATE_NOOP("nemo::app::Actions", "&Paste Media"),
         keys({Qt::CTRL | Qt::SHIFT | Qt::Key_V}), "edit-paste"},
        {A::Export, K::Window, "export", QT_TRANSLATE_NOOP("nemo::app::Actions", "&Export Video…"),
         keys({Qt::CTRL | Qt::Key_E}), "document-export"},
        {A::ExportForShotcut, K::Window, "exportProject",
         QT_TRANSLATE_NOOP("nemo::app::Actions", "For &Shotcut (.mlt)…"),
         keys({Qt::CTRL | Qt::SHIFT | Qt::Key_E}), "document-save-as"},
        {A::ExportOtio,
         K::Window,
         "exportOtio",
         QT_TRANSLATE_NOOP("nemo::app::Actions", "As &OpenTimelineIO (.otio)…"),
         {},
         "document-save-as"},
        {A::OpenInWeb,
         K::Window,
         "openInWeb",
         QT_TRANSLATE_NOOP("nemo::app::Actions", "Open in NemoVideo &Web"),
         {},
         "internet-web-browser"},
        {A::Quit, K::Window, "quit", QT_TRANSLATE_NOOP("nemo::app::Actions", "&Quit"),
         keys(QKeySequence::Quit), "application-exit"},
        {A::Undo, K::Timeline, "undo", QT_TRANSLATE_NOOP("nemo::app::Actions", "&Undo"),
         keys(QKeySequence::Undo), "edit-undo"},
        {A::Redo, K::Timeline, "redo", QT_TRANSLATE_NOOP("nemo::app::Actions", "&Redo"), redoKeys(),
         "edit-redo"},
        {A::Settings, K::Window, "settings", QT_TRANSLATE_NOOP("nemo::app::Actions", "&Settings…"),
         keys({Qt::CTRL | Qt::Key_Comma}), "preferences-system"},
        // The panels' show/hide switches; Ctrl+1…4 go to a panel (shown if it was hidden) with the focus.
        {A::ShowMediaPanel,
         K::Window,
         "showMediaPanel",
         QT_TRANSLATE_NOOP("nemo::app::Actions", "&Media Bin"),
         {},
         ""},
        {A::ShowTimelinePanel,
         K::Window,
         "showTimelinePanel",
         QT_TRANSLATE_NOOP("nemo::app::Actions", "Time&line"),
         {},
         ""},
        {A::ShowPreviewPanel,
         K::Window,
         "showPreviewPanel",
         QT_TRANSLATE_NOOP("nemo::app::Actions", "&Preview"),
         {},
         ""},
        {A::ShowHistoryPanel,
         K::Window,
         "showHistoryPanel",
         QT_TRANSLATE_NOOP("nemo::app::Actions", "&History"),
         {},
         ""},
        {A::GoToMedia, K::Media, "goToMedia", QT_TRANSLATE_NOOP("nemo::app::Actions", "Go to the Media &Bin"),
         keys({Qt::CTRL | Qt::Key_1}), ""},
        {A::ShowTimeline, K::Timeline, "showTimeline",
         QT_TRANSLATE_NOOP("nemo::app::Actions", "Go to the &Timeline"),
         keys({Qt::CTRL | Qt::Key_3, Qt::CTRL | Qt::Key_T}), ""},
        {A::GoToPreview, K::Preview, "goToPreview",
         QT_TRANSLATE_NOOP("nemo::app::Actions", "Go to the Pre&view"), keys({Qt::CTRL | Qt::Key_4}), ""},
        {A::RefreshTimeline, K::Timeline, "refreshTimeline",
         QT_TRANSLATE_NOOP("nemo::app::Actions", "&Refresh Timeline"), keys(QKeySequence::Refresh),
         "view-refresh"},
        {A::ZoomIn, K::Timeline, "zoomIn", QT_TRANSLATE_NOOP("nemo::app::Actions", "Zoom &In"),
         keys(QKeySequence::ZoomIn), "zoom-in", "+"},
        {A::ZoomOut, K::Timeline, "zoomOut", QT_TRANSLATE_NOOP("nemo::app::Actions", "Zoom &Out"),
         keys(QKeySequence::ZoomOut), "zoom-out", "-"},
        {A::ZoomFit, K::Timeline, "zoomFit", QT_TRANSLATE_NOOP("nemo::app::Actions", "&Fit Timeline"),
         keys({Qt::CTRL | Qt::Key_0}), "zoom-fit-best", "0"},
        {A::FocusChat, K::Chat, "focusChat", QT_TRANSLATE_NOOP("nemo::app::Actions", "&Write to the Agent"),
         keys({Qt::CTRL | Qt::Key_2, Qt::CTRL | Qt::Key_L}), ""},
        {A::Send, K::Chat, "send", QT_TRANSLATE_NOOP("nemo::app::Actions", "&Send Message"),
         keys({Qt::CTRL | Qt::Key_Return}), "document-send", "Enter"},
        // Esc, in the window only and only while a reply runs (the action is disabled otherwise).
        {A::Stop, K::Chat, "stop", QT_TRANSLATE_NOOP("nemo::app::Actions", "S&top Reply"),
         keys({QKeyCombination(Qt::Key_Escape)}), "process-stop"},
        {A::Credits, K::Chat, "credits", QT_TRANSLATE_NOOP("nemo::app::Actions", "Show &Credits"),
         keys({Qt::CTRL | Qt::SHIFT | Qt::Key_K}), ""},
        {A::Shortcuts, K::Window, "shortcuts", QT_TRANSLATE_NOOP("nemo::app::Actions", "&Keyboard Shortcuts"),
         keys(QKeySequence::HelpContents), "help-keyboard-shortcuts"},
        {A::Website,
         K::Window,
         "website",
         QT_TRANSLATE_NOOP("nemo::app::Actions", "NemoVideo on the We&b"),
         {},
         "internet-web-browser"},
        {A::About,
         K::Window,
         "about",
         QT_TRANSLATE_NOOP("nemo::app::Actions", "&About Nemo Studio"),
         {},
         "help-about"},
        {A::AboutQt, K::Window, "aboutQt", QT_TRANSLATE_NOOP("nemo::app::Actions", "About &Qt"), {}, ""},
    };
    return list;
}

const ActionSpec &spec(ActionId id)
{
    // The table lists the ids in order (tests/gui checks it), so an id is its row.
    return table().at(size_t(id));
}

const std::vector<KeySpec> &panelKeys()
{
    using K = KeyArea;
    static const std::vector<KeySpec> list = {
        {K::Chat, "Shift+Enter", QT_TRANSLATE_NOOP("nemo::app::Actions", "New line in the message")},
        {K::Preview, "Space", QT_TRANSLATE_NOOP("nemo::app::Actions", "Play or pause")},
        {K::Preview, "F", QT_TRANSLATE_NOOP("nemo::app::Actions", "Full screen on or off")},
        {K::Preview, "Esc", QT_TRANSLATE_NOOP("nemo::app::Actions", "Leave full screen")},
        {K::Timeline, "Space", QT_TRANSLATE_NOOP("nemo::app::Actions", "Play or pause")},
        {K::Timeline, "J, K, L", QT_TRANSLATE_NOOP("nemo::app::Actions", "Back one second, pause, play")},
        {K::Timeline, "Left, Right", QT_TRANSLATE_NOOP("nemo::app::Actions", "One frame back or on")},
        {K::Timeline, "Alt+Left, Alt+Right",
         QT_TRANSLATE_NOOP("nemo::app::Actions", "To the previous or next cut")},
        {K::Timeline, "Home, End", QT_TRANSLATE_NOOP("nemo::app::Actions", "To the start or the end")},
        {K::Timeline, "Up, Down", QT_TRANSLATE_NOOP("nemo::app::Actions", "Track above or below")},
        {K::Timeline, "Ctrl+Left, Ctrl+Right",
         QT_TRANSLATE_NOOP("nemo::app::Actions", "Select the segment before or after")},
        {K::Timeline, "Ctrl+A", QT_TRANSLATE_NOOP("nemo::app::Actions", "Select every segment")},
        {K::Timeline, "S", QT_TRANSLATE_NOOP("nemo::app::Actions", "Split at the playhead")},
        {K::Timeline, "I, O",
         QT_TRANSLATE_NOOP("nemo::app::Actions", "Trim the start or the end to the playhead")},
        {K::Timeline, "Del", QT_TRANSLATE_NOOP("nemo::app::Actions", "Remove, leaving a gap")},
        {K::Timeline, "Shift+Del, X", QT_TRANSLATE_NOOP("nemo::app::Actions", "Remove and close the gap")},
        {K::Timeline, ", .",
         QT_TRANSLATE_NOOP("nemo::app::Actions", "Move the selection one frame earlier or later")},
        {K::Timeline, "Enter", QT_TRANSLATE_NOOP("nemo::app::Actions", "Edit the title, volume or fades")},
        {K::Timeline, "Ctrl+Wheel", QT_TRANSLATE_NOOP("nemo::app::Actions", "Zoom around the pointer")},
        {K::Timeline, "Esc", QT_TRANSLATE_NOOP("nemo::app::Actions", "Clear the selection")},
    };
    return list;
}

QString text(const ActionSpec &spec)
{
    return QCoreApplication::translate("nemo::app::Actions", spec.text);
}

QString plainText(const char *text)
{
    QString translated = QCoreApplication::translate("nemo::app::Actions", text);
    // "&Quit" → "Quit"; "导出(&E)…" → "导出…" (the Chinese form names the key in brackets).
    static const QRegularExpression bracketed(QStringLiteral("\\(&.\\)"));
    translated.remove(bracketed);
    translated.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    translated.remove(QLatin1Char('&'));
    translated.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return translated;
}

QString areaName(KeyArea area)
{
    switch (area) {
    case KeyArea::Window:
        return QCoreApplication::translate("nemo::app::Actions", "Window");
    case KeyArea::Chat:
        return QCoreApplication::translate("nemo::app::Actions", "Chat");
    case KeyArea::Media:
        return QCoreApplication::translate("nemo::app::Actions", "Media");
    case KeyArea::Timeline:
        return QCoreApplication::translate("nemo::app::Actions", "Timeline");
    case KeyArea::Preview:
        return QCoreApplication::translate("nemo::app::Actions", "Preview");
    }
    return {};
}

} // namespace nemo::app::actions
