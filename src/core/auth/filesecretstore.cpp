#include "auth/filesecretstore.h"

#include "util/replacefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace nemo::auth {

FileSecretStore::FileSecretStore(const QString &path, QObject *parent)
    : SecretStore(parent)
    , m_path(path.isEmpty() ? defaultPath() : path)
{ }

QString FileSecretStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
        QStringLiteral("/secrets.json");
}

QString FileSecretStore::displayName() const
{
    return QCoreApplication::translate("nemo::auth::SecretStore",
                                       "unencrypted file %1 (readable by you only)")
        .arg(QDir::toNativeSeparators(m_path));
}

bool FileSecretStore::load(QHash<QString, QString> *values, QString *error) const
{
    QFile file(m_path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly) || file.size() > 1024 * 1024) {
        *error = QCoreApplication::translate("nemo::auth::SecretStore", "The file %1 could not be read.")
                     .arg(QDir::toNativeSeparators(m_path));
        return false;
    }
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().isString())
            values->insert(it.key(), it.value().toString());
    }
    return true;
}

bool FileSecretStore::store(const QHash<QString, QString> &values, QString *error) const
{
    QJsonObject object;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        object.insert(it.key(), it.value());
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    util::WholeFile file(m_path);
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    // Owner-only before the first byte is written, and again on the final file.
    if (!file.open() || !file.setPermissions(ownerOnly) ||
        !file.write(QJsonDocument(object).toJson(QJsonDocument::Compact)) || !file.commit() ||
        !QFile::setPermissions(m_path, ownerOnly)) {
        *error = QCoreApplication::translate("nemo::auth::SecretStore", "The file %1 could not be written.")
                     .arg(QDir::toNativeSeparators(m_path));
        return false;
    }
    return true;
}

void FileSecretStore::read(const QString &key, QObject *context, Callback done)
{
    SecretResult result;
    QHash<QString, QString> values;
    if (!load(&values, &result.error))
        result.ok = false;
    else if (!values.contains(key))
        result.notFound = true;
    else
        result.value = values.value(key);
    replyLater(context, std::move(done), result);
}

void FileSecretStore::write(const QString &key, const QString &value, QObject *context, Callback done)
{
    SecretResult result;
    QHash<QString, QString> values;
    if (!load(&values, &result.error)) {
        result.ok = false;
    } else {
        values.insert(key, value);
        result.ok = store(values, &result.error);
    }
    replyLater(context, std::move(done), result);
}

void FileSecretStore::remove(const QString &key, QObject *context, Callback done)
{
    SecretResult result;
    QHash<QString, QString> values;
    if (!load(&values, &result.error)) {
        result.ok = false;
    } else if (values.remove(key) > 0) {
        result.ok = store(values, &result.error);
    }
    replyLater(context, std::move(done), result);
}

} // namespace nemo::auth
