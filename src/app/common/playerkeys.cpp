#include "common/playerkeys.h"

#include <QKeyEvent>

namespace nemo::app {

PlayerKey playerKey(const QKeyEvent *event, bool fullScreen)
{
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return PlayerKey::None;
    switch (event->key()) {
    case Qt::Key_Space:
        return PlayerKey::TogglePlay;
    case Qt::Key_F:
        return PlayerKey::ToggleFullScreen;
    case Qt::Key_Escape:
        return fullScreen ? PlayerKey::ToggleFullScreen : PlayerKey::None;
    default:
        return PlayerKey::None;
    }
}

} // namespace nemo::app
