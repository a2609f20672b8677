#include "scriptedagent.h"

#include <QRegularExpression>
#include <QStringList>

namespace nemo::fake {

namespace {

constexpr int ImageSegmentMs = 3000;
constexpr int TitleMs = 3000;
constexpr int TrackVideo = 0;
constexpr int TrackAudio = 1;
constexpr int TrackText = 7;

QString text(bool zh, const char *english, const char *chinese)
{
    return zh ? QString::fromUtf8(chinese) : QString::fromUtf8(english);
}

int findTrack(const QJsonArray &tracks, int type)
{
    for (int i = 0; i < tracks.size(); ++i) {
        if (tracks.at(i).toObject().value(QLatin1String("tt")).toInt(-1) == type)
            return i;
    }
    return -1;
}

qint64 trackEnd(const QJsonObject &track)
{
    qint64 end = 0;
    for (const QJsonValue &segment : track.value(QLatin1String("sg")).toArray()) {
        const QJsonObject s = segment.toObject();
        end = qMax(end,
                   qint64(s.value(QLatin1String("st")).toDouble() + s.value(QLatin1String("d")).toDouble()));
    }
    return end;
}

QJsonObject visualSegment(const MediaItem &item, qint64 start, int index)
{
    const qint64 duration = item.fileType == QLatin1String("video") && item.duration > 0
        ? qint64(item.duration * 1000)
        : ImageSegmentMs;
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("seg_v%1").arg(index)},
                       {QStringLiteral("st"), double(start)},
                       {QStringLiteral("d"), double(duration)},
                       {QStringLiteral("src"), item.cdnUrl},
                       {QStringLiteral("m"),
                        QJsonObject{{QStringLiteral("name"), item.filename},
                                    {QStringLiteral("type"), item.fileType},
                                    {QStringLiteral("width"), item.width},
                                    {QStringLiteral("height"), item.height},
                                    {QStringLiteral("fx"), QStringLiteral("ken_burns")}}}};
}

QJsonObject audioSegment(const MediaItem &item, qint64 total, double volume)
{
    QString name = item.filename;
    name =
        name.left(name.lastIndexOf(QLatin1Char('.')) > 0 ? name.lastIndexOf(QLatin1Char('.')) : name.size());
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("seg_bgm")},
                       {QStringLiteral("st"), 0},
                       {QStringLiteral("d"), double(total)},
                       {QStringLiteral("src"), item.cdnUrl},
                       {QStringLiteral("m"),
                        QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("volume"), volume}}}};
}

QJsonObject titleSegment(const QString &title)
{
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("seg_title")},
                       {QStringLiteral("st"), 0},
                       {QStringLiteral("d"), TitleMs},
                       {QStringLiteral("m"),
                        QJsonObject{{QStringLiteral("text"), title},
                                    {QStringLiteral("font"), QStringLiteral("Inter")},
                                    {QStringLiteral("size"), 72}}}};
}

QString quotedText(const QString &message)
{
    static const QRegularExpression quoted(
        QStringLiteral("[\"\u201c\u300c']([^\"\u201d\u300d']{1,80})[\"\u201d\u300d']"));
    const auto match = quoted.match(message);
    return match.hasMatch() ? match.captured(1).trimmed() : QString();
}

int requestedSeconds(const QString &lower)
{
    static const QRegularExpression seconds(QStringLiteral("(\\d{1,3})\\s*-?\\s*(?:s\\b|sec|second|秒)"));
    const auto match = seconds.match(lower);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

int requestedPercent(const QString &lower)
{
    static const QRegularExpression percent(QStringLiteral("(\\d{1,3})\\s*%"));
    const auto match = percent.match(lower);
    return match.hasMatch() ? qBound(0, match.captured(1).toInt(), 100) : -1;
}

// Spreads the visual segments so that the video lasts `totalMs`.
void retime(QJsonArray &tracks, int videoIndex, qint64 totalMs)
{
    QJsonObject video = tracks.at(videoIndex).toObject();
    QJsonArray segments = video.value(QLatin1String("sg")).toArray();
    if (segments.isEmpty() || totalMs <= 0)
        return;
    const qint64 each = totalMs / segments.size();
    for (int i = 0; i < segments.size(); ++i) {
        QJsonObject s = segments.at(i).toObject();
        s.insert(QStringLiteral("st"), double(each * i));
        s.insert(QStringLiteral("d"), double(i == segments.size() - 1 ? totalMs - each * i : each));
        segments.replace(i, s);
    }
    video.insert(QStringLiteral("sg"), segments);
    tracks.replace(videoIndex, video);
}

void fitAudio(QJsonArray &tracks, qint64 total)
{
    const int audio = findTrack(tracks, TrackAudio);
    if (audio < 0)
        return;
    QJsonObject track = tracks.at(audio).toObject();
    QJsonArray segments = track.value(QLatin1String("sg")).toArray();
    for (int i = 0; i < segments.size(); ++i) {
        QJsonObject s = segments.at(i).toObject();
        s.insert(QStringLiteral("d"), double(total));
        segments.replace(i, s);
    }
    track.insert(QStringLiteral("sg"), segments);
    tracks.replace(audio, track);
}

QString firstAudioUrl(const QList<MediaItem> &media)
{
    for (const MediaItem &item : media) {
        if (item.fileType == QLatin1String("audio"))
            return item.cdnUrl;
    }
    return {};
}

} // namespace

QJsonObject MediaItem::toJson() const
{
    return QJsonObject{{QStringLiteral("filename"), filename}, {QStringLiteral("file_type"), fileType},
                       {QStringLiteral("cdn_url"), cdnUrl},    {QStringLiteral("duration"), duration},
                       {QStringLiteral("width"), width},       {QStringLiteral("height"), height},
                       {QStringLiteral("fps"), fps},           {QStringLiteral("hash"), hash}};
}

void ScriptedAgent::toSandboxPaths(QJsonArray &tracks, const QString &root)
{
    // As the vendor's CLI shows them: media named by where the service keeps it, the name too.
    for (int t = 0; t < tracks.size(); ++t) {
        QJsonObject track = tracks.at(t).toObject();
        QJsonArray segments = track.value(QLatin1String("sg")).toArray();
        for (int i = 0; i < segments.size(); ++i) {
            QJsonObject segment = segments.at(i).toObject();
            const QString src = segment.value(QLatin1String("src")).toString();
            if (src.isEmpty() || src.startsWith(QLatin1String("/mnt/")))
                continue;
            const QString sandbox = root + QLatin1Char('/') + QUrl(src).fileName();
            segment.insert(QStringLiteral("src"), sandbox);
            QJsonObject meta = segment.value(QLatin1String("m")).toObject();
            meta.insert(QStringLiteral("name"), sandbox);
            segment.insert(QStringLiteral("m"), meta);
            segments.replace(i, segment);
        }
        track.insert(QStringLiteral("sg"), segments);
        tracks.replace(t, track);
    }
}

int ScriptedAgent::trackCount(const QJsonObject &draft)
{
    return draft.value(QLatin1String("t")).toArray().size();
}

bool ScriptedAgent::hasSegments(const QJsonObject &draft)
{
    for (const QJsonValue &track : draft.value(QLatin1String("t")).toArray()) {
        if (!track.toObject().value(QLatin1String("sg")).toArray().isEmpty())
            return true;
    }
    return false;
}

AgentTurn ScriptedAgent::run(const Input &in)
{
    AgentTurn turn;
    const bool zh = in.language.startsWith(QLatin1String("zh"));
    const QString lower = in.message.toLower();
    turn.generatedMedia = in.generatedMedia;

    // "write 20000 words": a long Markdown reply (paragraphs, bold words, lists), for the streaming
    // benchmark.
    static const QRegularExpression longReply(QStringLiteral("^write (\\d{1,6}) words"));
    if (const auto match = longReply.match(lower.trimmed()); match.hasMatch()) {
        static const QStringList vocabulary{QStringLiteral("video"),  QStringLiteral("timeline"),
                                            QStringLiteral("music"),  QStringLiteral("title"),
                                            QStringLiteral("photo"),  QStringLiteral("transition"),
                                            QStringLiteral("slowly"), QStringLiteral("bright")};
        const int words = qMin(200000, match.captured(1).toInt());
        QString reply;
        for (int i = 0; i < words; ++i) {
            if (i > 0)
                reply += i % 60 == 0 ? QStringLiteral("\n\n")
                                     : (i % 60 == 30 ? QStringLiteral("\n\n- ") : QStringLiteral(" "));
            reply += i % 17 == 0 ? QStringLiteral("**%1**").arg(vocabulary.at(i % vocabulary.size()))
                                 : vocabulary.at(i % vocabulary.size());
        }
        AgentStep answer;
        answer.text = reply;
        turn.steps.append(answer);
        turn.draft = in.draft;
        return turn;
    }

    if (lower.trimmed().endsWith(QLatin1Char('?')) || lower.trimmed().endsWith(QStringLiteral("？"))) {
        AgentStep answer;
        answer.text = text(zh,
                           "I can turn your photos and clips into a video: add a title, background music, "
                           "transitions, and change the length. Tell me what you'd like, then click the "
                           "Export button to render it.",
                           "我可以把你的照片和视频片段做成视频：添加标题、背景音乐、转场，或调整时长。"
                           "告诉我你的想法，然后点击导出按钮进行渲染。");
        turn.steps.append(answer);
        turn.draft = in.draft;
        return turn;
    }

    QJsonObject draft = in.draft;
    QJsonArray tracks = draft.value(QLatin1String("t")).toArray();
    QStringList done;
    const QString quoted = quotedText(in.message);
    const int seconds = requestedSeconds(lower);
    const int percent = requestedPercent(lower);
    const QString audioUrl = firstAudioUrl(in.media);

    int video = findTrack(tracks, TrackVideo);
    if (video < 0) {
        tracks.prepend(QJsonObject{{QStringLiteral("id"), QStringLiteral("track_video")},
                                   {QStringLiteral("tt"), TrackVideo},
                                   {QStringLiteral("n"), QStringLiteral("Video")},
                                   {QStringLiteral("sg"), QJsonArray()}});
        video = 0;
    }
    QJsonObject videoTrack = tracks.at(video).toObject();
    QJsonArray visuals = videoTrack.value(QLatin1String("sg")).toArray();
    QStringList used;
    for (const QJsonValue &segment : visuals) {
        const QString src = segment.toObject().value(QLatin1String("src")).toString();
        used << src << src.section(QLatin1Char('/'), -1); // a link, or a sandbox path (by file name)
    }
    int added = 0;
    qint64 cursor = trackEnd(videoTrack);
    for (const MediaItem &item : in.media) {
        if (item.fileType == QLatin1String("audio") || used.contains(item.cdnUrl) ||
            used.contains(item.filename))
            continue;
        const QJsonObject segment = visualSegment(item, cursor, int(visuals.size()) + 1);
        cursor += qint64(segment.value(QLatin1String("d")).toDouble());
        visuals.append(segment);
        ++added;
    }
    if (visuals.isEmpty()) {
        // Nothing uploaded: "generate" a clip from the prompt.
        MediaItem clip;
        clip.filename = QStringLiteral("generated_clip_%1_%2.mp4").arg(in.clipTag).arg(in.turnNumber);
        clip.fileType = QStringLiteral("video");
        clip.cdnUrl = in.mediaBaseUrl + QStringLiteral("/media/generated/") + clip.filename;
        clip.duration = 5;
        clip.width = 1920;
        clip.height = 1080;
        visuals.append(visualSegment(clip, 0, 1));
        turn.generatedMedia.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("video")},
                                               {QStringLiteral("url"), clip.cdnUrl},
                                               {QStringLiteral("prompt"), in.message},
                                               {QStringLiteral("duration"), 5}});
        done << text(zh, "generated a 5-second clip from your description",
                     "根据你的描述生成了一段 5 秒的视频");
        AgentStep generate;
        generate.kind = AgentStep::Kind::ToolCall;
        generate.toolName = QStringLiteral("generate_video_with_seedance");
        generate.callId = QStringLiteral("call_gen_%1").arg(in.turnNumber);
        generate.payload =
            QJsonObject{{QStringLiteral("prompt"), in.message}, {QStringLiteral("duration"), 5}};
        turn.steps.append(generate);
        AgentStep generated = generate;
        generated.kind = AgentStep::Kind::ToolResult;
        generated.payload = QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                        {QStringLiteral("url"), clip.cdnUrl}};
        turn.steps.append(generated);
    } else if (added > 0) {
        done << (zh ? QStringLiteral("把 %1 个素材加入了视频轨道").arg(added)
                    : QStringLiteral("added %1 item%2 to the video track")
                          .arg(added)
                          .arg(added == 1 ? QString() : QStringLiteral("s")));
    }
    videoTrack.insert(QStringLiteral("sg"), visuals);
    tracks.replace(video, videoTrack);

    if (seconds > 0) {
        retime(tracks, video, qint64(seconds) * 1000);
        done << (zh ? QStringLiteral("把时长调整为 %1 秒").arg(seconds)
                    : QStringLiteral("set the length to %1 seconds").arg(seconds));
    }
    const qint64 total = trackEnd(tracks.at(video).toObject());

    const bool wantsMusic = lower.contains(QLatin1String("music")) || lower.contains(QLatin1String("bgm")) ||
        lower.contains(QStringLiteral("音乐")) || in.draft.isEmpty();
    int audio = findTrack(tracks, TrackAudio);
    if (audio < 0 && wantsMusic && !audioUrl.isEmpty()) {
        for (const MediaItem &item : in.media) {
            if (item.cdnUrl == audioUrl) {
                tracks.append(
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("track_bgm")},
                                {QStringLiteral("tt"), TrackAudio},
                                {QStringLiteral("n"), QStringLiteral("BGM")},
                                {QStringLiteral("sg"), QJsonArray{audioSegment(item, total, 0.35)}}});
                done << text(zh, "added background music at 35% volume", "添加了背景音乐（音量 35%）");
                break;
            }
        }
        audio = findTrack(tracks, TrackAudio);
    } else if (audio >= 0 && percent >= 0 &&
               (lower.contains(QLatin1String("volume")) || lower.contains(QLatin1String("music")) ||
                lower.contains(QLatin1String("bgm")) || lower.contains(QStringLiteral("音量")))) {
        QJsonObject track = tracks.at(audio).toObject();
        QJsonArray segments = track.value(QLatin1String("sg")).toArray();
        for (int i = 0; i < segments.size(); ++i) {
            QJsonObject s = segments.at(i).toObject();
            QJsonObject meta = s.value(QLatin1String("m")).toObject();
            meta.insert(QStringLiteral("volume"), percent / 100.0);
            s.insert(QStringLiteral("m"), meta);
            segments.replace(i, s);
        }
        track.insert(QStringLiteral("sg"), segments);
        tracks.replace(audio, track);
        done << (zh ? QStringLiteral("把背景音乐音量调到 %1%").arg(percent)
                    : QStringLiteral("set the music volume to %1%").arg(percent));
    }
    fitAudio(tracks, total);

    const bool removeTitle =
        (lower.contains(QLatin1String("remove")) || lower.contains(QLatin1String("delete")) ||
         lower.contains(QStringLiteral("删除"))) &&
        (lower.contains(QLatin1String("title")) || lower.contains(QLatin1String("text")) ||
         lower.contains(QStringLiteral("标题")));
    int title = findTrack(tracks, TrackText);
    if (removeTitle && title >= 0) {
        tracks.removeAt(title);
        done << text(zh, "removed the title", "删除了标题");
    } else if (!removeTitle && (title < 0 || !quoted.isEmpty())) {
        const QString titleText = !quoted.isEmpty() ? quoted : text(zh, "My Video", "我的视频");
        const QJsonObject track{{QStringLiteral("id"), QStringLiteral("track_title")},
                                {QStringLiteral("tt"), TrackText},
                                {QStringLiteral("n"), QStringLiteral("Title")},
                                {QStringLiteral("sg"), QJsonArray{titleSegment(titleText)}}};
        if (title >= 0)
            tracks.replace(title, track);
        else
            tracks.append(track);
        done << (zh ? QStringLiteral("把标题设为“%1”").arg(titleText)
                    : QStringLiteral("set the title to \"%1\"").arg(titleText));
    }

    QJsonObject meta = draft.value(QLatin1String("m")).toObject();
    meta.insert(QStringLiteral("width"), 1920);
    meta.insert(QStringLiteral("height"), 1080);
    meta.insert(QStringLiteral("fps"), 30);
    if (const int t = findTrack(tracks, TrackText); t >= 0) {
        const QJsonArray segments = tracks.at(t).toObject().value(QLatin1String("sg")).toArray();
        if (!segments.isEmpty()) {
            meta.insert(QStringLiteral("title"),
                        segments.first()
                            .toObject()
                            .value(QLatin1String("m"))
                            .toObject()
                            .value(QLatin1String("text")));
        }
    }
    if (!in.sandboxRoot.isEmpty())
        toSandboxPaths(tracks, in.sandboxRoot);
    draft.insert(QStringLiteral("t"), tracks);
    draft.insert(QStringLiteral("d"), double(total));
    draft.insert(QStringLiteral("m"), meta);
    draft.insert(QStringLiteral("ver"), in.turnNumber); // an undocumented key, as the real service may add
    turn.draft = draft;
    turn.edited = true;
    if (done.isEmpty())
        done << text(zh, "refreshed the edit", "刷新了剪辑");

    AgentStep intro;
    intro.text = text(zh, "Sure, working on your video now.", "好的，正在为你处理视频。");
    AgentStep call;
    call.kind = AgentStep::Kind::ToolCall;
    call.toolName = QStringLiteral("edit_multitrack");
    call.callId = QStringLiteral("call_edit_%1").arg(in.turnNumber);
    call.payload = QJsonObject{{QStringLiteral("instruction"), in.message},
                               {QStringLiteral("tracks"), ScriptedAgent::trackCount(draft)}};
    AgentStep result = call;
    result.kind = AgentStep::Kind::ToolResult;
    result.payload = QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                 {QStringLiteral("duration_ms"), double(total)},
                                 {QStringLiteral("tracks"), ScriptedAgent::trackCount(draft)}};
    AgentStep outro;
    const QString joined = done.join(zh ? QStringLiteral("，") : QStringLiteral(", "));
    outro.text = zh
        ? QStringLiteral(
              "完成！我%1。时间线现在有 %2 条轨道（%3 秒）。你可以在时间线中预览，满意后点击导出按钮。")
              .arg(joined)
              .arg(trackCount(draft))
              .arg(total / 1000)
        : QStringLiteral("Done! I %1. Your timeline now has %2 tracks (%3 s). Preview it in the timeline, "
                         "and click the Export button when you're happy with it.")
              .arg(joined)
              .arg(trackCount(draft))
              .arg(total / 1000);
    if (!in.silent)
        turn.steps.prepend(intro);
    turn.steps.append(call);
    turn.steps.append(result);
    if (!in.silent)
        turn.steps.append(outro);
    return turn;
}

} // namespace nemo::fake
