// Projects in their databases (docs/PERFORMANCE.md): what a long project costs to open, and to keep on
// disk while a reply streams into it. Every turn keeps a 10,000-segment timeline, the worst case: the
// cost of saving a chunk must not grow with the history (10, 100 and 500 turns), and persistence must
// never hold the UI thread for a frame (16 ms).
#include "auth/memorysecretstore.h"
#include "benchsupport.h"
#include "client/workspace.h"
#include "fakeserverthread.h"
#include "longproject.h"
#include "project/projectkeeper.h"
#include "project/projectstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace nemo;

namespace {

draft::Draft bigDraft(int segments)
{
    QJsonArray video;
    for (int i = 0; i < segments; ++i) {
        video.append(
            QJsonObject{{QStringLiteral("id"), QStringLiteral("s%1").arg(i)},
                        {QStringLiteral("st"), i * 400},
                        {QStringLiteral("d"), 400},
                        {QStringLiteral("m"),
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("clip_%1.mp4").arg(i)}}}});
    }
    return draft::Draft::fromJson(
        QJsonObject{{QStringLiteral("t"),
                     QJsonArray{QJsonObject{{QStringLiteral("tt"), 0}, {QStringLiteral("sg"), video}}}}});
}

net::ServiceConfig configFor(const QUrl &baseUrl)
{
    net::ServiceConfig config;
    config.baseUrl = baseUrl;
    config.language = QStringLiteral("en");
    return config;
}

bool ready(client::Workspace &workspace)
{
    workspace.connectToService();
    return QTest::qWaitFor([&] { return workspace.connection() == client::Workspace::Connection::Ready; },
                           15000);
}

bool turn(client::Conversation *chat, const QString &text)
{
    QSignalSpy finished(chat, &client::Conversation::turnFinished);
    return chat->submit(text) && finished.wait(60000);
}

// The longest the event loop went without running a 1 ms timer while `work` ran, in ms.
template<typename Work>
double longestStall(Work work)
{
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    qint64 longest = 0;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        longest = std::max(longest, now - last);
        last = now;
    });
    tick.start();
    work();
    return double(longest) / 1e6;
}

void projects(bool quick)
{
    fake::Scenario scenario;
    scenario.eventDelayMs = 4;
    scenario.noTextRatio = 0;
    fake::FakeServerThread server(scenario);
    const draft::Draft draft = bigDraft(quick ? 100 : 10000);
    std::printf("  (each turn keeps a %d-segment timeline: %lld bytes per snapshot)\n", draft.segmentCount(),
                qlonglong(draft.bytes().size()));
    const QList<int> sizes = quick ? QList<int>{2, 5} : QList<int>{10, 100, 500};
    for (int turns : sizes) {
        QTemporaryDir dir;
        project::ProjectStore store(dir.path());
        const project::Project saved = bench::longProject(turns, draft);
        QElapsedTimer clock;
        clock.start();
        QString error;
        if (!store.save(saved, &error)) {
            std::fprintf(stderr, "the project could not be written: %s\n", qPrintable(error));
            bench::fail();
            return;
        }
        const double writeMs = double(clock.nsecsElapsed()) / 1e6;
        store.setLastProjectId(saved.id);

        auth::MemorySecretStore secrets;
        client::Workspace workspace(configFor(server.baseUrl()), &secrets);
        project::ProjectKeeper keeper(&workspace, &store);
        clock.restart();
        keeper.openLast();
        const double openMs = double(clock.nsecsElapsed()) / 1e6;
        if (keeper.projectId() != saved.id || !ready(workspace)) {
            bench::fail("the project did not open, or the service was not ready");
            return;
        }

        // Each chunk of a streamed reply, saved as the app saves it (batched every SaveDelayMs on the
        // writer's thread): from the chunk's arrival until a save that holds it is on disk.
        client::Conversation *chat = workspace.conversation();
        std::vector<double> chunks;
        std::vector<qint64> waiting;
        QElapsedTimer since;
        since.start();
        const QMetaObject::Connection arriving =
            QObject::connect(chat, &client::Conversation::messageChanged, [&](int index) {
                if (chat->at(index).state == agent::ChatMessage::State::Streaming)
                    waiting.push_back(since.nsecsElapsed());
            });
        const QMetaObject::Connection saving = QObject::connect(&keeper, &project::ProjectKeeper::saved, [&] {
            const qint64 now = since.nsecsElapsed();
            for (qint64 arrived : waiting)
                chunks.push_back(double(now - arrived) / 1e6);
            waiting.clear();
        });
        const bool turned = turn(chat, QStringLiteral("make a travel video"));
        keeper.flush();
        QTest::qWait(2 * project::ProjectKeeper::SaveDelayMs);
        QObject::disconnect(arriving);
        QObject::disconnect(saving);
        if (!turned || chunks.empty() || !waiting.empty()) {
            bench::fail("the reply did not stream, or some of it was never saved");
            return;
        }
        const double longestChunk = *std::max_element(chunks.begin(), chunks.end());

        // A reply streamed the way the app saves it (on the writer's thread, every SaveDelayMs).
        const double stall = longestStall([&] { turn(chat, QStringLiteral("add some music")); });

        std::printf("  %d turns (%.0f MB written in %.0f ms; %zu chunks):\n", turns,
                    double(QFileInfo(store.pathFor(saved.id)).size() +
                           QFileInfo(store.pathFor(saved.id) + QStringLiteral("-wal")).size()) /
                        1e6,
                    writeMs, chunks.size());
        char name[96];
        std::snprintf(name, sizeof name, "project.open_%d_turns", turns);
        bench::report(name, openMs, "ms", "< 300 (to a painted window: bench_gui)");
        std::snprintf(name, sizeof name, "project.chunk_on_disk_after_%d_turns_median", turns);
        bench::report(name, bench::median(chunks), "ms", "< 250 (saved every 200 ms)");
        std::snprintf(name, sizeof name, "project.chunk_on_disk_after_%d_turns_max", turns);
        bench::report(name, longestChunk, "ms", "< 400");
        std::snprintf(name, sizeof name, "project.ui_longest_stall_streaming_%d_turns", turns);
        bench::report(name, stall, "ms", "< 16");
    }
    // The peer: the same streamed turn with no project kept at all.
    auth::MemorySecretStore secrets;
    client::Workspace bare(configFor(server.baseUrl()), &secrets);
    if (!ready(bare) || !turn(bare.conversation(), QStringLiteral("make a travel video"))) {
        bench::fail("the peer's turn did not run");
        return;
    }
    bench::report("project.ui_longest_stall_streaming_no_project",
                  longestStall([&] { turn(bare.conversation(), QStringLiteral("add some music")); }), "ms",
                  "(peer)");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    projects(bench::smoke(argc, argv));
    return bench::exitCode();
}
