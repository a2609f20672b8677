#pragma once

#include "common/appsettings.h"

#include <QDialog>

namespace Ui {
class SettingsDialog;
}

namespace nemo::client {
class Workspace;
} // namespace nemo::client

namespace nemo::util {
class Translations;
} // namespace nemo::util

namespace nemo::app {

class SignInChoice;

// Settings: the server and attribution profile, the largest upload, interface language and theme,
// where exports go, and signing out (forgetting the stored sign-in).
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(AppSettings *settings, client::Workspace *workspace, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    Ui::SettingsDialog *form() const { return m_ui; }
    // What applying reaches beyond the settings file: the interface language and where the sign-in is kept.
    void setAppliesTo(util::Translations *translations, SignInChoice *signIn);
    void accept() override;

signals:
    void signOutRequested();
    // The settings were saved and are in effect: the service's configuration, the language, the theme
    // and where the sign-in is kept.
    void applied();

protected:
    void changeEvent(QEvent *event) override;

private:
    void load();
    void fillCombos();
    void updateAccount();
    void updateProxyFields();
    void showAdvanced(bool shown);
    void fitToContents();

    AppSettings *m_settings;
    client::Workspace *m_workspace;
    Ui::SettingsDialog *m_ui;
    util::Translations *m_translations = nullptr;
    SignInChoice *m_signIn = nullptr;
};

} // namespace nemo::app
