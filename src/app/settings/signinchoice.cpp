#include "settings/signinchoice.h"

#include "auth/authenticator.h"
#include "auth/secretstorage.h"
#include "client/workspace.h"
#include "common/appsettings.h"
#include "common/dialogs.h"

#include <QDir>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

namespace nemo::app {

SignInChoice::SignInChoice(client::Workspace *workspace, AppSettings *settings, auth::SecretStorage *storage,
                           QWidget *window)
    : QObject(window)
    , m_workspace(workspace)
    , m_settings(settings)
    , m_storage(storage)
    , m_window(window)
{
    connect(workspace->service()->auth(), &auth::Authenticator::storageProblem, this,
            &SignInChoice::askWhereToKeep);
}

void SignInChoice::askWhereToKeep(const QString &reason)
{
    // Asked once per run, and only while the keychain is the choice: never a silent fallback to a file.
    if (m_asked || m_settings->secretStorage() != auth::SecretStorage::Kind::Keychain)
        return;
    m_asked = true;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Where Should Nemo Studio Keep Your Sign-in?"),
                                tr("The system keychain can't be used: %1").arg(reason),
                                QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("SecretStorageChoice"));
    box->setInformativeText(
        tr("Nemo Studio never saves your sign-in anywhere else on its own. You can:\n\n"
           "• Sign in each time: nothing is saved; you paste your token (or get a new free sign-in) each "
           "time "
           "Nemo Studio starts.\n"
           "• Keep it in a file: %1, readable by your user account only but NOT encrypted.\n\n"
           "You can change this later in Settings.")
            .arg(QDir::toNativeSeparators(m_storage->filePath())));
    QPushButton *eachRun = box->addButton(tr("Sign In Each Time"), QMessageBox::AcceptRole);
    eachRun->setObjectName(QStringLiteral("eachRunButton"));
    QPushButton *file = box->addButton(tr("Keep in a File (Not Encrypted)"), QMessageBox::DestructiveRole);
    file->setObjectName(QStringLiteral("fileButton"));
    QPushButton *later = box->addButton(tr("Ask Me Next Time"), QMessageBox::RejectRole);
    later->setObjectName(QStringLiteral("laterButton"));
    box->setDefaultButton(eachRun);
    connect(box, &QMessageBox::buttonClicked, this, [this, eachRun, file](QAbstractButton *button) {
        if (button == eachRun)
            m_settings->setSecretStorage(auth::SecretStorage::Kind::Memory);
        else if (button == file)
            m_settings->setSecretStorage(auth::SecretStorage::Kind::File);
        else
            return;
        apply();
    });
    dialogs::open(box);
}

void SignInChoice::askForSessionToken(std::function<void(bool entered)> done)
{
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("SessionTokenDialog"));
    dialog->setWindowTitle(tr("Sign In"));
    dialog->setLabelText(
        tr("Nemo Studio doesn't keep your sign-in on this computer (see Settings).\nPaste your "
           "NemoVideo token for this session, or leave it empty to use a free sign-in:"));
    dialog->setTextEchoMode(QLineEdit::Password);
    connect(dialog, &QDialog::finished, this, [this, dialog, done](int result) {
        const QString token = dialog->textValue().trimmed();
        const bool entered = result == QDialog::Accepted && !token.isEmpty();
        if (entered)
            m_workspace->service()->auth()->setEnvironmentToken(token);
        done(entered);
    });
    dialogs::open(dialog);
}

void SignInChoice::apply()
{
    auth::SecretStore *store = m_storage->store(m_settings->secretStorage());
    if (store == m_workspace->service()->secrets())
        return;
    m_workspace->service()->setSecrets(store);
    emit message(tr("Your sign-in is now kept in: %1.").arg(store->displayName()));
}

} // namespace nemo::app
