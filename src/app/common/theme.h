#pragma once

#include "common/appsettings.h"
#include "media/mediavalidator.h"

#include <QColor>

namespace nemo::app {

// Light and dark: follows the system by default; where the platform theme has no dark palette, a
// Fusion dark palette stands in. Light or Dark in Settings overrides the system.
class Theme
{
public:
    static void apply(AppSettings::Theme theme);
    static bool systemPrefersDark();
    static QPalette darkPalette();
    static QPalette lightPalette();

    // One colour per kind of media, the same wherever media is shown (the media bin's badges, the
    // timeline's blocks): photos, clips, sound, and titles.
    static QColor mediaColor(media::MediaKind kind);
    static QColor titleColor();
    // The kind of media a file name says (for the timeline, whose segments name their files).
    static media::MediaKind kindOfName(const QString &name);
};

} // namespace nemo::app
