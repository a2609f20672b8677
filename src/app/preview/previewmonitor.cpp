#include "preview/previewmonitor.h"

#include "client/playhead.h"
#include "common/playerkeys.h"
#include "common/theme.h"
#include "render/frameserver.h"
#include "render/mltdocument.h"
#include "render/previewrenderer.h"
#include "util/replacefile.h"
#include "util/timecode.h"

#include <QAbstractButton>
#include <QAudioOutput>
#include <QEvent>
#include <QHBoxLayout>
#include <QImageReader>
#include <QKeyEvent>
#include <QLabel>
#include <QMediaPlayer>
#include <QPainter>
#include <QSlider>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QVideoFrame>
#include <QVideoSink>
#include <QVideoWidget>

#include <cmath>

namespace nemo::app {

using render::PreviewRenderer;

PreviewMonitor::PreviewMonitor(PreviewRenderer *renderer, client::Playhead *playhead, QWidget *parent)
    : QWidget(parent)
    , m_renderer(renderer)
    , m_playhead(playhead)
    , m_pages(new QStackedWidget(this))
    , m_picture(new QLabel(this))
    , m_play(new QToolButton(this))
    , m_position(new QSlider(Qt::Horizontal, this))
    , m_time(new QLabel(this))
    , m_volume(new QSlider(Qt::Horizontal, this))
    , m_fullScreen(new QToolButton(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("PreviewMonitor"));
    m_picture->setAlignment(Qt::AlignCenter);
    m_picture->setMinimumSize(160, 90);
    m_picture->setAutoFillBackground(true);
    QPalette black = m_picture->palette();
    black.setColor(QPalette::Window, Qt::black);
    black.setColor(QPalette::WindowText, QColor(200, 200, 200));
    m_picture->setPalette(black);
    m_picture->setWordWrap(true);
    m_picture->installEventFilter(this);
    m_pages->addWidget(m_picture);
    m_pages->installEventFilter(this); // keys while it is full screen, the focus ring
    m_pages->setFocusPolicy(Qt::StrongFocus);
    m_pages->setContentsMargins(2, 2, 2, 2); // room for the ring this monitor paints around it
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_fullScreen->setIcon(style()->standardIcon(QStyle::SP_TitleBarMaxButton));
    m_position->setRange(0, 0);
    // Room to aim at a moment, never a bare handle.
    m_position->setMinimumWidth(100);
    m_volume->setRange(0, 100);
    m_volume->setValue(80);
    m_volume->setMinimumWidth(56);
    m_volume->setMaximumWidth(90);
    m_time->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00:00 / 00:00")) + 6);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(0, 2, 0, 0);
    controls->addWidget(m_play);
    controls->addWidget(m_position, 1);
    controls->addWidget(m_time);
    controls->addWidget(m_volume);
    controls->addWidget(m_fullScreen);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_pages, 1);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    setFocusPolicy(Qt::StrongFocus);

    connect(m_play, &QToolButton::clicked, this, &PreviewMonitor::togglePlay);
    connect(m_fullScreen, &QToolButton::clicked, this, &PreviewMonitor::toggleFullScreen);
    connect(m_position, &QSlider::sliderMoved, this, [this](int ms) { m_playhead->setPosition(ms); });
    connect(m_position, &QSlider::actionTriggered, this, [this](int action) {
        if (action != QAbstractSlider::SliderMove)
            QMetaObject::invokeMethod(
                this, [this] { m_playhead->setPosition(m_position->sliderPosition()); },
                Qt::QueuedConnection);
    });
    connect(m_volume, &QSlider::valueChanged, this, [this](int value) {
        if (m_audio)
            m_audio->setVolume(float(value) / 100.0f);
    });
    connect(renderer, &PreviewRenderer::changed, this, [this] {
        updateStatus();
        if (m_renderer->state() == PreviewRenderer::State::Idle) {
            // No edit (a new project): nothing of the last one stays on screen.
            m_loaded.clear();
            if (m_player) {
                m_player->stop();
                m_player->setSource(QUrl());
            }
            m_pages->setCurrentWidget(m_picture);
            setImage(QImage(), -1);
        } else if (!m_renderer->hasFrames() && !isPlaying()) {
            showStillWithoutFrames();
        }
        updateControls();
    });
    connect(renderer, &PreviewRenderer::ready, this, &PreviewMonitor::load);
    connect(renderer->frames(), &render::FrameServer::frameReady, this,
            [this](const QByteArray &rgba, const QSize &size, qint64 frame, quint64) {
                QImage image(reinterpret_cast<const uchar *>(rgba.constData()), size.width(), size.height(),
                             size.width() * 4, QImage::Format_RGBA8888);
                setImage(image.copy(), frame);
            });
    connect(playhead, &client::Playhead::sought, this, &PreviewMonitor::playheadSought);
    connect(playhead, &client::Playhead::moved, this, [this] { updateControls(); });
    renderer->setDownscaler(&PreviewMonitor::downscalePhoto);
    retranslate();
    showFrame();
    updateStatus();
    updateControls();
}

PreviewMonitor::~PreviewMonitor()
{
    // The player still speaks while its widgets go (positionChanged on stop): not to us any more.
    if (m_player) {
        m_player->disconnect(this);
        m_player->stop();
    }
    if (m_video)
        m_video->videoSink()->disconnect(this);
    m_renderer->disconnect(this);
    m_renderer->frames()->disconnect(this);
    m_playhead->disconnect(this);
    if (m_clipFrames)
        m_clipFrames->videoSink()->disconnect(this);
}

void PreviewMonitor::retranslate()
{
    setAccessibleName(tr("Preview monitor"));
    setAccessibleDescription(tr("The edit as it stands, rendered on this computer. Space plays and pauses, F "
                                "goes full screen."));
    m_pages->setAccessibleName(tr("Preview"));
    m_picture->setAccessibleName(tr("Preview picture"));
    m_position->setAccessibleName(tr("Preview position"));
    m_volume->setAccessibleName(tr("Preview volume"));
    m_volume->setToolTip(tr("Volume"));
    m_fullScreen->setAccessibleName(tr("Full screen"));
    m_fullScreen->setToolTip(tr("Full screen (F; Esc to leave)"));
    if (m_video)
        m_video->setAccessibleName(tr("Preview video"));
    updateControls();
    updateStatus();
}

bool PreviewMonitor::downscalePhoto(const QString &source, const QString &target, const QSize &size)
{
    QImageReader reader(source);
    reader.setAutoTransform(true);
    const QSize original = reader.size();
    if (!original.isValid())
        return false;
    // JPEG decodes straight to the smaller size (much faster than decoding all, then scaling).
    reader.setScaledSize(original.scaled(size, Qt::KeepAspectRatio).boundedTo(original));
    const QImage image = reader.read();
    if (image.isNull())
        return false;
    util::WholeFile file(target);
    return file.open() && image.save(file.device(), "JPG", 90) && file.commit();
}

qint64 PreviewMonitor::position() const
{
    return m_playhead->position();
}

bool PreviewMonitor::isPlaying() const
{
    return m_player && m_player->playbackState() == QMediaPlayer::PlayingState;
}

QVideoWidget *PreviewMonitor::videoWidget()
{
    player();
    return m_video;
}

// The player comes with the first preview: starting the media backend takes longer than everything
// else the window does at start, and a user without an edit yet doesn't need it.
QMediaPlayer *PreviewMonitor::player()
{
    if (m_player)
        return m_player;
    m_player = new QMediaPlayer(this);
    m_audio = new QAudioOutput(this);
    m_audio->setVolume(float(m_volume->value()) / 100.0f);
    m_player->setAudioOutput(m_audio);
    m_video = new QVideoWidget(this);
    m_video->setAccessibleName(tr("Preview video"));
    m_video->installEventFilter(this);
    m_pages->addWidget(m_video);
    m_player->setVideoOutput(m_video);
    // Every frame played moves the playhead (not a timer): the timeline follows frame by frame.
    connect(m_video->videoSink(), &QVideoSink::videoFrameChanged, this, [this](const QVideoFrame &frame) {
        if (isPlaying() && frame.isValid() && frame.startTime() >= 0)
            m_playhead->setPosition(frame.startTime() / 1000, false);
    });
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState state) {
        if (state != QMediaPlayer::PlayingState && m_pages->currentWidget() == m_video) {
            // Paused or at the end: the picture at the playhead, made here.
            m_pages->setCurrentWidget(m_picture);
            showFrame();
        }
        updateControls();
    });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus status) {
        if (status == QMediaPlayer::EndOfMedia) {
            m_playhead->setPosition(m_playhead->length() - 1);
            return;
        }
        if (status != QMediaPlayer::LoadedMedia && status != QMediaPlayer::BufferedMedia)
            return;
        if (m_loading) {
            m_loading = false;
            if (std::exchange(m_playWhenLoaded, false)) {
                play();
            } else if (!m_renderer->hasFrames()) {
                m_player->setPosition(m_playhead->position());
                m_player->pause();
            }
        }
    });
    connect(m_player, &QMediaPlayer::errorOccurred, this, [this] {
        // The pictures still come from MLT: only playing is affected, and only until the next preview.
        m_loading = false;
        m_playWhenLoaded = false;
        m_pages->setCurrentWidget(m_picture);
        m_status->setText(tr("This preview can't be played here; its pictures still show. Try Export to make "
                             "the video."));
    });
    return m_player;
}

void PreviewMonitor::load(const QString &file)
{
    // A new preview video: never started on its own. If the old one was playing, the new one goes on
    // from the same moment of the new edit. The media backend attaches to the video widget when it is
    // on screen, so a video is loaded only once its page shows (play(), or at once without MLT here).
    const bool wasPlaying = isPlaying();
    m_loaded = file;
    if (m_clipFrames) {
        m_clipFrames->stop();
        m_clipFrames->setSource(QUrl()); // the clip's file is not held open while the preview plays
    }
    if (wasPlaying) {
        m_player->pause();
        m_playWhenLoaded = true;
        startLoading();
    } else if (!m_renderer->hasFrames()) {
        // Without pictures made here, the paused video shows the playhead's picture.
        m_pages->setCurrentWidget(videoWidget());
        startLoading();
    }
    updateStatus();
    updateControls();
}

void PreviewMonitor::startLoading()
{
    m_loading = true;
    const QString file = m_loaded;
    QTimer::singleShot(0, this, [this, file] {
        if (file != m_loaded)
            return;
        player()->setSource(QUrl::fromLocalFile(file));
    });
}

void PreviewMonitor::seek(qint64 ms)
{
    m_playhead->setPosition(ms);
}

void PreviewMonitor::playheadSought(qint64 ms)
{
    if (isPlaying()) {
        m_player->setPosition(ms);
        return;
    }
    if (!m_renderer->hasFrames() && m_player && m_pages->currentWidget() == m_video) {
        m_player->setPosition(ms);
        return;
    }
    showFrame();
}

void PreviewMonitor::showFrame()
{
    if (!m_renderer->hasFrames()) {
        showStillWithoutFrames();
        return;
    }
    if (m_renderer->state() == PreviewRenderer::State::Idle) {
        setImage(QImage(), -1);
        return;
    }
    m_renderer->requestFrame(m_playhead->position());
}

void PreviewMonitor::play()
{
    if (isPlaying())
        return;
    if (m_loaded.isEmpty() || m_loading) {
        // The video of this edit is still being made (or loaded): it plays once it is here.
        m_playWhenLoaded = m_renderer->state() != PreviewRenderer::State::Idle;
        updateStatus();
        updateControls();
        return;
    }
    QMediaPlayer *player = this->player();
    if (player->source() != QUrl::fromLocalFile(m_loaded)) {
        m_pages->setCurrentWidget(m_video);
        m_playWhenLoaded = true;
        startLoading();
        updateControls();
        return;
    }
    qint64 start = m_playhead->position();
    if (m_playhead->length() > 0 && start >= m_playhead->length() - 40)
        start = 0; // at the end: from the start again
    m_pages->setCurrentWidget(m_video);
    player->setPosition(start);
    player->play();
}

void PreviewMonitor::pause()
{
    m_playWhenLoaded = false;
    if (!isPlaying())
        return;
    const qint64 at = m_player->position();
    m_player->pause();
    m_playhead->setPosition(at);
}

void PreviewMonitor::togglePlay()
{
    if (isPlaying() || m_playWhenLoaded)
        pause();
    else
        play();
    updateStatus();
}

void PreviewMonitor::toggleFullScreen()
{
    QWidget *shown = m_pages;
    if (shown->isFullScreen()) {
        shown->setContentsMargins(2, 2, 2, 2);
        shown->setWindowFlags(Qt::Widget); // back into the monitor's layout
        shown->showNormal();
        shown->show();
        // The full-screen window had the keyboard: give it back to the main window, on the button.
        window()->activateWindow();
        m_fullScreen->setFocus();
    } else {
        shown->setContentsMargins(0, 0, 0, 0); // the picture edge to edge
        shown->setWindowFlags(Qt::Window);
        shown->showFullScreen();
        shown->setFocus();
    }
}

void PreviewMonitor::paintEvent(QPaintEvent *)
{
    if (m_pages->hasFocus() && !m_pages->isWindow()) {
        QPainter painter(this);
        Theme::paintFocusRing(&painter, m_pages->geometry(), palette());
    }
}

void PreviewMonitor::keyPressEvent(QKeyEvent *event)
{
    // Enter on a focused button presses it, as Space does (tool buttons take only Space).
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        event->modifiers() == Qt::NoModifier) {
        if (auto *button = qobject_cast<QAbstractButton *>(focusWidget());
            button && button->isEnabled() && isAncestorOf(button)) {
            button->animateClick();
            return;
        }
    }
    switch (playerKey(event, m_pages->isFullScreen())) {
    case PlayerKey::TogglePlay:
        togglePlay();
        return;
    case PlayerKey::ToggleFullScreen:
        toggleFullScreen();
        return;
    case PlayerKey::None:
        break;
    }
    QWidget::keyPressEvent(event);
}

bool PreviewMonitor::eventFilter(QObject *watched, QEvent *event)
{
    if ((watched == m_picture || watched == m_video) && event->type() == QEvent::MouseButtonDblClick) {
        toggleFullScreen();
        return true;
    }
    // Full screen, the pages are a window of their own: the same keys as the monitor.
    if (watched == m_pages && event->type() == QEvent::KeyPress && m_pages->isFullScreen()) {
        keyPressEvent(static_cast<QKeyEvent *>(event));
        return event->isAccepted();
    }
    if (watched == m_pages && (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut))
        update(m_pages->geometry());
    if (watched == m_picture && event->type() == QEvent::Resize && !m_image.isNull())
        setImage(m_image, m_imageFrame);
    return QWidget::eventFilter(watched, event);
}

void PreviewMonitor::setImage(const QImage &image, qint64 frame)
{
    m_image = image;
    m_imageFrame = frame;
    if (image.isNull()) {
        m_picture->setPixmap(QPixmap());
        m_picture->setText(m_renderer->state() == PreviewRenderer::State::Idle
                               ? tr("The preview appears here once the agent has made an edit.")
                               : QString());
        return;
    }
    const QSize room = m_picture->size().expandedTo(QSize(160, 90));
    m_picture->setPixmap(
        QPixmap::fromImage(image.scaled(room, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

// Where this build has no MLT in the process: the photo under the playhead, or the clip's own frame.
void PreviewMonitor::showStillWithoutFrames()
{
    const PreviewRenderer::Source source = m_renderer->sourceAt(m_playhead->position());
    if (!source.path.isEmpty() && render::MltDocument::isImage(source.path)) {
        const QSize room = m_picture->size().expandedTo(QSize(160, 90));
        const QString key = QStringLiteral("%1:%2x%3").arg(source.path).arg(room.width()).arg(room.height());
        if (const QImage *cached = m_photos.object(key)) {
            setImage(*cached, -1);
            return;
        }
        QImageReader reader(source.path);
        reader.setAutoTransform(true);
        const QSize size = reader.size();
        if (size.isValid()) {
            // JPEG decodes straight to the smaller size.
            reader.setScaledSize(size.scaled(room, Qt::KeepAspectRatio));
            const QImage image = reader.read();
            ++m_photosDecoded;
            if (!image.isNull()) {
                m_photos.insert(key, new QImage(image), qMax<qsizetype>(1, image.sizeInBytes() / 1024));
                setImage(image, -1);
                return;
            }
        }
    } else if (!source.path.isEmpty()) {
        showClipFrame(source.path, source.offsetMs);
        if (!m_image.isNull())
            return; // the clip's frame from before stays until the new one arrives
    }
    setImage(QImage(), -1);
}

void PreviewMonitor::showClipFrame(const QString &file, qint64 offsetMs)
{
    if (!m_clipFrames) {
        m_clipFrames = new QMediaPlayer(this);
        auto *sink = new QVideoSink(m_clipFrames);
        m_clipFrames->setVideoSink(sink);
        connect(sink, &QVideoSink::videoFrameChanged, this, [this](const QVideoFrame &frame) {
            if (isPlaying() || !frame.isValid())
                return;
            const QImage image = frame.toImage();
            if (!image.isNull())
                setImage(image, -1);
        });
    }
    const QUrl url = QUrl::fromLocalFile(file);
    if (m_clipFrames->source() != url)
        m_clipFrames->setSource(url);
    m_clipFrames->setPosition(offsetMs);
    m_clipFrames->pause();
}

void PreviewMonitor::updateControls()
{
    const bool playing = isPlaying() || m_playWhenLoaded;
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setAccessibleName(playing ? tr("Pause") : tr("Play"));
    m_play->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
    const qint64 length = m_playhead->length();
    const bool any = m_renderer->state() != PreviewRenderer::State::Idle && length > 0;
    m_play->setEnabled(any);
    m_position->setEnabled(any);
    m_fullScreen->setEnabled(any);
    if (!m_position->isSliderDown()) {
        const QSignalBlocker blocker(m_position);
        m_position->setRange(0, int(qMax<qint64>(0, length - 1)));
        m_position->setValue(int(m_playhead->position()));
        m_position->setPageStep(1000);
        m_position->setSingleStep(qMax(1, int(1000 / 25)));
    }
    m_time->setText(QStringLiteral("%1 / %2").arg(util::timecode::clock(m_playhead->position()),
                                                  util::timecode::clock(length)));
}

void PreviewMonitor::updateStatus()
{
    QString text;
    switch (m_renderer->state()) {
    case PreviewRenderer::State::Idle:
        text = tr("No edit yet.");
        break;
    case PreviewRenderer::State::Preparing:
        text = m_playWhenLoaded ? tr("Plays once the preview is ready…") : tr("Preparing the preview…");
        break;
    case PreviewRenderer::State::Rendering:
        text = tr("Rendering the preview on this computer… %1%").arg(m_renderer->progress());
        break;
    case PreviewRenderer::State::Ready:
        text = tr("The edit as it stands (Space plays and pauses).");
        break;
    case PreviewRenderer::State::Failed:
        text = tr("The preview couldn't be made: %1").arg(m_renderer->error());
        break;
    case PreviewRenderer::State::Unavailable:
        text = m_renderer->error();
        break;
    }
    m_status->setText(text);
}

void PreviewMonitor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    } else if (event->type() == QEvent::StyleChange) { // a new theme: its icons in its colours
        m_fullScreen->setIcon(style()->standardIcon(QStyle::SP_TitleBarMaxButton));
        updateControls();
    }
    QWidget::changeEvent(event);
}

} // namespace nemo::app
