#pragma once

#include "common/appsettings.h"
#include "media/mediavalidator.h"

#include <QColor>
#include <QRect>

class QPainter;
class QPalette;

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
    // The colour for words on `fill`: white, or near-black where white would not stand out (WCAG AA).
    static QColor textOn(const QColor &fill);
    // Words that say something went well ("✓ Uploaded") or failed, on `palette`'s base (4.5:1 and more
    // in either appearance).
    static QColor goodText(const QPalette &palette);
    static QColor badText(const QPalette &palette);
    // The kind of media a file name says (for the timeline, whose segments name their files).
    static media::MediaKind kindOfName(const QString &name);
    // Where the keyboard is: a ring in the highlight colour just inside `rect`, for the areas that
    // draw themselves (the conversation, the media bin, the timeline, the preview).
    static void paintFocusRing(QPainter *painter, const QRect &rect, const QPalette &palette);
};

} // namespace nemo::app
