#pragma once

#include "draft/draft.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

namespace nemo::render {

// A segment the render cannot show: it has no source at all, its file is gone from this computer, or
// it could not be fetched from the service.
struct MissingSource
{
    enum class Reason
    {
        NoSource,   // the agent's draft gives the segment no source
        Gone,       // the user's own file was at `original` and is no longer there
        NotFetched, // only the service has it, and it could not be downloaded (or there is no link)
    };
    Reason reason = Reason::NotFetched;
    int track = 0;   // 1-based, as people count
    int segment = 0; // 1-based within its track
    QString trackName;
    QString name;     // what the segment shows (a file name)
    QString source;   // as the draft says it
    QString original; // Gone: where the file was
    QString detail;   // NotFetched: why, when known
    // "segment 3 of Video has no source in the agent's draft", "photo7.jpg is no longer on this
    // computer", "segment 3 of Video: clip.mp4 could not be fetched from the service (…)"
    QString message() const;
};

// A segment where a document puts it: in frames at the document's rate.
struct PlacedSegment
{
    const draft::Segment *segment = nullptr;
    int track = 0; // the draft's track (0-based)
    int index = 0; // 1-based within its track
    qint64 start = 0;
    qint64 length = 0;
    qint64 in = 0;        // where it starts inside its media (0 for photos and titles)
    bool missing = false; // its media is not on this computer
};

// One track of a document: a draft's track, or the part of one that overlaps the rest.
struct Lane
{
    draft::TrackKind kind = draft::TrackKind::Other;
    QString name; // the draft's track name, numbered when a track needs more than one lane ("Video 2")
    QList<PlacedSegment> segments; // in order of start, never overlapping
};

// The draft laid out for a document that other programs read (MLT, OpenTimelineIO): every track's
// segments in frames at a rate, on as few lanes as keep them from overlapping, pictures first, titles
// above them, sound last; as long as the draft says; what cannot be shown named. Pure.
class TimelineLayout
{
    Q_DECLARE_TR_FUNCTIONS(nemo::render::TimelineLayout)
public:
    struct Sources
    {
        QHash<QString, QString> files;       // a segment's source → the local file that holds it
        QHash<QString, QString> gone;        // a source whose original is no longer there → that path
        QHash<QString, QString> fetchErrors; // a source whose download failed → why
    };

    static TimelineLayout of(const draft::Draft &draft, const Sources &sources, int fps);

    QList<Lane> lanes;    // pictures, then titles, then sound
    int pictureLanes = 0; // how many of the first lanes are video (the rest of the visual ones are titles)
    int visualLanes = 0;  // video and title lanes
    qint64 frames = 1;    // the video's length
    int fps = 30;
    QStringList notes; // things left out or stood in for, for people
    QList<MissingSource> missing;

    static qint64 toFrames(qint64 milliseconds, int fps);
    static bool isImage(const QString &path);
};

} // namespace nemo::render
