#pragma once

#include <QDialog>
#include <QTimer>

namespace nemo::client {
class Workspace;
} // namespace nemo::client

namespace Ui {
class ExportDialog;
}

namespace nemo::app {

class AppSettings;
class VideoPlayer;

// Export, from start to watching the result: format and quality, then the job's state with a
// progress bar, the time it has taken and when it is checked next (with Check Now), then the
// download, then the video playing right here with Save As…, Show in Folder and Export Again.
// Closing the dialog does not cancel anything: the export goes on and the window tells when it is done.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    ExportDialog(client::Workspace *workspace, AppSettings *settings, QWidget *parent = nullptr);
    ~ExportDialog() override;

    VideoPlayer *player() const { return m_player; }
    Ui::ExportDialog *form() const { return m_ui; }
    // Starts an export on the engine chosen in the dialog; withGaps renders on this computer even where
    // media is missing (the user agreed).
    void startExport(bool withGaps = false);
    // The target folder for new exports (Settings may change it).
    QString folder() const;

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void placeFocus(int phase);
    void updateView();
    void fillCombos();
    void saveAs();
    void copyTo(const QString &source, const QString &target);
    void showQualityFor(bool local);

    client::Workspace *m_workspace;
    AppSettings *m_settings;
    Ui::ExportDialog *m_ui;
    VideoPlayer *m_player;
    QTimer m_tick;
    QString m_loaded;
    int m_focusedPhase = -1; // the phase the keyboard was last placed for
    int m_cloudQuality = 0;  // the quality chosen for the cloud, while the local render shows its own
};

} // namespace nemo::app
