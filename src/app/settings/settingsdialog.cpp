#include "settings/settingsdialog.h"

#include "auth/authenticator.h"
#include "client/workspace.h"
#include "common/dialogs.h"
#include "common/theme.h"
#include "settings/signinchoice.h"
#include "ui_settingsdialog.h"
#include "util/translations.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHash>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QStyle>
#include <QToolButton>

namespace nemo::app {

using net::AttributionProfile;
using net::ServiceConfig;

SettingsDialog::SettingsDialog(AppSettings *settings, client::Workspace *workspace, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_workspace(workspace)
    , m_ui(new Ui::SettingsDialog)
{
    m_ui->setupUi(this);
    m_ui->scrollArea->setFocusPolicy(Qt::NoFocus); // a page that scrolls, not a stop for Tab
    fillCombos();
    load();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_ui->proxyModeCombo, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateProxyFields);
    connect(m_ui->serverDefaultButton, &QPushButton::clicked, this,
            [this] { m_ui->serverEdit->setText(ServiceConfig::defaultBaseUrl().toString()); });
    connect(m_ui->browseButton, &QPushButton::clicked, this, [this] {
        dialogs::askFolder(
            this, tr("Download Folder"), m_ui->folderEdit->text(),
            [this](const QString &folder) { m_ui->folderEdit->setText(QDir::toNativeSeparators(folder)); });
    });
    connect(m_ui->signOutButton, &QPushButton::clicked, this, [this] {
        dialogs::confirm(
            this, tr("Sign Out"),
            tr("Forget the stored sign-in? Nemo Studio signs in again with a new free account the "
               "next time it talks to the service."),
            tr("Sign Out"), [this] { emit signOutRequested(); });
    });
    connect(workspace->service()->auth(), &auth::Authenticator::changed, this,
            &SettingsDialog::updateAccount);
    updateAccount();
    // Where the service is and what the app tells it: for special setups, folded away unless changed.
    connect(m_ui->advancedButton, &QToolButton::toggled, this, &SettingsDialog::showAdvanced);
    const ServiceConfig config = workspace->service()->config();
    const ServiceConfig standard;
    showAdvanced(config.baseUrl != ServiceConfig::defaultBaseUrl() ||
                 config.profile.source != standard.profile.source ||
                 config.profile.platform != standard.profile.platform ||
                 config.maxUploadBytes != standard.maxUploadBytes);
}

void SettingsDialog::showAdvanced(bool shown)
{
    const QSignalBlocker blocker(m_ui->advancedButton);
    m_ui->advancedButton->setChecked(shown);
    m_ui->advancedButton->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    m_ui->advancedGroup->setVisible(shown);
    fitToContents();
}

// As tall as what it holds, within the screen; the page scrolls on a screen too small for it.
void SettingsDialog::fitToContents()
{
    // The dialog's own hint with the whole page in place of the scroll area's (which stops at a few
    // hundred pixels).
    int wanted = layout()->sizeHint().height() - m_ui->scrollArea->sizeHint().height() +
        m_ui->page->sizeHint().height() + 2 * m_ui->scrollArea->frameWidth();
    if (const QScreen *place = screen())
        wanted = std::min(wanted, place->availableGeometry().height() * 9 / 10);
    // Never narrower than the page: it scrolls up and down, not across.
    const QMargins margins = layout()->contentsMargins();
    setMinimumWidth(m_ui->page->minimumSizeHint().width() + margins.left() + margins.right() +
                    style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 2 * m_ui->scrollArea->frameWidth());
    resize(std::max(width(), minimumWidth()), wanted);
}

void SettingsDialog::setAppliesTo(util::Translations *translations, SignInChoice *signIn)
{
    m_translations = translations;
    m_signIn = signIn;
}

SettingsDialog::~SettingsDialog()
{
    delete m_ui;
}

void SettingsDialog::fillCombos()
{
    const QString source = m_ui->sourceCombo->currentData().toString();
    m_ui->sourceCombo->clear();
    // In words a person reads, each found by the service's own name for it (kept as the item's data).
    const QHash<QString, QString> sourceNames = {
        {QStringLiteral("ai-video-maker-ai"), tr("Nemo Studio (recommended)")},
        {QStringLiteral("free-video-generation-automatic"), tr("Free video generation")},
        {QStringLiteral("image-to-video-json-prompt"), tr("Image to video")},
        {QStringLiteral("free-video-generation-api"), tr("Video generation API")},
    };
    for (const AttributionProfile &profile : AttributionProfile::builtIn())
        m_ui->sourceCombo->addItem(sourceNames.value(profile.source, profile.source), profile.source);
    m_ui->sourceCombo->setCurrentIndex(qMax(0, m_ui->sourceCombo->findData(source)));
    const QString platform = m_ui->platformCombo->currentData().toString();
    m_ui->platformCombo->clear();
    for (const QString &name : AttributionProfile::platforms()) {
        m_ui->platformCombo->addItem(name == QLatin1String("unknown")       ? tr("None (not reported)")
                                         : name == QLatin1String("clawhub") ? QStringLiteral("ClawHub")
                                         : name == QLatin1String("cursor")  ? QStringLiteral("Cursor")
                                                                            : name,
                                     name);
    }
    m_ui->sourceCombo->setToolTip(tr("Which of the service's apps your requests count for. Change it only "
                                     "when NemoVideo asks you to."));
    m_ui->platformCombo->setToolTip(tr("The tool Nemo Studio runs inside, if any, as told to the service."));
    m_ui->platformCombo->setCurrentIndex(qMax(0, m_ui->platformCombo->findData(platform)));
    const QString language = m_ui->languageCombo->currentData().toString();
    m_ui->languageCombo->clear();
    m_ui->languageCombo->addItem(tr("System default"), QString());
    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->languageCombo->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_ui->languageCombo->setCurrentIndex(qMax(0, m_ui->languageCombo->findData(language)));
    const int theme = m_ui->themeCombo->currentIndex();
    m_ui->themeCombo->clear();
    m_ui->themeCombo->addItem(tr("Follow the system"), int(AppSettings::Theme::System));
    m_ui->themeCombo->addItem(tr("Light"), int(AppSettings::Theme::Light));
    m_ui->themeCombo->addItem(tr("Dark"), int(AppSettings::Theme::Dark));
    m_ui->themeCombo->setCurrentIndex(qMax(0, theme));
    const int proxyMode = m_ui->proxyModeCombo->currentIndex();
    m_ui->proxyModeCombo->clear();
    m_ui->proxyModeCombo->addItem(tr("Use the system's proxy settings"),
                                  int(net::ProxySettings::Mode::System));
    m_ui->proxyModeCombo->addItem(tr("No proxy"), int(net::ProxySettings::Mode::None));
    m_ui->proxyModeCombo->addItem(tr("HTTP proxy"), int(net::ProxySettings::Mode::Http));
    m_ui->proxyModeCombo->addItem(tr("SOCKS5 proxy"), int(net::ProxySettings::Mode::Socks5));
    m_ui->proxyModeCombo->setCurrentIndex(qMax(0, proxyMode));
    m_ui->proxyPasswordEdit->setPlaceholderText(tr("unchanged (kept with your sign-in)"));
    const int storage = m_ui->storageCombo->currentIndex();
    m_ui->storageCombo->clear();
    m_ui->storageCombo->addItem(tr("In the system keychain (recommended)"),
                                int(auth::SecretStorage::Kind::Keychain));
    m_ui->storageCombo->addItem(tr("In a file, NOT encrypted (readable by you only)"),
                                int(auth::SecretStorage::Kind::File));
    m_ui->storageCombo->addItem(tr("Nowhere: ask for the token each time"),
                                int(auth::SecretStorage::Kind::Memory));
    m_ui->storageCombo->setCurrentIndex(qMax(0, storage));
    m_ui->serverEdit->setPlaceholderText(ServiceConfig::defaultBaseUrl().toString());
    // A choice is never cut: each box is at least as wide as its longest entry (in this language).
    for (QComboBox *combo : findChildren<QComboBox *>()) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->setMinimumWidth(0);
        combo->setMinimumWidth(combo->sizeHint().width());
    }
}

void SettingsDialog::load()
{
    const ServiceConfig config = m_workspace->service()->config();
    m_ui->serverEdit->setText(config.baseUrl.toString());
    m_ui->sourceCombo->setCurrentIndex(qMax(0, m_ui->sourceCombo->findData(config.profile.source)));
    m_ui->platformCombo->setCurrentIndex(qMax(0, m_ui->platformCombo->findData(config.profile.platform)));
    m_ui->uploadSpin->setValue(int(config.maxUploadBytes / (1024 * 1024)));
    m_ui->languageCombo->setCurrentIndex(qMax(0, m_ui->languageCombo->findData(m_settings->language())));
    m_ui->themeCombo->setCurrentIndex(qMax(0, m_ui->themeCombo->findData(int(m_settings->theme()))));
    m_ui->storageCombo->setCurrentIndex(
        qMax(0, m_ui->storageCombo->findData(int(m_settings->secretStorage()))));
    m_ui->proxyModeCombo->setCurrentIndex(qMax(0, m_ui->proxyModeCombo->findData(int(config.proxy.mode))));
    m_ui->proxyHostEdit->setText(config.proxy.host);
    m_ui->proxyPortSpin->setValue(config.proxy.port);
    m_ui->proxyUserEdit->setText(config.proxy.user);
    m_ui->proxyPasswordEdit->clear();
    updateProxyFields();
    m_ui->folderEdit->setText(QDir::toNativeSeparators(m_settings->downloadFolder()));
    m_ui->errorLabel->hide();
}

void SettingsDialog::updateAccount()
{
    const auth::Authenticator *auth = m_workspace->service()->auth();
    QString text;
    if (auth->source() == auth::Authenticator::Source::Environment)
        text = tr("Using a token that is never stored (from NEMO_TOKEN or entered at start).");
    else if (!auth->hasToken())
        text = tr("Not signed in. Nemo Studio signs in with a free account when it needs to.");
    else
        // The account's id is the service's, never shown: a free account is anon_…
        text = tr("Signed in with %1 (%2). Sign-in kept in: %3.")
                   .arg(auth->userId().isEmpty() || auth->userId().startsWith(QLatin1String("anon_"))
                            ? tr("a free account")
                            : tr("your NemoVideo account"),
                        auth->daysLeft() >= 0 ? tr("%1 days left").arg(auth->daysLeft()) : tr("no expiry"),
                        auth->storageName());
    m_ui->accountLabel->setText(text);
    m_ui->signOutButton->setEnabled(auth->hasToken() &&
                                    auth->source() != auth::Authenticator::Source::Environment);
}

void SettingsDialog::updateProxyFields()
{
    const bool manual = net::ProxySettings::Mode(m_ui->proxyModeCombo->currentData().toInt()) ==
            net::ProxySettings::Mode::Http ||
        net::ProxySettings::Mode(m_ui->proxyModeCombo->currentData().toInt()) ==
            net::ProxySettings::Mode::Socks5;
    for (QWidget *widget :
         {static_cast<QWidget *>(m_ui->proxyHostEdit), static_cast<QWidget *>(m_ui->proxyPortSpin),
          static_cast<QWidget *>(m_ui->proxyUserEdit), static_cast<QWidget *>(m_ui->proxyPasswordEdit)})
        widget->setEnabled(manual);
    // The proxy's own fields only when there is a proxy of one's own to describe.
    for (int row = 1; row < m_ui->proxyLayout->rowCount(); ++row)
        m_ui->proxyLayout->setRowVisible(row, manual);
}

void SettingsDialog::accept()
{
    ServiceConfig config = m_workspace->service()->config();
    const QString server = m_ui->serverEdit->text().trimmed();
    const QUrl url = ServiceConfig::resolveBaseUrl(server, QString(), QString());
    const QString problem = ServiceConfig::checkServiceUrl(url);
    if (!problem.isEmpty()) {
        m_ui->errorLabel->setText(problem);
        m_ui->errorLabel->show();
        showAdvanced(true);
        m_ui->serverEdit->setFocus();
        return;
    }
    const QString folder = QDir::fromNativeSeparators(m_ui->folderEdit->text().trimmed());
    if (folder.isEmpty() || !QDir().mkpath(folder)) {
        m_ui->errorLabel->setText(
            tr("The download folder \"%1\" can't be created or used.").arg(m_ui->folderEdit->text()));
        m_ui->errorLabel->show();
        m_ui->folderEdit->setFocus();
        return;
    }
    config.baseUrl = url;
    config.profile = AttributionProfile::bySource(m_ui->sourceCombo->currentData().toString());
    config.profile.platform = m_ui->platformCombo->currentData().toString();
    config.maxUploadBytes = qint64(m_ui->uploadSpin->value()) * 1024 * 1024;
    config.proxy.mode = net::ProxySettings::Mode(m_ui->proxyModeCombo->currentData().toInt());
    config.proxy.host = m_ui->proxyHostEdit->text().trimmed();
    config.proxy.port = quint16(m_ui->proxyPortSpin->value());
    config.proxy.user = m_ui->proxyUserEdit->text().trimmed();
    if (const QString proxyProblem = config.proxy.check(); !proxyProblem.isEmpty()) {
        m_ui->errorLabel->setText(proxyProblem);
        m_ui->errorLabel->show();
        m_ui->proxyHostEdit->setFocus();
        return;
    }
    auto apply = [this, config, folder] {
        m_settings->saveServiceConfig(config);
        m_settings->setDownloadFolder(folder);
        m_settings->setLanguage(m_ui->languageCombo->currentData().toString());
        m_settings->setTheme(AppSettings::Theme(m_ui->themeCombo->currentData().toInt()));
        m_settings->setSecretStorage(auth::SecretStorage::Kind(m_ui->storageCombo->currentData().toInt()));
        m_workspace->service()->setConfig(m_settings->serviceConfig());
        if (m_translations)
            m_translations->apply(m_settings->language());
        Theme::apply(m_settings->theme());
        if (m_signIn)
            m_signIn->apply();
        if (m_workspace->connection() != client::Workspace::Connection::Ready)
            m_workspace->connectToService();
        emit applied();
        QDialog::accept();
    };
    // The password goes to the secret store, never to the settings file; the service reads it from there.
    // Nothing is applied until it is kept: a proxy without its password would only fail later.
    if (config.proxy.isManual() && !config.proxy.user.isEmpty() &&
        !m_ui->proxyPasswordEdit->text().isEmpty()) {
        m_ui->buttonBox->setEnabled(false);
        m_workspace->service()->secrets()->write(
            net::ProxySettings::passwordKey(), m_ui->proxyPasswordEdit->text(), this,
            [this, apply](const auth::SecretResult &result) {
                m_ui->buttonBox->setEnabled(true);
                if (!result.ok) {
                    m_ui->errorLabel->setText(tr("The proxy password couldn't be kept with your sign-in, so "
                                                 "nothing was changed: %1")
                                                  .arg(result.error));
                    m_ui->errorLabel->show();
                    m_ui->proxyPasswordEdit->setFocus();
                    return;
                }
                apply();
            });
        return;
    }
    apply();
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillCombos();
        updateAccount();
    }
    QDialog::changeEvent(event);
}

} // namespace nemo::app
