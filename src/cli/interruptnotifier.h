#pragma once

#include <QObject>

class QSocketNotifier;

namespace nemo::cli {

// Ctrl-C (SIGINT, and SIGTERM) as a signal on the event loop. On Unix the handler writes a byte into a
// pipe whose other end a QSocketNotifier watches (the self-pipe trick: the only thing a signal handler
// may safely do); on Windows the console handler, which runs on a thread of its own, posts to the
// event loop. One at a time per process.
class InterruptNotifier : public QObject
{
    Q_OBJECT
public:
    explicit InterruptNotifier(QObject *parent = nullptr);
    ~InterruptNotifier() override;

signals:
    void interrupted();

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace nemo::cli
