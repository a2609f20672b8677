#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;

namespace nemo::client {

// One running Nemo Studio per profile (qBittorrent's ApplicationInstanceManager is the model): a
// second launch hands its arguments (files to add) to the running instance over a local socket and
// exits; the running one adds them and comes to the front. Launches at the same moment are put in
// order by a lock file, so exactly one of them becomes the running instance; a lock or a socket left
// by a crashed instance is taken over.
class AppInstance : public QObject
{
    Q_OBJECT
public:
    // `profileFolder`: where this profile keeps its data (each user and each XDG_DATA_HOME is its own).
    explicit AppInstance(const QString &profileFolder, QObject *parent = nullptr);
    ~AppInstance() override;

    // Becomes the running instance (true), or hands `arguments` to the one that runs (false: exit now).
    // Also true when no instance could be reached nor started listening (`problem` says why): a
    // window then opens anyway rather than none.
    bool claim(const QStringList &arguments, QString *problem = nullptr);
    bool isRunningInstance() const { return m_server != nullptr; }
    QString serverName() const { return m_name; }

signals:
    // A later launch's arguments (absolute paths of files to add; may be empty: just come forward).
    void argumentsReceived(const QStringList &arguments);

private:
    bool handOver(const QStringList &arguments);
    void accept();

    QString m_name;
    QString m_lockPath;
    QLocalServer *m_server = nullptr;
};

} // namespace nemo::client
