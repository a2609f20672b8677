#include "edit/clip.h"

#include <cmath>

namespace nemo::edit {

quint32 ClipValues::differences(const ClipValues &other) const
{
    quint32 mask = 0;
    if (start != other.start)
        mask |= Start;
    if (duration != other.duration)
        mask |= Duration;
    if (in != other.in)
        mask |= In;
    if (text != other.text)
        mask |= Text;
    if (std::abs(volume - other.volume) > 1e-4)
        mask |= Volume;
    if (fadeIn != other.fadeIn)
        mask |= FadeIn;
    if (fadeOut != other.fadeOut)
        mask |= FadeOut;
    return mask;
}

ClipValues ClipValues::with(const ClipValues &other, quint32 mask) const
{
    ClipValues result = *this;
    if (mask & Start)
        result.start = other.start;
    if (mask & Duration)
        result.duration = other.duration;
    if (mask & In)
        result.in = other.in;
    if (mask & Text)
        result.text = other.text;
    if (mask & Volume)
        result.volume = other.volume;
    if (mask & FadeIn)
        result.fadeIn = other.fadeIn;
    if (mask & FadeOut)
        result.fadeOut = other.fadeOut;
    return result;
}

} // namespace nemo::edit
