#include "shell/helpdialogs.h"

#include "common/dialogs.h"
#include "shell/actions.h"
#include "util/nemoversion.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace nemo::app {

ShortcutsDialog::ShortcutsDialog(QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("ShortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_list->setObjectName(QStringLiteral("ShortcutList"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Command"), tr("Keys")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAccessibleName(tr("Keyboard shortcuts"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    fill();
    resize(560, 620);
}

void ShortcutsDialog::fill()
{
    for (const KeyArea area :
         {KeyArea::Window, KeyArea::Chat, KeyArea::Media, KeyArea::Timeline, KeyArea::Preview}) {
        auto *group = new QTreeWidgetItem(m_list, {actions::areaName(area)});
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFirstColumnSpanned(true);
        for (const ActionSpec &spec : actions::table()) {
            if (spec.area != area || (spec.keys.isEmpty() && !*spec.alsoKeys))
                continue;
            QStringList keys;
            for (const QKeySequence &key : spec.keys)
                keys.append(key.toString(QKeySequence::NativeText));
            if (*spec.alsoKeys)
                keys.append(
                    QKeySequence(QString::fromLatin1(spec.alsoKeys)).toString(QKeySequence::NativeText));
            new QTreeWidgetItem(group, {actions::plainText(spec.text), keys.join(tr(", "))});
        }
        for (const KeySpec &key : actions::panelKeys()) {
            if (key.area == area)
                new QTreeWidgetItem(group, {actions::plainText(key.text), QString::fromLatin1(key.keys)});
        }
        if (group->childCount() == 0)
            delete group;
    }
    m_list->expandAll();
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);
}

void showAbout(QWidget *parent, const QUrl &server)
{
    QMessageBox *box = dialogs::tell(
        parent, QMessageBox::NoIcon, ShortcutsDialog::tr("About Nemo Studio"),
        ShortcutsDialog::tr(
            "<h3>Nemo Studio %1</h3><p>A desktop studio for the NemoVideo AI video service: drop "
            "in your photos and clips, tell the agent what you want, watch the edit appear on "
            "the timeline, and export.</p><p>Server: %2</p>")
            .arg(QStringLiteral(NEMO_VERSION_STRING), server.toString().toHtmlEscaped()));
    box->setIconPixmap(parent->windowIcon().pixmap(64, 64));
}

void showAboutQt(QWidget *parent)
{
    QMessageBox *box =
        dialogs::tell(parent, QMessageBox::NoIcon, ShortcutsDialog::tr("About Qt"),
                      ShortcutsDialog::tr(
                          "<h3>Qt %1</h3><p>Nemo Studio is built with Qt, a cross-platform toolkit for "
                          "applications, used here under the GNU Lesser General Public License version 3.</p>"
                          "<p>See <a href=\"https://www.qt.io/licensing/\">qt.io/licensing</a> for Qt's "
                          "licences and <a href=\"https://www.qt.io\">qt.io</a> for Qt itself.</p>")
                          .arg(QString::fromLatin1(qVersion())));
    box->setTextFormat(Qt::RichText);
    box->setTextInteractionFlags(Qt::TextBrowserInteraction);
    box->setIconPixmap(QPixmap(QStringLiteral(":/qt-project.org/qmessagebox/images/qtlogo-64.png")));
}

} // namespace nemo::app
