#pragma once

class QUrl;

namespace nemo::app {

// Opens a link in the browser, only a web link (http or https) and only because the user asked: links
// in replies come from the network.
void openWebLink(const QUrl &url);

} // namespace nemo::app
