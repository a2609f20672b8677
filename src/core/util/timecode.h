#pragma once

#include <QString>

#include <cmath>

namespace nemo::util {

// Times as people read them, and the one conversion between milliseconds (the service's unit) and
// frames (the editor's).
namespace timecode {

inline qint64 framesFromMs(qint64 ms, int fps)
{
    return qint64(std::llround(double(ms) * fps / 1000.0));
}

inline qint64 msFromFrames(qint64 frames, int fps)
{
    return qint64(std::llround(double(frames) * 1000.0 / fps));
}

// "4:05", "1:02:03": minutes and seconds (hours when there are some), as players show them.
QString clock(qint64 ms);
// "0:04.2": with tenths, for the ruler's fine steps and segment lengths.
QString clockTenths(qint64 ms);
// "00:04:12": minutes, seconds and frames (hours when there are some), as editors show them.
QString frames(qint64 frames, int fps);
// Reads "00:04:12", "4:05", "4.5" (seconds), "4.5s" or "120f" back into frames; false when it is not a time.
bool parseFrames(const QString &text, int fps, qint64 *out);

} // namespace timecode

} // namespace nemo::util
