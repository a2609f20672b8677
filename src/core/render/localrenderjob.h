#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTemporaryDir>

#include <memory>

class QProcess;

namespace nemo::render {

// Renders an MLT document to an H.264/AAC MP4 with `melt` in a child process (Shotcut's MeltJob does
// the same), so a crash or a cancel never takes the window down. Progress comes from melt's
// -progress2 lines. The video is written to `<target>.part` beside the target (its folder made when
// missing) and put in place only when it is whole — its index complete and its picture as long as the
// document, within a frame — so a melt stopped by a signal or a full disk never replaces a good file
// with a short one; the error then says what happened. cancel() stops melt and leaves no file.
class LocalRenderJob : public QObject
{
    Q_OBJECT
public:
    // How the video is encoded: the export's quality, or a quick preview.
    struct Encoding
    {
        QString preset = QStringLiteral("veryfast");
        int crf = 23;
        int audioKbps = 160;
        bool fastStart = true;   // the index at the front, for players that stream it (a second pass)
        bool background = false; // below the window's priority (the preview)
    };

    // `frames` at `fps`: the video's expected length (0 when unknown: then only its completeness is
    // checked).
    LocalRenderJob(const QByteArray &mltXml, qint64 frames, int fps, const QString &target,
                   QObject *parent = nullptr);
    void setEncoding(const Encoding &encoding) { m_encoding = encoding; }
    ~LocalRenderJob() override;

    void start();
    void cancel();

    bool isRunning() const { return m_running; }
    int progress() const { return m_progress; } // 0…100
    // Seconds until melt is done, by its pace so far; -1 while there is no estimate.
    int secondsLeft() const;
    QString target() const { return m_target; }
    QString partPath() const { return m_target + QStringLiteral(".part"); }
    // Why it failed, for a person; empty on success.
    QString error() const { return m_error; }
    // Whether it failed for want of a place to write (a folder that can't be made or written, a full
    // disk), not because of the render itself.
    bool isStorageProblem() const { return m_storage; }

    // The melt program: NEMO_MELT, next to this program (the Windows and macOS installers bundle
    // it), or on the PATH. Empty when there is none.
    static QString meltProgram();
    static QString missingMeltMessage();

signals:
    void progressChanged(int percent);
    void finished(bool ok);

private:
    QString writeFontConfig(const QString &fontDir);
    void onOutput();
    void onFinished(int exitCode, bool crashed);
    void fail(const QString &message);

    // SIGTERM for 15, on systems that have signals; empty for others.
    static QString signalName(int signal);
    QString describeFailure(const QString &what);

    QByteArray m_xml;
    qint64 m_frames;
    int m_fps;
    Encoding m_encoding;
    QString m_target;
    QTemporaryDir m_scratch;
    QPointer<QProcess> m_process;
    QByteArray m_pending;
    QByteArray m_log;
    QElapsedTimer m_clock;
    int m_progress = 0;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_storage = false;
    QString m_error;
};

} // namespace nemo::render
