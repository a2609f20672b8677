#pragma once

#include <QCoreApplication>
#include <QString>

namespace nemo::media {

// What an MP4 (or MOV) file holds, read from its boxes without decoding anything: whether it is whole
// (every top-level box within the file, the index — `moov` — present and readable) and how long its
// picture and the whole movie are. Used to refuse a video that came out cut short (a render stopped
// by a signal, a disk that filled up) before it replaces anything.
struct Mp4File
{
    Q_DECLARE_TR_FUNCTIONS(nemo::media::Mp4File)
public:
    bool complete = false;
    qint64 videoMs = -1; // the picture's length (its track's media duration), -1 when there is none
    qint64 movieMs = -1; // the movie header's duration
    QString problem;     // why it is not complete, for people

    static Mp4File inspect(const QString &path);
};

} // namespace nemo::media
