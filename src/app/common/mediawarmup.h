#pragma once

namespace nemo::app {

// Starts the media backend's own set-up on a worker thread, once per process, so that the first player
// the window makes (the preview, the export's) does not stop the window while it happens. On Linux that
// is GStreamer's initialisation, which on a user's first start also builds its plugin cache (0.4 s);
// elsewhere (Qt's FFmpeg and native backends) there is nothing to start early.
void warmUpMediaBackend();

} // namespace nemo::app
