#include "render/mltdocument.h"

#include <QFileInfo>
#include <QXmlStreamWriter>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace nemo::render {

namespace {

constexpr int DefaultWidth = 1920;
constexpr int DefaultHeight = 1080;

qint64 toFrames(qint64 milliseconds, int fps)
{
    return qint64(std::llround(double(milliseconds) * fps / 1000.0));
}

int evenDimension(double value)
{
    if (!std::isfinite(value))
        return 0;
    const int whole = int(qBound(0.0, value, 7680.0));
    return whole < 16 ? 0 : whole & ~1;
}

QSize sizeFrom(const QJsonObject &object)
{
    const QSize size(evenDimension(object.value(QLatin1String("width")).toDouble()),
                     evenDimension(object.value(QLatin1String("height")).toDouble()));
    return size.width() > 0 && size.height() > 0 ? size : QSize();
}

} // namespace

qint64 MltDocument::sourceStartMs(const draft::Segment &segment)
{
    return segment.inMs;
}

namespace {

struct Placed
{
    const draft::Segment *segment;
    int index; // 1-based within its track
    qint64 start;
    qint64 length;
};

// Segments in order of start, on as few lanes as keep them from overlapping.
QList<QList<Placed>> lanesOf(const QList<Placed> &segments)
{
    QList<QList<Placed>> lanes;
    QList<qint64> ends;
    for (const Placed &placed : segments) {
        qsizetype lane = 0;
        while (lane < ends.size() && ends.at(lane) > placed.start)
            ++lane;
        if (lane == ends.size()) {
            lanes.append(QList<Placed>());
            ends.append(0);
        }
        lanes[lane].append(placed);
        ends[lane] = placed.start + placed.length;
    }
    return lanes;
}

void property(QXmlStreamWriter &xml, const char *name, const QString &value)
{
    xml.writeStartElement(QStringLiteral("property"));
    xml.writeAttribute(QStringLiteral("name"), QLatin1String(name));
    xml.writeCharacters(value);
    xml.writeEndElement();
}

void property(QXmlStreamWriter &xml, const char *name, qint64 value)
{
    property(xml, name, QString::number(value));
}

void writeProfile(QXmlStreamWriter &xml, const QSize &size, int fps)
{
    const int divisor = std::gcd(size.width(), size.height());
    xml.writeStartElement(QStringLiteral("profile"));
    xml.writeAttribute(QStringLiteral("description"),
                       QStringLiteral("%1x%2 %3 fps").arg(size.width()).arg(size.height()).arg(fps));
    xml.writeAttribute(QStringLiteral("width"), QString::number(size.width()));
    xml.writeAttribute(QStringLiteral("height"), QString::number(size.height()));
    xml.writeAttribute(QStringLiteral("progressive"), QStringLiteral("1"));
    xml.writeAttribute(QStringLiteral("sample_aspect_num"), QStringLiteral("1"));
    xml.writeAttribute(QStringLiteral("sample_aspect_den"), QStringLiteral("1"));
    xml.writeAttribute(QStringLiteral("display_aspect_num"), QString::number(size.width() / divisor));
    xml.writeAttribute(QStringLiteral("display_aspect_den"), QString::number(size.height() / divisor));
    xml.writeAttribute(QStringLiteral("frame_rate_num"), QString::number(fps));
    xml.writeAttribute(QStringLiteral("frame_rate_den"), QStringLiteral("1"));
    xml.writeAttribute(QStringLiteral("colorspace"), QStringLiteral("709"));
    xml.writeEndElement();
}

// A segment's fades as an animated filter on its producer (keyframes count the producer's own frames,
// so they start at its in-point): "brightness" for pictures and titles (to transparent above the
// ground, to black on it), "volume" in dB for sound.
void writeFades(QXmlStreamWriter &xml, const char *service, qint64 trim, qint64 length,
                const draft::Segment &segment, int fps, bool ground)
{
    const qint64 in = qMin(length, toFrames(segment.fadeInMs, fps));
    const qint64 out = qMin(length, toFrames(segment.fadeOutMs, fps));
    if (in <= 0 && out <= 0)
        return;
    const bool sound = qstrcmp(service, "volume") == 0;
    const QString silent = sound ? QStringLiteral("-60") : QStringLiteral("0");
    const QString full = sound ? QStringLiteral("0") : QStringLiteral("1");
    QStringList keys;
    if (in > 0)
        keys << QStringLiteral("%1=%2").arg(trim).arg(silent)
             << QStringLiteral("%1=%2").arg(trim + in - 1).arg(full);
    if (out > 0)
        keys << QStringLiteral("%1=%2").arg(trim + length - out).arg(full)
             << QStringLiteral("%1=%2").arg(trim + length - 1).arg(silent);
    xml.writeStartElement(QStringLiteral("filter"));
    property(xml, "mlt_service", QLatin1String(service));
    property(xml, "level", keys.join(QLatin1Char(';')));
    if (!sound && !ground)
        property(xml, "alpha", QStringLiteral("-1"));
    property(xml, "nemo:fade", QStringLiteral("1"));
    xml.writeEndElement();
}

} // namespace

QString MissingSource::message() const
{
    return MltDocument::tr("segment %1 of %2: %3 is no longer on this computer")
        .arg(segment)
        .arg(trackName, name.isEmpty() ? source : name);
}

QByteArray MltDocument::proxyFor(const QString &clip, const Options &options)
{
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("mlt"));
    xml.writeAttribute(QStringLiteral("LC_NUMERIC"), QStringLiteral("C"));
    writeProfile(xml, options.size.isValid() ? options.size : QSize(DefaultWidth, DefaultHeight),
                 options.fps);
    xml.writeStartElement(QStringLiteral("producer"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("clip"));
    property(xml, "resource", clip);
    property(xml, "mlt_service", QStringLiteral("avformat"));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

bool MltDocument::isImage(const QString &path)
{
    static const QStringList images{QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"),
                                    QStringLiteral("gif"), QStringLiteral("webp"), QStringLiteral("bmp")};
    return images.contains(QFileInfo(path).suffix().toLower());
}

MltDocument MltDocument::fromDraft(const draft::Draft &draft, const QHash<QString, QString> &localFiles,
                                   const Options &options, const QJsonObject &canvas)
{
    MltDocument doc;
    doc.m_fps = qBound(1, options.fps, 120);
    const int fps = doc.m_fps;
    QSize size = options.size.isValid()
        ? QSize(evenDimension(options.size.width()), evenDimension(options.size.height()))
        : QSize();
    if (!size.isValid() || size.isEmpty())
        size = sizeFrom(draft.toJson().value(QLatin1String("m")).toObject());
    if (!size.isValid() || size.isEmpty())
        size = sizeFrom(canvas);
    if (!size.isValid() || size.isEmpty())
        size = QSize(DefaultWidth, DefaultHeight);
    doc.m_size = size;

    struct Lane
    {
        draft::TrackKind kind;
        QList<Placed> segments;
    };
    QList<Lane> visual; // video lanes first, then text lanes: titles go on top
    QList<Lane> text;
    QList<Lane> audio;
    qint64 total = 0;
    int skippedEmpty = 0;
    for (qsizetype t = 0; t < draft.tracks().size(); ++t) {
        const draft::Track &track = draft.tracks().at(t);
        if (track.kind == draft::TrackKind::Other) {
            if (!track.segments.isEmpty())
                doc.m_notes.append(
                    tr("%1 isn't rendered on this computer: Nemo Studio doesn't know that kind "
                       "of track.")
                        .arg(track.displayName()));
            continue;
        }
        QList<Placed> placed;
        for (qsizetype i = 0; i < track.segments.size(); ++i) {
            const draft::Segment &segment = track.segments.at(i);
            const qint64 start = toFrames(segment.startMs, fps);
            const qint64 length = toFrames(segment.durationMs, fps);
            if (length <= 0) {
                ++skippedEmpty;
                continue;
            }
            placed.append({&segment, int(i + 1), start, length});
            total = qMax(total, start + length);
        }
        std::stable_sort(placed.begin(), placed.end(),
                         [](const Placed &a, const Placed &b) { return a.start < b.start; });
        // Missing media: a gap (when the user agreed) and a note either way.
        QList<Placed> kept;
        for (const Placed &p : std::as_const(placed)) {
            if (track.kind == draft::TrackKind::Text) {
                if (!p.segment->text.trimmed().isEmpty())
                    kept.append(p);
                continue;
            }
            const QString local = localFiles.value(p.segment->source);
            if (local.isEmpty() || !QFileInfo(local).isFile()) {
                doc.m_missing.append({int(t + 1), p.index, track.displayName(),
                                      draft::Draft::displayName(p.segment->label), p.segment->source});
                continue;
            }
            kept.append(p);
        }
        for (const QList<Placed> &lane : lanesOf(kept)) {
            if (track.kind == draft::TrackKind::Video)
                visual.append({track.kind, lane});
            else if (track.kind == draft::TrackKind::Text)
                text.append({track.kind, lane});
            else
                audio.append({track.kind, lane});
        }
    }
    if (skippedEmpty > 0)
        doc.m_notes.append(tr("%n segment(s) with no length left out.", nullptr, skippedEmpty));
    for (const MissingSource &missing : std::as_const(doc.m_missing))
        doc.m_notes.append(missing.message());
    total = qMax<qint64>(total, 1);
    doc.m_frames = total;
    visual += text;

    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(1);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("mlt"));
    xml.writeAttribute(QStringLiteral("LC_NUMERIC"), QStringLiteral("C"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("7.12.0"));
    xml.writeAttribute(QStringLiteral("title"),
                       draft.title().isEmpty() ? QStringLiteral("Nemo Studio") : draft.title());
    xml.writeAttribute(QStringLiteral("producer"), QStringLiteral("main_bin"));

    writeProfile(xml, size, fps);

    // Shotcut opens a document by its main_bin playlist; an empty one will do.
    xml.writeStartElement(QStringLiteral("playlist"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("main_bin"));
    property(xml, "xml_retain", QStringLiteral("1"));
    xml.writeEndElement();

    xml.writeStartElement(QStringLiteral("producer"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("black"));
    xml.writeAttribute(QStringLiteral("in"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("out"), QString::number(total - 1));
    property(xml, "length", total);
    property(xml, "mlt_service", QStringLiteral("color"));
    property(xml, "resource", QStringLiteral("#ff000000"));
    xml.writeEndElement();
    auto writeBlack = [&](qint64 frames) {
        xml.writeStartElement(QStringLiteral("entry"));
        xml.writeAttribute(QStringLiteral("producer"), QStringLiteral("black"));
        xml.writeAttribute(QStringLiteral("in"), QStringLiteral("0"));
        xml.writeAttribute(QStringLiteral("out"), QString::number(frames - 1));
        xml.writeEndElement();
    };
    // The lowest picture lane is the ground itself, black where it has no picture: compositing it over
    // a black track would cost a blend of every whole frame (about a tenth of an export) for nothing.
    // Only when titles are the lowest lane (or there are no pictures) is there a black track under them.
    const bool pictureIsGround = !visual.isEmpty() && visual.first().kind != draft::TrackKind::Text;
    if (!pictureIsGround) {
        xml.writeStartElement(QStringLiteral("playlist"));
        xml.writeAttribute(QStringLiteral("id"), QStringLiteral("background"));
        writeBlack(total);
        xml.writeEndElement();
    }

    const int titleSize = qMax(12, size.height() / 12);
    int producerSerial = 0;
    auto writeLane = [&](const Lane &lane, const QString &id, bool ground) {
        QStringList producers;
        for (const Placed &p : lane.segments) {
            const draft::Segment &segment = *p.segment;
            const QString producerId = QStringLiteral("p%1").arg(++producerSerial);
            const qint64 trim =
                lane.kind == draft::TrackKind::Text ? 0 : toFrames(sourceStartMs(segment), fps);
            xml.writeStartElement(QStringLiteral("producer"));
            xml.writeAttribute(QStringLiteral("id"), producerId);
            xml.writeAttribute(QStringLiteral("in"), QString::number(trim));
            xml.writeAttribute(QStringLiteral("out"), QString::number(trim + p.length - 1));
            if (lane.kind == draft::TrackKind::Text) {
                property(xml, "length", p.length);
                property(xml, "mlt_service", QStringLiteral("pango"));
                property(xml, "text", segment.text.trimmed());
                property(xml, "family", options.fontFamily);
                property(xml, "size", titleSize);
                property(xml, "weight", 700);
                property(xml, "fgcolour", QStringLiteral("#ffffffff"));
                property(xml, "bgcolour", QStringLiteral("#00000000"));
                property(xml, "olcolour", QStringLiteral("#ff000000"));
                property(xml, "outline", qMax(2, titleSize / 24));
                property(xml, "align", 1);
                property(xml, "nemo:kind", QStringLiteral("title"));
            } else {
                const QString local = localFiles.value(segment.source);
                const bool still = isImage(local);
                property(xml, "resource", local);
                property(xml, "mlt_service", still ? QStringLiteral("pixbuf") : QStringLiteral("avformat"));
                if (still)
                    property(xml, "length", p.length);
                property(xml, "nemo:source", segment.source);
                if (!still && segment.volume >= 0) {
                    xml.writeStartElement(QStringLiteral("filter"));
                    property(xml, "mlt_service", QStringLiteral("volume"));
                    property(xml, "gain", QString::number(qBound(0.0, segment.volume, 4.0), 'f', 4));
                    xml.writeEndElement();
                }
                if (!still)
                    writeFades(xml, "volume", trim, p.length, segment, fps, ground);
            }
            if (lane.kind != draft::TrackKind::Audio)
                writeFades(xml, "brightness", trim, p.length, segment, fps, ground);
            xml.writeEndElement();
            producers.append(producerId);
            ++doc.m_producers;
        }
        xml.writeStartElement(QStringLiteral("playlist"));
        xml.writeAttribute(QStringLiteral("id"), id);
        qint64 cursor = 0;
        for (qsizetype i = 0; i < lane.segments.size(); ++i) {
            const Placed &p = lane.segments.at(i);
            if (p.start > cursor && ground) {
                writeBlack(p.start - cursor);
            } else if (p.start > cursor) {
                xml.writeStartElement(QStringLiteral("blank"));
                xml.writeAttribute(QStringLiteral("length"), QString::number(p.start - cursor));
                xml.writeEndElement();
            }
            const qint64 trim =
                lane.kind == draft::TrackKind::Text ? 0 : toFrames(sourceStartMs(*p.segment), fps);
            xml.writeStartElement(QStringLiteral("entry"));
            xml.writeAttribute(QStringLiteral("producer"), producers.at(i));
            xml.writeAttribute(QStringLiteral("in"), QString::number(trim));
            xml.writeAttribute(QStringLiteral("out"), QString::number(trim + p.length - 1));
            xml.writeEndElement();
            cursor = p.start + p.length;
        }
        if (ground && cursor < total)
            writeBlack(total - cursor);
        xml.writeEndElement();
    };
    QStringList visualIds;
    QStringList audioIds;
    for (qsizetype i = 0; i < visual.size(); ++i) {
        visualIds.append(QStringLiteral("%1%2")
                             .arg(visual.at(i).kind == draft::TrackKind::Text ? QStringLiteral("title")
                                                                              : QStringLiteral("video"))
                             .arg(i));
        writeLane(visual.at(i), visualIds.last(), pictureIsGround && i == 0);
    }
    for (qsizetype i = 0; i < audio.size(); ++i) {
        audioIds.append(QStringLiteral("audio%1").arg(i));
        writeLane(audio.at(i), audioIds.last(), false);
    }

    xml.writeStartElement(QStringLiteral("tractor"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("tractor0"));
    xml.writeAttribute(QStringLiteral("in"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("out"), QString::number(total - 1));
    property(xml, "shotcut", QStringLiteral("1"));
    if (!pictureIsGround) {
        xml.writeStartElement(QStringLiteral("track"));
        xml.writeAttribute(QStringLiteral("producer"), QStringLiteral("background"));
        xml.writeEndElement();
    }
    for (qsizetype i = 0; i < visualIds.size(); ++i) {
        xml.writeStartElement(QStringLiteral("track"));
        xml.writeAttribute(QStringLiteral("producer"), visualIds.at(i));
        if (visual.at(i).kind == draft::TrackKind::Text)
            xml.writeAttribute(QStringLiteral("hide"), QStringLiteral("audio"));
        xml.writeEndElement();
    }
    for (const QString &id : std::as_const(audioIds)) {
        xml.writeStartElement(QStringLiteral("track"));
        xml.writeAttribute(QStringLiteral("producer"), id);
        xml.writeAttribute(QStringLiteral("hide"), QStringLiteral("video"));
        xml.writeEndElement();
    }
    // Pictures and titles over the ground (letterboxed to fit, centred); every sound mixed in.
    const qsizetype firstVisualTrack = pictureIsGround ? 0 : 1;
    for (qsizetype i = pictureIsGround ? 1 : 0; i < visualIds.size(); ++i) {
        xml.writeStartElement(QStringLiteral("transition"));
        property(xml, "a_track", 0);
        property(xml, "b_track", qint64(i + firstVisualTrack));
        property(xml, "mlt_service", QStringLiteral("composite"));
        property(xml, "always_active", 1);
        property(xml, "halign", QStringLiteral("centre"));
        property(xml, "valign", QStringLiteral("middle"));
        property(xml, "fill", visual.at(i).kind == draft::TrackKind::Text ? 0 : 1);
        property(xml, "distort", 0);
        xml.writeEndElement();
    }
    const qsizetype trackCount = firstVisualTrack + visualIds.size() + audioIds.size();
    for (qsizetype b = 1; b < trackCount; ++b) {
        const qsizetype lane = b - firstVisualTrack;
        if (lane < visualIds.size() && visual.at(lane).kind == draft::TrackKind::Text)
            continue;
        xml.writeStartElement(QStringLiteral("transition"));
        property(xml, "a_track", 0);
        property(xml, "b_track", qint64(b));
        property(xml, "mlt_service", QStringLiteral("mix"));
        property(xml, "always_active", 1);
        property(xml, "sum", 1);
        xml.writeEndElement();
    }
    xml.writeEndElement(); // tractor
    xml.writeEndElement(); // mlt
    xml.writeEndDocument();
    doc.m_xml = bytes;
    return doc;
}

} // namespace nemo::render
