// What changed between two drafts, in plain words.
#include "draft/draftdiff.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using nemo::draft::Draft;
using nemo::draft::DraftChange;
using nemo::draft::DraftDiff;

namespace {

QJsonObject brief()
{
    QFile file(QStringLiteral(NEMO_TEST_DATA_DIR "/draft_brief.json"));
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
}

// Edits one value at a path of keys and array indexes.
QJsonValue edit(const QJsonValue &value, QList<QVariant> path, const QJsonValue &newValue)
{
    if (path.isEmpty())
        return newValue;
    const QVariant key = path.takeFirst();
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        const int index = key.toInt();
        array.replace(index, edit(array.at(index), path, newValue));
        return array;
    }
    QJsonObject object = value.toObject();
    object.insert(key.toString(), edit(object.value(key.toString()), path, newValue));
    return object;
}

QJsonObject segment(const QString &id, int start, int duration, const QString &name)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("st"), start},
            {QStringLiteral("d"), duration},
            {QStringLiteral("m"), QJsonObject{{QStringLiteral("name"), name}}}};
}

} // namespace

class TestDraftDiff final : public QObject
{
    Q_OBJECT

private slots:
    void identical()
    {
        const Draft draft = Draft::fromJson(brief());
        const DraftDiff diff = DraftDiff::between(draft, draft);
        QVERIFY(diff.isEmpty());
        QCOMPARE(diff.describe(), QStringLiteral("no changes to the timeline"));
        QVERIFY(diff.changedSegments().isEmpty());
    }

    void segmentsAddedAndVolume()
    {
        const QJsonObject before = brief();
        QJsonObject after = edit(before,
                                 {QStringLiteral("t"), 1, QStringLiteral("sg"), 0, QStringLiteral("m"),
                                  QStringLiteral("volume")},
                                 0.5)
                                .toObject();
        QJsonArray video =
            after.value(QLatin1String("t")).toArray().at(0).toObject().value(QLatin1String("sg")).toArray();
        video.append(segment(QStringLiteral("v2"), 10000, 2000, QStringLiteral("beach.jpg")));
        video.append(segment(QStringLiteral("v3"), 12000, 2000, QStringLiteral("sunset.jpg")));
        after = edit(after, {QStringLiteral("t"), 0, QStringLiteral("sg")}, video).toObject();
        const DraftDiff diff = DraftDiff::between(Draft::fromJson(before), Draft::fromJson(after));
        QCOMPARE(diff.describe(), QStringLiteral("added 2 segments to Video, BGM volume 35% → 50%"));
        QCOMPARE(diff.changedSegments(),
                 (QSet<QString>{QStringLiteral("0/v2"), QStringLiteral("0/v3"), QStringLiteral("1/a1")}));
    }

    void textAndRetiming()
    {
        const QJsonObject before = brief();
        QJsonObject after = edit(before,
                                 {QStringLiteral("t"), 2, QStringLiteral("sg"), 0, QStringLiteral("m"),
                                  QStringLiteral("text")},
                                 QStringLiteral("City Nights"))
                                .toObject();
        after = edit(after, {QStringLiteral("t"), 2, QStringLiteral("sg"), 0, QStringLiteral("d")}, 5000)
                    .toObject();
        const DraftDiff diff = DraftDiff::between(Draft::fromJson(before), Draft::fromJson(after));
        QCOMPARE(diff.describe(),
                 QStringLiteral(
                     "moved or resized 1 segment in Title, Title text \"Urban Dreams\" → \"City Nights\""));
        QCOMPARE(diff.changedSegments(), QSet<QString>{QStringLiteral("2/t1")});
    }

    void tracksAddedAndRemoved()
    {
        const QJsonObject before = brief();
        QJsonArray tracks = before.value(QLatin1String("t")).toArray();
        tracks.removeAt(2); // no title any more
        tracks.append(
            QJsonObject{{QStringLiteral("tt"), 1},
                        {QStringLiteral("n"), QStringLiteral("Voice-over")},
                        {QStringLiteral("id"), QStringLiteral("vo")},
                        {QStringLiteral("sg"),
                         QJsonArray{segment(QStringLiteral("vo1"), 0, 4000, QStringLiteral("voice.mp3"))}}});
        QJsonObject after = before;
        after.insert(QStringLiteral("t"), tracks);
        const DraftDiff diff = DraftDiff::between(Draft::fromJson(before), Draft::fromJson(after));
        QCOMPARE(diff.describe(), QStringLiteral("added track Voice-over, removed track Title"));
        QVERIFY(diff.changedSegments().contains(QStringLiteral("2/vo1")));
    }

    void fromEmpty()
    {
        const DraftDiff diff = DraftDiff::between(Draft(), Draft::fromJson(brief()));
        QCOMPARE(diff.describe(),
                 QStringLiteral("added track Video, added track BGM, added track Title, length 0s → 10s"));
        QCOMPARE(diff.changedSegments().size(), 3);
    }

    void segmentsWithoutIdsMatchByPosition()
    {
        QJsonObject before{{QStringLiteral("t"),
                            QJsonArray{QJsonObject{{QStringLiteral("tt"), 0},
                                                   {QStringLiteral("sg"),
                                                    QJsonArray{QJsonObject{{QStringLiteral("st"), 0},
                                                                           {QStringLiteral("d"), 1000}}}}}}}};
        QJsonObject after =
            edit(before, {QStringLiteral("t"), 0, QStringLiteral("sg")},
                 QJsonArray{QJsonObject{{QStringLiteral("st"), 0}, {QStringLiteral("d"), 1000}},
                            QJsonObject{{QStringLiteral("st"), 1000}, {QStringLiteral("d"), 1000}}})
                .toObject();
        const DraftDiff diff = DraftDiff::between(Draft::fromJson(before), Draft::fromJson(after));
        QCOMPARE(diff.describe(), QStringLiteral("added 1 segment to Video, length 1s → 2s"));
        QCOMPARE(diff.changedSegments(), QSet<QString>{QStringLiteral("0/#1")});
    }

    void segmentsRemoved()
    {
        const QJsonObject before = brief();
        const QJsonObject after =
            edit(before, {QStringLiteral("t"), 0, QStringLiteral("sg")}, QJsonArray()).toObject();
        const DraftDiff diff = DraftDiff::between(Draft::fromJson(before), Draft::fromJson(after));
        QCOMPARE(diff.changes().first().kind, DraftChange::Kind::SegmentsRemoved);
        QCOMPARE(DraftDiff::describe(diff.changes().first()), QStringLiteral("removed 1 segment from Video"));
    }
};

QTEST_GUILESS_MAIN(TestDraftDiff)
#include "tst_draftdiff.moc"
