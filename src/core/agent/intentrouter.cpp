#include "agent/intentrouter.h"

#include <QRegularExpression>

namespace nemo::agent {

namespace {

struct Rule
{
    Intent intent;
    QRegularExpression english;
    QStringList chinese;
};

const QList<Rule> &rules()
{
    static const QList<Rule> table = {
        {Intent::Export,
         QRegularExpression(
             QStringLiteral("\\b(export|download|render it|send me the video|give me the video)\\b"),
             QRegularExpression::CaseInsensitiveOption),
         {QStringLiteral("导出"), QStringLiteral("下载")}},
        {Intent::Credits,
         QRegularExpression(QStringLiteral("\\b(credits?|balance)\\b"),
                            QRegularExpression::CaseInsensitiveOption),
         {QStringLiteral("积分"), QStringLiteral("余额")}},
        {Intent::State,
         QRegularExpression(QStringLiteral("\\b(status|show (me )?(the )?(tracks|timeline))\\b"),
                            QRegularExpression::CaseInsensitiveOption),
         {QStringLiteral("状态"), QStringLiteral("轨道")}},
        {Intent::Upload,
         QRegularExpression(QStringLiteral("\\bupload\\b"), QRegularExpression::CaseInsensitiveOption),
         {QStringLiteral("上传")}},
    };
    return table;
}

// Words that ask the agent to change something: such a message is a chat turn even if it also
// mentions a command ("add music, then export").
const QRegularExpression &editVerbs()
{
    static const QRegularExpression verbs(
        QStringLiteral(
            "\\b(add|make|create|generate|turn|convert|edit|change|remove|delete|replace|set|put|use|"
            "cut|trim|shorten|lengthen|speed|slow|insert|move|swap|apply|mix|fade|crop|resize|"
            "rotate|animate|write|caption|subtitle|lower|raise|increase|decrease|adjust|improve)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return verbs;
}

const QStringList &chineseEditVerbs()
{
    static const QStringList verbs = {
        QStringLiteral("添加"),   QStringLiteral("加上"), QStringLiteral("生成"), QStringLiteral("制作"),
        QStringLiteral("做一个"), QStringLiteral("剪辑"), QStringLiteral("修改"), QStringLiteral("删除"),
        QStringLiteral("替换"),   QStringLiteral("调整"), QStringLiteral("改成"), QStringLiteral("换成")};
    return verbs;
}

} // namespace

Intent IntentRouter::route(const QString &message)
{
    const QString text = message.simplified();
    if (text.isEmpty())
        return Intent::Chat;
    for (const Rule &rule : rules()) {
        bool hit = rule.english.match(text).hasMatch();
        for (const QString &word : rule.chinese)
            hit = hit || text.contains(word);
        if (!hit)
            continue;
        bool asksForEdit = editVerbs().match(text).hasMatch();
        for (const QString &verb : chineseEditVerbs())
            asksForEdit = asksForEdit || text.contains(verb);
        return asksForEdit ? Intent::Chat : rule.intent;
    }
    return Intent::Chat;
}

QString IntentRouter::name(Intent intent)
{
    switch (intent) {
    case Intent::Chat:
        return QStringLiteral("chat");
    case Intent::Export:
        return QStringLiteral("export");
    case Intent::Credits:
        return QStringLiteral("credits");
    case Intent::State:
        return QStringLiteral("state");
    case Intent::Upload:
        return QStringLiteral("upload");
    }
    return QStringLiteral("chat");
}

} // namespace nemo::agent
