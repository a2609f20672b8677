#pragma once

#include "session.h"
#include "uploadqueue.h"

#include <QSettings>

namespace nemo::cli {

// What nemo-cli remembers between runs, per server: the session, and an export still running.
// Secrets are not here: they live in the keychain.
class CliState
{
public:
    explicit CliState(const QUrl &server);

    core::SessionInfo session() const;
    void setSession(const core::SessionInfo &info);
    QString pendingRender() const;
    void setPendingRender(const QString &jobId);
    QString fileName() const { return m_settings.fileName(); }
    // Which local file became which upload, so a render on this computer uses the original.
    void noteUploads(const QList<core::UploadedFile> &files, const QStringList &paths);
    QList<core::MediaItem> originals() const;
    // The state as the service last gave it (the data object), for rendering here while offline.
    void setLastState(const QJsonObject &data);
    QJsonObject lastState() const;

private:
    QString key(const char *name) const;

    mutable QSettings m_settings;
    QString m_group;
};

} // namespace nemo::cli
