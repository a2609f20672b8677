#pragma once

class QKeyEvent;

namespace nemo::app {

// The keys every picture in the window answers the same way (the preview monitor, the export's player):
// Space plays and pauses, F and a double click toggle full screen, Esc leaves full screen.
enum class PlayerKey
{
    None,
    TogglePlay,
    ToggleFullScreen,
};

PlayerKey playerKey(const QKeyEvent *event, bool fullScreen);

} // namespace nemo::app
