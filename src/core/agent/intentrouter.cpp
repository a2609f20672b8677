#include "agent/intentrouter.h"

#include <QRegularExpression>

#include <algorithm>

namespace nemo::agent {

namespace {

// One command: its words in English and in Chinese, and the words that may stand beside them and
// still leave nothing but the command (what is exported, whose credits).
struct Command
{
    Intent intent;
    QStringList english; // phrases, matched as whole words
    QStringList chinese; // matched as they are written (Chinese has no spaces)
    QStringList englishAround;
    QStringList chineseAround;
};

const QList<Command> &commands()
{
    static const QList<Command> table = {
        {Intent::Export,
         {QStringLiteral("send me the video"), QStringLiteral("give me the video"),
          QStringLiteral("render it"), QStringLiteral("export"), QStringLiteral("download")},
         {QStringLiteral("导出"), QStringLiteral("下载")},
         {QStringLiteral("video"), QStringLiteral("movie"), QStringLiteral("it"), QStringLiteral("as"),
          QStringLiteral("mp4"), QStringLiteral("1080p"), QStringLiteral("720p"), QStringLiteral("480p"),
          QStringLiteral("hd"), QStringLiteral("final")},
         {QStringLiteral("视频"), QStringLiteral("成片"), QStringLiteral("它")}},
        {Intent::Credits,
         {QStringLiteral("credits"), QStringLiteral("credit"), QStringLiteral("balance")},
         {QStringLiteral("积分"), QStringLiteral("余额")},
         {QStringLiteral("how many"), QStringLiteral("how much"), QStringLiteral("do i have"),
          QStringLiteral("have i got"), QStringLiteral("left"), QStringLiteral("what is"),
          QStringLiteral("what's"), QStringLiteral("check")},
         {QStringLiteral("还有"), QStringLiteral("多少"), QStringLiteral("剩下"), QStringLiteral("剩余"),
          QStringLiteral("查看"), QStringLiteral("查询"), QStringLiteral("看看")}},
        {Intent::State,
         {QStringLiteral("status"), QStringLiteral("tracks"), QStringLiteral("timeline")},
         {QStringLiteral("状态"), QStringLiteral("轨道"), QStringLiteral("时间线")},
         {QStringLiteral("show"), QStringLiteral("what is"), QStringLiteral("what's"),
          QStringLiteral("current"), QStringLiteral("project")},
         {QStringLiteral("显示"), QStringLiteral("查看"), QStringLiteral("看看"), QStringLiteral("当前"),
          QStringLiteral("项目")}},
        {Intent::Upload,
         {QStringLiteral("upload")},
         {QStringLiteral("上传")},
         {QStringLiteral("more"), QStringLiteral("some"), QStringLiteral("photos"),
          QStringLiteral("pictures"), QStringLiteral("images"), QStringLiteral("files"),
          QStringLiteral("media"), QStringLiteral("videos"), QStringLiteral("clips"),
          QStringLiteral("music")},
         {QStringLiteral("更多"), QStringLiteral("一些"), QStringLiteral("照片"), QStringLiteral("图片"),
          QStringLiteral("文件"), QStringLiteral("素材"), QStringLiteral("视频"), QStringLiteral("音乐")}},
    };
    return table;
}

// Politeness, in both languages: it may stand around any command.
const QStringList &englishPoliteness()
{
    static const QStringList words = {
        QStringLiteral("please"),    QStringLiteral("pls"),         QStringLiteral("can you"),
        QStringLiteral("could you"), QStringLiteral("would you"),   QStringLiteral("will you"),
        QStringLiteral("i want to"), QStringLiteral("i'd like to"), QStringLiteral("i would like to"),
        QStringLiteral("let me"),    QStringLiteral("now"),         QStringLiteral("just"),
        QStringLiteral("the"),       QStringLiteral("my"),          QStringLiteral("me"),
        QStringLiteral("for me"),    QStringLiteral("thanks"),      QStringLiteral("thank you"),
        QStringLiteral("ok"),        QStringLiteral("okay"),        QStringLiteral("a"),
        QStringLiteral("show me")};
    return words;
}

const QStringList &chinesePoliteness()
{
    static const QStringList words = {
        QStringLiteral("请"),   QStringLiteral("帮我"), QStringLiteral("麻烦"), QStringLiteral("给我"),
        QStringLiteral("我想"), QStringLiteral("我要"), QStringLiteral("一下"), QStringLiteral("现在"),
        QStringLiteral("谢谢"), QStringLiteral("这个"), QStringLiteral("我的"), QStringLiteral("我"),
        QStringLiteral("的"),   QStringLiteral("吧"),   QStringLiteral("呢"),   QStringLiteral("吗"),
        QStringLiteral("啊"),   QStringLiteral("了"),   QStringLiteral("好")};
    return words;
}

// Lower case, punctuation of both languages as spaces.
QString normalized(const QString &message)
{
    static const QRegularExpression punctuation(QStringLiteral("[\\p{P}\\p{S}]"));
    QString text = message.toLower();
    const QChar apostrophe(0xE000); // "what's" stays one word through the next line
    text.replace(QLatin1Char('\''), apostrophe);
    text.replace(punctuation, QStringLiteral(" "));
    text.replace(apostrophe, QLatin1Char('\''));
    return QLatin1Char(' ') + text.simplified() + QLatin1Char(' ');
}

// `text` with every whole-word English phrase and every Chinese word of the lists taken out.
bool removeAll(QString *text, const QStringList &english, const QStringList &chinese)
{
    bool found = false;
    // Longer phrases first ("for me" before "me").
    QStringList phrases = english;
    std::sort(phrases.begin(), phrases.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &phrase : std::as_const(phrases)) {
        const QString padded = QLatin1Char(' ') + phrase + QLatin1Char(' ');
        while (text->contains(padded)) {
            text->replace(padded, QStringLiteral(" "));
            found = true;
        }
    }
    QStringList words = chinese;
    std::sort(words.begin(), words.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &word : std::as_const(words)) {
        if (text->contains(word)) {
            text->remove(word);
            found = true;
        }
    }
    return found;
}

} // namespace

Intent IntentRouter::route(const QString &message)
{
    const QString text = normalized(message);
    if (text.trimmed().isEmpty())
        return Intent::Chat;
    for (const Command &command : commands()) {
        QString rest = text;
        if (!removeAll(&rest, command.english, command.chinese))
            continue;
        // Words around it are taken out as often as they come; what is left decides.
        for (int pass = 0; pass < 3; ++pass) {
            removeAll(&rest, command.englishAround, command.chineseAround);
            removeAll(&rest, englishPoliteness(), chinesePoliteness());
            rest = QLatin1Char(' ') + rest.simplified() + QLatin1Char(' ');
        }
        return rest.trimmed().isEmpty() ? command.intent : Intent::Chat;
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
