#pragma once

#include <QWidget>

class QAudioOutput;
class QLabel;
class QMediaPlayer;
class QSlider;
class QToolButton;
class QVideoWidget;

namespace nemo::app {

// Plays a finished export: the picture, play/pause, a seek slider with the time, volume, and full
// screen (Esc or double-click to leave it).
class VideoPlayer : public QWidget
{
    Q_OBJECT
public:
    // What the picture is, for screen readers.
    enum class Content
    {
        ExportedVideo,
        MediaClip
    };
    explicit VideoPlayer(QWidget *parent = nullptr, Content content = Content::ExportedVideo);
    ~VideoPlayer() override;

    // Loads a file; with autoplay it starts once the media is ready.
    void setSource(const QString &path, bool autoplay = false);
    QMediaPlayer *player() const { return m_player; }
    QVideoWidget *videoWidget() const { return m_video; }
    QToolButton *playButton() const { return m_play; }
    QSlider *seekSlider() const { return m_seek; }
    void togglePlay();
    void toggleFullScreen();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateIcons();
    void updateTime();
    void retranslate();
    void onError();
    void load();

    QMediaPlayer *m_player;
    QAudioOutput *m_audio;
    QVideoWidget *m_video;
    QToolButton *m_play;
    QSlider *m_seek;
    QLabel *m_time;
    QSlider *m_volume;
    QToolButton *m_fullScreen;
    QLabel *m_problem;
    Content m_content;
    QString m_path;
    bool m_autoplay = false;
    bool m_retried = false;
    bool m_loadPending = false;
};

} // namespace nemo::app
