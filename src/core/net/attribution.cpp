#include "net/attribution.h"

namespace nemo::net {

QList<AttributionProfile> AttributionProfile::builtIn()
{
    const QString version = QStringLiteral("1.0.0");
    const QString platform = QStringLiteral("unknown");
    return {
        {QStringLiteral("ai-video-maker-ai"), version, platform},
        {QStringLiteral("free-video-generation-automatic"), version, platform},
        {QStringLiteral("image-to-video-json-prompt"), version, platform},
        {QStringLiteral("free-video-generation-api"), version, platform},
    };
}

AttributionProfile AttributionProfile::defaultProfile()
{
    return builtIn().first();
}

AttributionProfile AttributionProfile::bySource(const QString &source)
{
    for (const AttributionProfile &profile : builtIn()) {
        if (profile.source == source)
            return profile;
    }
    return defaultProfile();
}

QStringList AttributionProfile::platforms()
{
    return {QStringLiteral("unknown"), QStringLiteral("clawhub"), QStringLiteral("cursor")};
}

} // namespace nemo::net
