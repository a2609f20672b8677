#include "render/localrenderjob.h"

#include "util/environment.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>

#include <tuple>

#if defined(Q_OS_LINUX)
#include <csignal>
#include <sys/prctl.h>
#endif
#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

namespace nemo::render {

LocalRenderJob::LocalRenderJob(const QByteArray &mltXml, qint64 frames, const QString &target,
                               QObject *parent)
    : QObject(parent)
    , m_xml(mltXml)
    , m_frames(qMax<qint64>(1, frames))
    , m_target(target)
{ }

LocalRenderJob::~LocalRenderJob()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(3000);
        QFile::remove(partPath());
    }
}

QString LocalRenderJob::meltProgram()
{
    const QString configured = util::Environment::melt();
    if (!configured.isEmpty())
        return QFileInfo(configured).isExecutable() ? configured : QString();
    // The installers put melt beside the app (Windows) or in the bundle (macOS).
    const QString beside =
        QStandardPaths::findExecutable(QStringLiteral("melt"), {QCoreApplication::applicationDirPath()});
    if (!beside.isEmpty())
        return beside;
    return QStandardPaths::findExecutable(QStringLiteral("melt"));
}

QString LocalRenderJob::missingMeltMessage()
{
    return tr("Rendering on this computer needs MLT's melt program, which isn't installed. On Debian or "
              "Ubuntu: sudo apt install melt (the Nemo Studio installers for Windows and macOS include it).");
}

int LocalRenderJob::secondsLeft() const
{
    if (!m_running || m_progress <= 0 || !m_clock.isValid())
        return -1;
    const qint64 elapsed = m_clock.elapsed();
    return int((elapsed * (100 - m_progress) / m_progress + 999) / 1000);
}

void LocalRenderJob::start()
{
    const QString melt = meltProgram();
    if (melt.isEmpty()) {
        fail(missingMeltMessage());
        return;
    }
    if (!m_scratch.isValid()) {
        fail(tr("Can't make a folder for the render: %1").arg(m_scratch.errorString()));
        return;
    }
    const QString document = m_scratch.filePath(QStringLiteral("edit.mlt"));
    QFile file(document);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_xml) != m_xml.size()) {
        fail(tr("Can't write %1: %2").arg(QDir::toNativeSeparators(document), file.errorString()));
        return;
    }
    file.close();
    QFile::remove(partPath());
    auto *process = new QProcess(this);
    m_process = process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_NUMERIC"), QStringLiteral("C"));
    // MLT's Qt module links another Qt; the document uses none of it (pixbuf, pango, avformat).
    environment.insert(QStringLiteral("MLT_REPOSITORY_DENY"), QStringLiteral("libmltqt:libmltglaxnimate"));
    // A melt the installer put beside the app finds its modules and data beside it too (Windows: lib\mlt
    // and share\mlt; macOS bundle: PlugIns/mlt and Resources/mlt).
    const QDir meltDir = QFileInfo(melt).absoluteDir();
    for (const auto &[modules, data, fonts] :
         {std::tuple{QStringLiteral("lib/mlt"), QStringLiteral("share/mlt"), QStringLiteral("share/fonts")},
          std::tuple{QStringLiteral("../PlugIns/mlt"), QStringLiteral("../Resources/mlt"),
                     QStringLiteral("../Resources/fonts")}}) {
        if (!QFileInfo(meltDir.filePath(modules)).isDir())
            continue;
        environment.insert(QStringLiteral("MLT_REPOSITORY"), QDir::cleanPath(meltDir.filePath(modules)));
        environment.insert(QStringLiteral("MLT_DATA"), QDir::cleanPath(meltDir.filePath(data)));
        // Titles in the fonts the installer carries (DejaVu Sans), so they look as on Linux.
        if (QFileInfo(meltDir.filePath(fonts)).isDir()) {
            const QString config = writeFontConfig(QDir::cleanPath(meltDir.filePath(fonts)));
            if (!config.isEmpty())
                environment.insert(QStringLiteral("FONTCONFIG_FILE"), config);
        }
    }
    process->setProcessEnvironment(environment);
    process->setProcessChannelMode(QProcess::MergedChannels);
#if defined(Q_OS_UNIX)
    const bool background = m_encoding.background;
    process->setChildProcessModifier([background] {
#if defined(Q_OS_LINUX)
        // melt goes when the app goes, even when the app is killed: no orphan render.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
        // A render nobody waits on a file from yields the cores to the window (on two cores, melt's
        // threads would otherwise keep the UI thread waiting for its turn).
        if (background) [[maybe_unused]]
            const int niceness = ::nice(10);
    });
#endif
    const int threads = qMax(1, QThread::idealThreadCount());
    QStringList arguments{QStringLiteral("-progress2"),
                          document,
                          QStringLiteral("-consumer"),
                          QStringLiteral("avformat:") + partPath(),
                          QStringLiteral("f=mp4"),
                          QStringLiteral("vcodec=libx264"),
                          QStringLiteral("preset=") + m_encoding.preset,
                          QStringLiteral("crf=%1").arg(m_encoding.crf),
                          QStringLiteral("pix_fmt=yuv420p"),
                          QStringLiteral("acodec=aac"),
                          QStringLiteral("ab=%1k").arg(m_encoding.audioKbps),
                          QStringLiteral("ar=48000"),
                          QStringLiteral("channels=2"),
                          QStringLiteral("real_time=-%1").arg(threads),
                          QStringLiteral("threads=%1").arg(threads)};
    if (m_encoding.fastStart)
        arguments.append(QStringLiteral("movflags=+faststart"));
    connect(process, &QProcess::readyRead, this, &LocalRenderJob::onOutput);
    connect(process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        onFinished(exitCode, status != QProcess::NormalExit);
    });
    connect(process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("melt could not be started: %1").arg(m_process ? m_process->errorString() : QString()));
    });
    m_running = true;
    m_cancelled = false;
    m_progress = 0;
    m_clock.start();
    process->start(melt, arguments);
}

// A fontconfig setup for the MLT an installer carries: its own fonts first, then the system's, the cache
// in ours. Returns the file, or empty when it couldn't be written (then fontconfig uses its defaults).
QString LocalRenderJob::writeFontConfig(const QString &fontDir)
{
    QByteArray xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n";
    auto element = [&xml](const char *name, const QString &value) {
        xml += "  <" + QByteArray(name) + '>' + value.toHtmlEscaped().toUtf8() + "</" + name + ">\n";
    };
    element("dir", QDir::toNativeSeparators(fontDir));
#if defined(Q_OS_WIN)
    xml += "  <dir>WINDOWSFONTDIR</dir>\n";
#elif defined(Q_OS_MACOS)
    element("dir", QStringLiteral("/System/Library/Fonts"));
    element("dir", QStringLiteral("/Library/Fonts"));
    element("dir", QDir::home().filePath(QStringLiteral("Library/Fonts")));
#endif
    const QString cache =
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/fontconfig");
    QDir().mkpath(cache);
    element("cachedir", QDir::toNativeSeparators(cache));
    xml += "</fontconfig>\n";
    const QString path = m_scratch.filePath(QStringLiteral("fonts.conf"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(xml) != xml.size())
        return {};
    return path;
}

void LocalRenderJob::onOutput()
{
    if (!m_process)
        return;
    m_pending += m_process->readAll();
    static const QRegularExpression percentage(QStringLiteral("percentage:\\s*(\\d+)"));
    qsizetype end;
    while ((end = m_pending.indexOf('\n')) >= 0 || (end = m_pending.indexOf('\r')) >= 0) {
        const QByteArray line = m_pending.left(end).trimmed();
        m_pending.remove(0, end + 1);
        const auto match = percentage.match(QString::fromLatin1(line));
        if (match.hasMatch()) {
            const int percent =
                qBound(0, match.captured(1).toInt(), 99); // 100 only once the file is in place
            if (percent != m_progress) {
                m_progress = percent;
                emit progressChanged(m_progress);
            }
        } else if (!line.isEmpty() && m_log.size() < 16384) {
            m_log += line + '\n';
        }
    }
}

void LocalRenderJob::onFinished(int exitCode, bool crashed)
{
    if (!m_running)
        return;
    onOutput();
    if (m_cancelled)
        return;
    const QFileInfo part(partPath());
    if (crashed || exitCode != 0 || !part.isFile() || part.size() == 0) {
        QFile::remove(partPath());
        const QString detail = QString::fromUtf8(m_log).trimmed().section(QLatin1Char('\n'), -3);
        fail(crashed ? tr("melt stopped unexpectedly while rendering.")
                     : tr("melt could not render the video (exit code %1). %2").arg(exitCode).arg(detail));
        return;
    }
    QFile::remove(m_target);
    if (!QFile::rename(partPath(), m_target)) {
        fail(tr("Can't move the finished file to %1.").arg(QDir::toNativeSeparators(m_target)));
        return;
    }
    m_running = false;
    m_progress = 100;
    emit progressChanged(100);
    emit finished(true);
}

void LocalRenderJob::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    m_running = false;
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(3000);
    }
    QFile::remove(partPath());
    m_error = tr("Cancelled.");
    emit finished(false);
}

void LocalRenderJob::fail(const QString &message)
{
    m_running = false;
    m_error = message;
    QFile::remove(partPath());
    emit finished(false);
}

} // namespace nemo::render
