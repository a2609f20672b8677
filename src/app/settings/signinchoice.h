#pragma once

#include <QObject>

#include <functional>

class QWidget;

namespace nemo::auth {
class SecretStorage;
} // namespace nemo::auth

namespace nemo::client {
class Workspace;
} // namespace nemo::client

namespace nemo::app {

class AppSettings;

// Where the sign-in is kept, as the user chose it: when the keychain fails they are asked once per run
// where to keep it instead (never a silent fallback to a file); when they keep it nowhere, the token for
// this run is asked for at start.
class SignInChoice : public QObject
{
    Q_OBJECT
public:
    SignInChoice(client::Workspace *workspace, AppSettings *settings, auth::SecretStorage *storage,
                 QWidget *window);

    // Asks for this run's token (never stored); `done` is told whether one was entered (empty: a free
    // sign-in). The dialog is window-modal and answered by signal.
    void askForSessionToken(std::function<void(bool entered)> done);
    // The settings' choice in effect (after Settings were applied).
    void apply();

signals:
    void message(const QString &text);

private:
    void askWhereToKeep(const QString &reason);

    client::Workspace *m_workspace;
    AppSettings *m_settings;
    auth::SecretStorage *m_storage;
    QWidget *m_window;
    bool m_asked = false;
};

} // namespace nemo::app
