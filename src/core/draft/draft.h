#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace nemo::net::json {
class Value;
} // namespace nemo::net::json

namespace nemo::draft {

enum class TrackKind
{
    Video,
    Audio,
    Text,
    Other
};

// The spellings a segment used for what a hand edit may change, so that an edited segment is written
// back in the service's own words (nullptr: the draft did not say; a default spelling is used).
struct SegmentKeys
{
    const char *start = nullptr;
    const char *duration = nullptr;
    const char *end = nullptr; // the segment gave its end instead of a duration
    const char *in = nullptr;
    bool inInMeta = false;
    const char *volume = nullptr;
    bool volumeInMeta = false;
    bool volumePercent = false; // 35 rather than 0.35
    const char *text = nullptr;
    bool textInMeta = false;
    const char *fadeIn = nullptr;
    const char *fadeOut = nullptr;
    bool fadesInMeta = false;
};

struct Segment
{
    QString id;
    qint64 startMs = 0;
    qint64 durationMs = 0;
    qint64 inMs = 0;     // where the segment starts inside its media (0 when the draft does not say)
    qint64 fadeInMs = 0; // fades at the segment's ends (0: none)
    qint64 fadeOutMs = 0;
    QString label;      // what it is: a file name, the music's name, a title's words
    QString text;       // the words of a text segment
    QString source;     // media URL, when there is one
    double volume = -1; // 0…1 for audio; -1 when the draft does not say
    SegmentKeys keys;

    qint64 endMs() const { return startMs + durationMs; }
    // Everything the service sent for this segment, unknown keys included.
    QJsonObject raw() const;
    // The segment's own JSON text, as it stands in the draft's bytes.
    QByteArrayView rawText() const;
    // Identity for comparing drafts: the id, or the position when there is none.
    QString key(int index) const;

private:
    friend class Draft;
    QByteArray m_source; // the whole draft's bytes (shared, not copied)
    int m_rawBegin = 0;
    int m_rawLength = 0;
};

// Where a part of the draft's JSON text lies in Draft::bytes() (begin < 0: the draft has none).
struct TextSpan
{
    int begin = -1;
    int length = 0;
    bool isValid() const { return begin >= 0; }
    int end() const { return begin + length; }
};

struct Track
{
    TrackKind kind = TrackKind::Other;
    int type = -1; // the draft's `tt`
    QString id;
    QString name;
    QList<Segment> segments;

    // Everything the service sent for this track, unknown keys included.
    QJsonObject raw() const;
    // Where the track's own JSON object, and its `sg` array, lie in Draft::bytes().
    TextSpan rawSpan() const { return {m_rawBegin, m_rawLength}; }
    TextSpan segmentsSpan() const { return m_segmentsSpan; }
    qint64 startMs() const;
    qint64 endMs() const;
    // The track's name; a generic one the service gives in English ("Video", "BGM", "Title") in the
    // user's language.
    QString displayName() const;
    QString kindName() const;

private:
    friend class Draft;
    QByteArray m_source;
    int m_rawBegin = 0;
    int m_rawLength = 0;
    TextSpan m_segmentsSpan;
};

// The service's edit (`t` tracks, `tt` track type, `sg` segments, `d` duration in ms, `m` metadata),
// decoded tolerantly: unknown keys are kept (toJson() gives back what came), missing keys never
// crash, wrong types read as absent. The draft's own bytes are kept and shared, so a large draft is
// decoded in one pass without building a JSON tree.
class Draft
{
    Q_DECLARE_TR_FUNCTIONS(nemo::draft::Draft)
public:
    static Draft fromJson(const QJsonValue &value);
    static Draft fromBytes(const QByteArray &bytes);
    // Reads a draft straight from an answer being parsed (see net/json.h). `ok` is false when the
    // JSON is malformed; anything that is not an object reads as no draft.
    static Draft read(net::json::Value &value, bool *ok);
    QJsonObject toJson() const;
    // The draft as the service sent it (compact JSON of an object, or empty).
    QByteArray bytes() const { return m_bytes; }

    const QList<Track> &tracks() const { return m_tracks; }
    bool isEmpty() const { return segmentCount() == 0; }
    // The contract: exportable when some track has a non-empty `sg`.
    bool isExportable() const { return !isEmpty(); }
    qint64 durationMs() const { return m_durationMs; }
    // Whether the draft said how long it is (`d`), and where that number lies in bytes().
    bool hasDeclaredDuration() const { return m_declaredDuration; }
    TextSpan durationSpan() const { return m_durationSpan; }
    // Where the `t` array lies in bytes().
    TextSpan tracksSpan() const { return m_tracksSpan; }
    QString title() const { return m_title; }
    // The draft's frame rate (m.fps and its spellings), 30 when it says none.
    int fps() const { return m_fps; }
    int segmentCount() const;

    // "Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) 3. Title: "Urban
    // Dreams" (0-3s)"
    QString summary() const;
    // "10", "2.5": seconds without a needless ".0".
    static QString formatSeconds(qint64 milliseconds);
    // "10s", "2.5s" ("10 秒" in Chinese, never broken between the number and its unit).
    static QString formatDuration(qint64 milliseconds);
    static QString formatVolume(double volume);
    // What goes between the items of a list in the user's language (", "; "、" in Chinese).
    static QString listSeparator();
    // A segment's name for people: a sandbox path (/mnt/userdata/…/photo7.jpg) or a link by its file
    // name; anything else as it is.
    static QString displayName(const QString &nameOrPath);
    // The service's own storage (see ../shared/API.md): mapped by file name to an upload.
    static bool isSandboxPath(const QString &source);
    // A kind of track as files other programs read spell it: "video", "audio", "text", "other"; and back.
    static QString kindKey(TrackKind kind);
    static TrackKind kindFromKey(const QString &key);

private:
    QList<Track> m_tracks;
    QByteArray m_bytes;
    qint64 m_durationMs = 0;
    bool m_declaredDuration = false;
    TextSpan m_durationSpan;
    TextSpan m_tracksSpan;
    QString m_title;
    int m_fps = 30;
};

} // namespace nemo::draft
