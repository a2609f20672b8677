#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

namespace nemo::app {

class VideoPlayer;

// Watches one clip of the media bin right here (a clip the agent generated): the picture with its
// controls, what the agent was asked to make, and Save As… to keep a copy.
class ClipDialog : public QDialog
{
    Q_OBJECT
public:
    ClipDialog(const QString &path, const QString &name, const QString &prompt, QWidget *parent = nullptr);

    VideoPlayer *player() const { return m_player; }
    QPushButton *saveAsButton() const { return m_saveAs; }
    // Copies the clip to `target` (atomically, off the UI thread); Save As… asks where first.
    void saveTo(const QString &target);

signals:
    void saved(const QString &target);

private:
    void saveAs();

    QString m_path;
    QString m_name;
    VideoPlayer *m_player;
    QLabel *m_prompt;
    QPushButton *m_saveAs;
};

} // namespace nemo::app
