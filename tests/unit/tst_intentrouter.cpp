// The contract's routing table, in English and Chinese, decided before anything goes to the agent.
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
