#pragma once

#include <QCache>
#include <QImage>
#include <QWidget>

class QAudioOutput;
class QLabel;
class QMediaPlayer;
class QSlider;
class QStackedWidget;
class QToolButton;
class QVideoWidget;

namespace nemo::render {
class PreviewRenderer;
} // namespace nemo::render

namespace nemo::client {
class Playhead;
} // namespace nemo::client

namespace nemo::app {

// The preview monitor: the edit as it stands, at the shared playhead. Paused, it shows the picture at
// the playhead made in this process (MLT), a few milliseconds after a seek or an edit; playing, it plays
// the preview video rendered on this computer after every change and moves the playhead with every
// frame. It never starts playing on its own. Space (or the play button) plays and pauses, F or the
// button goes full screen (Esc leaves it), the slider and the timeline's ruler seek.
class PreviewMonitor : public QWidget
{
    Q_OBJECT
public:
    PreviewMonitor(render::PreviewRenderer *renderer, client::Playhead *playhead, QWidget *parent = nullptr);
    ~PreviewMonitor() override;

    QLabel *statusLabel() const { return m_status; }
    QToolButton *playButton() const { return m_play; }
    QToolButton *fullScreenButton() const { return m_fullScreen; }
    QSlider *positionSlider() const { return m_position; }
    // The picture shown while paused (the frame at the playhead).
    QImage still() const { return m_image; }
    // The frame of the edit that picture is (-1: none yet), at the preview's rate.
    qint64 stillFrame() const { return m_imageFrame; }
    // Photos decoded for the picture without MLT frames: once per photo and size, then from the cache.
    int photosDecoded() const { return m_photosDecoded; }
    bool isPlaying() const;
    // The player of the rendered preview (made on first use).
    QMediaPlayer *player();
    QVideoWidget *videoWidget();
    // Whether the video of the edit as it stands is loaded (what playing plays).
    bool hasPreview() const { return !m_loaded.isEmpty(); }
    qint64 position() const;

    void seek(qint64 ms);
    void togglePlay();
    void play();
    void pause();
    void toggleFullScreen();
    // A smaller copy of a photo for the preview (the renderer's Downscaler); safe on any thread.
    static bool downscalePhoto(const QString &source, const QString &target, const QSize &size);

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void load(const QString &file);
    void startLoading();
    void showFrame();
    void showStillWithoutFrames();
    void showClipFrame(const QString &file, qint64 offsetMs);
    void setImage(const QImage &image, qint64 frame);
    void updateStatus();
    void updateControls();
    void playheadSought(qint64 ms);

    render::PreviewRenderer *m_renderer;
    client::Playhead *m_playhead;
    QStackedWidget *m_pages;
    QLabel *m_picture;
    QVideoWidget *m_video = nullptr;
    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_audio = nullptr;
    QToolButton *m_play;
    QSlider *m_position;
    QLabel *m_time;
    QSlider *m_volume;
    QToolButton *m_fullScreen;
    QLabel *m_status;
    QMediaPlayer *m_clipFrames = nullptr; // frames of clips where MLT is not in this build
    QImage m_image;
    qint64 m_imageFrame = -1;
    // Photos scaled to the picture, by path and size (cost in KiB): scrubbing over a photo decodes it once.
    QCache<QString, QImage> m_photos{64 * 1024};
    int m_photosDecoded = 0;
    QString m_loaded;
    bool m_playWhenLoaded = false;
    bool m_loading = false;
};

} // namespace nemo::app
