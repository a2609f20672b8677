// The agent speaks of GUI things; this app has a GUI: map them to its actions.
#include "agent/guireference.h"

#include <QTest>

using nemo::agent::GuiAction;
using nemo::agent::GuiReference;

class TestGuiReference final : public QObject
{
    Q_OBJECT

private slots:
    void detect_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<GuiAction>>("actions");
        QTest::newRow("server reply")
            << QStringLiteral(
                   "Done! Preview it in the timeline, and click the Export button when you're happy with it.")
            << QList<GuiAction>{GuiAction::ShowTimeline, GuiAction::OpenExport};
        QTest::newRow("click export") << QStringLiteral("Click Export to render your video.")
                                      << QList<GuiAction>{GuiAction::OpenExport};
        QTest::newRow("export button")
            << QStringLiteral("Use the Export button at the top.") << QList<GuiAction>{GuiAction::OpenExport};
        QTest::newRow("open panel") << QStringLiteral("Open the effects panel to see the transitions.")
                                    << QList<GuiAction>{GuiAction::RefreshState};
        QTest::newRow("drag") << QStringLiteral("Drag the clip to the start.")
                              << QList<GuiAction>{GuiAction::ComposeEdit};
        QTest::newRow("zh") << QStringLiteral("你可以在时间线中预览，满意后点击导出按钮。")
                            << QList<GuiAction>{GuiAction::ShowTimeline, GuiAction::OpenExport};
        QTest::newRow("zh open") << QStringLiteral("打开素材面板")
                                 << QList<GuiAction>{GuiAction::RefreshState};
        QTest::newRow("zh drag") << QStringLiteral("把片段拖拽到开头")
                                 << QList<GuiAction>{GuiAction::ComposeEdit};
        QTest::newRow("nothing") << QStringLiteral("I added background music at 35% volume.")
                                 << QList<GuiAction>{};
        QTest::newRow("exported is not a button")
            << QStringLiteral("Your video will be exported at 1080p.") << QList<GuiAction>{};
    }

    void detect()
    {
        QFETCH(QString, text);
        QFETCH(QList<GuiAction>, actions);
        QCOMPARE(GuiReference::detect(text), actions);
    }

    void labels()
    {
        QCOMPARE(GuiReference::label(GuiAction::OpenExport), QStringLiteral("Open Export"));
        QVERIFY(!GuiReference::label(GuiAction::ShowTimeline).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGuiReference)
#include "tst_guireference.moc"
