#pragma once

#include <QObject>

namespace nemo::client {

// Where the user is in the edit: one position shared by the timeline, the preview monitor and the
// export, moved per frame while the preview plays and by every seek. In milliseconds of the edit (the
// timeline shows it in frames).
class Playhead : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    qint64 position() const { return m_position; }
    qint64 length() const { return m_length; }
    // The edit's length: the playhead stays within it (its last frame at most).
    void setLength(qint64 ms);
    // Moves the playhead; `seek` is false when playback moved it (the monitor need not follow).
    void setPosition(qint64 ms, bool seek = true);

signals:
    void moved(qint64 ms);
    // Someone asked to see another moment (not playback going on).
    void sought(qint64 ms);

private:
    qint64 m_position = 0;
    qint64 m_length = 0;
};

} // namespace nemo::client
