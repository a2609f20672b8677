#pragma once

#include <QUrl>

namespace nemo::util {

// An http(s) address: the only links the app opens, fetches or hands to the service.
inline bool isWebLink(const QUrl &url)
{
    return url.isValid() &&
        (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")) &&
        !url.host().isEmpty();
}

} // namespace nemo::util
