#pragma once

#include "render/mltdocument.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QWidget;

namespace nemo::media {
class UploadQueue;
} // namespace nemo::media

namespace nemo::app {

// "photo7.jpg is no longer on this computer — Locate…": asks where the file is now (a file dialog in
// its old folder, files of its name first), points the media bin at it, then calls `located`. Nothing
// happens when the person cancels.
class LocateMedia
{
    Q_DECLARE_TR_FUNCTIONS(nemo::app::LocateMedia)
public:
    static void locate(QWidget *parent, media::UploadQueue *uploads, const render::MissingSource &missing,
                       const std::function<void()> &located);
    // The first missing file that was the user's own (the one a Locate… button offers), if any.
    static const render::MissingSource *firstGone(const QList<render::MissingSource> &missing);
    // "&Locate photo7.jpg…"
    static QString buttonText(const render::MissingSource &missing);
};

} // namespace nemo::app
