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

struct Segment
{
    QString id;
    qint64 startMs = 0;
    qint64 durationMs = 0;
    QString label;      // what it is: a file name, the music's name, a title's words
    QString text;       // the words of a text segment
    QString source;     // media URL, when there is one
    double volume = -1; // 0…1 for audio; -1 when the draft does not say

    qint64 endMs() const { return startMs + durationMs; }
    // Everything the service sent for this segment, unknown keys included.
    QJsonObject raw() const;
    // Identity for comparing drafts: the id, or the position when there is none.
    QString key(int index) const;

private:
    friend class Draft;
    QByteArray m_source; // the whole draft's bytes (shared, not copied)
    int m_rawBegin = 0;
    int m_rawLength = 0;
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
    qint64 startMs() const;
    qint64 endMs() const;
    QString displayName() const;
    QString kindName() const;

private:
    friend class Draft;
    QByteArray m_source;
    int m_rawBegin = 0;
    int m_rawLength = 0;
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
    QString title() const { return m_title; }
    int segmentCount() const;

    // "Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) 3. Title: "Urban
    // Dreams" (0-3s)"
    QString summary() const;
    // "10", "2.5": seconds without a needless ".0".
    static QString formatSeconds(qint64 milliseconds);
    static QString formatVolume(double volume);
    // A segment's name for people: a sandbox path (/mnt/userdata/…/photo7.jpg) or a link by its file
    // name; anything else as it is.
    static QString displayName(const QString &nameOrPath);
    // The service's own storage (see ../shared/API.md): mapped by file name to an upload.
    static bool isSandboxPath(const QString &source);

private:
    QList<Track> m_tracks;
    QByteArray m_bytes;
    qint64 m_durationMs = 0;
    QString m_title;
};

} // namespace nemo::draft
