#include "clistate.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace nemo::cli {

CliState::CliState(const QUrl &server)
    : m_settings(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
                     QStringLiteral("/cli-state.ini"),
                 QSettings::IniFormat)
{
    const QByteArray origin = (server.scheme() + QStringLiteral("://") + server.authority()).toUtf8();
    m_group = QStringLiteral("server-") +
        QString::fromLatin1(QCryptographicHash::hash(origin, QCryptographicHash::Sha1).toHex().left(12));
    m_settings.setValue(key("url"), QString::fromUtf8(origin));
}

QString CliState::key(const char *name) const
{
    return m_group + QLatin1Char('/') + QLatin1String(name);
}

core::SessionInfo CliState::session() const
{
    return core::SessionInfo::fromJson(
        QJsonDocument::fromJson(m_settings.value(key("session")).toString().toUtf8()).object());
}

void CliState::setSession(const core::SessionInfo &info)
{
    if (info.isValid())
        m_settings.setValue(key("session"),
                            QString::fromUtf8(QJsonDocument(info.toJson()).toJson(QJsonDocument::Compact)));
    else
        m_settings.remove(key("session"));
    m_settings.sync();
}

QString CliState::pendingRender() const
{
    return m_settings.value(key("pendingRender")).toString();
}

void CliState::setPendingRender(const QString &jobId)
{
    if (jobId.isEmpty())
        m_settings.remove(key("pendingRender"));
    else
        m_settings.setValue(key("pendingRender"), jobId);
    m_settings.sync();
}

void CliState::noteUploads(const QList<core::UploadedFile> &files, const QStringList &paths)
{
    if (files.size() != paths.size())
        return; // the service answered for other files than were sent: nothing to pair
    QJsonArray list = QJsonDocument::fromJson(m_settings.value(key("originals")).toString().toUtf8()).array();
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (files.at(i).cdnUrl.isEmpty())
            continue;
        list.append(QJsonObject{{QStringLiteral("cdn_url"), files.at(i).cdnUrl},
                                {QStringLiteral("filename"), files.at(i).filename},
                                {QStringLiteral("path"), QFileInfo(paths.at(i)).absoluteFilePath()}});
    }
    while (list.size() > 2000)
        list.removeFirst();
    m_settings.setValue(key("originals"),
                        QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)));
    m_settings.sync();
}

QList<core::MediaItem> CliState::originals() const
{
    QList<core::MediaItem> items;
    const QJsonArray list =
        QJsonDocument::fromJson(m_settings.value(key("originals")).toString().toUtf8()).array();
    for (const QJsonValue &value : list) {
        const QJsonObject object = value.toObject();
        core::MediaItem item;
        item.path = object.value(QLatin1String("path")).toString();
        item.name = QFileInfo(item.path).fileName();
        item.uploaded.cdnUrl = object.value(QLatin1String("cdn_url")).toString();
        item.uploaded.filename = object.value(QLatin1String("filename")).toString();
        item.state = core::MediaItem::State::Uploaded;
        items.append(item);
    }
    return items;
}

static QString lastStatePath(const QString &group)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/cli-") +
        group + QStringLiteral("-state.json");
}

void CliState::setLastState(const QJsonObject &data)
{
    const QString path = lastStatePath(m_group);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(data).toJson(QJsonDocument::Compact));
        file.commit();
    }
}

QJsonObject CliState::lastState() const
{
    QFile file(lastStatePath(m_group));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace nemo::cli
