#include "render/localrenderjob.h"

#include "media/mp4file.h"
#include "util/environment.h"
#include "util/replacefile.h"

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
#include <sys/prctl.h>
#endif
#if defined(Q_OS_UNIX)
#include <csignal>
#include <unistd.h>
#endif

namespace nemo::render {

LocalRenderJob::LocalRenderJob(const QByteArray &mltXml, qint64 frames, int fps, const QString &target,
                               QObject *parent)
    : QObject(parent)
    , m_xml(mltXml)
    , m_frames(qMax<qint64>(0, frames))
    , m_fps(qMax(1, fps))
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
    // The folder the video goes to, made when missing; and writable (else melt would fail later and
    // less clearly).
    const QString folder = QFileInfo(m_target).absolutePath();
    if (!QDir().mkpath(folder)) {
        m_storage = true;
        fail(tr("Can't create the folder %1 for the video.").arg(QDir::toNativeSeparators(folder)));
        return;
    }
    {
        QFile part(partPath());
        if (!part.open(QIODevice::WriteOnly)) {
            m_storage = true;
            fail(tr("Can't write the video in %1: %2.")
                     .arg(QDir::toNativeSeparators(folder), part.errorString()));
            return;
        }
    }
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

// Why the video is not there, with what the disk says when it is full, and that the earlier file stays.
QString LocalRenderJob::signalName(int signal)
{
#if defined(Q_OS_UNIX)
    switch (signal) {
    case SIGHUP:
        return QStringLiteral("SIGHUP");
    case SIGINT:
        return QStringLiteral("SIGINT");
    case SIGKILL:
        return QStringLiteral("SIGKILL");
    case SIGSEGV:
        return QStringLiteral("SIGSEGV");
    case SIGABRT:
        return QStringLiteral("SIGABRT");
    case SIGTERM:
        return QStringLiteral("SIGTERM");
    default:
        break;
    }
#else
    Q_UNUSED(signal)
#endif
    return {};
}

QString LocalRenderJob::describeFailure(const QString &what)
{
    QString text = what;
    const QString folder = QFileInfo(m_target).absolutePath();
    if (const QString problem = util::storageProblem(folder); !problem.isEmpty()) {
        m_storage = true;
        text += QLatin1Char(' ') +
            tr("Nothing more can be written to %1: %2.").arg(QDir::toNativeSeparators(folder), problem);
    }
    if (QFileInfo::exists(m_target))
        text += QLatin1Char(' ') + tr("%1 was left as it was.").arg(QFileInfo(m_target).fileName());
    return text;
}

void LocalRenderJob::onFinished(int exitCode, bool crashed)
{
    if (!m_running)
        return;
    onOutput();
    if (m_cancelled)
        return;
    // melt's last words, without the warnings it prints on every run (LADSPA, JACK).
    QStringList lines;
    for (const QString &line : QString::fromUtf8(m_log).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (!line.contains(QLatin1String("ladspa"), Qt::CaseInsensitive) &&
            !line.contains(QLatin1String("jack"), Qt::CaseInsensitive))
            lines.append(line.trimmed());
    }
    const QString detail = lines.mid(qMax<qsizetype>(0, lines.size() - 2)).join(QLatin1Char(' '));
    if (crashed) {
        // On Unix the exit code of a process that did not exit is the signal that ended it.
        fail(describeFailure(exitCode > 0 && !signalName(exitCode).isEmpty()
                                 ? tr("melt was stopped by %1 (signal %2) before the video was finished.")
                                       .arg(signalName(exitCode))
                                       .arg(exitCode)
                                 : tr("melt was stopped before the video was finished.")));
        return;
    }
    if (exitCode != 0) {
        fail(describeFailure(
            detail.isEmpty()
                ? tr("melt stopped with exit code %1 before the video was finished.").arg(exitCode)
                : tr("melt stopped with exit code %1 before the video was finished: %2")
                      .arg(exitCode)
                      .arg(detail)));
        return;
    }
    const QFileInfo part(partPath());
    if (!part.isFile() || part.size() == 0) {
        fail(describeFailure(tr("melt finished without writing the video.")));
        return;
    }
    // Whole: its index complete, its picture as long as the document (within a frame).
    const media::Mp4File video = media::Mp4File::inspect(partPath());
    if (!video.complete) {
        fail(describeFailure(tr("The video came out incomplete: %1.").arg(video.problem)));
        return;
    }
    if (m_frames > 1) {
        const qint64 expectedMs = m_frames * 1000 / m_fps;
        const qint64 gotMs = video.videoMs >= 0 ? video.videoMs : video.movieMs;
        if (qAbs(gotMs - expectedMs) > 1000 / m_fps + 1) {
            fail(describeFailure(tr("The video came out %1 s long instead of %2 s: melt stopped early.")
                                     .arg(QString::number(gotMs / 1000.0, 'f', 1),
                                          QString::number(expectedMs / 1000.0, 'f', 1))));
            return;
        }
    }
    QString problem;
    if (!util::replaceFile(partPath(), m_target, &problem)) {
        fail(describeFailure(tr("The finished video could not be put in place: %1.").arg(problem)));
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
