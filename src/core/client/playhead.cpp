#include "client/playhead.h"

namespace nemo::client {

void Playhead::setLength(qint64 ms)
{
    m_length = qMax<qint64>(0, ms);
    if (m_length > 0 && m_position >= m_length)
        setPosition(m_length - 1);
}

void Playhead::setPosition(qint64 ms, bool seek)
{
    ms = qMax<qint64>(0, ms);
    if (m_length > 0)
        ms = qMin(ms, m_length - 1);
    if (ms == m_position && !seek)
        return;
    m_position = ms;
    emit moved(ms);
    if (seek)
        emit sought(ms);
}

} // namespace nemo::client
