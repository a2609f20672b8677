#include "interruptnotifier.h"

#include <QPointer>
#include <QSocketNotifier>

#if defined(Q_OS_WIN)
#include <qt_windows.h>
#else
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace nemo::cli {

namespace {

#if defined(Q_OS_WIN)
QPointer<InterruptNotifier> g_target;

BOOL WINAPI onConsoleEvent(DWORD type)
{
    if (type != CTRL_C_EVENT && type != CTRL_BREAK_EVENT)
        return FALSE;
    if (InterruptNotifier *target = g_target.data())
        QMetaObject::invokeMethod(target, &InterruptNotifier::interrupted, Qt::QueuedConnection);
    return TRUE;
}
#else
int g_pipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[1], &byte, 1);
}
#endif

} // namespace

InterruptNotifier::InterruptNotifier(QObject *parent)
    : QObject(parent)
{
#if defined(Q_OS_WIN)
    g_target = this;
    SetConsoleCtrlHandler(onConsoleEvent, TRUE);
#else
    if (::pipe(g_pipe) != 0)
        return;
    for (const int fd : g_pipe) {
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    }
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char bytes[16];
        while (::read(g_pipe[0], bytes, sizeof bytes) > 0) { }
        emit interrupted();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
#endif
}

InterruptNotifier::~InterruptNotifier()
{
#if defined(Q_OS_WIN)
    SetConsoleCtrlHandler(onConsoleEvent, FALSE);
    g_target = nullptr;
#else
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    delete m_notifier;
    for (int &fd : g_pipe) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
#endif
}

} // namespace nemo::cli
