#pragma once

// Small things the commands share.

#include "net/apierror.h"

#include <QElapsedTimer>
#include <QString>

namespace nemo::cli {

inline QString jsonKind(const net::ApiError &error)
{
    return net::ApiError::kindName(error.kind());
}

// A progress line on stderr, at most a few times a second.
class Throttle
{
public:
    bool ready()
    {
        if (m_clock.isValid() && m_clock.elapsed() < 250)
            return false;
        m_clock.start();
        return true;
    }

private:
    QElapsedTimer m_clock;
};

} // namespace nemo::cli
