#include "common/videoplayer.h"

#include "common/playerkeys.h"
#include "util/timecode.h"

#include <QAudioOutput>
#include <QDesktopServices>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMediaPlayer>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QVideoWidget>

namespace nemo::app {

VideoPlayer::VideoPlayer(QWidget *parent, Content content)
    : QWidget(parent)
    , m_player(new QMediaPlayer(this))
    , m_audio(new QAudioOutput(this))
    , m_video(new QVideoWidget(this))
    , m_play(new QToolButton(this))
    , m_seek(new QSlider(Qt::Horizontal, this))
    , m_time(new QLabel(this))
    , m_volume(new QSlider(Qt::Horizontal, this))
    , m_fullScreen(new QToolButton(this))
    , m_problem(new QLabel(this))
    , m_content(content)
{
    m_player->setAudioOutput(m_audio);
    m_player->setVideoOutput(m_video);
    m_video->setMinimumHeight(180);
    m_video->installEventFilter(this);
    m_volume->setRange(0, 100);
    m_volume->setValue(80);
    m_volume->setMaximumWidth(100);
    m_volume->setMinimumWidth(56); // never a bare handle
    m_seek->setMinimumWidth(100);
    m_audio->setVolume(0.8f);
    updateIcons();
    m_time->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00:00 / 00:00")) + 6);

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(0, 4, 0, 0);
    controls->addWidget(m_play);
    controls->addWidget(m_seek, 1);
    controls->addWidget(m_time);
    controls->addWidget(m_volume);
    controls->addWidget(m_fullScreen);
    m_problem->setWordWrap(true);
    m_problem->setOpenExternalLinks(false);
    m_problem->hide();
    connect(m_problem, &QLabel::linkActivated, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_path)); });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_video, 1);
    layout->addWidget(m_problem);
    layout->addLayout(controls);

    connect(m_play, &QToolButton::clicked, this, &VideoPlayer::togglePlay);
    connect(m_fullScreen, &QToolButton::clicked, this, &VideoPlayer::toggleFullScreen);
    connect(m_volume, &QSlider::valueChanged, this,
            [this](int value) { m_audio->setVolume(float(value) / 100.0f); });
    connect(m_seek, &QSlider::sliderMoved, m_player, [this](int value) { m_player->setPosition(value); });
    connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 duration) {
        m_seek->setRange(0, int(duration));
        updateTime();
    });
    connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 position) {
        if (!m_seek->isSliderDown())
            m_seek->setValue(int(position));
        updateTime();
    });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus status) {
        if (status == QMediaPlayer::LoadedMedia && m_autoplay) {
            m_autoplay = false;
            m_player->play();
        }
    });
    connect(m_player, &QMediaPlayer::errorOccurred, this, &VideoPlayer::onError);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this] {
        updateIcons();
        retranslate();
    });
    retranslate();
}

VideoPlayer::~VideoPlayer()
{
    m_player->stop();
}

void VideoPlayer::retranslate()
{
    const bool playing = m_player->playbackState() == QMediaPlayer::PlayingState;
    m_play->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
    m_play->setAccessibleName(playing ? tr("Pause") : tr("Play"));
    m_seek->setAccessibleName(tr("Position"));
    m_volume->setAccessibleName(tr("Volume"));
    m_volume->setToolTip(tr("Volume"));
    m_fullScreen->setToolTip(tr("Full screen (F; Esc to leave)"));
    m_fullScreen->setAccessibleName(tr("Full screen"));
    const bool clip = m_content == Content::MediaClip;
    m_video->setAccessibleName(clip ? tr("Media clip") : tr("Exported video"));
    m_video->setAccessibleDescription(
        clip ? tr("The clip from the media bin. Space plays or pauses, F toggles full screen, Esc leaves it.")
             : tr("The exported video. Space plays or pauses, F toggles full screen, Esc leaves it."));
    m_seek->setAccessibleDescription(tr("Where the video is; the arrow keys move by seconds."));
}

// Drawn by the style in the palette's colours: again when the theme changes.
void VideoPlayer::updateIcons()
{
    const bool playing = m_player->playbackState() == QMediaPlayer::PlayingState;
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_fullScreen->setIcon(QIcon::fromTheme(QStringLiteral("view-fullscreen"),
                                           style()->standardIcon(QStyle::SP_TitleBarMaxButton)));
}

void VideoPlayer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::StyleChange)
        updateIcons();
    QWidget::changeEvent(event);
}

void VideoPlayer::setSource(const QString &path, bool autoplay)
{
    m_path = path;
    m_autoplay = autoplay && !path.isEmpty();
    m_retried = false;
    m_problem->hide();
    m_player->stop();
    m_seek->setValue(0);
    if (path.isEmpty()) { // nothing to show: let go of the last file at once
        m_loadPending = false;
        m_player->setSource(QUrl());
        updateTime();
        return;
    }
    // The backend attaches to the video surface when the widget is shown; loading before that races
    // with it (the pipeline can fail with "not-linked"). So a hidden player loads once shown.
    if (m_video->isVisible()) {
        m_loadPending = true;
        QTimer::singleShot(0, this, &VideoPlayer::load);
    } else {
        m_loadPending = !path.isEmpty();
        m_player->setSource(QUrl());
    }
    updateTime();
}

void VideoPlayer::load()
{
    if (!m_loadPending)
        return;
    m_loadPending = false;
    m_player->setSource(m_path.isEmpty() ? QUrl() : QUrl::fromLocalFile(m_path));
}

void VideoPlayer::onError()
{
    if (m_path.isEmpty())
        return;
    if (!m_retried) {
        // Media backends sometimes trip while the video surface is being set up: one fresh attempt.
        m_retried = true;
        const QString path = m_path;
        QTimer::singleShot(300, this, [this, path] {
            if (path != m_path)
                return;
            m_player->stop();
            m_player->setSource(QUrl());
            m_autoplay = true;
            m_loadPending = true;
            QTimer::singleShot(0, this, &VideoPlayer::load);
        });
        return;
    }
    // In words a person understands, in their language; the media backend's own words (English, and
    // about its pipeline) are kept for whoever helps them, on the tooltip.
    m_problem->setText(
        tr("This video can't be played here. <a href=\"open\">Open it in your video player</a>."));
    m_problem->setToolTip(m_player->errorString());
    m_problem->show();
}

void VideoPlayer::togglePlay()
{
    if (m_loadPending || m_player->mediaStatus() == QMediaPlayer::LoadingMedia) {
        m_autoplay = !m_autoplay; // it plays (or not) once it is loaded
        return;
    }
    if (m_player->playbackState() == QMediaPlayer::PlayingState)
        m_player->pause();
    else
        m_player->play();
}

void VideoPlayer::toggleFullScreen()
{
    m_video->setFullScreen(!m_video->isFullScreen());
}

void VideoPlayer::updateTime()
{
    m_time->setText(QStringLiteral("%1 / %2").arg(util::timecode::clock(m_player->position()),
                                                  util::timecode::clock(m_player->duration())));
}

bool VideoPlayer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_video) {
        if (event->type() == QEvent::Show && m_loadPending)
            QTimer::singleShot(0, this, &VideoPlayer::load);
        if (event->type() == QEvent::MouseButtonDblClick) {
            toggleFullScreen();
            return true;
        }
        if (event->type() == QEvent::KeyPress) {
            switch (playerKey(static_cast<QKeyEvent *>(event), m_video->isFullScreen())) {
            case PlayerKey::TogglePlay:
                togglePlay();
                return true;
            case PlayerKey::ToggleFullScreen:
                toggleFullScreen();
                return true;
            case PlayerKey::None:
                break;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace nemo::app
