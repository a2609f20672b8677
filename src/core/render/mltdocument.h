#pragma once

#include "draft/draft.h"
#include "render/timelinelayout.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QSize>
#include <QStringList>

namespace nemo::render {

// The draft as an MLT document that melt renders and Shotcut opens as it is, in Shotcut's own layout:
// the profile first; a `background` track of black as long as the video; one playlist per track
// (more where segments overlap, so nothing is dropped), named and marked as Shotcut marks its tracks,
// gaps as blanks; a mix per track and a frei0r.cairoblend per picture track; the main tractor last,
// with `shotcut` set. Photos are still producers of their length, clips are trimmed at their in-point,
// music has a gain at the segment's level, titles are a transparent colour with Shotcut's "Text:
// Simple" filter, fades are Shotcut's fade filters. The video is as long as the draft says: a clip
// shorter than its segment holds its last frame, a photo fills its segment, a gap is black. The canvas
// comes from the draft's m.width/m.height, else the state's canvas_config, else 1080p.
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
        // A source's own length in milliseconds, where known: a producer is never shorter than its
        // media (so the clip can be lengthened again in Shotcut) nor than its segment (it holds its
        // last frame there).
        QHash<QString, qint64> mediaMs;
        // Why a source is not on this computer, where known (LocalSources): the path the user's own
        // file had, or why its download failed.
        QHash<QString, QString> gone;
        QHash<QString, QString> fetchErrors;
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
