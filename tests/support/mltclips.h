#pragma once

// Reads an MLT document back as the clips a person sees on its timeline: each track's playlist walked
// from frame 0 (blanks advance it), every entry with its producer's resource. Reads our own documents
// and the ones Shotcut saves (times as frames or as clock strings, "00:00:09.967").
#include <QDir>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QXmlStreamReader>

#include <cmath>

namespace nemo::test {

struct MltClip
{
    QString track;      // the playlist's shotcut:name
    int trackIndex = 0; // the tractor's track number (0 is the background)
    qint64 start = 0;   // on the timeline, in frames
    qint64 in = 0;      // in the producer, in frames
    qint64 out = 0;     // inclusive
    QString producer;
    QString service;
    QString resource;
    qint64 length = -1;  // the producer's own length
    QString text;        // a title's words (its dynamictext filter's argument)
    QStringList filters; // the mlt_service of each filter on the producer

    qint64 duration() const { return out - in + 1; }
};

class MltClips
{
public:
    // `folder`: where the document is (MLT reads a relative resource from the document's `root`, else
    // from the document's own folder, which is how Shotcut saves media below the project's folder).
    explicit MltClips(const QByteArray &xml, const QString &folder = QString())
        : m_folder(folder)
    {
        read(xml);
    }

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    double fps() const { return m_fps; }
    QList<MltClip> clips() const { return m_clips; }
    QStringList trackNames() const { return m_trackNames; }
    QStringList trackIds() const { return m_trackIds; }
    qint64 tractorOut() const { return m_tractorOut; }
    // Properties of the tractor, and the transitions' services with their tracks ("mix 0 1").
    QHash<QString, QString> tractorProperties() const { return m_tractorProperties; }
    QStringList transitions() const { return m_transitions; }
    QString rootAttribute(const QString &name) const { return m_root.value(name); }
    QString firstElement() const { return m_firstElement; }
    QString lastElement() const { return m_lastElement; }
    QHash<QString, QString> producerProperties(const QString &id) const
    {
        return m_producers.value(id).properties;
    }

    // Frames from a time as MLT writes it: a frame count, or a clock string.
    qint64 frames(const QString &time) const
    {
        bool isNumber = false;
        const qint64 plain = time.toLongLong(&isNumber);
        if (isNumber)
            return plain;
        const QStringList parts = time.split(QLatin1Char(':'));
        if (parts.size() == 3) {
            const double seconds =
                parts.at(0).toDouble() * 3600 + parts.at(1).toDouble() * 60 + parts.at(2).toDouble();
            return std::llround(seconds * m_fps);
        }
        if (parts.size() == 4) // SMPTE: hh:mm:ss:ff
            return std::llround((parts.at(0).toDouble() * 3600 + parts.at(1).toDouble() * 60 +
                                 parts.at(2).toDouble()) *
                                m_fps) +
                parts.at(3).toLongLong();
        return -1;
    }

private:
    struct Producer
    {
        QString in;
        QString out;
        QHash<QString, QString> properties;
        QList<QHash<QString, QString>> filters;
    };
    struct Item
    {
        bool blank = false;
        QString producer;
        QString in;
        QString out;
        QString length;
    };
    struct Playlist
    {
        QHash<QString, QString> properties;
        QList<Item> items;
    };

    void read(const QByteArray &xml)
    {
        QXmlStreamReader reader(xml);
        QHash<QString, Playlist> playlists;
        QList<QString> tracks;
        QString currentProducer;
        QString currentPlaylist;
        bool inTractor = false;
        bool inFilter = false;
        bool inTransition = false;
        QHash<QString, QString> transition;
        int depth = 0;
        while (!reader.atEnd()) {
            reader.readNext();
            if (reader.isStartElement()) {
                ++depth;
                const QString name = reader.name().toString();
                const QXmlStreamAttributes attributes = reader.attributes();
                if (depth == 1) {
                    for (const QXmlStreamAttribute &attribute : attributes)
                        m_root.insert(attribute.name().toString(), attribute.value().toString());
                    continue;
                }
                if (depth == 2) {
                    if (m_firstElement.isEmpty())
                        m_firstElement = name;
                    m_lastElement = name;
                }
                if (name == QLatin1String("profile")) {
                    const double num = attributes.value(QLatin1String("frame_rate_num")).toDouble();
                    const double den = attributes.value(QLatin1String("frame_rate_den")).toDouble();
                    if (num > 0 && den > 0)
                        m_fps = num / den;
                } else if (name == QLatin1String("producer") || name == QLatin1String("chain")) {
                    currentProducer = attributes.value(QLatin1String("id")).toString();
                    Producer &producer = m_producers[currentProducer];
                    producer.in = attributes.value(QLatin1String("in")).toString();
                    producer.out = attributes.value(QLatin1String("out")).toString();
                } else if (name == QLatin1String("playlist")) {
                    currentPlaylist = attributes.value(QLatin1String("id")).toString();
                    playlists.insert(currentPlaylist, Playlist());
                } else if (name == QLatin1String("entry") && !currentPlaylist.isEmpty()) {
                    playlists[currentPlaylist].items.append(
                        {false, attributes.value(QLatin1String("producer")).toString(),
                         attributes.value(QLatin1String("in")).toString(),
                         attributes.value(QLatin1String("out")).toString(), QString()});
                } else if (name == QLatin1String("blank") && !currentPlaylist.isEmpty()) {
                    playlists[currentPlaylist].items.append(
                        {true, QString(), QString(), QString(),
                         attributes.value(QLatin1String("length")).toString()});
                } else if (name == QLatin1String("tractor")) {
                    inTractor = true;
                    m_tractorOutText = attributes.value(QLatin1String("out")).toString(); // read below
                } else if (name == QLatin1String("track") && inTractor) {
                    tracks.append(attributes.value(QLatin1String("producer")).toString());
                } else if (name == QLatin1String("filter")) {
                    inFilter = true;
                    if (!currentProducer.isEmpty())
                        m_producers[currentProducer].filters.append(QHash<QString, QString>());
                } else if (name == QLatin1String("transition")) {
                    inTransition = true;
                    transition.clear();
                } else if (name == QLatin1String("property")) {
                    const QString key = attributes.value(QLatin1String("name")).toString();
                    const QString value = reader.readElementText();
                    --depth;
                    if (inFilter && !currentProducer.isEmpty())
                        m_producers[currentProducer].filters.last().insert(key, value);
                    else if (inTransition)
                        transition.insert(key, value);
                    else if (!currentProducer.isEmpty())
                        m_producers[currentProducer].properties.insert(key, value);
                    else if (!currentPlaylist.isEmpty())
                        playlists[currentPlaylist].properties.insert(key, value);
                    else if (inTractor)
                        m_tractorProperties.insert(key, value);
                }
            } else if (reader.isEndElement()) {
                --depth;
                const QStringView name = reader.name();
                if (name == QLatin1String("producer") || name == QLatin1String("chain"))
                    currentProducer.clear();
                else if (name == QLatin1String("playlist"))
                    currentPlaylist.clear();
                else if (name == QLatin1String("filter"))
                    inFilter = false;
                else if (name == QLatin1String("tractor"))
                    inTractor = false;
                else if (name == QLatin1String("transition")) {
                    inTransition = false;
                    m_transitions.append(
                        QStringLiteral("%1 %2 %3%4")
                            .arg(transition.value(QStringLiteral("mlt_service")),
                                 transition.value(QStringLiteral("a_track")),
                                 transition.value(QStringLiteral("b_track")),
                                 transition.value(QStringLiteral("disable")) == QLatin1String("1")
                                     ? QStringLiteral(" off")
                                     : QString()));
                }
            }
        }
        if (reader.hasError()) {
            m_error = reader.errorString();
            return;
        }
        m_tractorOut = m_tractorOutText.isEmpty() ? -1 : frames(m_tractorOutText);
        for (int t = 0; t < int(tracks.size()); ++t) {
            const Playlist playlist = playlists.value(tracks.at(t));
            m_trackIds.append(tracks.at(t));
            m_trackNames.append(playlist.properties.value(QStringLiteral("shotcut:name")));
            qint64 cursor = 0;
            for (const Item &item : playlist.items) {
                if (item.blank) {
                    cursor += frames(item.length);
                    continue;
                }
                const Producer producer = m_producers.value(item.producer);
                MltClip clip;
                clip.track = m_trackNames.last();
                clip.trackIndex = t;
                clip.start = cursor;
                clip.in = frames(item.in.isEmpty() ? producer.in : item.in);
                clip.out = frames(item.out.isEmpty() ? producer.out : item.out);
                clip.producer = item.producer;
                clip.service = producer.properties.value(QStringLiteral("mlt_service"));
                clip.resource = producer.properties.value(QStringLiteral("resource"));
                const QString root = m_root.value(QStringLiteral("root"), m_folder);
                if (clip.service != QLatin1String("color") && !root.isEmpty() && !clip.resource.isEmpty() &&
                    QDir::isRelativePath(clip.resource))
                    clip.resource = QDir::cleanPath(root + QLatin1Char('/') + clip.resource);
                const QString length = producer.properties.value(QStringLiteral("length"));
                clip.length = length.isEmpty() ? -1 : frames(length);
                for (const QHash<QString, QString> &filter : producer.filters) {
                    clip.filters.append(filter.value(QStringLiteral("mlt_service")));
                    if (filter.value(QStringLiteral("mlt_service")) == QLatin1String("dynamictext"))
                        clip.text = filter.value(QStringLiteral("argument"));
                }
                m_clips.append(clip);
                cursor += clip.duration();
            }
        }
    }

    QString m_folder;
    QString m_error;
    double m_fps = 30;
    QHash<QString, QString> m_root;
    QString m_firstElement;
    QString m_lastElement;
    QHash<QString, Producer> m_producers;
    QList<MltClip> m_clips;
    QStringList m_trackNames;
    QStringList m_trackIds;
    qint64 m_tractorOut = -1;
    QString m_tractorOutText;
    QHash<QString, QString> m_tractorProperties;
    QStringList m_transitions;
};

} // namespace nemo::test
