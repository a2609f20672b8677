#pragma once

#include <QWidget>

class QLabel;
class QMediaPlayer;
class QStackedWidget;

namespace nemo::render {
class PreviewRenderer;
} // namespace nemo::render

namespace nemo::app {

class VideoPlayer;

// The preview monitor: the edit as it stands, rendered on this computer after every turn and played
// here. Until the render is ready it shows the picture under the playhead; a new preview keeps the
// playhead where it was. Space plays and pauses; the timeline's ruler seeks.
class PreviewMonitor : public QWidget
{
    Q_OBJECT
public:
    PreviewMonitor(render::PreviewRenderer *renderer, QWidget *parent = nullptr);
    ~PreviewMonitor() override;

    // Made on first use (the first preview, or a caller that asks).
    VideoPlayer *player();
    QLabel *statusLabel() const { return m_status; }
    QLabel *stillLabel() const { return m_still; }
    // The still shown until the preview is ready: the photo under the playhead or the clip's frame there.
    QImage still() const;
    bool isShowingPreview() const;
    qint64 position() const { return m_position; }

    void seek(qint64 ms);
    void togglePlay();
    // A smaller copy of a photo for the preview (the renderer's Downscaler); safe on any thread.
    static bool downscalePhoto(const QString &source, const QString &target, const QSize &size);

signals:
    void positionChanged(qint64 ms);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void load(const QString &file);
    void showStill();
    void showClipFrame(const QString &file, qint64 offsetMs);
    QSize stillSize() const;
    void showPaused();
    void updateStatus();

    render::PreviewRenderer *m_renderer;
    QStackedWidget *m_pages;
    QLabel *m_still;
    VideoPlayer *m_player = nullptr;
    QLabel *m_status;
    QMediaPlayer *m_clipFrames = nullptr; // frames of video clips, for the still before the preview
    QString m_loaded;
    qint64 m_position = 0;
    bool m_loading = false;
};

} // namespace nemo::app
