#pragma once

#include <QString>

namespace nemo::core {

// How the service is asked to render an export.
struct RenderOptions
{
    QString format = QStringLiteral("mp4");
    QString quality = QStringLiteral("high");
};

} // namespace nemo::core
