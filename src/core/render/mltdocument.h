#pragma once

#include "draft/draft.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QSize>
#include <QStringList>

namespace nemo::render {

// A segment whose media is not on this computer (so the render would have a gap there).
struct MissingSource
{
    int track = 0;   // 1-based, as people count
    int segment = 0; // 1-based within its track
    QString trackName;
    QString name;   // what the segment shows (a file name)
    QString source; // as the draft says it
    // "segment 3 of Video: photo7.jpg is no longer on this computer"
    QString message() const;
};

// The agent's draft as an MLT document (the format of Shotcut and Kdenlive, rendered by `melt`): a
// tractor over a black background, one playlist per track (more where segments overlap, so nothing
// is dropped), photos as still producers of their length, clips trimmed, music with a volume filter at
// the segment's level, titles drawn by pango in a bundled font and composited over the picture. The
// canvas comes from the draft's m.width/m.height, else the state's canvas_config, else 1080p; 30 fps.
// Pure: the draft and where each source is on this computer in, the XML out, with a note for
// everything that was left out (unknown track types, empty segments, missing media).
class MltDocument
{
    Q_DECLARE_TR_FUNCTIONS(nemo::render::MltDocument)
public:
    struct Options
    {
        QSize size; // empty: from the draft or the canvas, else 1920×1080
        int fps = 30;
        QString fontFamily = QStringLiteral("DejaVu Sans");
        bool keepMissing = false; // render with gaps where media is missing (the user agreed)
    };

    // localFiles: a segment's source (URL, sandbox path, …) → the local file that holds it.
    static MltDocument fromDraft(const draft::Draft &draft, const QHash<QString, QString> &localFiles,
                                 const Options &options, const QJsonObject &canvas = QJsonObject());

    QByteArray xml() const { return m_xml; }
    QSize size() const { return m_size; }
    int fps() const { return m_fps; }
    qint64 frames() const { return m_frames; }
    // Things left out, for people ("Track type 5 (stickers) is not rendered here").
    QStringList notes() const { return m_notes; }
    QList<MissingSource> missing() const { return m_missing; }
    int producerCount() const { return m_producers; }

    static bool isImage(const QString &path);
    // Where a clip starts inside its file, when the draft says so (0 otherwise).
    static qint64 sourceStartMs(const draft::Segment &segment);
    // A document that renders a whole clip at the options' size and rate (fitted, on black): the
    // preview's smaller copy of it.
    static QByteArray proxyFor(const QString &clip, const Options &options);

private:
    QByteArray m_xml;
    QSize m_size;
    int m_fps = 30;
    qint64 m_frames = 0;
    QStringList m_notes;
    QList<MissingSource> m_missing;
    int m_producers = 0;
};

} // namespace nemo::render
