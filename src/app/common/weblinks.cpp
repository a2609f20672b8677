#include "common/weblinks.h"

#include "util/weblink.h"

#include <QDesktopServices>
#include <QUrl>

namespace nemo::app {

void openWebLink(const QUrl &url)
{
    if (util::isWebLink(url))
        QDesktopServices::openUrl(url);
}

} // namespace nemo::app
