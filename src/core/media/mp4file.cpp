#include "media/mp4file.h"

#include <QFile>
#include <QtEndian>

namespace nemo::media {

namespace {

struct Box
{
    QByteArray type;
    qint64 start = 0;   // of its header
    qint64 payload = 0; // where its content starts
    qint64 end = 0;     // one past its last byte
};

// The box at `at` (its header read from the file), or an empty type when there is none that fits
// within `limit`.
Box readBox(QFile &file, qint64 at, qint64 limit)
{
    Box box;
    if (at + 8 > limit || !file.seek(at))
        return box;
    const QByteArray header = file.read(16);
    if (header.size() < 8)
        return box;
    quint64 size = qFromBigEndian<quint32>(header.constData());
    qint64 headerSize = 8;
    if (size == 1) {
        if (header.size() < 16)
            return box;
        size = qFromBigEndian<quint64>(header.constData() + 8);
        headerSize = 16;
    } else if (size == 0) {
        size = quint64(limit - at); // to the end of its container
    }
    if (size < quint64(headerSize) || size > quint64(limit - at)) {
        box.type = header.mid(4, 4);
        box.start = at;
        box.end = -1; // runs past the end: cut short
        return box;
    }
    box.type = header.mid(4, 4);
    box.start = at;
    box.payload = at + headerSize;
    box.end = at + qint64(size);
    return box;
}

// A media header's duration in milliseconds (mdhd/mvhd: version, flags, dates, timescale, duration).
qint64 durationOf(QFile &file, const Box &box)
{
    if (!file.seek(box.payload))
        return -1;
    const QByteArray data = file.read(32);
    if (data.size() < 20)
        return -1;
    const int version = quint8(data.at(0));
    quint32 timescale = 0;
    quint64 duration = 0;
    if (version == 1) {
        if (data.size() < 32)
            return -1;
        timescale = qFromBigEndian<quint32>(data.constData() + 20);
        duration = qFromBigEndian<quint64>(data.constData() + 24);
    } else {
        timescale = qFromBigEndian<quint32>(data.constData() + 12);
        duration = qFromBigEndian<quint32>(data.constData() + 16);
    }
    if (timescale == 0)
        return -1;
    return qint64(duration * 1000 / timescale);
}

} // namespace

Mp4File Mp4File::inspect(const QString &path)
{
    Mp4File result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.problem = tr("it could not be read (%1)").arg(file.errorString());
        return result;
    }
    const qint64 size = file.size();
    Box moov;
    bool media = false;
    for (qint64 at = 0; at < size;) {
        const Box box = readBox(file, at, size);
        if (box.type.isEmpty() || box.end < 0) {
            result.problem = tr("it ends before its last part is complete");
            return result;
        }
        if (box.type == "moov")
            moov = box;
        else if (box.type == "mdat")
            media = true;
        at = box.end;
    }
    if (moov.type.isEmpty()) {
        result.problem = tr("its index (the part that makes it playable) is missing");
        return result;
    }
    if (!media) {
        result.problem = tr("it holds no picture or sound");
        return result;
    }
    // The movie header, and each track's handler and media header.
    for (qint64 at = moov.payload; at < moov.end;) {
        const Box box = readBox(file, at, moov.end);
        if (box.type.isEmpty() || box.end < 0)
            break;
        if (box.type == "mvhd") {
            result.movieMs = durationOf(file, box);
        } else if (box.type == "trak") {
            for (qint64 t = box.payload; t < box.end;) {
                const Box inner = readBox(file, t, box.end);
                if (inner.type.isEmpty() || inner.end < 0)
                    break;
                if (inner.type == "mdia") {
                    qint64 ms = -1;
                    bool video = false;
                    for (qint64 m = inner.payload; m < inner.end;) {
                        const Box part = readBox(file, m, inner.end);
                        if (part.type.isEmpty() || part.end < 0)
                            break;
                        if (part.type == "mdhd") {
                            ms = durationOf(file, part);
                        } else if (part.type == "hdlr" && file.seek(part.payload + 8)) {
                            video = file.read(4) == "vide";
                        }
                        m = part.end;
                    }
                    if (video && ms >= 0)
                        result.videoMs = qMax(result.videoMs, ms);
                }
                t = inner.end;
            }
        }
        at = box.end;
    }
    if (result.movieMs < 0) {
        result.problem = tr("its index is damaged");
        return result;
    }
    result.complete = true;
    return result;
}

} // namespace nemo::media
