#include "preview/previewmonitor.h"

#include "common/videoplayer.h"
#include "render/mltdocument.h"
#include "render/previewrenderer.h"

#include <QEvent>
#include <QImageReader>
#include <QLabel>
#include <QMediaPlayer>
#include <QSaveFile>
#include <QShortcut>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QVideoFrame>
#include <QVideoSink>
#include <QVideoWidget>

namespace nemo::app {

using render::PreviewRenderer;

PreviewMonitor::PreviewMonitor(PreviewRenderer *renderer, QWidget *parent)
    : QWidget(parent)
    , m_renderer(renderer)
    , m_pages(new QStackedWidget(this))
    , m_still(new QLabel(this))
    , m_status(new QLabel(this))
{
    m_still->setAlignment(Qt::AlignCenter);
    m_still->setMinimumSize(160, 90);
    m_still->setAutoFillBackground(true);
    QPalette black = m_still->palette();
    black.setColor(QPalette::Window, Qt::black);
    black.setColor(QPalette::WindowText, QColor(200, 200, 200));
    m_still->setPalette(black);
    m_still->setWordWrap(true);
    m_pages->addWidget(m_still);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_status);
    setFocusPolicy(Qt::StrongFocus);
    auto *space = new QShortcut(QKeySequence(Qt::Key_Space), this);
    space->setContext(Qt::WidgetWithChildrenShortcut);
    connect(space, &QShortcut::activated, this, &PreviewMonitor::togglePlay);
    connect(renderer, &PreviewRenderer::changed, this, &PreviewMonitor::updateStatus);
    connect(renderer, &PreviewRenderer::changed, this, [this] {
        if (!isShowingPreview())
            showStill();
    });
    connect(renderer, &PreviewRenderer::ready, this, &PreviewMonitor::load);
    renderer->setDownscaler(&PreviewMonitor::downscalePhoto);
    setAccessibleName(tr("Preview"));
    setAccessibleDescription(tr("The edit as it stands, rendered on this computer. Space plays and pauses."));
    showStill();
    updateStatus();
}

PreviewMonitor::~PreviewMonitor()
{
    // The player still speaks while its widgets go (positionChanged on stop): not to us any more.
    if (m_player) {
        m_player->player()->disconnect(this);
        m_player->videoWidget()->videoSink()->disconnect(this);
    }
    m_renderer->disconnect(this);
    if (m_clipFrames)
        m_clipFrames->videoSink()->disconnect(this);
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
    QSaveFile file(target);
    return file.open(QIODevice::WriteOnly) && image.save(&file, "JPG", 90) && file.commit();
}

bool PreviewMonitor::isShowingPreview() const
{
    return m_player && m_pages->currentWidget() == m_player && !m_loaded.isEmpty();
}

// The player comes with the first preview: starting the media backend takes longer than everything
// else the window does at start, and a user without an edit yet doesn't need it.
VideoPlayer *PreviewMonitor::player()
{
    if (m_player)
        return m_player;
    m_player = new VideoPlayer(this);
    m_pages->addWidget(m_player);
    connect(m_player->player(), &QMediaPlayer::positionChanged, this, [this](qint64 ms) {
        if (!isShowingPreview() || m_loading)
            return; // a new preview is loading: the playhead stays where the user left it
        m_position = ms;
        emit positionChanged(ms);
    });
    return m_player;
}

void PreviewMonitor::load(const QString &file)
{
    m_loading = true;
    const bool wasPlaying = player()->player()->playbackState() == QMediaPlayer::PlayingState;
    m_loaded = file;
    if (m_clipFrames) {
        m_clipFrames->stop();
        m_clipFrames->setSource(QUrl()); // the clip's file is not held open while the preview plays
    }
    m_pages->setCurrentWidget(m_player);
    m_player->setSource(file, false);
    // The same moment of the new edit (where there still is one).
    QMediaPlayer *player = m_player->player();
    auto restore = std::make_shared<QMetaObject::Connection>();
    *restore = connect(player, &QMediaPlayer::mediaStatusChanged, this,
                       [this, player, wasPlaying, restore](QMediaPlayer::MediaStatus status) {
                           if (status != QMediaPlayer::LoadedMedia && status != QMediaPlayer::BufferedMedia)
                               return;
                           disconnect(*restore);
                           // The same moment of the new edit (or where the user sought meanwhile).
                           m_loading = false;
                           if (player->duration() > 0) // not always known yet
                               m_position = qMin(m_position, player->duration() - 1);
                           if (wasPlaying) {
                               player->setPosition(m_position);
                               player->play();
                           } else {
                               showPaused();
                           }
                       });
    updateStatus();
}

void PreviewMonitor::seek(qint64 ms)
{
    m_position = qMax<qint64>(0, ms);
    if (isShowingPreview() && !m_loading) {
        QMediaPlayer *player = m_player->player();
        if (player->playbackState() == QMediaPlayer::StoppedState)
            showPaused();
        else
            player->setPosition(m_position);
    } else {
        showStill();
    }
    emit positionChanged(m_position);
}

void PreviewMonitor::showPaused()
{
    // Paused rather than stopped, so the picture at the playhead is on screen. The backend takes a seek
    // only once it shows a picture: seek when the first one arrives.
    QMediaPlayer *player = m_player->player();
    if (player->playbackState() == QMediaPlayer::PausedState) {
        player->setPosition(m_position);
        return;
    }
    QVideoSink *sink = m_player->videoWidget()->videoSink();
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(sink, &QVideoSink::videoFrameChanged, this, [this, player, once] {
        disconnect(*once);
        player->setPosition(m_position);
    });
    player->pause();
}

void PreviewMonitor::togglePlay()
{
    if (isShowingPreview())
        m_player->togglePlay();
}

void PreviewMonitor::showStill()
{
    const PreviewRenderer::Source source = m_renderer->sourceAt(m_position);
    if (!source.path.isEmpty() && render::MltDocument::isImage(source.path)) {
        QImageReader reader(source.path);
        reader.setAutoTransform(true);
        const QSize size = reader.size();
        if (size.isValid()) {
            reader.setScaledSize(size.scaled(stillSize(), Qt::KeepAspectRatio));
            const QImage image = reader.read();
            if (!image.isNull()) {
                m_still->setPixmap(QPixmap::fromImage(image));
                return;
            }
        }
    } else if (!source.path.isEmpty()) {
        showClipFrame(source.path, source.offsetMs);
        if (!m_still->pixmap().isNull())
            return; // the clip's frame from before stays until the new one arrives
    }
    m_still->setPixmap(QPixmap());
    m_still->setText(m_renderer->state() == PreviewRenderer::State::Idle
                         ? tr("The preview appears here once the agent has made an edit.")
                         : QString());
}

QSize PreviewMonitor::stillSize() const
{
    return m_still->size().expandedTo(QSize(160, 90));
}

QImage PreviewMonitor::still() const
{
    return m_still->pixmap().toImage();
}

// A clip's frame comes from the media backend, asynchronously: the player is paused at the moment,
// which makes it hand that one frame to its sink.
void PreviewMonitor::showClipFrame(const QString &file, qint64 offsetMs)
{
    if (!m_clipFrames) {
        m_clipFrames = new QMediaPlayer(this);
        auto *sink = new QVideoSink(m_clipFrames);
        m_clipFrames->setVideoSink(sink);
        connect(sink, &QVideoSink::videoFrameChanged, this, [this](const QVideoFrame &frame) {
            if (isShowingPreview() || !frame.isValid())
                return;
            const QImage image = frame.toImage();
            if (!image.isNull())
                m_still->setPixmap(QPixmap::fromImage(
                    image.scaled(stillSize(), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        });
    }
    const QUrl url = QUrl::fromLocalFile(file);
    if (m_clipFrames->source() != url)
        m_clipFrames->setSource(url);
    m_clipFrames->setPosition(offsetMs);
    m_clipFrames->pause();
}

void PreviewMonitor::updateStatus()
{
    QString text;
    switch (m_renderer->state()) {
    case PreviewRenderer::State::Idle:
        text = tr("No edit yet.");
        break;
    case PreviewRenderer::State::Preparing:
        text = tr("Preparing the preview…");
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

void PreviewMonitor::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (!isShowingPreview() && m_still->pixmap().isNull() == false)
        showStill();
}

void PreviewMonitor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Preview"));
        setAccessibleDescription(
            tr("The edit as it stands, rendered on this computer. Space plays and pauses."));
        updateStatus();
        if (!isShowingPreview())
            showStill();
    }
    QWidget::changeEvent(event);
}

} // namespace nemo::app
