// The contract's routing table, decided before anything goes to the agent: one rule in English and
// Chinese — the command alone, the command with politeness, and the command inside a larger request.
#include "agent/intentrouter.h"

#include <QTest>

using nemo::agent::Intent;
using nemo::agent::IntentRouter;

Q_DECLARE_METATYPE(Intent)

class TestIntentRouter final : public QObject
{
    Q_OBJECT

private slots:
    void route_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<Intent>("intent");
        const auto row = [](const char *name, const QString &message, Intent intent) {
            QTest::newRow(name) << message << intent;
        };
        row("export", QStringLiteral("export"), Intent::Export);
        row("export 1080p", QStringLiteral("export 1080p MP4"), Intent::Export);
        row("Export capital", QStringLiteral("Export!"), Intent::Export);
        row("download", QStringLiteral("download"), Intent::Export);
        row("send me the video", QStringLiteral("please send me the video"), Intent::Export);
        row("zh export", QStringLiteral("导出"), Intent::Export);
        row("zh export sentence", QStringLiteral("帮我导出视频"), Intent::Export);
        row("credits", QStringLiteral("credits"), Intent::Credits);
        row("how many credits", QStringLiteral("how many credits do I have?"), Intent::Credits);
        row("balance", QStringLiteral("balance"), Intent::Credits);
        row("zh credits", QStringLiteral("积分"), Intent::Credits);
        row("zh balance", QStringLiteral("我的余额"), Intent::Credits);
        row("status", QStringLiteral("status"), Intent::State);
        row("show tracks", QStringLiteral("show tracks"), Intent::State);
        row("show me the timeline", QStringLiteral("show me the timeline"), Intent::State);
        row("zh status", QStringLiteral("状态"), Intent::State);
        row("upload", QStringLiteral("upload"), Intent::Upload);
        row("upload more", QStringLiteral("I want to upload more photos"), Intent::Upload);
        row("zh upload", QStringLiteral("上传"), Intent::Upload);
        row("generate", QStringLiteral("generate a 30-second promotional video from my text and images"),
            Intent::Chat);
        row("add bgm", QStringLiteral("add BGM"), Intent::Chat);
        row("edit",
            QStringLiteral("turn these images into a 30-second promo video with music and text overlays"),
            Intent::Chat);
        row("edit then export", QStringLiteral("add music and then export"), Intent::Chat);
        row("movie credits", QStringLiteral("add credits at the end"), Intent::Chat);
        row("balance as an edit", QStringLiteral("make the music balance better"), Intent::Chat);
        row("exporter is not export", QStringLiteral("the exporter is great"), Intent::Chat);
        row("zh edit", QStringLiteral("添加背景音乐"), Intent::Chat);
        row("zh edit with export", QStringLiteral("添加字幕然后导出"), Intent::Chat);
        // The same rule both ways: politeness around the command keeps it a command...
        row("please export the video", QStringLiteral("Please export the video."), Intent::Export);
        row("can you export it for me", QStringLiteral("Can you export it for me?"), Intent::Export);
        row("zh please export", QStringLiteral("请帮我导出一下"), Intent::Export);
        row("zh export then", QStringLiteral("导出吧！"), Intent::Export);
        row("credits please", QStringLiteral("credits, please"), Intent::Credits);
        row("zh check credits", QStringLiteral("查看积分"), Intent::Credits);
        row("zh how many credits", QStringLiteral("我还有多少积分？"), Intent::Credits);
        row("what's the status", QStringLiteral("what's the status?"), Intent::State);
        row("zh upload more", QStringLiteral("上传更多照片"), Intent::Upload);
        // ...and anything more is a request for the agent, in either language.
        row("edit then export", QStringLiteral("Make the title bigger, then export"), Intent::Chat);
        row("zh edit then export", QStringLiteral("把标题改大一点，然后导出"), Intent::Chat);
        row("zh before export", QStringLiteral("导出前把音乐调小"), Intent::Chat);
        row("export without music", QStringLiteral("export it without the music"), Intent::Chat);
        row("zh export without music", QStringLiteral("导出不带音乐的版本"), Intent::Chat);
        row("shorter timeline", QStringLiteral("make the timeline shorter"), Intent::Chat);
        row("zh credits at end", QStringLiteral("在结尾加上积分说明"), Intent::Chat);
        row("upload to youtube", QStringLiteral("upload it to YouTube when it is done"), Intent::Chat);
        row("empty", QString(), Intent::Chat);
        row("spaces", QStringLiteral("   "), Intent::Chat);
    }

    void route()
    {
        QFETCH(QString, message);
        QFETCH(Intent, intent);
        QCOMPARE(IntentRouter::route(message), intent);
    }

    void names()
    {
        QCOMPARE(IntentRouter::name(Intent::Export), QStringLiteral("export"));
        QCOMPARE(IntentRouter::name(Intent::Chat), QStringLiteral("chat"));
    }
};

QTEST_GUILESS_MAIN(TestIntentRouter)
#include "tst_intentrouter.moc"
