#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace nemo::client {
class Workspace;
} // namespace nemo::client

namespace nemo::app {

class AppSettings;

// File → Export Project: the edit handed to another editor with every source on this computer — an MLT
// project Shotcut opens, or an OpenTimelineIO timeline for DaVinci Resolve and the OpenTimelineIO
// tools. Asks where (unless told), gets the media ready, writes the file whole, says how it went; when
// a file of the user's own is gone, offers to locate it and writes the project again.
class ProjectExport : public QObject
{
    Q_OBJECT
public:
    enum class Format
    {
        Shotcut,
        OpenTimelineIO,
    };

    ProjectExport(client::Workspace *workspace, AppSettings *settings, QWidget *window);

    // `path` empty: a save dialog asks for it first.
    void start(Format format, const QString &path = QString());

signals:
    // For the status bar (`timeout` in ms, 0: until the next message).
    void message(const QString &text, int timeout);
    void exported(const QString &path);

private:
    void write(Format format, const QString &path);
    QString title(Format format) const;

    client::Workspace *m_workspace;
    AppSettings *m_settings;
    QPointer<QWidget> m_window;
};

} // namespace nemo::app
