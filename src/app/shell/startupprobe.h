#pragma once

// `--benchmark-startup`: prints how long it took from the start of main() until the window was painted
// with what a user starts to see, then quits. Header-only, so that the benchmark's bare-window peer
// is timed by the very same code.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QObject>

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
        if (m_done)
            return false;
        if (event->type() == QEvent::Paint && m_shown(watched)) {
            m_painted = true;
            return false;
        }
        // A top-level window paints its widgets and puts the picture on screen within one expose or
        // update request: the time is taken when the frame that held the awaited paint is out, not when
        // whatever was queued behind it has run too.
        if (watched->isWindowType() &&
            (event->type() == QEvent::Expose || event->type() == QEvent::UpdateRequest)) {
            const bool handled = watched->event(event);
            if (m_painted) {
                m_done = true;
                std::printf("startup_ms=%.1f\n", double(m_clock.nsecsElapsed()) / 1e6);
                std::fflush(stdout);
                QCoreApplication::quit();
            }
            return handled;
        }
        return false;
    }

private:
    QElapsedTimer m_clock;
    std::function<bool(QObject *)> m_shown;
    bool m_painted = false;
    bool m_done = false;
};

} // namespace nemo::app
