#include "media/clipdialog.h"

#include "common/dialogs.h"
#include "common/videoplayer.h"
#include "util/filecopy.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace nemo::app {

ClipDialog::ClipDialog(const QString &path, const QString &name, const QString &prompt, QWidget *parent)
    : QDialog(parent)
    , m_path(path)
    , m_name(name)
    , m_player(new VideoPlayer(this, VideoPlayer::Content::MediaClip))
    , m_prompt(new QLabel(this))
    , m_saveAs(new QPushButton(tr("&Save As…"), this))
{
    setWindowTitle(name);
    m_prompt->setWordWrap(true);
    m_prompt->setTextFormat(Qt::PlainText);
    m_prompt->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_prompt->setText(prompt.isEmpty() ? QString() : tr("Generated from: “%1”").arg(prompt));
    m_prompt->setVisible(!prompt.isEmpty());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_saveAs, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_saveAs, &QPushButton::clicked, this, &ClipDialog::saveAs);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_player, 1);
    layout->addWidget(m_prompt);
    layout->addWidget(buttons);
    resize(720, 520);
    m_player->setSource(path, true);
}

void ClipDialog::saveAs()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    const QString suffix =
        QFileInfo(m_name).suffix().isEmpty() ? QStringLiteral("mp4") : QFileInfo(m_name).suffix();
    dialogs::askSavePath(this, tr("Save Clip As"), QDir(folder).filePath(m_name),
                         tr("Media (*.%1)").arg(suffix), suffix,
                         [this](const QString &target) { saveTo(target); });
}

void ClipDialog::saveTo(const QString &target)
{
    m_saveAs->setEnabled(false);
    util::FileCopy *copy = util::FileCopy::start(m_path, target, this);
    connect(copy, &util::FileCopy::finished, this, [this, target](bool ok, const QString &error) {
        m_saveAs->setEnabled(true);
        if (ok) {
            emit saved(target);
            return;
        }
        dialogs::tell(this, QMessageBox::Warning, tr("Save As"), error);
    });
}

} // namespace nemo::app
