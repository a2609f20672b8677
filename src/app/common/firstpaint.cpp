#include "common/firstpaint.h"

#include <QEvent>
#include <QMetaObject>
#include <QObject>
#include <QWidget>

namespace nemo::app {

namespace {

class FirstPaintWatch : public QObject
{
public:
    FirstPaintWatch(QWidget *widget, std::function<void()> work)
        : QObject(widget)
        , m_widget(widget)
        , m_work(std::move(work))
    {
        widget->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_widget && event->type() == QEvent::Paint) {
            m_widget->removeEventFilter(this);
            // Queued: the frame this paint belongs to is finished and shown first.
            QMetaObject::invokeMethod(m_widget, std::move(m_work), Qt::QueuedConnection);
            deleteLater();
        }
        return false;
    }

private:
    QWidget *m_widget;
    std::function<void()> m_work;
};

} // namespace

void afterFirstPaint(QWidget *widget, std::function<void()> work)
{
    new FirstPaintWatch(widget, std::move(work));
}

} // namespace nemo::app
