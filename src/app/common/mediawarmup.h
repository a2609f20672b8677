#pragma once

namespace nemo::app {

// Starts the media backend's own set-up on a worker thread, once per process, so that the first player
// the window makes (the preview, the export's) does not stop the window while it happens. On Linux that
// is GStreamer's initialisation, which on a user's first start also builds its plugin cache (0.4 s);
// elsewhere (Qt's FFmpeg and native backends) there is nothing to start early.
void warmUpMediaBackend();

// How video pictures reach the screen. With a graphics card, through OpenGL (Qt's default on Linux).
// Without one (no /dev/dri render node: a virtual machine, a remote desktop, Xvfb), Mesa's software
// OpenGL stops the window for 50-100 ms while the first player sets it up, and the window's own painting
// goes through it too; painting the frames straight into the window costs a few milliseconds a frame
// instead. So there the widgets are painted without OpenGL. NEMO_VIDEO_OUTPUT=opengl or =raster
// overrides the choice. Call before the first window is made; Windows and macOS keep their own.
enum class VideoOutput
{
    OpenGL,
    Raster
};
VideoOutput chooseVideoOutput();

} // namespace nemo::app
