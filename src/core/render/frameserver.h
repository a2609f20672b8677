#pragma once

#include <QByteArray>
#include <QObject>
#include <QSize>

#include <memory>

namespace nemo::render {

class FrameWorker;

// The picture at the playhead, straight from MLT in this process (as Shotcut's player does it): the
// edit's document stays loaded on a thread of its own, an edit replaces it, and a seek gives the frame in
// a few milliseconds (tens for a clip), where starting `melt` would take a fifth of a second. Requests
// coalesce: only the latest document and frame are made. Frames come as RGBA bytes (the core has no
// image types; the window wraps them).
class FrameServer : public QObject
{
    Q_OBJECT
public:
    explicit FrameServer(QObject *parent = nullptr);
    ~FrameServer() override;

    // Whether this build has MLT's library (else the monitor shows stills as it can).
    static bool isAvailable();

    // The edit to show, as an MLT document (MltDocument at the monitor's size); until the next one.
    void setDocument(const QByteArray &xml);
    void clear();
    bool hasDocument() const { return m_hasDocument; }
    // The picture at this frame of the document (frameReady follows).
    void request(qint64 frame);

signals:
    // `serial` counts documents: a frame of an older one may still arrive just after a new one is set.
    void frameReady(const QByteArray &rgba, const QSize &size, qint64 frame, quint64 serial);
    void failed(const QString &message);

private:
    std::unique_ptr<FrameWorker> m_worker;
    bool m_hasDocument = false;
};

} // namespace nemo::render
