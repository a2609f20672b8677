#pragma once

#include "draft/draft.h"
#include "render/mltdocument.h"
#include "render/timelinelayout.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

namespace nemo::render {

// The draft as an OpenTimelineIO timeline (.otio, as OpenTimelineIO 0.17 writes it), for DaVinci Resolve
// and the OpenTimelineIO tool chain: one Timeline.1 named as the draft, holding a Stack.1 of Track.1
// (Video or Audio, named as in the draft; overlapping segments on extra tracks), gaps as Gap.1, clips as
// Clip.2 with their in-point and duration at the draft's rate, media as ExternalReference.1 with file://
// URLs to the copies on this computer (their available range when the length is known), titles as clips
// of a GeneratorReference.1 ("text", the words in its parameters), media that is not here as
// MissingReference.1. A clip shorter than its segment holds its last frame: the part past its media's
// end is a second clip of that last frame with a FreezeFrame.1 effect. Every clip carries the service's
// segment id (and where it was in the draft) in its metadata under "nemo", so a file can be matched
// back. Written with Qt's JSON; pure.
class OtioDocument
{
public:
    // The rate, the media's lengths and why media is missing, as for the MLT document (its size and
    // font do not apply).
    static OtioDocument fromDraft(const draft::Draft &draft, const QHash<QString, QString> &localFiles,
                                  const MltDocument::Options &options);

    QByteArray json() const { return m_json; }
    qint64 frames() const { return m_frames; }
    int fps() const { return m_fps; }
    QStringList notes() const { return m_notes; }
    QList<MissingSource> missing() const { return m_missing; }

private:
    QByteArray m_json;
    qint64 m_frames = 0;
    int m_fps = 30;
    QStringList m_notes;
    QList<MissingSource> m_missing;
};

} // namespace nemo::render
