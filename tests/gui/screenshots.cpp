// Captures the main states of the window into a folder (docs/screenshots via ./scripts/screenshots):
// the welcome screen, media in the bin, a reply with its timeline, the export playing, settings,
// and the dark theme.
#include "chat/chatpanel.h"
#include "chat/messageinput.h"
#include "common/theme.h"
#include "common/videoplayer.h"
#include "export/exportdialog.h"
#include "guiharness.h"
#include "media/mediabinmodel.h"
#include "media/mediabinpanel.h"
#include "preview/previewmonitor.h"
#include "render/previewrenderer.h"
#include "settings/settingsdialog.h"
#include "timeline/timelinepanel.h"

#include <QApplication>
#include <QDir>
#include <QMediaPlayer>
#include <QScreen>
#include <QStandardPaths>
#include <QTest>

#include <cstdio>

using namespace nemo;

namespace {

bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 30000)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

void save(QWidget *widget, const QString &folder, const char *name)
{
    QApplication::processEvents();
    QTest::qWait(150);
    const QString path = QDir(folder).filePath(QLatin1String(name));
    // From the screen, so that native surfaces (the video) are in the picture too.
    QPixmap picture = widget->screen()->grabWindow(widget->winId());
    if (picture.isNull())
        picture = widget->grab();
    if (!picture.save(path))
        std::fprintf(stderr, "could not write %s\n", qPrintable(path));
    else
        std::printf("%s\n", qPrintable(path));
}

} // namespace

int main(int argc, char **argv)
{
    QStandardPaths::setTestModeEnabled(true); // settings and caches away from the user's
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("NemoStudioScreenshots"));
    QApplication::setApplicationName(QStringLiteral("NemoStudioScreenshots"));
    const QString folder = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("screenshots");
    QDir().mkpath(folder);
    app::Theme::apply(app::AppSettings::Theme::Light);

    fake::Scenario scenario = test::quickScenario();
    scenario.renderSize = QSize(640, 360);
    scenario.eventDelayMs = 5;
    test::GuiHarness h(scenario);
    h.translations.apply(QStringLiteral("en")); // as the app starts: English plurals ("2 segments")
    app::MainWindow *window = h.window.get();
    window->resize(1360, 860);
    window->show();
    h.workspace->connectToService();
    waitUntil([&] { return h.workspace->connection() == client::Workspace::Connection::Ready; });
    save(window, folder, "welcome.png");

    window->mediaBin()->addPaths(
        {QStringLiteral(NEMO_TEST_DATA_DIR "/photo1.jpg"), QStringLiteral(NEMO_TEST_DATA_DIR "/photo2.png"),
         QStringLiteral(NEMO_TEST_DATA_DIR "/music.mp3"), QStringLiteral(NEMO_SOURCE_DIR "/README.md")});
    waitUntil([&] {
        const auto &items = h.workspace->uploads()->items();
        return items.size() == 3 && std::all_of(items.begin(), items.end(), [](const media::MediaItem &item) {
                   return item.state == media::MediaItem::State::Uploaded;
               });
    });
    save(window, folder, "media-bin.png");

    window->chatPanel()->input()->setPlainText(
        QStringLiteral("Turn these images into a 12-second promo titled \"Urban Dreams\" with music"));
    window->chatPanel()->submit();
    waitUntil([&] {
        return !h.workspace->conversation()->isBusy() && h.workspace->state() &&
            !h.workspace->state()->draft.isEmpty();
    });
    // The preview monitor with the edit rendered here, a little way in.
    waitUntil([&] { return h.workspace->preview()->state() == render::PreviewRenderer::State::Ready; },
              60000);
    waitUntil([&] { return window->monitor()->hasPreview() && !window->monitor()->still().isNull(); });
    window->monitor()->seek(4500);
    waitUntil([&] { return window->monitor()->stillFrame() >= 100; }, 10000);
    QTest::qWait(200); // the picture reaches the screen
    save(window, folder, "chat-and-timeline.png");

    window->openExport();
    app::ExportDialog *dialog = window->exportDialog();
    dialog->resize(760, 640);
    dialog->startExport();
    waitUntil([&] {
        return h.workspace->exporter()->phase() == render::Exporter::Phase::Rendering &&
            h.workspace->exporter()->status().progress > 20;
    });
    save(dialog, folder, "export-progress.png");
    waitUntil([&] { return h.workspace->exporter()->phase() == render::Exporter::Phase::Done; }, 60000);
    const bool playing = waitUntil([&] { return dialog->player()->player()->position() > 1500; }, 15000);
    std::printf("player position %lld ms (%s)\n",
                static_cast<long long>(dialog->player()->player()->position()),
                playing ? "playing" : "not playing");
    save(dialog, folder, "export-player.png");
    dialog->close();

    auto *settings = new app::SettingsDialog(&h.settings, h.workspace.get(), window);
    settings->show();
    save(settings, folder, "settings.png");
    settings->close();

    app::Theme::apply(app::AppSettings::Theme::Dark);
    save(window, folder, "dark.png");
    app::Theme::apply(app::AppSettings::Theme::Light);
    window->close();

    // A project that starts from words alone: the clip the agent generates lands in the media bin.
    test::GuiHarness words(scenario);
    app::MainWindow *second = words.window.get();
    second->resize(1360, 860);
    second->show();
    words.workspace->connectToService();
    waitUntil([&] { return words.workspace->connection() == client::Workspace::Connection::Ready; });
    second->chatPanel()->input()->setPlainText(QStringLiteral("A sunrise over the sea, slow and calm"));
    second->chatPanel()->submit();
    waitUntil([&] {
        const auto &items = words.workspace->uploads()->items();
        return !items.isEmpty() && items.first().state == media::MediaItem::State::Uploaded &&
            !second->mediaBin()
                 ->model()
                 ->index(0)
                 .data(app::MediaBinModel::ThumbnailRole)
                 .value<QImage>()
                 .isNull();
    });
    save(second, folder, "generated-clip.png");
    return 0;
}
