#pragma once

#include <QString>

namespace nemo::render {

// How the service is asked to render an export.
struct RenderOptions
{
    QString format = QStringLiteral("mp4");
    QString quality = QStringLiteral("high");
};

} // namespace nemo::render
