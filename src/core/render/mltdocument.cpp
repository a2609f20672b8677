#include "render/mltdocument.h"

#include <QFileInfo>
#include <QSet>
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
    return TimelineLayout::toFrames(milliseconds, fps);
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

// A segment's fades as Shotcut's fade filters on its producer, keyframes counted in the producer's own
// frames (from the clip's in-point): "brightness" for pictures and titles (to black on the lowest
// picture track, to transparent above it), "volume" in dB for sound.
void writeFades(QXmlStreamWriter &xml, bool sound, qint64 trim, qint64 length, const draft::Segment &segment,
                int fps, bool opacity)
{
    const qint64 in = qMin(length, toFrames(segment.fadeInMs, fps));
    const qint64 out = qMin(length, toFrames(segment.fadeOutMs, fps));
    const QString silent = sound ? QStringLiteral("-60") : QStringLiteral("0");
    const QString full = sound ? QStringLiteral("0") : QStringLiteral("1");
    auto fade = [&](const char *shotcutName, const char *animation, qint64 frames, const QString &keys) {
        xml.writeStartElement(QStringLiteral("filter"));
        property(xml, "mlt_service", sound ? QStringLiteral("volume") : QStringLiteral("brightness"));
        property(xml, "level", keys);
        if (!sound && opacity)
            property(xml, "alpha", QStringLiteral("-1"));
        property(xml, "shotcut:filter", QLatin1String(shotcutName));
        property(xml, animation, frames);
        property(xml, "nemo:fade", QStringLiteral("1"));
        xml.writeEndElement();
    };
    if (in > 0)
        fade(sound ? "fadeInVolume" : "fadeInBrightness", "shotcut:animIn", in,
             QStringLiteral("%1=%2;%3=%4").arg(trim).arg(silent).arg(trim + in - 1).arg(full));
    if (out > 0)
        fade(sound ? "fadeOutVolume" : "fadeOutBrightness", "shotcut:animOut", out,
             QStringLiteral("%1=%2;%3=%4")
                 .arg(trim + length - out)
                 .arg(full)
                 .arg(trim + length - 1)
                 .arg(silent));
}

// A segment's level as Shotcut's Gain filter (dB; silence for 0).
void writeGain(QXmlStreamWriter &xml, double volume)
{
    const double gain = qBound(0.0, volume, 4.0);
    xml.writeStartElement(QStringLiteral("filter"));
    property(xml, "mlt_service", QStringLiteral("volume"));
    property(xml, "level",
             gain > 0 ? QString::number(20.0 * std::log10(gain), 'f', 4) : QStringLiteral("-1000"));
    property(xml, "shotcut:filter", QStringLiteral("audioGain"));
    xml.writeEndElement();
}

// Dynamic text reads #…# as keywords (the time, the file name): a title's own # are escaped.
QString literalText(const QString &text)
{
    QString escaped = text;
    return escaped.replace(QLatin1Char('#'), QLatin1String("\\#"));
}

QString captionOf(const draft::Segment &segment, const QString &local)
{
    const QString name = draft::Draft::displayName(segment.label);
    return name.isEmpty() ? QFileInfo(local).fileName() : name;
}

} // namespace

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
    return TimelineLayout::isImage(path);
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

    const TimelineLayout layout =
        TimelineLayout::of(draft, {localFiles, options.gone, options.fetchErrors}, fps);
    doc.m_notes = layout.notes;
    doc.m_missing = layout.missing;
    const qint64 total = layout.frames;
    doc.m_frames = total;

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

    // Shotcut's playlist (its bin), kept by the document even though nothing uses it.
    xml.writeStartElement(QStringLiteral("playlist"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("main_bin"));
    property(xml, "xml_retain", QStringLiteral("1"));
    xml.writeEndElement();

    // Track 0: Shotcut's background, black as long as the video, under every track.
    xml.writeStartElement(QStringLiteral("producer"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("black"));
    xml.writeAttribute(QStringLiteral("in"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("out"), QString::number(total - 1));
    property(xml, "length", total);
    property(xml, "eof", QStringLiteral("pause"));
    property(xml, "resource", QStringLiteral("black"));
    property(xml, "mlt_service", QStringLiteral("color"));
    property(xml, "set.test_audio", QStringLiteral("0")); // the mixes mix the tracks' sound into it
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("playlist"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("background"));
    xml.writeStartElement(QStringLiteral("entry"));
    xml.writeAttribute(QStringLiteral("producer"), QStringLiteral("black"));
    xml.writeAttribute(QStringLiteral("in"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("out"), QString::number(total - 1));
    xml.writeEndElement();
    xml.writeEndElement();

    const int titleSize = qMax(12, size.height() / 12);
    int producerSerial = 0;
    // The lowest picture lane fades to black; lanes above it (and titles) fade to transparent.
    auto writeLane = [&](const Lane &lane, const QString &id, bool lowestPicture) {
        QStringList producers;
        for (const PlacedSegment &p : lane.segments) {
            if (p.missing) {
                producers.append(QString());
                continue;
            }
            const draft::Segment &segment = *p.segment;
            const QString producerId = QStringLiteral("producer%1").arg(producerSerial++);
            const bool title = lane.kind == draft::TrackKind::Text;
            const QString local = title ? QString() : localFiles.value(segment.source);
            const bool still = !title && isImage(local);
            const qint64 trim = p.in;
            // Never shorter than the clip needs (beyond its media's end it holds its last frame, and a
            // photo lasts its segment), nor than its media.
            qint64 length = trim + p.length;
            if (!title && !still) {
                const qint64 mediaMs = options.mediaMs.value(segment.source, -1);
                if (mediaMs > 0)
                    length = qMax(length, toFrames(mediaMs, fps));
            }
            xml.writeStartElement(QStringLiteral("producer"));
            xml.writeAttribute(QStringLiteral("id"), producerId);
            xml.writeAttribute(QStringLiteral("in"), QStringLiteral("0"));
            xml.writeAttribute(QStringLiteral("out"), QString::number(length - 1));
            property(xml, "length", length);
            property(xml, "eof", QStringLiteral("pause"));
            if (title) {
                // Shotcut's "Text" clip: a transparent colour under its "Text: Simple" filter.
                property(xml, "resource", QStringLiteral("#00000000"));
                property(xml, "mlt_service", QStringLiteral("color"));
                property(xml, "mlt_image_format", QStringLiteral("rgba"));
                property(xml, "shotcut:caption", segment.text.trimmed());
                property(xml, "nemo:kind", QStringLiteral("title"));
                xml.writeStartElement(QStringLiteral("filter"));
                property(xml, "mlt_service", QStringLiteral("dynamictext"));
                property(xml, "argument", literalText(segment.text.trimmed()));
                property(xml, "geometry", QStringLiteral("0 0 %1 %2 1").arg(size.width()).arg(size.height()));
                property(xml, "family", options.fontFamily);
                property(xml, "size", titleSize);
                property(xml, "weight", 700);
                property(xml, "style", QStringLiteral("normal"));
                property(xml, "fgcolour", QStringLiteral("#ffffffff"));
                property(xml, "bgcolour", QStringLiteral("#00000000"));
                property(xml, "olcolour", QStringLiteral("#ff000000"));
                property(xml, "outline", qMax(2, titleSize / 24));
                property(xml, "pad", 0);
                property(xml, "halign", QStringLiteral("center"));
                property(xml, "valign", QStringLiteral("middle"));
                property(xml, "shotcut:filter", QStringLiteral("dynamicText"));
                xml.writeEndElement();
            } else {
                property(xml, "resource", local);
                if (still) {
                    property(xml, "ttl", 1);
                    property(xml, "aspect_ratio", 1);
                    property(xml, "progressive", 1);
                }
                property(xml, "seekable", 1);
                property(xml, "mlt_service", still ? QStringLiteral("pixbuf") : QStringLiteral("avformat"));
                property(xml, "shotcut:caption", captionOf(segment, local));
                property(xml, "nemo:source", segment.source);
                if (!still && segment.volume >= 0)
                    writeGain(xml, segment.volume);
                if (!still)
                    writeFades(xml, true, trim, p.length, segment, fps, false);
            }
            if (lane.kind != draft::TrackKind::Audio)
                writeFades(xml, false, trim, p.length, segment, fps, !lowestPicture);
            xml.writeEndElement();
            producers.append(producerId);
            ++doc.m_producers;
        }
        xml.writeStartElement(QStringLiteral("playlist"));
        xml.writeAttribute(QStringLiteral("id"), id);
        property(xml, "shotcut:name", lane.name);
        if (lane.kind == draft::TrackKind::Audio)
            property(xml, "shotcut:audio", 1);
        else
            property(xml, "shotcut:video", 1);
        qint64 cursor = 0;
        for (qsizetype i = 0; i < lane.segments.size(); ++i) {
            const PlacedSegment &p = lane.segments.at(i);
            // A gap, and media that is not here, are blanks: the track below (black at the bottom)
            // shows through.
            if (p.missing)
                continue;
            if (p.start > cursor) {
                xml.writeStartElement(QStringLiteral("blank"));
                xml.writeAttribute(QStringLiteral("length"), QString::number(p.start - cursor));
                xml.writeEndElement();
            }
            xml.writeStartElement(QStringLiteral("entry"));
            xml.writeAttribute(QStringLiteral("producer"), producers.at(i));
            xml.writeAttribute(QStringLiteral("in"), QString::number(p.in));
            xml.writeAttribute(QStringLiteral("out"), QString::number(p.in + p.length - 1));
            xml.writeEndElement();
            cursor = p.start + p.length;
        }
        xml.writeEndElement();
    };
    QStringList ids;
    for (qsizetype i = 0; i < layout.lanes.size(); ++i) {
        ids.append(QStringLiteral("playlist%1").arg(i));
        writeLane(layout.lanes.at(i), ids.last(), i == 0 && layout.pictureLanes > 0);
    }

    xml.writeStartElement(QStringLiteral("tractor"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("tractor0"));
    xml.writeAttribute(QStringLiteral("title"),
                       draft.title().isEmpty() ? QStringLiteral("Nemo Studio") : draft.title());
    xml.writeAttribute(QStringLiteral("in"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("out"), QString::number(total - 1));
    property(xml, "shotcut", QStringLiteral("1"));
    property(xml, "shotcut:projectAudioChannels", 2);
    property(xml, "shotcut:projectFolder", 0);
    xml.writeStartElement(QStringLiteral("track"));
    xml.writeAttribute(QStringLiteral("producer"), QStringLiteral("background"));
    xml.writeEndElement();
    for (qsizetype i = 0; i < ids.size(); ++i) {
        xml.writeStartElement(QStringLiteral("track"));
        xml.writeAttribute(QStringLiteral("producer"), ids.at(i));
        if (i >= layout.visualLanes)
            xml.writeAttribute(QStringLiteral("hide"), QStringLiteral("video"));
        else if (i >= layout.pictureLanes)
            xml.writeAttribute(QStringLiteral("hide"), QStringLiteral("audio"));
        xml.writeEndElement();
    }
    // Every track's sound mixed into the background's; every picture track over the one below it
    // (Shotcut's own arrangement). The lowest picture track covers the black whole, so its blend is
    // off, as Shotcut has it; titles alone are blended over the black.
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const qint64 track = i + 1;
        xml.writeStartElement(QStringLiteral("transition"));
        xml.writeAttribute(QStringLiteral("id"), QStringLiteral("transition%1").arg(2 * i));
        property(xml, "a_track", 0);
        property(xml, "b_track", track);
        property(xml, "mlt_service", QStringLiteral("mix"));
        property(xml, "always_active", 1);
        property(xml, "sum", 1);
        xml.writeEndElement();
        if (i >= layout.visualLanes)
            continue;
        xml.writeStartElement(QStringLiteral("transition"));
        xml.writeAttribute(QStringLiteral("id"), QStringLiteral("transition%1").arg(2 * i + 1));
        property(xml, "a_track", i == 0 ? 0 : track - 1);
        property(xml, "b_track", track);
        property(xml, "version", QStringLiteral("0.1"));
        property(xml, "mlt_service", QStringLiteral("frei0r.cairoblend"));
        property(xml, "disable", i == 0 && layout.pictureLanes > 0 ? 1 : 0);
        xml.writeEndElement();
    }
    xml.writeEndElement(); // tractor
    xml.writeEndElement(); // mlt
    xml.writeEndDocument();
    doc.m_xml = bytes;
    return doc;
}

} // namespace nemo::render
