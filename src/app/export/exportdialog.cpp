#include "export/exportdialog.h"

#include "client/workspace.h"
#include "common/appsettings.h"
#include "common/dialogs.h"
#include "common/locatemedia.h"
#include "common/videoplayer.h"
#include "media/uploadqueue.h"
#include "render/exporter.h"
#include "ui_exportdialog.h"
#include "util/filecopy.h"
#include "util/filenames.h"
#include "util/timecode.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMediaPlayer>
#include <QMessageBox>
#include <QToolButton>
#include <QUrl>

namespace nemo::app {

using render::Exporter;
using render::RenderStatus;

namespace {

// "40 s", "2 min": an estimate shown no finer than it is.
QString roughly(int seconds)
{
    if (seconds < 60)
        return ExportDialog::tr("%1 s").arg(qMax(1, (seconds + 4) / 5 * 5));
    return ExportDialog::tr("%n min", nullptr, (seconds + 30) / 60);
}

// "Elapsed 0:12 · about 40 s left"; "almost done" once there is nothing left to estimate.
QString timing(qint64 elapsedSeconds, int progress, int secondsLeft)
{
    const QString elapsed = ExportDialog::tr("Elapsed %1").arg(util::timecode::clock(elapsedSeconds * 1000));
    if (progress >= 100 || secondsLeft == 0)
        return elapsed + QStringLiteral(" · ") + ExportDialog::tr("almost done");
    if (secondsLeft > 0)
        return elapsed + QStringLiteral(" · ") + ExportDialog::tr("about %1 left").arg(roughly(secondsLeft));
    return elapsed;
}

} // namespace

ExportDialog::ExportDialog(client::Workspace *workspace, AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_settings(settings)
    , m_ui(new Ui::ExportDialog)
    , m_player(nullptr)
{
    m_ui->setupUi(this);
    setModal(false);
    m_player = new VideoPlayer(m_ui->playerHost);
    m_ui->playerHost->layout()->addWidget(m_player);
    fillCombos();
    connect(m_ui->startButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::close);
    connect(m_ui->checkNowButton, &QPushButton::clicked, workspace->exporter(), &Exporter::checkNow);
    connect(m_ui->retryButton, &QPushButton::clicked, workspace->exporter(), &Exporter::retry);
    connect(m_ui->cancelExportButton, &QPushButton::clicked, workspace->exporter(), &Exporter::cancel);
    connect(m_ui->localInsteadButton, &QPushButton::clicked, this, [this] {
        // After a refusal (402, 2001, offline): the same export on this computer. After missing media:
        // again on this computer, with gaps where it was (the user agreed by clicking).
        const Exporter *exporter = m_workspace->exporter();
        const bool withGaps = exporter->engine() == Exporter::Engine::Local && !exporter->missing().isEmpty();
        m_ui->engineCombo->setCurrentIndex(m_ui->engineCombo->findData(QStringLiteral("local")));
        startExport(withGaps);
    });
    // "photo7.jpg is no longer on this computer — Locate…": found again, the same export starts over.
    connect(m_ui->locateButton, &QPushButton::clicked, this, [this] {
        const render::MissingSource *gone = LocateMedia::firstGone(m_workspace->exporter()->missing());
        if (!gone)
            return;
        LocateMedia::locate(this, m_workspace->uploads(), *gone, [this] {
            m_ui->engineCombo->setCurrentIndex(m_ui->engineCombo->findData(QStringLiteral("local")));
            startExport(false);
        });
    });
    connect(m_ui->engineCombo, &QComboBox::currentIndexChanged, this, &ExportDialog::updateView);
    connect(m_ui->saveAsButton, &QPushButton::clicked, this, &ExportDialog::saveAs);
    connect(m_ui->showInFolderButton, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(
            QUrl::fromLocalFile(QFileInfo(m_workspace->exporter()->targetPath()).absolutePath()));
    });
    connect(m_ui->exportAgainButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(workspace->exporter(), &Exporter::changed, this, &ExportDialog::updateView);
    connect(workspace, &client::Workspace::timelineChanged, this, &ExportDialog::updateView);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ExportDialog::updateView);
    updateView();
}

ExportDialog::~ExportDialog()
{
    delete m_ui;
}

void ExportDialog::fillCombos()
{
    const QString engine = m_ui->engineCombo->currentData().toString();
    m_ui->engineCombo->clear();
    m_ui->engineCombo->addItem(tr("NemoVideo (cloud)"), QStringLiteral("cloud"));
    m_ui->engineCombo->addItem(tr("This computer"), QStringLiteral("local"));
    m_ui->engineCombo->setCurrentIndex(qMax(0, m_ui->engineCombo->findData(engine)));
    m_ui->formatCombo->clear();
    m_ui->formatCombo->addItem(tr("MP4 (H.264)"), QStringLiteral("mp4"));
    const QString quality = m_ui->qualityCombo->currentData().toString();
    m_ui->qualityCombo->clear();
    m_ui->qualityCombo->addItem(tr("High (1080p)"), QStringLiteral("high"));
    m_ui->qualityCombo->addItem(tr("Medium (720p)"), QStringLiteral("medium"));
    m_ui->qualityCombo->addItem(tr("Low (480p, smaller file)"), QStringLiteral("low"));
    const int index = m_ui->qualityCombo->findData(quality);
    m_ui->qualityCombo->setCurrentIndex(index < 0 ? 0 : index);
}

void ExportDialog::showQualityFor(bool local)
{
    const QString own = QStringLiteral("own");
    const bool showsOwn = m_ui->qualityCombo->currentData().toString() == own;
    if (local && !showsOwn) {
        m_cloudQuality = m_ui->qualityCombo->currentIndex();
        m_ui->qualityCombo->addItem(tr("The edit's own size, as in the preview"), own);
        m_ui->qualityCombo->setCurrentIndex(m_ui->qualityCombo->count() - 1);
    } else if (!local && showsOwn) {
        m_ui->qualityCombo->removeItem(m_ui->qualityCombo->currentIndex());
        m_ui->qualityCombo->setCurrentIndex(qMax(0, m_cloudQuality));
    }
    m_ui->qualityCombo->setEnabled(!local);
}

QString ExportDialog::folder() const
{
    return m_settings->downloadFolder();
}

void ExportDialog::placeFocus(int phase)
{
    // The control that had the keyboard may now be hidden or disabled (Start Export, the options):
    // with each new phase it goes to what comes next — Cancel while it runs, Play when it is done,
    // Retry after a failure — unless the person is somewhere else.
    const auto running = [](int p) {
        return p == int(Exporter::Phase::Rendering) || p == int(Exporter::Phase::Downloading);
    };
    if (phase == m_focusedPhase || (running(phase) && running(m_focusedPhase))) {
        m_focusedPhase = phase;
        return;
    }
    m_focusedPhase = phase;
    QWidget *now = QApplication::focusWidget();
    if (now && now->window() != this)
        return;
    QWidget *next = nullptr;
    switch (Exporter::Phase(phase)) {
    case Exporter::Phase::Idle:
        next = m_ui->startButton;
        break;
    case Exporter::Phase::Done:
        next = m_player->playButton();
        break;
    case Exporter::Phase::Failed:
        next = m_ui->retryButton;
        break;
    case Exporter::Phase::Cancelled:
        next = m_ui->exportAgainButton;
        break;
    default:
        next = m_ui->cancelExportButton;
        break;
    }
    if (next && next->isVisibleTo(this) && next->isEnabled())
        next->setFocus(Qt::OtherFocusReason);
}

void ExportDialog::startExport(bool withGaps)
{
    const auto state = m_workspace->state();
    if (!state || !state->draft.isExportable()) {
        updateView();
        return;
    }
    QDir().mkpath(folder());
    const QString target = util::FileNames::uniquePath(folder(), Exporter::suggestedFileName(state->draft));
    m_player->player()->stop();
    m_loaded.clear();
    if (m_ui->engineCombo->currentData().toString() == QLatin1String("local")) {
        m_workspace->exporter()->startLocal(*state, m_workspace->uploads()->items(),
                                            m_workspace->mediaCache(), target, withGaps);
        return;
    }
    render::RenderOptions options;
    options.format = m_ui->formatCombo->currentData().toString();
    options.quality = m_ui->qualityCombo->currentData().toString();
    m_workspace->exporter()->start(state->draft, options, target);
}

void ExportDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    m_tick.start();
    updateView();
}

void ExportDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillCombos();
        updateView();
    }
    QDialog::changeEvent(event);
}

void ExportDialog::updateView()
{
    if (!isVisible())
        m_tick.stop();
    const Exporter *exporter = m_workspace->exporter();
    const Exporter::Phase phase = exporter->phase();
    const auto state = m_workspace->state();
    const bool exportable = state && state->draft.isExportable();
    const bool running = exporter->isRunning();
    m_ui->folderValue->setText(QDir::toNativeSeparators(folder()));
    m_ui->readinessLabel->setText(
        exportable ? QString()
                   : tr("The timeline is empty, so there is nothing to export yet. Add media and "
                        "ask the agent for a video first."));
    m_ui->readinessLabel->setVisible(!exportable);
    m_ui->optionsGroup->setEnabled(!running);
    const bool local = m_ui->engineCombo->currentData().toString() == QLatin1String("local");
    // The local render is made at the edit's own size, and the box says so.
    showQualityFor(local);
    const bool localEngine = exporter->engine() == Exporter::Engine::Local;
    const net::ApiError::Kind failure = exporter->error().kind();
    const bool refused = !localEngine &&
        (failure == net::ApiError::Kind::ExportBlocked || failure == net::ApiError::Kind::NoCredits ||
         failure == net::ApiError::Kind::Network || failure == net::ApiError::Kind::Timeout);
    const bool gaps = localEngine && !exporter->missing().isEmpty();
    m_ui->localInsteadButton->setVisible(phase == Exporter::Phase::Failed && exportable && (refused || gaps));
    m_ui->localInsteadButton->setText(gaps ? tr("Render &Without the Missing Media")
                                           : tr("Render on This Co&mputer Instead"));
    const render::MissingSource *gone = localEngine ? LocateMedia::firstGone(exporter->missing()) : nullptr;
    m_ui->locateButton->setVisible(phase == Exporter::Phase::Failed && gone);
    if (gone)
        m_ui->locateButton->setText(LocateMedia::buttonText(*gone));
    m_ui->startButton->setVisible(phase == Exporter::Phase::Idle);
    m_ui->startButton->setEnabled(exportable);
    m_ui->exportAgainButton->setVisible(phase == Exporter::Phase::Done || phase == Exporter::Phase::Failed ||
                                        phase == Exporter::Phase::Cancelled);
    m_ui->cancelExportButton->setVisible(running);
    m_ui->cancelExportButton->setEnabled(!exporter->isCancelling());
    m_ui->exportAgainButton->setEnabled(exportable);
    m_ui->progressGroup->setVisible(phase != Exporter::Phase::Idle);
    m_ui->checkNowButton->setVisible(phase == Exporter::Phase::Rendering && !localEngine);
    m_ui->retryButton->setVisible(phase == Exporter::Phase::Failed);
    const bool done = phase == Exporter::Phase::Done;
    if (!done && !m_loaded.isEmpty()) {
        // Another export, or another project: the last video goes (hidden, it would play on unheard of).
        m_player->setSource(QString());
        m_loaded.clear();
    }
    m_ui->saveAsButton->setVisible(done);
    m_ui->showInFolderButton->setVisible(done);
    m_ui->playerHost->setVisible(done);
    placeFocus(int(phase));

    const RenderStatus status = exporter->status();
    const qint64 elapsed =
        exporter->startedAt().isValid() ? exporter->startedAt().secsTo(QDateTime::currentDateTime()) : 0;
    switch (phase) {
    case Exporter::Phase::Idle:
        break;
    case Exporter::Phase::Rendering: {
        if (localEngine) {
            QString text = status.state == RenderStatus::State::Processing
                ? tr("Rendering on this computer: %1% done.").arg(status.progress)
                : tr("Preparing to render on this computer…");
            if (!exporter->notice().isEmpty())
                text += QLatin1Char('\n') + exporter->notice();
            m_ui->phaseLabel->setText(text);
            m_ui->progressBar->setRange(0, 100);
            m_ui->progressBar->setValue(status.progress);
            m_ui->timingLabel->setText(timing(elapsed, status.progress, exporter->estimatedSecondsLeft()));
            break;
        }
        QString what;
        switch (status.state) {
        case RenderStatus::State::Pending:
            what = tr("Waiting for a render machine on NemoVideo");
            break;
        case RenderStatus::State::Processing:
            what = tr("Rendering on NemoVideo");
            break;
        default:
            what = tr("Starting the export on NemoVideo");
            break;
        }
        QString phaseText = exporter->isCancelling()
            ? tr("Stopping the export…")
            : tr("%1: %2% done. You can close this window: the export keeps going.")
                  .arg(what)
                  .arg(status.progress);
        if (!exporter->notice().isEmpty())
            phaseText += QLatin1Char('\n') + exporter->notice();
        m_ui->phaseLabel->setText(phaseText);
        m_ui->progressBar->setRange(0, 100);
        m_ui->progressBar->setValue(status.progress);
        const int next = exporter->secondsToNextCheck();
        m_ui->timingLabel->setText(timing(elapsed, status.progress, exporter->estimatedSecondsLeft()) +
                                   QStringLiteral(" · ") +
                                   (next > 0 ? tr("next check in %1 s").arg(next) : tr("checking…")));
        break;
    }
    case Exporter::Phase::Downloading: {
        const QLocale locale;
        m_ui->phaseLabel->setText(
            exporter->total() > 0
                ? tr("Downloading the video: %1 of %2")
                      .arg(locale.formattedDataSize(exporter->received()),
                           locale.formattedDataSize(exporter->total()))
                : tr("Downloading the video: %1").arg(locale.formattedDataSize(exporter->received())));
        m_ui->progressBar->setRange(0, exporter->total() > 0 ? 100 : 0);
        if (exporter->total() > 0)
            m_ui->progressBar->setValue(int(exporter->received() * 100 / exporter->total()));
        m_ui->timingLabel->setText(tr("Elapsed %1").arg(util::timecode::clock(elapsed * 1000)));
        break;
    }
    case Exporter::Phase::Done:
        m_ui->phaseLabel->setText(tr("Done: %1").arg(QDir::toNativeSeparators(exporter->targetPath())));
        m_ui->progressBar->setRange(0, 100);
        m_ui->progressBar->setValue(100);
        m_ui->timingLabel->setText(tr("Took %1").arg(util::timecode::clock(elapsed * 1000)));
        if (m_loaded != exporter->targetPath()) {
            m_loaded = exporter->targetPath();
            // Room for the video once there is one (the dialog is only as tall as its settings before).
            if (height() < 560)
                resize(width(), 600);
            m_player->setSource(m_loaded, isVisible());
        }
        break;
    case Exporter::Phase::Cancelled:
        m_ui->phaseLabel->setText(tr("The export was cancelled. Nothing was saved."));
        m_ui->progressBar->setRange(0, 100);
        m_ui->progressBar->setValue(0);
        m_ui->timingLabel->clear();
        break;
    case Exporter::Phase::Failed:
        m_ui->phaseLabel->setText(tr("The export failed: %1").arg(exporter->error().message()));
        m_ui->progressBar->setRange(0, 100);
        m_ui->timingLabel->clear();
        m_ui->retryButton->setToolTip(
            tr("Try again (a failed render starts again with a new job; a failed download continues)"));
        break;
    }
}

void ExportDialog::saveAs()
{
    const QString source = m_workspace->exporter()->targetPath();
    dialogs::askSavePath(this, tr("Save Video As"), source, tr("MP4 video (*.mp4)"), QStringLiteral("mp4"),
                         [this, source](const QString &target) {
                             if (QFileInfo(target) != QFileInfo(source))
                                 copyTo(source, target);
                         });
}

void ExportDialog::copyTo(const QString &source, const QString &target)
{
    // The dialog already asked whether to replace an existing file; it is replaced only once the copy is
    // complete.
    m_ui->saveAsButton->setEnabled(false);
    util::FileCopy *copy = util::FileCopy::start(source, target, this);
    connect(copy, &util::FileCopy::finished, this, [this, target](bool ok, const QString &error) {
        m_ui->saveAsButton->setEnabled(true);
        if (!ok)
            dialogs::tell(this, QMessageBox::Warning, tr("Save As"),
                          tr("Couldn't save the video to %1.").arg(QDir::toNativeSeparators(target)) +
                              QLatin1Char('\n') + error);
    });
}

} // namespace nemo::app
