// The first hour with the keyboard alone and a screen reader: the real nemo-studio on a desktop of its
// own, driven only by typed keys (xdotool: the documented shortcuts, Tab, Enter, typed text; no mouse),
// and read as a screen reader reads it, over AT-SPI with pyatspi (tests/gui/atspi_tree.py).
#include "guiharness.h"
#include "person.h"
#include "requirements.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace nemo;
using project::RenderRecord;

namespace {

const QString Python = QStringLiteral("/usr/bin/python3"); // Debian's, where python3-pyatspi is

bool havePyatspi()
{
    QProcess probe;
    probe.start(Python, {QStringLiteral("-c"), QStringLiteral("import pyatspi")});
    return probe.waitForFinished(20000) && probe.exitStatus() == QProcess::NormalExit &&
        probe.exitCode() == 0;
}

// One object as a screen reader finds it.
struct Seen
{
    int depth = 0;
    QString role;
    QString name;
    bool focused = false;
};

// Everything of the program a screen reader finds now (empty when the bus has no such program).
QList<Seen> readScreen(const test::Person &person, const QProcess &app)
{
    QProcess reader;
    reader.setProcessEnvironment(person.profile.env);
    reader.start(
        Python,
        {QStringLiteral(NEMO_SOURCE_DIR "/tests/gui/atspi_tree.py"), QString::number(app.processId())});
    if (!reader.waitForFinished(60000)) {
        reader.kill();
        reader.waitForFinished();
        return {};
    }
    QList<Seen> seen;
    for (const QJsonValue &row : QJsonDocument::fromJson(reader.readAllStandardOutput()).array()) {
        const QJsonArray fields = row.toArray();
        seen.append(
            {fields.at(0).toInt(), fields.at(1).toString(), fields.at(2).toString(), fields.at(3).toBool()});
    }
    return seen;
}

// The objects under the first one with this role and name (its subtree), or nothing.
QList<Seen> under(const QList<Seen> &seen, const QString &role, const QString &name)
{
    for (qsizetype i = 0; i < seen.size(); ++i) {
        if (seen.at(i).role != role || seen.at(i).name != name)
            continue;
        QList<Seen> inside;
        for (qsizetype j = i + 1; j < seen.size() && seen.at(j).depth > seen.at(i).depth; ++j)
            inside.append(seen.at(j));
        return inside;
    }
    return {};
}

const Seen *find(const QList<Seen> &seen, const QString &role, const QString &name)
{
    for (const Seen &object : seen) {
        if (object.role == role && object.name == name)
            return &object;
    }
    return nullptr;
}

// A word of the reply a screen reader must find: its longest plain word.
QString wordOf(const QString &text)
{
    QString longest;
    static const QRegularExpression words(QStringLiteral("[A-Za-z]{5,}"));
    for (auto it = words.globalMatch(text); it.hasNext();) {
        const QString word = it.next().captured();
        if (word.size() > longest.size())
            longest = word;
    }
    return longest;
}

} // namespace

class TestKeyboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Media added through Add Media (Ctrl+O, the path typed), a video asked for (Ctrl+L, typed, Enter)
    // and its reply read from the accessibility tree, the conversation reached (Ctrl+2, Shift+Tab), the
    // reply's Show Timeline pressed (Shift+Tab, Enter) and the timeline's segments read, the video exported
    // (Ctrl+E, Enter) and the keyboard found on Play when it is done.
    void firstHourByKeyboardAndScreenReader()
    {
        NEMO_REQUIRE(havePyatspi(), "python3-pyatspi (Debian's) is not installed");
        test::GuiHarness h(test::quickScenario());
        test::Person person(h);
        QString why;
        QVERIFY2(person.setUp(&why), qPrintable(why));
        person.profile.env.insert(QStringLiteral("QT_LINUX_ACCESSIBILITY_ALWAYS_ON"), QStringLiteral("1"));
        QTemporaryDir mine;
        const QStringList photos = {mine.filePath(QStringLiteral("beach.jpg")),
                                    mine.filePath(QStringLiteral("harbour.png"))};
        QVERIFY(QFile::copy(test::data("photo1.jpg"), photos.at(0)));
        QVERIFY(QFile::copy(test::data("photo2.png"), photos.at(1)));
        QProcess app;
        auto stop = qScopeGuard([&] {
            app.kill();
            app.waitForFinished();
        });
        const QString window = person.start(&app);
        QVERIFY(!window.isEmpty());

        // Add Media, twice: the path typed into the file dialog's name box, Enter.
        for (const QString &photo : photos) {
            QVERIFY(person.desktop.key(window, QStringLiteral("ctrl+o")));
            QString dialog;
            QTRY_VERIFY_WITH_TIMEOUT(
                !(dialog = person.desktop.window(QStringLiteral("^Add Media$"))).isEmpty(), 15000);
            QVERIFY(person.desktop.type(dialog, photo));
            QVERIFY(person.desktop.key(dialog, QStringLiteral("Return")));
            QTRY_VERIFY_WITH_TIMEOUT(person.desktop.window(QStringLiteral("^Add Media$")).isEmpty(), 15000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(person.uploaded(2), 30000);
        // On the accessibility bus (the registry starts with the first reader), the media bin read aloud.
        QList<Seen> screen;
        QTRY_VERIFY_WITH_TIMEOUT(!(screen = readScreen(person, app)).isEmpty(), 20000);
        QStringList media;
        for (const Seen &item : under(screen, QStringLiteral("list"), QStringLiteral("Media bin")))
            media << item.name;
        QVERIFY2(media.join(QLatin1Char(' ')).contains(QLatin1String("beach.jpg")),
                 qPrintable(media.join(QLatin1Char('|'))));

        // A request typed and sent; the reply read from the conversation's list.
        QVERIFY(person.ask(window, QStringLiteral("make a 6-second video")));
        QTRY_VERIFY_WITH_TIMEOUT(person.replied(), 30000);
        const QString word = wordOf(person.reply(person.onDisk())->text);
        QVERIFY(!word.isEmpty());
        QList<Seen> messages;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                messages =
                    under(readScreen(person, app), QStringLiteral("list"), QStringLiteral("Conversation"));
                return std::any_of(messages.cbegin(), messages.cend(), [&](const Seen &message) {
                    return message.role == QLatin1String("list item") && message.name.contains(word);
                });
            }(),
            20000);
        QVERIFY(messages.size() >= 2); // the request and the reply

        // Back from the message box to the conversation (Ctrl+2, Shift+Tab): the list has the keyboard.
        QVERIFY(person.desktop.key(window, QStringLiteral("ctrl+2")));
        QVERIFY(person.desktop.key(window, QStringLiteral("shift+Tab")));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QList<Seen> now = readScreen(person, app); // kept: find() points into it
                const Seen *conversation = find(now, QStringLiteral("list"), QStringLiteral("Conversation"));
                return conversation && conversation->focused;
            }(),
            10000);
        // Shift+Tab came in on the reply's last button (Open Export); once more to its first, Show
        // Timeline, and Enter: the timeline has the keyboard, and its segments name the photos.
        QVERIFY(person.desktop.key(window, QStringLiteral("shift+Tab")));
        QVERIFY(person.desktop.key(window, QStringLiteral("Return")));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                screen = readScreen(person, app);
                const Seen *timeline = find(screen, QStringLiteral("list"), QStringLiteral("Timeline"));
                return timeline && timeline->focused;
            }(),
            10000);
        QStringList segments;
        for (const Seen &segment : under(screen, QStringLiteral("list"), QStringLiteral("Timeline")))
            segments << segment.name;
        const QString all = segments.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("beach.jpg")) && all.contains(QLatin1String("harbour.png")),
                 qPrintable(all));

        // Export Video (Ctrl+E), Start Export (Enter); when it is done the keyboard is on Play.
        QVERIFY(person.exportVideo(window));
        QTRY_VERIFY_WITH_TIMEOUT(person.render() && person.render()->state == RenderRecord::State::Done,
                                 60000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QList<Seen> now = readScreen(person, app);
                const Seen *play = find(now, QStringLiteral("push button"), QStringLiteral("Play"));
                const Seen *pause = find(now, QStringLiteral("push button"), QStringLiteral("Pause"));
                return (play && play->focused) || (pause && pause->focused);
            }(),
            20000);
    }
};

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
