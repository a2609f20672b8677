#pragma once

#include "appsettings.h"

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
};

} // namespace nemo::app
