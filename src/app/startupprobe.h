#pragma once

// `--benchmark-startup`: prints how long it took from the start of main() until the window was painted
// with what a user starts to see, then quits. Header-only, so that the benchmark's bare-window peer
// is timed by the very same code.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QObject>
#include <QTimer>

#include <cstdio>
#include <functional>

namespace nemo::app {

class StartupProbe : public QObject
{
public:
    // `shown` says whether a paint of `watched` is the one to wait for.
    StartupProbe(const QElapsedTimer &clock, std::function<bool(QObject *watched)> shown)
        : m_clock(clock)
        , m_shown(std::move(shown))
    { }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done && m_shown(watched)) {
            m_done = true;
            // Report once this paint has finished.
            QTimer::singleShot(0, qApp, [this] {
                std::printf("startup_ms=%.1f\n", double(m_clock.nsecsElapsed()) / 1e6);
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QElapsedTimer m_clock;
    std::function<bool(QObject *)> m_shown;
    bool m_done = false;
};

} // namespace nemo::app
