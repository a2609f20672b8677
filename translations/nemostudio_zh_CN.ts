<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Video</source>
        <translation>导出视频</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Quality:</source>
        <translation>画质(&amp;Q)：</translation>
    </message>
    <message>
        <source>Saved to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Check &amp;Now</source>
        <translation>立即检查(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>Export &amp;Again</source>
        <translation>再次导出(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Start Export</source>
        <translation>开始导出(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel E&amp;xport</source>
        <translation>取消导出(&amp;X)</translation>
    </message>
    <message>
        <source>Stop this export on the service. Close keeps it running.</source>
        <translation>在服务上停止这次导出。关闭窗口则会让它继续进行。</translation>
    </message>
    <message>
        <source>Render &amp;on:</source>
        <translation>渲染位置(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Locate…</source>
        <translation>定位(&amp;L)…</translation>
    </message>
    <message>
        <source>Render on This Co&amp;mputer Instead</source>
        <translation>改为在这台电脑上渲染(&amp;M)</translation>
    </message>
    <message>
        <source>Sa&amp;ve As…</source>
        <translation>另存为(&amp;V)…</translation>
    </message>
    <message>
        <source>Show in Fol&amp;der</source>
        <translation>在文件夹中显示(&amp;D)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>&amp;Default</source>
        <translation>默认(&amp;D)</translation>
    </message>
    <message>
        <source>Largest &amp;upload:</source>
        <translation>最大上传(&amp;U)：</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Download &amp;folder:</source>
        <translation>下载文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>代理(&amp;X)：</translation>
    </message>
    <message>
        <source>Proxy &amp;server:</source>
        <translation>代理服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Proxy user &amp;name:</source>
        <translation>代理用户名(&amp;N)：</translation>
    </message>
    <message>
        <source>Proxy pass&amp;word:</source>
        <translation>代理密码(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Keep the sign-in:</source>
        <translation>登录信息保存在(&amp;K)：</translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation>代理端口</translation>
    </message>
    <message>
        <source>The proxy&apos;s port number</source>
        <translation>代理服务器的端口号</translation>
    </message>
    <message>
        <source>&amp;Advanced</source>
        <translation>高级(&amp;A)</translation>
    </message>
    <message>
        <source>Ser&amp;vice address:</source>
        <translation>服务地址(&amp;V)：</translation>
    </message>
    <message>
        <source>App &amp;identity sent:</source>
        <translation>发送的应用身份(&amp;I)：</translation>
    </message>
    <message>
        <source>Platfor&amp;m sent:</source>
        <translation>发送的平台(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Nemo Studio: make videos with the NemoVideo AI agent.</source>
        <translation>Nemo Studio：用 NemoVideo AI 智能体制作视频。</translation>
    </message>
    <message>
        <source>The server to talk to (default: NEMO_API_BASE, else Settings).</source>
        <translation>要连接的服务器（默认：NEMO_API_BASE，否则使用设置中的地址）。</translation>
    </message>
    <message>
        <source>Photos, videos or music to add.</source>
        <translation>要添加的照片、视频或音乐。</translation>
    </message>
    <message>
        <source>Start as usual, print the time until the last project&apos;s timeline is painted, and quit.</source>
        <translation>照常启动，打印直到上一个项目的时间线绘制完成所用的时间，然后退出。</translation>
    </message>
</context>
<context>
    <name>nemo::agent::AgentEventDecoder</name>
    <message>
        <source>editing the timeline</source>
        <translation>正在编辑时间线</translation>
    </message>
    <message>
        <source>generating a video clip</source>
        <translation>正在生成视频片段</translation>
    </message>
    <message>
        <source>working on the music</source>
        <translation>正在处理音乐</translation>
    </message>
    <message>
        <source>processing your media</source>
        <translation>正在处理你的素材</translation>
    </message>
    <message>
        <source>preparing the video</source>
        <translation>正在准备视频</translation>
    </message>
    <message>
        <source>working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>running %1</source>
        <translation>正在运行 %1</translation>
    </message>
</context>
<context>
    <name>nemo::agent::ChatTurn</name>
    <message>
        <source>sending your message</source>
        <translation>正在发送你的消息</translation>
    </message>
    <message>
        <source>thinking</source>
        <translation>思考中</translation>
    </message>
    <message>
        <source>writing the reply</source>
        <translation>正在撰写回复</translation>
    </message>
    <message>
        <source>no details were given</source>
        <translation>没有提供详细信息</translation>
    </message>
    <message>
        <source>[The reply was too long and was cut here.]</source>
        <translation>[回复太长，在此处被截断。]</translation>
    </message>
    <message>
        <source>checking the timeline</source>
        <translation>正在检查时间线</translation>
    </message>
    <message>
        <source>The agent reported a problem.</source>
        <translation>智能体报告了一个问题。</translation>
    </message>
    <message>
        <source>The timeline did not change.</source>
        <translation>时间线没有变化。</translation>
    </message>
    <message>
        <source>What changed: %1.</source>
        <translation>变化：%1。</translation>
    </message>
    <message>
        <source>The timeline couldn&apos;t be checked: %1</source>
        <translation>无法检查时间线：%1</translation>
    </message>
    <message>
        <source>The agent finished without a reply.</source>
        <translation>智能体已完成，但没有回复。</translation>
    </message>
    <message>
        <source>The agent reported a problem: %1</source>
        <translation>智能体报告了一个问题：%1</translation>
    </message>
    <message>
        <source>The connection dropped before the reply finished. Your message was not sent again (that could charge you twice).</source>
        <translation>回复完成前连接断开了。你的消息没有被再次发送（那样可能会重复扣费）。</translation>
    </message>
    <message>
        <source>The agent took too long, so Nemo Studio stopped waiting.</source>
        <translation>智能体处理时间过长，Nemo Studio 已停止等待。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
</context>
<context>
    <name>nemo::agent::GuiReference</name>
    <message>
        <source>Open Export</source>
        <translation>打开导出</translation>
    </message>
    <message>
        <source>Show Timeline</source>
        <translation>显示时间线</translation>
    </message>
    <message>
        <source>Refresh Timeline</source>
        <translation>刷新时间线</translation>
    </message>
    <message>
        <source>Describe the Edit</source>
        <translation>描述剪辑</translation>
    </message>
    <message>
        <source>Continue in the Web App</source>
        <translation>在网页版中继续</translation>
    </message>
    <message>
        <source>Add Media</source>
        <translation>添加素材</translation>
    </message>
</context>
<context>
    <name>nemo::app::Actions</name>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>素材</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <source>Save a &amp;Copy As…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Add Media…</source>
        <translation>添加素材(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Paste Media</source>
        <translation>粘贴素材(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Export Video…</source>
        <translation>导出视频(&amp;E)…</translation>
    </message>
    <message>
        <source>For &amp;Shotcut (.mlt)…</source>
        <translation>用于 &amp;Shotcut (.mlt)…</translation>
    </message>
    <message>
        <source>As &amp;OpenTimelineIO (.otio)…</source>
        <translation>导出为 &amp;OpenTimelineIO (.otio)…</translation>
    </message>
    <message>
        <source>Open in NemoVideo &amp;Web</source>
        <translation>在 NemoVideo 网页版中打开(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Media Bin</source>
        <translation>素材库(&amp;M)</translation>
    </message>
    <message>
        <source>Time&amp;line</source>
        <translation>时间线(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Refresh Timeline</source>
        <translation>刷新时间线(&amp;R)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit Timeline</source>
        <translation>适应时间线(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Write to the Agent</source>
        <translation>给智能体写消息(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Send Message</source>
        <translation>发送消息(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top Reply</source>
        <translation>停止回复(&amp;T)</translation>
    </message>
    <message>
        <source>Show &amp;Credits</source>
        <translation>查看积分(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>NemoVideo on the We&amp;b</source>
        <translation>NemoVideo 网站(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;About Nemo Studio</source>
        <translation>关于 Nemo Studio(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>在消息中换行</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>播放或暂停</translation>
    </message>
    <message>
        <source>Full screen on or off</source>
        <translation>开关全屏</translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation>退出全屏</translation>
    </message>
    <message>
        <source>Back one second, pause, play</source>
        <translation>后退一秒、暂停、播放</translation>
    </message>
    <message>
        <source>One frame back or on</source>
        <translation>后退或前进一帧</translation>
    </message>
    <message>
        <source>To the previous or next cut</source>
        <translation>到上一个或下一个剪辑点</translation>
    </message>
    <message>
        <source>To the start or the end</source>
        <translation>到开头或结尾</translation>
    </message>
    <message>
        <source>Track above or below</source>
        <translation>上一条或下一条轨道</translation>
    </message>
    <message>
        <source>Select the segment before or after</source>
        <translation>选择前一个或后一个片段</translation>
    </message>
    <message>
        <source>Select every segment</source>
        <translation>选择所有片段</translation>
    </message>
    <message>
        <source>Split at the playhead</source>
        <translation>在播放头处分割</translation>
    </message>
    <message>
        <source>Trim the start or the end to the playhead</source>
        <translation>把开头或结尾修剪到播放头</translation>
    </message>
    <message>
        <source>Remove, leaving a gap</source>
        <translation>删除并留下空隙</translation>
    </message>
    <message>
        <source>Remove and close the gap</source>
        <translation>删除并合拢空隙</translation>
    </message>
    <message>
        <source>Move the selection one frame earlier or later</source>
        <translation>把所选内容提前或推后一帧</translation>
    </message>
    <message>
        <source>Edit the title, volume or fades</source>
        <translation>编辑标题、音量或淡入淡出</translation>
    </message>
    <message>
        <source>Zoom around the pointer</source>
        <translation>以指针为中心缩放</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>取消选择</translation>
    </message>
    <message>
        <source>Rena&amp;me Project…</source>
        <translation>重命名项目(&amp;M)…</translation>
    </message>
    <message>
        <source>Go to the Media &amp;Bin</source>
        <translation>转到媒体库(&amp;B)</translation>
    </message>
    <message>
        <source>Go to the &amp;Timeline</source>
        <translation>转到时间线(&amp;T)</translation>
    </message>
    <message>
        <source>Go to the Pre&amp;view</source>
        <translation>转到预览(&amp;V)</translation>
    </message>
</context>
<context>
    <name>nemo::app::Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
</context>
<context>
    <name>nemo::app::ChatPanel</name>
    <message>
        <source>Turn these images into a 30-second promo video with music and text overlays</source>
        <translation>把这些图片做成一段 30 秒的宣传视频，配上音乐和文字</translation>
    </message>
    <message>
        <source>Convert these images into a smooth video with transitions and motion effects</source>
        <translation>把这些图片转换成带转场和动态效果的流畅视频</translation>
    </message>
    <message>
        <source>Generate a 30-second promotional video from my text and images</source>
        <translation>根据我的文字和图片生成一段 30 秒的宣传视频</translation>
    </message>
    <message>
        <source>Generate a short video clip from a text description of a sunrise over the sea</source>
        <translation>根据文字描述生成一段海上日出的短视频</translation>
    </message>
    <message>
        <source>Add background music at 35% volume and a title</source>
        <translation>添加音量为 35% 的背景音乐和一个标题</translation>
    </message>
    <message>
        <source>What would you like to make?</source>
        <translation>你想做什么样的视频？</translation>
    </message>
    <message>
        <source>Drop photos, clips or music into the media bin, then tell the agent what video you want. Try one of these:</source>
        <translation>把照片、视频片段或音乐拖进素材库，然后告诉智能体你想要什么样的视频。试试这些：</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop waiting for this reply (Esc). What the agent already did is kept.</source>
        <translation>停止等待这条回复（Esc）。智能体已经完成的内容会保留。</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send (Enter). Shift+Enter starts a new line.</source>
        <translation>发送（Enter）。Shift+Enter 换行。</translation>
    </message>
    <message>
        <source>Describe the video you want… (Enter to send, Shift+Enter for a new line)</source>
        <translation>描述你想要的视频…（Enter 发送，Shift+Enter 换行）</translation>
    </message>
    <message>
        <source>Message to the agent</source>
        <translation>发给智能体的消息</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>thinking</source>
        <translation>思考中</translation>
    </message>
    <message>
        <source>Still working… %1 — %2</source>
        <translation>仍在处理… %1 — %2</translation>
    </message>
    <message>
        <source>Working… %1 — %2</source>
        <translation>处理中… %1 — %2</translation>
    </message>
    <message>
        <source>(last heard from the agent %1 s ago)</source>
        <translation>（%1&#xa0;秒前收到智能体的最新消息）</translation>
    </message>
    <message>
        <source>Stop Waiting</source>
        <translation>停止等待</translation>
    </message>
    <message>
        <source>Stop looking at the timeline for the agent&apos;s late changes.</source>
        <translation>不再查看时间线上智能体稍后做出的更改。</translation>
    </message>
    <message>
        <source>Waiting to see whether the agent carries on: next look at the timeline in %1 (%2 of %3 looks without a change so far)</source>
        <translation>正在等待智能体是否继续处理：%1 后再次查看时间线（已连续 %2/%3 次没有变化）</translation>
    </message>
    <message>
        <source>Looking at the timeline…</source>
        <translation>正在查看时间线…</translation>
    </message>
    <message>
        <source>What the agent is doing</source>
        <translation>智能体正在做什么</translation>
    </message>
    <message>
        <source>Describe the video you want…</source>
        <translation>描述你想要的视频…</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line.</source>
        <translation>Enter 发送，Shift+Enter 换行。</translation>
    </message>
</context>
<context>
    <name>nemo::app::ChatView</name>
    <message>
        <source>Conversation</source>
        <translation>对话记录</translation>
    </message>
    <message>
        <source>Messages between you and the NemoVideo agent. Use the arrow keys to move between messages and Ctrl+C to copy one.</source>
        <translation>你和 NemoVideo 智能体之间的消息。用方向键在消息间移动，按 Ctrl+C 复制一条消息。</translation>
    </message>
    <message>
        <source>You · %1</source>
        <translation>你 · %1</translation>
    </message>
    <message>
        <source>NemoVideo agent · %1</source>
        <translation>NemoVideo 智能体 · %1</translation>
    </message>
    <message>
        <source>Problem · %1</source>
        <translation>问题 · %1</translation>
    </message>
    <message>
        <source> · writing…</source>
        <translation> · 正在输入…</translation>
    </message>
    <message>
        <source> · stopped</source>
        <translation> · 已停止</translation>
    </message>
    <message>
        <source> · interrupted</source>
        <translation> · 已中断</translation>
    </message>
    <message>
        <source> · failed</source>
        <translation> · 失败</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <source>&amp;Copy Message</source>
        <translation>复制消息(&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;Link</source>
        <translation>复制链接(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Open Link</source>
        <translation>打开链接(&amp;O)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a message: who and when, then its text</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Buttons: %1 (Tab reaches them, Enter presses one)</source>
        <translation>按钮：%1（按 Tab 到达，按 Enter 按下）</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s). %1</source>
        <translation>
            <numerusform>%n&#xa0;条消息。%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nemo::app::ClipDialog</name>
    <message>
        <source>&amp;Save As…</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>Generated from: “%1”</source>
        <translation>根据“%1”生成</translation>
    </message>
    <message>
        <source>Save Clip As</source>
        <translation>片段另存为</translation>
    </message>
    <message>
        <source>Media (*.%1)</source>
        <translation>媒体文件 (*.%1)</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
</context>
<context>
    <name>nemo::app::ExportDialog</name>
    <message>
        <source>MP4 (H.264)</source>
        <translation>MP4（H.264）</translation>
    </message>
    <message>
        <source>High (1080p)</source>
        <translation>高（1080p）</translation>
    </message>
    <message>
        <source>Medium (720p)</source>
        <translation>中（720p）</translation>
    </message>
    <message>
        <source>Low (480p, smaller file)</source>
        <translation>低（480p，文件更小）</translation>
    </message>
    <message>
        <source>The timeline is empty, so there is nothing to export yet. Add media and ask the agent for a video first.</source>
        <translation>时间线是空的，还没有可以导出的内容。请先添加素材，并让智能体制作视频。</translation>
    </message>
    <message>
        <source>Downloading the video: %1 of %2</source>
        <translation>正在下载视频：%1 / %2</translation>
    </message>
    <message>
        <source>Downloading the video: %1</source>
        <translation>正在下载视频：%1</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>已用时 %1</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>完成：%1</translation>
    </message>
    <message>
        <source>Took %1</source>
        <translation>用时 %1</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Try again (a failed render starts again with a new job; a failed download continues)</source>
        <translation>重试（渲染失败会用新任务重新开始；下载失败会接着下载）</translation>
    </message>
    <message>
        <source>Save Video As</source>
        <translation>视频另存为</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Couldn&apos;t save the video to %1.</source>
        <translation>无法把视频保存到 %1。</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1&#xa0;秒</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n&#xa0;分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>大约还剩 %1</translation>
    </message>
    <message>
        <source>almost done</source>
        <translation>即将完成</translation>
    </message>
    <message>
        <source>The export was cancelled. Nothing was saved.</source>
        <translation>导出已取消，没有保存任何文件。</translation>
    </message>
    <message>
        <source>NemoVideo (cloud)</source>
        <translation>NemoVideo（云端）</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>这台电脑</translation>
    </message>
    <message>
        <source>Render &amp;Without the Missing Media</source>
        <translation>不含缺失素材继续渲染(&amp;W)</translation>
    </message>
    <message>
        <source>Rendering on this computer: %1% done.</source>
        <translation>正在这台电脑上渲染：已完成 %1%。</translation>
    </message>
    <message>
        <source>Preparing to render on this computer…</source>
        <translation>正在准备在这台电脑上渲染…</translation>
    </message>
    <message>
        <source>The edit&apos;s own size, as in the preview</source>
        <translation>与编辑相同的尺寸（同预览）</translation>
    </message>
    <message>
        <source>Waiting for a render machine on NemoVideo</source>
        <translation>正在等待 NemoVideo 的渲染机器</translation>
    </message>
    <message>
        <source>Rendering on NemoVideo</source>
        <translation>正在 NemoVideo 上渲染</translation>
    </message>
    <message>
        <source>Starting the export on NemoVideo</source>
        <translation>正在 NemoVideo 上开始导出</translation>
    </message>
    <message>
        <source>Stopping the export…</source>
        <translation>正在停止导出…</translation>
    </message>
    <message>
        <source>%1: %2% done. You can close this window: the export keeps going.</source>
        <translation>%1：已完成 %2%。可以关闭此窗口，导出会继续进行。</translation>
    </message>
    <message>
        <source>next check in %1 s</source>
        <translation>%1&#xa0;秒后再次查询</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>Render on This Co&amp;mputer Instead</source>
        <translation>改为在这台电脑上渲染(&amp;M)</translation>
    </message>
</context>
<context>
    <name>nemo::app::HandEditList</name>
    <message>
        <source>That edit can&apos;t be applied to the selected segment.</source>
        <translation>这项修改无法应用到所选片段。</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>已应用</translation>
    </message>
    <message>
        <source>moved in the agent&apos;s timeline</source>
        <translation>片段在助手的时间线中移动了</translation>
    </message>
    <message>
        <source>the agent changed it too</source>
        <translation>助手也改动了它</translation>
    </message>
    <message>
        <source>no longer fits</source>
        <translation>已无法应用</translation>
    </message>
    <message>
        <source>its segment is gone</source>
        <translation>片段已不存在</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Hand edits: none yet</source>
        <translation>手动修改(&amp;H)：暂无</translation>
    </message>
    <message>
        <source>&amp;Hand edits (%1)</source>
        <translation>手动修改(&amp;H)（%1）</translation>
    </message>
    <message>
        <source>&amp;Re-anchor</source>
        <translation>重新关联(&amp;R)</translation>
    </message>
    <message>
        <source>Apply the chosen edit to the segment selected on the timeline</source>
        <translation>把所选修改应用到时间线上选中的片段</translation>
    </message>
    <message>
        <source>&amp;Drop</source>
        <translation>舍弃(&amp;D)</translation>
    </message>
    <message>
        <source>Take the chosen edit out (the others stay)</source>
        <translation>去掉所选修改（其他修改保留）</translation>
    </message>
    <message>
        <source>Discard My Hand Edits</source>
        <translation>放弃我的手动修改</translation>
    </message>
    <message>
        <source>Go back to the agent&apos;s timeline (you can undo this)</source>
        <translation>回到助手的时间线（可以撤销）</translation>
    </message>
    <message>
        <source>Hand edits</source>
        <translation>手动修改</translation>
    </message>
</context>
<context>
    <name>nemo::app::LocateMedia</name>
    <message>
        <source>&amp;Locate %1…</source>
        <translation>定位 %1(&amp;L)…</translation>
    </message>
    <message>
        <source>Where is %1 now?</source>
        <translation>%1 现在在哪里？</translation>
    </message>
    <message>
        <source>%1 (%1)</source>
        <translation>%1 (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Locate</source>
        <translation>定位</translation>
    </message>
    <message>
        <source>%1 can&apos;t be read, so it can&apos;t stand in for %2.</source>
        <translation>%1 无法读取，不能用来代替 %2。</translation>
    </message>
</context>
<context>
    <name>nemo::app::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>对话(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>素材</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Add Media</source>
        <translation>添加素材</translation>
    </message>
    <message>
        <source>Move </source>
        <translation>移动 </translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>已退出登录。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Export &amp;Project</source>
        <translation>导出项目(&amp;P)</translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>撤销上一次更改（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo the change last undone (Ctrl+Shift+Z)</source>
        <translation>重做上一次撤销的更改（Ctrl+Shift+Z）</translation>
    </message>
</context>
<context>
    <name>nemo::app::MediaBinModel</name>
    <message>
        <source>checking</source>
        <translation>检查中</translation>
    </message>
    <message>
        <source>waiting to upload</source>
        <translation>等待上传</translation>
    </message>
    <message>
        <source>uploading</source>
        <translation>上传中</translation>
    </message>
    <message>
        <source>uploaded</source>
        <translation>已上传</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1，%2，%3</translation>
    </message>
    <message>
        <source>Generated by the agent</source>
        <translation>由智能体生成</translation>
    </message>
    <message>
        <source>Generated from: “%1”</source>
        <translation>根据“%1”生成</translation>
    </message>
    <message>
        <source>waiting to download</source>
        <translation>等待下载</translation>
    </message>
    <message>
        <source>downloading</source>
        <translation>下载中</translation>
    </message>
    <message>
        <source>generated by the agent</source>
        <translation>由智能体生成</translation>
    </message>
</context>
<context>
    <name>nemo::app::MediaBinPanel</name>
    <message>
        <source>Add Media…</source>
        <translation>添加素材…</translation>
    </message>
    <message>
        <source>Add photos, videos or music (Ctrl+O). You can also drop files and folders here, or paste them.</source>
        <translation>添加照片、视频或音乐（Ctrl+O）。也可以把文件和文件夹拖到这里，或直接粘贴。</translation>
    </message>
    <message>
        <source>Retry Failed</source>
        <translation>重试失败项</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Media bin</source>
        <translation>素材库</translation>
    </message>
    <message>
        <source>Your photos, videos and music, with their upload state.</source>
        <translation>你的照片、视频和音乐，以及它们的上传状态。</translation>
    </message>
    <message>
        <source>Not added:</source>
        <translation>未添加：</translation>
    </message>
    <message>
        <source>%1 of %2 files not added:</source>
        <translation>%2 个文件中有 %1 个未添加：</translation>
    </message>
    <message>
        <source>…and %1 more.</source>
        <translation>…还有 %1 个。</translation>
    </message>
    <message>
        <source>The clipboard holds no files or links to add.</source>
        <translation>剪贴板中没有可添加的文件或链接。</translation>
    </message>
    <message>
        <source>&amp;Retry Upload</source>
        <translation>重新上传(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Show in &amp;Folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Copy Path</source>
        <translation>复制路径(&amp;C)</translation>
    </message>
    <message>
        <source>Re&amp;move from Bin</source>
        <translation>从素材库移除(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Add Media…</source>
        <translation>添加素材(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Retry Download</source>
        <translation>重新下载(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Watch</source>
        <translation>观看(&amp;W)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n Media Items</source>
        <translation>
            <numerusform>移除 %n 个素材</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nemo::app::MediaItemDelegate</name>
    <message>
        <source>IMAGE</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>VIDEO</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>AUDIO</source>
        <translation>音频</translation>
    </message>
    <message>
        <source>LINK</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Waiting to upload</source>
        <translation>等待上传</translation>
    </message>
    <message>
        <source>Uploading %1%</source>
        <translation>正在上传 %1%</translation>
    </message>
    <message>
        <source>✓ Uploaded</source>
        <translation>✓ 已上传</translation>
    </message>
    <message>
        <source>Interrupted — not uploaded</source>
        <translation>已中断 — 未上传</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>GENERATED</source>
        <translation>AI 生成</translation>
    </message>
    <message>
        <source>Waiting to download</source>
        <translation>等待下载</translation>
    </message>
    <message>
        <source>Downloading %1%</source>
        <translation>正在下载 %1%</translation>
    </message>
    <message>
        <source>✓ Made by the agent — double-click to watch</source>
        <translation>✓ 由智能体制作 — 双击观看</translation>
    </message>
    <message>
        <source>Interrupted — not downloaded</source>
        <translation>已中断 — 未下载</translation>
    </message>
</context>
<context>
    <name>nemo::app::MediaListView</name>
    <message>
        <source>Drop photos, clips, music or whole folders here,
or use Add media… (Ctrl+O).

Accepted: %1</source>
        <translation>把照片、视频片段、音乐或整个文件夹拖到这里，
或使用“添加素材…”（Ctrl+O）。

支持的格式：%1</translation>
    </message>
</context>
<context>
    <name>nemo::app::Notifier</name>
    <message>
        <source>Your video is ready</source>
        <translation>你的视频已就绪</translation>
    </message>
    <message>
        <source>The export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>nemo::app::OfflineBanner</name>
    <message numerus="yes">
        <source>You&apos;re offline: Nemo Studio can&apos;t reach the NemoVideo service. Your work is kept; trying again in %n s.</source>
        <translation>
            <numerusform>你已离线：Nemo Studio 无法连接 NemoVideo 服务。你的工作都已保留；%n&#xa0;秒后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>You&apos;re offline: Nemo Studio can&apos;t reach the NemoVideo service. Your work is kept; trying again…</source>
        <translation>你已离线：Nemo Studio 无法连接 NemoVideo 服务。你的工作都已保留；正在重试…</translation>
    </message>
    <message>
        <source>Try Now</source>
        <translation>立即重试</translation>
    </message>
</context>
<context>
    <name>nemo::app::PreviewMonitor</name>
    <message>
        <source>The preview appears here once the agent has made an edit.</source>
        <translation>智能体完成剪辑后，预览会显示在这里。</translation>
    </message>
    <message>
        <source>No edit yet.</source>
        <translation>还没有剪辑。</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>正在准备预览…</translation>
    </message>
    <message>
        <source>Rendering the preview on this computer… %1%</source>
        <translation>正在这台电脑上渲染预览… %1%</translation>
    </message>
    <message>
        <source>The edit as it stands (Space plays and pauses).</source>
        <translation>当前的剪辑（空格键播放和暂停）。</translation>
    </message>
    <message>
        <source>The preview couldn&apos;t be made: %1</source>
        <translation>无法生成预览：%1</translation>
    </message>
    <message>
        <source>Preview monitor</source>
        <translation>预览监视器</translation>
    </message>
    <message>
        <source>The edit as it stands, rendered on this computer. Space plays and pauses, F goes full screen.</source>
        <translation>当前的剪辑，在本机渲染。空格键播放/暂停，F 键全屏。</translation>
    </message>
    <message>
        <source>Preview picture</source>
        <translation>预览画面</translation>
    </message>
    <message>
        <source>Preview position</source>
        <translation>预览位置</translation>
    </message>
    <message>
        <source>Preview volume</source>
        <translation>预览音量</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Full screen (F; Esc to leave)</source>
        <translation>全屏（F；按 Esc 退出）</translation>
    </message>
    <message>
        <source>Preview video</source>
        <translation>预览视频</translation>
    </message>
    <message>
        <source>This preview can&apos;t be played here; its pictures still show. Try Export to make the video.</source>
        <translation>此预览无法在这里播放，但画面仍会显示。可以用“导出”生成视频。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>暂停（空格）</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>播放（空格）</translation>
    </message>
    <message>
        <source>Plays once the preview is ready…</source>
        <translation>预览就绪后开始播放…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
</context>
<context>
    <name>nemo::app::ProjectExport</name>
    <message>
        <source>Export Project for Shotcut</source>
        <translation>导出 Shotcut 项目</translation>
    </message>
    <message>
        <source>Export Project as OpenTimelineIO</source>
        <translation>导出为 OpenTimelineIO 项目</translation>
    </message>
    <message>
        <source>The timeline is empty, so there is nothing to hand over yet.</source>
        <translation>时间线是空的，还没有可以交出的内容。</translation>
    </message>
    <message>
        <source>MLT project (*.mlt)</source>
        <translation>MLT 项目 (*.mlt)</translation>
    </message>
    <message>
        <source>OpenTimelineIO timeline (*.otio)</source>
        <translation>OpenTimelineIO 时间线 (*.otio)</translation>
    </message>
    <message>
        <source>Getting the media ready for Shotcut…</source>
        <translation>正在为 Shotcut 准备素材…</translation>
    </message>
    <message>
        <source>Getting the media ready for the OpenTimelineIO timeline…</source>
        <translation>正在为 OpenTimelineIO 时间线准备素材…</translation>
    </message>
    <message>
        <source>Saved %1: open it in Shotcut (or melt) to finish the edit by hand.</source>
        <translation>已保存 %1：在 Shotcut（或 melt）中打开它，手动完成剪辑。</translation>
    </message>
    <message>
        <source>Saved %1: import it in DaVinci Resolve (File → Import → Timeline) or another editor that reads OpenTimelineIO.</source>
        <translation>已保存 %1：在 DaVinci Resolve（文件 → 导入 → 时间线）或其他支持 OpenTimelineIO 的剪辑软件中导入它。</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s) have no media on this computer and are left empty.</source>
        <translation>
            <numerusform>有 %n 个片段的素材不在这台电脑上，已留空。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is no longer on this computer, so its place in the project is left empty.</source>
        <translation>%1 已不在这台电脑上，它在项目中的位置留空了。</translation>
    </message>
</context>
<context>
    <name>nemo::app::ProjectMenu</name>
    <message>
        <source>The project is saved again.</source>
        <translation>项目已重新保存。</translation>
    </message>
    <message>
        <source>Nemo Studio</source>
        <translation>Nemo Studio</translation>
    </message>
    <message>
        <source>%1 %2 — Nemo Studio</source>
        <translation>%1 %2 — Nemo Studio</translation>
    </message>
    <message>
        <source>(not saved)</source>
        <translation>（未保存）</translation>
    </message>
    <message>
        <source>%1 — Nemo Studio</source>
        <translation>%1 — Nemo Studio</translation>
    </message>
    <message>
        <source>A copy of this project was saved as %1.</source>
        <translation>此项目的副本已保存为 %1。</translation>
    </message>
    <message>
        <source>Save a Copy</source>
        <translation>保存副本</translation>
    </message>
    <message>
        <source>Nemo Studio project</source>
        <translation>Nemo Studio 项目</translation>
    </message>
    <message>
        <source>Save a Copy of This Project</source>
        <translation>保存此项目的副本</translation>
    </message>
    <message>
        <source>Nemo Studio project (*.nemo)</source>
        <translation>Nemo Studio 项目 (*.nemo)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近的项目(&amp;R)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>No saved projects</source>
        <translation>没有已保存的项目</translation>
    </message>
    <message>
        <source>Rename Project</source>
        <translation>重命名项目</translation>
    </message>
    <message>
        <source>Name of this project:</source>
        <translation>此项目的名称：</translation>
    </message>
</context>
<context>
    <name>nemo::app::QuitGuard</name>
    <message>
        <source>Your export keeps running on the NemoVideo service. Nemo Studio will pick it up and download it the next time you open it.</source>
        <translation>你的导出仍在 NemoVideo 服务上运行。下次打开 Nemo Studio 时，它会接着处理并下载视频。</translation>
    </message>
    <message>
        <source>Your video is being made on this computer: quitting stops it, and it starts over the next time you export.</source>
        <translation>视频正在这台电脑上生成：退出会停止生成，下次导出时会重新开始。</translation>
    </message>
    <message>
        <source>This project could not be saved: %1
Use File → Save a Copy As… to keep it somewhere else before you quit.</source>
        <translation>此项目无法保存：%1
退出前请使用“文件 → 另存副本…”把它保存到别处。</translation>
    </message>
    <message>
        <source>Quit Nemo Studio?</source>
        <translation>退出 Nemo Studio？</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>nemo::app::SegmentDialog</name>
    <message>
        <source>Edit Title</source>
        <translation>编辑标题</translation>
    </message>
    <message>
        <source>Minutes:seconds:frames (00:04:00), or seconds (4.5)</source>
        <translation>分:秒:帧（00:04:00），或秒数（4.5）</translation>
    </message>
    <message>
        <source>&amp;Words:</source>
        <translation>文字(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>时长(&amp;L)：</translation>
    </message>
    <message>
        <source>Volume and Fades of %1</source>
        <translation>%1 的音量和淡入淡出</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>&amp;Volume:</source>
        <translation>音量(&amp;V)：</translation>
    </message>
    <message>
        <source>Fade &amp;in:</source>
        <translation>淡入(&amp;I)：</translation>
    </message>
    <message>
        <source>Fade &amp;out:</source>
        <translation>淡出(&amp;O)：</translation>
    </message>
    <message>
        <source>A title needs some words.</source>
        <translation>标题需要有文字。</translation>
    </message>
    <message>
        <source>Type the length as 00:04:00 (minutes:seconds:frames) or in seconds, such as 4.5.</source>
        <translation>请按 00:04:00（分:秒:帧）或秒数（如 4.5）输入时长。</translation>
    </message>
    <message>
        <source>The fades together can&apos;t be longer than the segment.</source>
        <translation>淡入和淡出加起来不能超过片段长度。</translation>
    </message>
</context>
<context>
    <name>nemo::app::SettingsDialog</name>
    <message>
        <source>Download Folder</source>
        <translation>下载文件夹</translation>
    </message>
    <message>
        <source>Sign Out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Forget the stored sign-in? Nemo Studio signs in again with a new free account the next time it talks to the service.</source>
        <translation>要忘记已保存的登录吗？Nemo Studio 下次连接服务时会用一个新的免费账户登录。</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Not signed in. Nemo Studio signs in with a free account when it needs to.</source>
        <translation>未登录。需要时 Nemo Studio 会用免费账户登录。</translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation>剩余 %1&#xa0;天</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>永不过期</translation>
    </message>
    <message>
        <source>The download folder &quot;%1&quot; can&apos;t be created or used.</source>
        <translation>下载文件夹“%1”无法创建或使用。</translation>
    </message>
    <message>
        <source>Use the system&apos;s proxy settings</source>
        <translation>使用系统代理设置</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>不使用代理</translation>
    </message>
    <message>
        <source>HTTP proxy</source>
        <translation>HTTP 代理</translation>
    </message>
    <message>
        <source>SOCKS5 proxy</source>
        <translation>SOCKS5 代理</translation>
    </message>
    <message>
        <source>unchanged (kept with your sign-in)</source>
        <translation>未更改（与登录信息保存在一起）</translation>
    </message>
    <message>
        <source>In the system keychain (recommended)</source>
        <translation>系统钥匙串中（推荐）</translation>
    </message>
    <message>
        <source>In a file, NOT encrypted (readable by you only)</source>
        <translation>文件中，【不加密】（只有你可以读取）</translation>
    </message>
    <message>
        <source>Nowhere: ask for the token each time</source>
        <translation>不保存：每次询问令牌</translation>
    </message>
    <message>
        <source>Using a token that is never stored (from NEMO_TOKEN or entered at start).</source>
        <translation>正在使用一个从不保存的令牌（来自 NEMO_TOKEN 或启动时输入）。</translation>
    </message>
    <message>
        <source>The proxy password couldn&apos;t be kept with your sign-in, so nothing was changed: %1</source>
        <translation>代理密码无法与你的登录信息一起保存，因此未做任何更改：%1</translation>
    </message>
    <message>
        <source>Nemo Studio (recommended)</source>
        <translation>Nemo Studio（推荐）</translation>
    </message>
    <message>
        <source>Free video generation</source>
        <translation>免费视频生成</translation>
    </message>
    <message>
        <source>Image to video</source>
        <translation>图片转视频</translation>
    </message>
    <message>
        <source>Video generation API</source>
        <translation>视频生成 API</translation>
    </message>
    <message>
        <source>None (not reported)</source>
        <translation>无（不报告）</translation>
    </message>
    <message>
        <source>Which of the service&apos;s apps your requests count for. Change it only when NemoVideo asks you to.</source>
        <translation>你的请求计入服务的哪个应用。仅在 NemoVideo 要求时更改。</translation>
    </message>
    <message>
        <source>The tool Nemo Studio runs inside, if any, as told to the service.</source>
        <translation>告知服务的、Nemo Studio 所运行于其中的工具（如有）。</translation>
    </message>
    <message>
        <source>Signed in with %1 (%2). Sign-in kept in: %3.</source>
        <translation>已使用%1登录（%2）。登录信息保存在：%3。</translation>
    </message>
    <message>
        <source>a free account</source>
        <translation>免费账户</translation>
    </message>
    <message>
        <source>your NemoVideo account</source>
        <translation>你的 NemoVideo 账户</translation>
    </message>
</context>
<context>
    <name>nemo::app::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>About Nemo Studio</source>
        <translation>关于 Nemo Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Nemo Studio %1&lt;/h3&gt;&lt;p&gt;A desktop studio for the NemoVideo AI video service: drop in your photos and clips, tell the agent what you want, watch the edit appear on the timeline, and export.&lt;/p&gt;&lt;p&gt;Server: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Nemo Studio %1&lt;/h3&gt;&lt;p&gt;NemoVideo AI 视频服务的桌面工作室：放入你的照片和视频片段，告诉智能体你想要什么，看着剪辑出现在时间线上，然后导出。&lt;/p&gt;&lt;p&gt;服务器：%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>关于 Qt</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Qt %1&lt;/h3&gt;&lt;p&gt;Nemo Studio is built with Qt, a cross-platform toolkit for applications, used here under the GNU Lesser General Public License version 3.&lt;/p&gt;&lt;p&gt;See &lt;a href=&quot;https://www.qt.io/licensing/&quot;&gt;qt.io/licensing&lt;/a&gt; for Qt&apos;s licences and &lt;a href=&quot;https://www.qt.io&quot;&gt;qt.io&lt;/a&gt; for Qt itself.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Qt %1&lt;/h3&gt;&lt;p&gt;Nemo Studio 使用跨平台应用程序工具包 Qt 构建，依据 GNU 宽通用公共许可证第 3 版使用。&lt;/p&gt;&lt;p&gt;Qt 的许可信息见 &lt;a href=&quot;https://www.qt.io/licensing/&quot;&gt;qt.io/licensing&lt;/a&gt;，Qt 本身见 &lt;a href=&quot;https://www.qt.io&quot;&gt;qt.io&lt;/a&gt;。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>nemo::app::SignInChoice</name>
    <message>
        <source>Where Should Nemo Studio Keep Your Sign-in?</source>
        <translation>Nemo Studio 应该把你的登录信息保存在哪里？</translation>
    </message>
    <message>
        <source>The system keychain can&apos;t be used: %1</source>
        <translation>无法使用系统钥匙串：%1</translation>
    </message>
    <message>
        <source>Nemo Studio never saves your sign-in anywhere else on its own. You can:

• Sign in each time: nothing is saved; you paste your token (or get a new free sign-in) each time Nemo Studio starts.
• Keep it in a file: %1, readable by your user account only but NOT encrypted.

You can change this later in Settings.</source>
        <translation>Nemo Studio 绝不会擅自把你的登录信息保存到其他地方。你可以：

• 每次登录：不保存任何内容；每次启动 Nemo Studio 时粘贴你的令牌（或获取新的免费登录）。
• 保存在文件中：%1，只有你的用户账户可以读取，但【不加密】。

之后可以在设置中更改。</translation>
    </message>
    <message>
        <source>Sign In Each Time</source>
        <translation>每次登录</translation>
    </message>
    <message>
        <source>Keep in a File (Not Encrypted)</source>
        <translation>保存在文件中（不加密）</translation>
    </message>
    <message>
        <source>Ask Me Next Time</source>
        <translation>下次再问我</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Nemo Studio doesn&apos;t keep your sign-in on this computer (see Settings).
Paste your NemoVideo token for this session, or leave it empty to use a free sign-in:</source>
        <translation>Nemo Studio 不会在这台电脑上保存你的登录信息（见设置）。
请粘贴本次使用的 NemoVideo 令牌，或留空以使用免费登录：</translation>
    </message>
    <message>
        <source>Your sign-in is now kept in: %1.</source>
        <translation>你的登录信息现在保存在：%1。</translation>
    </message>
</context>
<context>
    <name>nemo::app::StatusPanel</name>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Try to reach the NemoVideo service again</source>
        <translation>再次尝试连接 NemoVideo 服务</translation>
    </message>
    <message>
        <source>Setting up…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>Signing in and opening an editing session</source>
        <translation>正在登录并打开编辑会话</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>⚠ Offline — can&apos;t reach the service</source>
        <translation>⚠ 离线 — 无法连接服务</translation>
    </message>
    <message>
        <source>⚠ Not connected: %1</source>
        <translation>⚠ 未连接：%1</translation>
    </message>
    <message>
        <source>%1 credits (%2 frozen)</source>
        <translation>%1 积分（%2 冻结中）</translation>
    </message>
    <message>
        <source>%1 credits</source>
        <translation>%1 积分</translation>
    </message>
    <message>
        <source>Available: %1 · Frozen while work runs: %2 · Total: %3</source>
        <translation>可用：%1 · 任务进行中冻结：%2 · 总计：%3</translation>
    </message>
    <message>
        <source>NEMO_TOKEN</source>
        <translation>NEMO_TOKEN</translation>
    </message>
    <message>
        <source>Using the token from the NEMO_TOKEN environment variable</source>
        <translation>正在使用环境变量 NEMO_TOKEN 中的令牌</translation>
    </message>
    <message>
        <source>1 day left</source>
        <translation>剩余 1&#xa0;天</translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation>剩余 %1&#xa0;天</translation>
    </message>
    <message>
        <source>Your free sign-in lasts 7 days; Nemo Studio gets a new one when it runs out.</source>
        <translation>免费登录有效期为 7&#xa0;天；到期后 Nemo Studio 会自动获取新的登录。</translation>
    </message>
</context>
<context>
    <name>nemo::app::TimelinePanel</name>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Timeline zoom</source>
        <translation>时间线缩放</translation>
    </message>
    <message>
        <source>Zoom the timeline (Ctrl+wheel over the timeline, or + and -)</source>
        <translation>缩放时间线（在时间线上按住 Ctrl 滚动滚轮，或按 + 和 -）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Fit the whole video in view (0)</source>
        <translation>让整个视频适应视图（0）</translation>
    </message>
    <message>
        <source>Fit timeline</source>
        <translation>适应时间线</translation>
    </message>
    <message>
        <source>Ask the service for the latest timeline (F5)</source>
        <translation>向服务获取最新的时间线（F5）</translation>
    </message>
    <message>
        <source>Refresh timeline</source>
        <translation>刷新时间线</translation>
    </message>
    <message>
        <source>No timeline yet</source>
        <translation>还没有时间线</translation>
    </message>
    <message>
        <source>%1 (edited by hand)</source>
        <translation>%1（已手动修改）</translation>
    </message>
    <message>
        <source>Change Volume and Fades of %1</source>
        <translation>更改 %1 的音量和淡入淡出</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Ripple</source>
        <translation>波纹</translation>
    </message>
    <message>
        <source>Ripple: moving, trimming or deleting a segment moves what follows it on its track (Ctrl+R)</source>
        <translation>波纹：移动、修剪或删除片段时，同一轨道上后面的内容随之移动（Ctrl+R）</translation>
    </message>
    <message>
        <source>Snap</source>
        <translation>吸附</translation>
    </message>
    <message>
        <source>Snap to segment edges and the playhead while dragging (hold Alt to drag freely)</source>
        <translation>拖动时吸附到片段边缘和播放头（按住 Alt 可自由拖动）</translation>
    </message>
    <message>
        <source>Hand Edits</source>
        <translation>手动修改</translation>
    </message>
    <message>
        <source>Show or hide the list of your hand edits</source>
        <translation>显示或隐藏手动修改列表</translation>
    </message>
    <message>
        <source>Show hand edits</source>
        <translation>显示手动修改</translation>
    </message>
    <message>
        <source>Edit history</source>
        <translation>编辑历史</translation>
    </message>
    <message>
        <source>Every change, the oldest first; choosing one undoes the changes after it.</source>
        <translation>每一次更改，最早的在前；选择其中一项会撤销它之后的更改。</translation>
    </message>
    <message>
        <source>As the agent made it</source>
        <translation>智能体做出的原样</translation>
    </message>
</context>
<context>
    <name>nemo::app::TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Your timeline appears here once the agent has made an edit.
Add media to the bin and describe the video you want in the chat.</source>
        <translation>智能体完成剪辑后，时间线会显示在这里。
把素材添加到素材库，然后在对话中描述你想要的视频。</translation>
    </message>
    <message>
        <source>Volume %1 · %2</source>
        <translation>音量 %1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n segment(s)</source>
        <translation>
            <numerusform>%1 · %n 个片段</numerusform>
        </translation>
    </message>
    <message>
        <source>Volume %1</source>
        <translation>音量 %1</translation>
    </message>
    <message>
        <source>Changed by the last reply</source>
        <translation>由上一条回复修改</translation>
    </message>
    <message>
        <source>No timeline yet: it appears here once the agent has made an edit.</source>
        <translation>还没有时间线：智能体完成剪辑后，时间线会显示在这里。</translation>
    </message>
    <message>
        <source>%1 total</source>
        <translation>共 %1</translation>
    </message>
    <message>
        <source>%1 · %2 – %3 (%4)</source>
        <translation>%1 · %2 – %3（%4）</translation>
    </message>
    <message>
        <source>From %1 into the media</source>
        <translation>从素材的 %1 处开始</translation>
    </message>
    <message>
        <source>Fades in over %1, out over %2</source>
        <translation>淡入 %1，淡出 %2</translation>
    </message>
    <message>
        <source>The media is shorter: its last frame holds for %1</source>
        <translation>素材较短：最后一帧停留 %1</translation>
    </message>
    <message>
        <source>Not on this computer yet: %1</source>
        <translation>尚未在本机：%1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Edited by hand</source>
        <translation>已手动修改</translation>
    </message>
    <message>
        <source>There is no segment to split under the playhead on the current track.</source>
        <translation>当前轨道的播放头下没有可以分割的片段。</translation>
    </message>
    <message>
        <source>Select a segment first (or put the playhead over one on the current track).</source>
        <translation>请先选择一个片段（或把播放头放在当前轨道的某个片段上）。</translation>
    </message>
    <message>
        <source>Nothing would change.</source>
        <translation>不会有任何变化。</translation>
    </message>
    <message>
        <source>Select this segment alone</source>
        <translation>只选中这个片段</translation>
    </message>
    <message>
        <source>Add this segment to the selection or take it out</source>
        <translation>把这个片段加入选择或移出选择</translation>
    </message>
</context>
<context>
    <name>nemo::app::VideoPlayer</name>
    <message>
        <source>Pause (Space)</source>
        <translation>暂停（空格）</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>播放（空格）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>播放位置</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>Full screen (F; Esc to leave)</source>
        <translation>全屏（F；按 Esc 退出）</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Exported video</source>
        <translation>导出的视频</translation>
    </message>
    <message>
        <source>The exported video. Space plays or pauses, F toggles full screen, Esc leaves it.</source>
        <translation>导出的视频。空格键播放或暂停，F 键切换全屏，Esc 退出全屏。</translation>
    </message>
    <message>
        <source>Where the video is; the arrow keys move by seconds.</source>
        <translation>视频的播放位置；方向键按秒移动。</translation>
    </message>
    <message>
        <source>This video can&apos;t be played here. &lt;a href=&quot;open&quot;&gt;Open it in your video player&lt;/a&gt;.</source>
        <translation>这个视频无法在此播放。&lt;a href=&quot;open&quot;&gt;用你的视频播放器打开&lt;/a&gt;。</translation>
    </message>
    <message>
        <source>Media clip</source>
        <translation>素材片段</translation>
    </message>
    <message>
        <source>The clip from the media bin. Space plays or pauses, F toggles full screen, Esc leaves it.</source>
        <translation>素材库中的片段。空格键播放或暂停，F 切换全屏，Esc 退出全屏。</translation>
    </message>
</context>
<context>
    <name>nemo::app::WebAppHandoff</name>
    <message>
        <source>Opening this project in the NemoVideo web app…</source>
        <translation>正在 NemoVideo 网页版中打开这个项目…</translation>
    </message>
    <message>
        <source>Couldn&apos;t open the project in the web app: %1</source>
        <translation>无法在网页版中打开这个项目：%1</translation>
    </message>
    <message>
        <source>Opened in your browser: continue there with the same project.</source>
        <translation>已在浏览器中打开：你可以在那里继续这个项目。</translation>
    </message>
</context>
<context>
    <name>nemo::auth::Authenticator</name>
    <message>
        <source>The token in NEMO_TOKEN was rejected (expired or invalid). Unset NEMO_TOKEN to use a free anonymous token, or set a valid one.</source>
        <translation>NEMO_TOKEN 中的令牌被拒绝（已过期或无效）。取消设置 NEMO_TOKEN 以使用免费匿名令牌，或设置一个有效的令牌。</translation>
    </message>
</context>
<context>
    <name>nemo::auth::SecretStore</name>
    <message>
        <source>system keychain</source>
        <translation>系统钥匙串</translation>
    </message>
    <message>
        <source>memory only (forgotten when the app closes)</source>
        <translation>仅内存（关闭应用后会被忘记）</translation>
    </message>
    <message>
        <source>unencrypted file %1 (readable by you only)</source>
        <translation>不加密的文件 %1（只有你可以读取）</translation>
    </message>
    <message>
        <source>The file %1 could not be read.</source>
        <translation>无法读取文件 %1。</translation>
    </message>
    <message>
        <source>The file %1 could not be written.</source>
        <translation>无法写入文件 %1。</translation>
    </message>
</context>
<context>
    <name>nemo::cli::CliApplication</name>
    <message>
        <source>Sign in (a free anonymous account if needed) and open a session.</source>
        <translation>登录（需要时使用免费匿名账户）并打开会话。</translation>
    </message>
    <message>
        <source>Forget the stored sign-in for this server.</source>
        <translation>忘记此服务器已保存的登录。</translation>
    </message>
    <message>
        <source>Show the credit balance.</source>
        <translation>显示积分余额。</translation>
    </message>
    <message>
        <source>Upload photos, videos or music to the session.</source>
        <translation>把照片、视频或音乐上传到会话。</translation>
    </message>
    <message>
        <source>FILE… | --url URL</source>
        <translation>文件… | --url 网址</translation>
    </message>
    <message>
        <source>Send a message to the agent; the reply streams to stdout.</source>
        <translation>给智能体发送消息；回复会流式输出到标准输出。</translation>
    </message>
    <message>
        <source>&quot;MESSAGE&quot;</source>
        <translation>&quot;消息&quot;</translation>
    </message>
    <message>
        <source>Show the timeline (the draft as JSON with --json).</source>
        <translation>显示时间线（加 --json 时以 JSON 输出草稿）。</translation>
    </message>
    <message>
        <source>Render the timeline and download the MP4.</source>
        <translation>渲染时间线并下载 MP4。</translation>
    </message>
    <message>
        <source>--out FILE.mp4</source>
        <translation>--out 文件.mp4</translation>
    </message>
    <message>
        <source>Show the session, or start a new one with --new.</source>
        <translation>显示会话，或用 --new 开始新会话。</translation>
    </message>
    <message>
        <source>Server to talk to (default: NEMO_API_BASE, else the app&apos;s setting, else the NemoVideo service).</source>
        <translation>要连接的服务器（默认：NEMO_API_BASE，否则使用应用的设置，否则使用 NemoVideo 服务）。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Print machine-readable JSON on stdout.</source>
        <translation>在标准输出打印机器可读的 JSON。</translation>
    </message>
    <message>
        <source>Attribution source to send (one of the built-in profiles).</source>
        <translation>要发送的来源标识（内置配置之一）。</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Run &apos;nemo-cli &lt;command&gt; --help&apos; for a command&apos;s options.</source>
        <translation>运行 &apos;nemo-cli &lt;命令&gt; --help&apos; 查看某个命令的选项。</translation>
    </message>
    <message>
        <source>Environment: NEMO_TOKEN (use this token, never stored), NEMO_API_BASE (server).</source>
        <translation>环境变量：NEMO_TOKEN（使用此令牌，不会被保存），NEMO_API_BASE（服务器）。</translation>
    </message>
    <message>
        <source>Exit codes:</source>
        <translation>退出码：</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>没有给出命令。</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <source>Photos, videos or music (%1).</source>
        <translation>照片、视频或音乐（%1）。</translation>
    </message>
    <message>
        <source>FILE…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>Upload from a link instead (repeatable).</source>
        <translation>改为从链接上传（可重复）。</translation>
    </message>
    <message>
        <source>What you want, e.g. &quot;turn these images into a 30-second promo video&quot;.</source>
        <translation>你想要什么，例如“把这些图片做成一段 30 秒的宣传视频”。</translation>
    </message>
    <message>
        <source>Always send to the agent, even &quot;export&quot; or &quot;credits&quot;.</source>
        <translation>总是发送给智能体，即使是“导出”或“积分”。</translation>
    </message>
    <message>
        <source>Where to save the MP4.</source>
        <translation>MP4 的保存位置。</translation>
    </message>
    <message>
        <source>FILE.mp4</source>
        <translation>文件.mp4</translation>
    </message>
    <message>
        <source>Render quality (default: high).</source>
        <translation>渲染画质（默认：high）。</translation>
    </message>
    <message>
        <source>QUALITY</source>
        <translation>画质</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>秒数</translation>
    </message>
    <message>
        <source>Continue the export an earlier run left unfinished.</source>
        <translation>继续之前一次运行未完成的导出。</translation>
    </message>
    <message>
        <source>Start a new session (the timeline starts empty).</source>
        <translation>开始新会话（时间线从空开始）。</translation>
    </message>
    <message>
        <source>Usage: nemo-cli %1 %2</source>
        <translation>用法：nemo-cli %1 %2</translation>
    </message>
    <message>
        <source>Unknown profile &quot;%1&quot;. Known profiles: %2.</source>
        <translation>未知配置“%1”。已知配置：%2。</translation>
    </message>
    <message>
        <source>The service no longer knew the previous session; a new one was started (its timeline is empty).</source>
        <translation>服务已不认识之前的会话；已开始新会话（它的时间线是空的）。</translation>
    </message>
    <message>
        <source>Warning: the keychain did not finish saving the sign-in.</source>
        <translation>警告：钥匙串没有完成保存登录信息。</translation>
    </message>
    <message>
        <source>Stopping… (the state is checked so nothing is lost)</source>
        <translation>正在停止…（会检查状态，确保不丢失任何内容）</translation>
    </message>
    <message>
        <source>The export keeps running on the server; &apos;nemo-cli export --resume --out FILE.mp4&apos; picks it up.</source>
        <translation>导出仍在服务器上运行；&apos;nemo-cli export --resume --out 文件.mp4&apos; 可以接着处理。</translation>
    </message>
    <message>
        <source>%1 credits available, %2 frozen (%3 in total)</source>
        <translation>可用 %1 积分，冻结 %2（共 %3）</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>已登录：%1</translation>
    </message>
    <message>
        <source>the account of NEMO_TOKEN</source>
        <translation>NEMO_TOKEN 的账户</translation>
    </message>
    <message>
        <source> (free anonymous account)</source>
        <translation> （免费匿名账户）</translation>
    </message>
    <message numerus="yes">
        <source>, %n day(s) left on the sign-in</source>
        <translation>
            <numerusform>，登录还剩 %n&#xa0;天</numerusform>
        </translation>
    </message>
    <message>
        <source>Session %1 on %2.</source>
        <translation>会话 %1，服务器 %2。</translation>
    </message>
    <message>
        <source>Signed out. The next command signs in again with a new free account.</source>
        <translation>已退出登录。下一个命令会用新的免费账户重新登录。</translation>
    </message>
    <message>
        <source>Give one or more files, or --url URL.</source>
        <translation>请给出一个或多个文件，或 --url 网址。</translation>
    </message>
    <message>
        <source>Upload files or URLs, not both at once.</source>
        <translation>请上传文件或网址，不要同时上传两者。</translation>
    </message>
    <message>
        <source>Uploading… %1%</source>
        <translation>正在上传… %1%</translation>
    </message>
    <message>
        <source>Uploaded %1 (%2)</source>
        <translation>已上传 %1（%2）</translation>
    </message>
    <message>
        <source>Say what you want, e.g. nemo-cli chat &quot;turn these images into a 30-second promo video&quot;.</source>
        <translation>说出你想要什么，例如 nemo-cli chat &quot;把这些图片做成一段 30 秒的宣传视频&quot;。</translation>
    </message>
    <message>
        <source>(handled here, not sent to the agent: credits)</source>
        <translation>（在本地处理，未发送给智能体：积分）</translation>
    </message>
    <message>
        <source>(handled here, not sent to the agent: timeline)</source>
        <translation>（在本地处理，未发送给智能体：时间线）</translation>
    </message>
    <message>
        <source>To export, run: nemo-cli export --out FILE.mp4 (add --no-route to send this to the agent instead).</source>
        <translation>要导出，请运行：nemo-cli export --out 文件.mp4（加 --no-route 则改为发送给智能体）。</translation>
    </message>
    <message>
        <source>To upload, run: nemo-cli upload FILE… (add --no-route to send this to the agent instead).</source>
        <translation>要上传，请运行：nemo-cli upload 文件…（加 --no-route 则改为发送给智能体）。</translation>
    </message>
    <message>
        <source>⏳ Still working…</source>
        <translation>⏳ 仍在处理…</translation>
    </message>
    <message numerus="yes">
        <source>%n uploaded file(s) in this session.</source>
        <translation>
            <numerusform>本会话中已上传 %n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Say where to save the video: nemo-cli export --out FILE.mp4</source>
        <translation>请指定视频的保存位置：nemo-cli export --out 文件.mp4</translation>
    </message>
    <message>
        <source>%1 is a folder; give a file name, e.g. %1/video.mp4</source>
        <translation>%1 是一个文件夹；请给出文件名，例如 %1/video.mp4</translation>
    </message>
    <message>
        <source>%1 already exists; add --force to overwrite it.</source>
        <translation>%1 已存在；加 --force 可覆盖它。</translation>
    </message>
    <message>
        <source>Export %1: %2, %3%</source>
        <translation>导出 %1：%2，%3%</translation>
    </message>
    <message>
        <source>Downloading… %1%</source>
        <translation>正在下载… %1%</translation>
    </message>
    <message>
        <source>Downloading… %1 KB</source>
        <translation>正在下载… %1 KB</translation>
    </message>
    <message>
        <source>There is no unfinished export to resume.</source>
        <translation>没有可以继续的未完成导出。</translation>
    </message>
    <message>
        <source>Resuming export %1…</source>
        <translation>正在继续导出 %1…</translation>
    </message>
    <message>
        <source>The timeline is empty, so there is nothing to export yet. Upload media and ask the agent for a video first.</source>
        <translation>时间线是空的，还没有可以导出的内容。请先上传素材，并让智能体制作视频。</translation>
    </message>
    <message>
        <source>Session %1 (language %2) on %3.</source>
        <translation>会话 %1（语言 %2），服务器 %3。</translation>
    </message>
    <message>
        <source>Keep the sign-in in FILE (readable by you only, NOT encrypted) instead of the system keychain; for machines without one.</source>
        <translation>把登录信息保存在 FILE 中（只有你可以读取，【不加密】），而不是系统钥匙串；用于没有钥匙串的机器。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Usage: nemo-cli [--base-url URL] [--json] [--secrets-file FILE] &lt;command&gt; [options]</source>
        <translation>用法：nemo-cli [--base-url URL] [--json] [--secrets-file FILE] &lt;命令&gt; [选项]</translation>
    </message>
    <message>
        <source>Warning: the sign-in couldn&apos;t be saved (%1). It works for this run but won&apos;t be remembered; set NEMO_TOKEN to reuse a token, or choose --secrets-file FILE to keep it in a file that is not encrypted.</source>
        <translation>警告：无法保存登录信息（%1）。本次运行可以正常使用，但不会被记住；设置 NEMO_TOKEN 可重复使用令牌，或使用 --secrets-file FILE 把它保存在一个不加密的文件中。</translation>
    </message>
    <message>
        <source>Continue this project in the NemoVideo web app (opens the browser).</source>
        <translation>在 NemoVideo 网页版中继续这个项目（打开浏览器）。</translation>
    </message>
    <message>
        <source>The longest wait between status checks, in seconds (2 or more; default: 30). Checks come sooner when the render&apos;s progress says it will finish sooner.</source>
        <translation>两次状态检查之间最长的等待时间，单位为秒（至少 2；默认 30）。如果渲染进度显示会更早完成，检查也会提前。</translation>
    </message>
    <message>
        <source>Stop the export that is running for this session.</source>
        <translation>停止本会话中正在进行的导出。</translation>
    </message>
    <message>
        <source>Only print the link; don&apos;t open the browser.</source>
        <translation>只打印链接，不打开浏览器。</translation>
    </message>
    <message>
        <source>--poll-interval takes a number of seconds between 2 and 3600.</source>
        <translation>--poll-interval 需要 2 到 3600 之间的秒数。</translation>
    </message>
    <message>
        <source>Generated by the agent:</source>
        <translation>由智能体生成：</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1&#xa0;秒</translation>
    </message>
    <message>
        <source>Prompt: %1</source>
        <translation>提示词：%1</translation>
    </message>
    <message>
        <source>There is no export running for this session.</source>
        <translation>本会话中没有正在进行的导出。</translation>
    </message>
    <message>
        <source>Export %1 cancelled.</source>
        <translation>导出 %1 已取消。</translation>
    </message>
    <message>
        <source>This export can&apos;t be stopped; it will finish on its own. Fetch it with: nemo-cli export --resume --out FILE.mp4</source>
        <translation>这次导出无法停止，它会自行完成。之后可以用以下命令获取：nemo-cli export --resume --out FILE.mp4</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was saved.</source>
        <translation>导出已取消，没有保存任何文件。</translation>
    </message>
    <message>
        <source>Couldn&apos;t start a web browser; open the link above yourself.</source>
        <translation>无法启动浏览器，请自行打开上面的链接。</translation>
    </message>
    <message>
        <source>Render on this computer with MLT&apos;s melt instead of the service (works offline once the media is here).</source>
        <translation>用 MLT 的 melt 在这台电脑上渲染，而不是在服务上（素材在本机后可离线使用）。</translation>
    </message>
    <message>
        <source>Write the edit as an MLT project for Shotcut or melt, with every source on this computer.</source>
        <translation>把剪辑写成供 Shotcut 或 melt 使用的 MLT 项目，所有素材都指向这台电脑上的文件。</translation>
    </message>
    <message>
        <source>FILE.mlt</source>
        <translation>文件.mlt</translation>
    </message>
    <message>
        <source>With --local: render even when some media is missing (with gaps there).</source>
        <translation>配合 --local：即使缺少部分素材也渲染（缺失处留空）。</translation>
    </message>
    <message>
        <source>The service can&apos;t be reached; using the timeline as it was last seen.</source>
        <translation>无法连接服务；使用上次看到的时间线。</translation>
    </message>
    <message>
        <source>Left empty: %1</source>
        <translation>已留空：%1</translation>
    </message>
    <message>
        <source>Rendering on this computer… %1%</source>
        <translation>正在这台电脑上渲染… %1%</translation>
    </message>
    <message>
        <source>Add --allow-missing to render with gaps where that media was.</source>
        <translation>加上 --allow-missing 可在缺失素材处留空并继续渲染。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>  0 success, 1 other failure, 2 usage error, 3 sign-in problem (token, rate limit, keychain),
  4 out of credits, 5 export not in your plan, 6 bad input (file type, size, empty timeline),
  7 network (offline, timeout, insecure), 8 service error (including failed renders),
  9 the project is open in Nemo Studio or another nemo-cli run,
  10 a file can&apos;t be written or kept (a full or read-only disk, a local render stopped), 130 interrupted.
</source>
        <translation>  0 成功，1 其他失败，2 用法错误，3 登录问题（令牌、频率限制、钥匙串），
  4 积分不足，5 当前套餐不含导出，6 输入无效（文件类型、大小、空时间线），
  7 网络（离线、超时、不安全），8 服务错误（包括渲染失败），
  9 项目已在 Nemo Studio 或另一个 nemo-cli 运行中打开，
  10 文件无法写入或保留（磁盘已满或只读，本地渲染被停止），130 已中断。
</translation>
    </message>
    <message>
        <source>%1 Commands that only look (state, credits, web, export --cancel) work meanwhile.</source>
        <translation>%1 只查看的命令（state、credits、web、export --cancel）在此期间仍可使用。</translation>
    </message>
    <message>
        <source>Edit the timeline by hand, undo or redo (no credits, no network).</source>
        <translation>手动编辑时间线、撤销或重做（不消耗积分，无需网络）。</translation>
    </message>
    <message>
        <source>list|undo|redo|discard|delete|move|trim|split|title|volume …</source>
        <translation>list|undo|redo|discard|delete|move|trim|split|title|volume …</translation>
    </message>
    <message>
        <source>list | undo | redo | discard | delete SEGMENT | move SEGMENT TIME | trim SEGMENT | split SEGMENT TIME | title SEGMENT | volume SEGMENT PERCENT</source>
        <translation>list | undo | redo | discard | delete 片段 | move 片段 时间 | trim 片段 | split 片段 时间 | title 片段 | volume 片段 百分比</translation>
    </message>
    <message>
        <source>Move what follows on the track too (delete, move, trim).</source>
        <translation>同时移动轨道上后面的内容（delete、move、trim）。</translation>
    </message>
    <message>
        <source>trim: where the segment now starts.</source>
        <translation>trim：片段新的开始位置。</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>trim: where the segment now ends.</source>
        <translation>trim：片段新的结束位置。</translation>
    </message>
    <message>
        <source>title: the new words.</source>
        <translation>title：新的文字。</translation>
    </message>
    <message>
        <source>WORDS</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>title: how long it shows.</source>
        <translation>title：显示时长。</translation>
    </message>
    <message>
        <source>volume: fade in over this long.</source>
        <translation>volume：淡入时长。</translation>
    </message>
    <message>
        <source>volume: fade out over this long.</source>
        <translation>volume：淡出时长。</translation>
    </message>
    <message>
        <source>No hand edits.</source>
        <translation>没有手动修改。</translation>
    </message>
    <message>
        <source> (undone)</source>
        <translation>（已撤销）</translation>
    </message>
    <message>
        <source>There is no timeline to edit yet: ask the agent for a video first.</source>
        <translation>还没有可编辑的时间线：请先让助手生成视频。</translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation>没有可以撤销的操作。</translation>
    </message>
    <message>
        <source>There is nothing to redo.</source>
        <translation>没有可以重做的操作。</translation>
    </message>
    <message>
        <source>Undid: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <source>Redid: %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <source>The timeline is the agent&apos;s already: there are no hand edits to discard.</source>
        <translation>时间线已是助手的版本：没有可放弃的手动修改。</translation>
    </message>
    <message>
        <source>Name the segment, as `nemo-cli state` lists it (e.g. Video:photo1.jpg or Video:2).</source>
        <translation>请按 `nemo-cli state` 列出的名称指定片段（例如 Video:photo1.jpg 或 Video:2）。</translation>
    </message>
    <message>
        <source>Give the time, e.g. 4.5 (seconds) or 00:04:15 (minutes:seconds:frames).</source>
        <translation>请给出时间，例如 4.5（秒）或 00:04:15（分:秒:帧）。</translation>
    </message>
    <message>
        <source>Say which edge: --start TIME or --end TIME.</source>
        <translation>请指定哪一端：--start 时间 或 --end 时间。</translation>
    </message>
    <message>
        <source>Give the length, e.g. 4 (seconds) or 00:04:00.</source>
        <translation>请给出时长，例如 4（秒）或 00:04:00。</translation>
    </message>
    <message>
        <source>Give the volume in percent, e.g. 35.</source>
        <translation>请以百分比给出音量，例如 35。</translation>
    </message>
    <message>
        <source>Give the fade&apos;s length, e.g. 1.5 (seconds).</source>
        <translation>请给出淡入淡出的时长，例如 1.5（秒）。</translation>
    </message>
    <message>
        <source>Unknown edit &quot;%1&quot;. Run nemo-cli edit --help.</source>
        <translation>未知的编辑操作“%1”。请运行 nemo-cli edit --help。</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>完成：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n hand edit(s) (nemo-cli edit list).</source>
        <translation>
            <numerusform>%n 项手动修改（nemo-cli edit list）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Write the edit as an OpenTimelineIO timeline for DaVinci Resolve and other editors, with every source on this computer.</source>
        <translation>把剪辑写成 OpenTimelineIO 时间线，供 DaVinci Resolve 等剪辑软件使用，所有素材都指向这台电脑上的文件。</translation>
    </message>
    <message>
        <source>FILE.otio</source>
        <translation>文件.otio</translation>
    </message>
    <message>
        <source>Give either --mlt or --otio, one project at a time.</source>
        <translation>请只给出 --mlt 或 --otio 之一，一次导出一个项目。</translation>
    </message>
    <message>
        <source>It was at %1.</source>
        <translation>它原来在 %1。</translation>
    </message>
    <message>
        <source>%1 was at %2.</source>
        <translation>%1 原来在 %2。</translation>
    </message>
    <message>
        <source>The command failed (exit code %1).</source>
        <translation>命令失败（退出码 %1）。</translation>
    </message>
    <message>
        <source>Overwrite the file given with --out, --mlt or --otio if it exists.</source>
        <translation>若 --out、--mlt 或 --otio 指定的文件已存在，则覆盖它。</translation>
    </message>
    <message>
        <source>The service did not give the timeline (%1); using the timeline as it was last seen.</source>
        <translation>服务未返回时间线（%1）；使用上次看到的时间线。</translation>
    </message>
    <message>
        <source>%1 is a folder; give a file name.</source>
        <translation>%1 是文件夹；请给出文件名。</translation>
    </message>
    <message>
        <source>%1 Nothing was done.</source>
        <translation>%1 未做任何操作。</translation>
    </message>
</context>
<context>
    <name>nemo::client::AppInstance</name>
    <message>
        <source>Another start of Nemo Studio did not finish; opening a window anyway.</source>
        <translation>另一个正在启动的 Nemo Studio 没有完成；仍然打开一个窗口。</translation>
    </message>
    <message>
        <source>Later starts cannot hand their files to this window (%1).</source>
        <translation>之后启动时无法把文件交给此窗口（%1）。</translation>
    </message>
</context>
<context>
    <name>nemo::client::Conversation</name>
    <message>
        <source>Opening the export…</source>
        <translation>正在打开导出…</translation>
    </message>
    <message>
        <source>Choose the photos, videos or music to add.</source>
        <translation>选择要添加的照片、视频或音乐。</translation>
    </message>
    <message>
        <source>You have %1 credits available (%2 frozen while work is running, %3 in total).</source>
        <translation>你有 %1 积分可用（任务进行中冻结 %2，共 %3）。</translation>
    </message>
    <message numerus="yes">
        <source>The agent may still be working on it. Nemo Studio will look at the timeline in %n second(s), then every %1 s, and stop after %2 looks without a change (or when you press Stop Waiting).</source>
        <translation>
            <numerusform>智能体可能仍在处理。Nemo Studio 会在 %n&#xa0;秒后查看时间线，之后每 %1&#xa0;秒查看一次，连续 %2 次没有变化（或你按下“停止等待”）后停止。</numerusform>
        </translation>
    </message>
    <message>
        <source>The agent carried on: there is new generated media in the media bin.</source>
        <translation>智能体继续完成了工作：素材库中有新生成的素材。</translation>
    </message>
    <message>
        <source>The agent carried on. What changed: %1.</source>
        <translation>智能体继续完成了工作。变化：%1。</translation>
    </message>
    <message numerus="yes">
        <source>Nothing changed in %n look(s) at the timeline, so Nemo Studio stopped waiting for the agent.</source>
        <translation>
            <numerusform>连续 %n 次查看时间线都没有变化，Nemo Studio 已停止等待智能体。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped waiting for the agent. What it did so far is on the timeline.</source>
        <translation>已停止等待智能体。它目前完成的内容都在时间线上。</translation>
    </message>
    <message>
        <source>(I edited the timeline by hand: %1.)</source>
        <translation>（我手动修改了时间线：%1。）</translation>
    </message>
</context>
<context>
    <name>nemo::client::Workspace</name>
    <message>
        <source>Your sign-in could not be saved in the %1 (%2). It works for now but will not be remembered.</source>
        <translation>你的登录无法保存在%1中（%2）。现在可以使用，但不会被记住。</translation>
    </message>
    <message>
        <source>The service no longer knew this editing session, so a new one was started. Its timeline starts empty.</source>
        <translation>服务已不认识这个编辑会话，所以开始了一个新会话。它的时间线从空开始。</translation>
    </message>
</context>
<context>
    <name>nemo::draft::Draft</name>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Track type %1</source>
        <translation>轨道类型 %1</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>轨道</translation>
    </message>
    <message>
        <source>Timeline is empty</source>
        <translation>时间线为空</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>1 segment</source>
        <translation>1 个片段</translation>
    </message>
    <message>
        <source>%1 segments</source>
        <translation>%1 个片段</translation>
    </message>
    <message>
        <source>+ %1 more</source>
        <translation>+ 还有 %1 个</translation>
    </message>
    <message>
        <source>Timeline (1 track)</source>
        <translation>时间线（1 条轨道）</translation>
    </message>
    <message>
        <source>Timeline (%1 tracks)</source>
        <translation>时间线（%1 条轨道）</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <source>BGM</source>
        <translation>背景音乐</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Titles</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Subtitles</source>
        <translation>字幕</translation>
    </message>
    <message>
        <source>Captions</source>
        <translation>字幕</translation>
    </message>
    <message>
        <source>Voice-over</source>
        <translation>旁白</translation>
    </message>
    <message>
        <source>Sound effects</source>
        <translation>音效</translation>
    </message>
    <message>
        <source>%1s</source>
        <comment>a length in seconds</comment>
        <translation>%1&#xa0;秒</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>%1-%2s</source>
        <comment>a time range in seconds</comment>
        <translation>%1–%2&#xa0;秒</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>a time range, then a volume</comment>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source> (%1)</source>
        <comment>after a track&apos;s contents: its time range</comment>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>%1. %2: %3%4</source>
        <comment>a track: its number, name, contents and time range</comment>
        <translation>%1. %2：%3%4</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>the timeline&apos;s heading, then its tracks</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot;</source>
        <comment>a title&apos;s words, quoted</comment>
        <translation>“%1”</translation>
    </message>
</context>
<context>
    <name>nemo::draft::DraftDiff</name>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>added track %1</source>
        <translation>添加了轨道 %1</translation>
    </message>
    <message>
        <source>removed track %1</source>
        <translation>移除了轨道 %1</translation>
    </message>
    <message>
        <source>renamed track %1 to %2</source>
        <translation>把轨道 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>added 1 segment to %1</source>
        <translation>在 %1 中添加了 1 个片段</translation>
    </message>
    <message>
        <source>added %1 segments to %2</source>
        <translation>在 %2 中添加了 %1 个片段</translation>
    </message>
    <message>
        <source>removed 1 segment from %1</source>
        <translation>从 %1 中移除了 1 个片段</translation>
    </message>
    <message>
        <source>removed %1 segments from %2</source>
        <translation>从 %2 中移除了 %1 个片段</translation>
    </message>
    <message>
        <source>moved or resized 1 segment in %1</source>
        <translation>在 %1 中移动或调整了 1 个片段</translation>
    </message>
    <message>
        <source>moved or resized %1 segments in %2</source>
        <translation>在 %2 中移动或调整了 %1 个片段</translation>
    </message>
    <message>
        <source>replaced 1 segment in %1</source>
        <translation>在 %1 中替换了 1 个片段</translation>
    </message>
    <message>
        <source>replaced %1 segments in %2</source>
        <translation>在 %2 中替换了 %1 个片段</translation>
    </message>
    <message>
        <source>%1 volume %2 → %3</source>
        <translation>%1 音量 %2 → %3</translation>
    </message>
    <message>
        <source>%1 text &quot;%2&quot; → &quot;%3&quot;</source>
        <translation>%1 文字“%2”→“%3”</translation>
    </message>
    <message>
        <source>length %1 → %2</source>
        <translation>时长 %1 → %2</translation>
    </message>
    <message>
        <source>no changes to the timeline</source>
        <translation>时间线没有变化</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the changes made by a turn</comment>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>nemo::edit::Edit</name>
    <message>
        <source>a stored hand edit is not readable</source>
        <translation>一项保存的手动修改无法读取</translation>
    </message>
    <message>
        <source>a stored hand edit is of a kind this version doesn&apos;t know</source>
        <translation>一项保存的手动修改属于此版本不认识的类型</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>“%1”：%2</translation>
    </message>
    <message>
        <source>“%1” holds no change</source>
        <translation>“%1”不包含任何修改</translation>
    </message>
</context>
<context>
    <name>nemo::edit::EditOp</name>
    <message>
        <source>a change names no segment</source>
        <translation>一项修改没有指明片段</translation>
    </message>
    <message>
        <source>a change of %1 has a property this version doesn&apos;t know</source>
        <translation>对 %1 的修改含有此版本不认识的属性</translation>
    </message>
    <message>
        <source>a change of %1 changes nothing</source>
        <translation>对 %1 的修改没有改变任何内容</translation>
    </message>
    <message>
        <source>a change of %1 has damaged values</source>
        <translation>对 %1 的修改数值已损坏</translation>
    </message>
    <message>
        <source>a removal of %1 has damaged values</source>
        <translation>删除 %1 的记录数值已损坏</translation>
    </message>
    <message>
        <source>an added segment %1 names no track</source>
        <translation>添加的片段 %1 没有指明轨道</translation>
    </message>
    <message>
        <source>an added segment %1 has damaged values</source>
        <translation>添加的片段 %1 数值已损坏</translation>
    </message>
    <message>
        <source>an added segment %1 is damaged</source>
        <translation>添加的片段 %1 已损坏</translation>
    </message>
    <message>
        <source>a change of a kind this version doesn&apos;t know (%1)</source>
        <translation>此版本不认识的修改类型（%1）</translation>
    </message>
</context>
<context>
    <name>nemo::edit::EditedDraft</name>
    <message>
        <source>%1 is no longer in the timeline.</source>
        <translation>%1 已不在时间线中。</translation>
    </message>
    <message>
        <source>%1 has changed meanwhile.</source>
        <translation>%1 在此期间已被更改。</translation>
    </message>
    <message>
        <source>%1 is in the timeline already.</source>
        <translation>%1 已在时间线中。</translation>
    </message>
    <message>
        <source>The track of %1 is no longer in the timeline.</source>
        <translation>%1 所在的轨道已不在时间线中。</translation>
    </message>
    <message>
        <source>%1 would have no length left.</source>
        <translation>%1 将没有长度。</translation>
    </message>
    <message>
        <source>%1 would start before the beginning of the video.</source>
        <translation>%1 将在视频开始之前开始。</translation>
    </message>
    <message>
        <source>%1 can&apos;t start before the beginning of its media.</source>
        <translation>%1 不能早于其素材的开头开始。</translation>
    </message>
    <message>
        <source>A fade of %1 can&apos;t be shorter than nothing.</source>
        <translation>%1 的淡入淡出时长不能为负。</translation>
    </message>
    <message>
        <source>%1 can&apos;t be louder than 400%.</source>
        <translation>%1 的音量不能超过 400%。</translation>
    </message>
    <message>
        <source>%1 is only %2 long: it can&apos;t reach past the end of its media.</source>
        <translation>%1 只有 %2 长：不能超过其素材的结尾。</translation>
    </message>
    <message>
        <source>%1 would overlap %2.</source>
        <translation>%1 将与 %2 重叠。</translation>
    </message>
    <message>
        <source>No segment is called “%1”. Name one as `nemo-cli state` lists it, e.g. Video:photo1.jpg or Video:2.</source>
        <translation>没有名为“%1”的片段。请按 `nemo-cli state` 列出的名称指定，例如 Video:photo1.jpg 或 Video:2。</translation>
    </message>
    <message>
        <source>No track is called “%1”.</source>
        <translation>没有名为“%1”的轨道。</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n segment(s).</source>
        <translation>
            <numerusform>%1 有 %n 个片段。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has only %n segment(s) called “%2”.</source>
        <translation>
            <numerusform>%1 只有 %n 个名为“%2”的片段。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no segment called “%2”.</source>
        <translation>%1 没有名为“%2”的片段。</translation>
    </message>
</context>
<context>
    <name>nemo::edit::Editor</name>
    <message>
        <source>Nothing would change.</source>
        <translation>不会有任何变化。</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1&#xa0;秒</translation>
    </message>
    <message>
        <source>That segment is no longer in the timeline.</source>
        <translation>该片段已不在时间线中。</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <source>moved %1 to %2</source>
        <translation>把 %1 移到了 %2</translation>
    </message>
    <message>
        <source>There is no room for %1 there.</source>
        <translation>那里没有足够的位置放下 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Move %n segment(s)</source>
        <translation>
            <numerusform>移动 %n 个片段</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 can&apos;t start before the beginning of the video.</source>
        <translation>%1 不能早于视频开头开始。</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n 个片段</numerusform>
        </translation>
    </message>
    <message>
        <source>moved %1 %2 later</source>
        <translation>把 %1 后移了 %2</translation>
    </message>
    <message>
        <source>moved %1 %2 earlier</source>
        <translation>把 %1 前移了 %2</translation>
    </message>
    <message>
        <source>Nudge %1</source>
        <translation>微移 %1</translation>
    </message>
    <message>
        <source>Trim %1</source>
        <translation>修剪 %1</translation>
    </message>
    <message>
        <source>trimmed the start of %1 (now %2)</source>
        <translation>修剪了 %1 的开头（现在 %2）</translation>
    </message>
    <message>
        <source>trimmed %1 to %2</source>
        <translation>把 %1 修剪为 %2</translation>
    </message>
    <message>
        <source>The playhead is not inside %1.</source>
        <translation>播放头不在 %1 之内。</translation>
    </message>
    <message>
        <source>Split %1</source>
        <translation>分割 %1</translation>
    </message>
    <message>
        <source>split %1 at %2</source>
        <translation>在 %2 处分割了 %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>removed %1 and closed the gap</source>
        <translation>删除了 %1 并补上空隙</translation>
    </message>
    <message>
        <source>Lift %1</source>
        <translation>抽出 %1</translation>
    </message>
    <message>
        <source>removed %1, leaving a gap</source>
        <translation>删除了 %1，留下空隙</translation>
    </message>
    <message>
        <source>A title needs some words.</source>
        <translation>标题需要有文字。</translation>
    </message>
    <message>
        <source>Edit Title “%1”</source>
        <translation>编辑标题“%1”</translation>
    </message>
    <message>
        <source>changed the title to “%1”</source>
        <translation>把标题改为“%1”</translation>
    </message>
    <message>
        <source>made the title %1</source>
        <translation>把标题时长设为 %1</translation>
    </message>
    <message>
        <source> and </source>
        <translation>，并</translation>
    </message>
    <message>
        <source>The volume goes from 0% to 400%.</source>
        <translation>音量范围是 0% 到 400%。</translation>
    </message>
    <message>
        <source>Change Volume of %1</source>
        <translation>更改 %1 的音量</translation>
    </message>
    <message>
        <source>set the volume of %1 to %2</source>
        <translation>把 %1 的音量设为 %2</translation>
    </message>
    <message>
        <source>The fades of %1 can&apos;t be longer than the segment (%2).</source>
        <translation>%1 的淡入淡出不能超过片段长度（%2）。</translation>
    </message>
    <message>
        <source>Fade %1</source>
        <translation>淡入淡出 %1</translation>
    </message>
    <message>
        <source>set %1 to fade in over %2 and out over %3</source>
        <translation>把 %1 设为淡入 %2、淡出 %3</translation>
    </message>
    <message>
        <source>Discard Hand Edits</source>
        <translation>放弃手动修改</translation>
    </message>
    <message>
        <source>undid all my hand edits</source>
        <translation>撤销了我所有的手动修改</translation>
    </message>
</context>
<context>
    <name>nemo::edit::HandEdits</name>
    <message>
        <source>undid “%1”</source>
        <translation>撤销了“%1”</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>nemo::edit::Rebase</name>
    <message>
        <source>Not applied: %1</source>
        <translation>未应用：%1</translation>
    </message>
    <message>
        <source>%1 has moved in the agent&apos;s timeline; the edit still applies.</source>
        <translation>%1 在助手的时间线中移动了；修改仍然适用。</translation>
    </message>
    <message>
        <source>The agent changed %1 too; your edit was made over it.</source>
        <translation>助手也改动了 %1；你的修改覆盖了它。</translation>
    </message>
    <message>
        <source>%1 is no longer in the agent&apos;s timeline; the rest of the edit applies.</source>
        <translation>%1 已不在助手的时间线中；修改的其余部分仍然适用。</translation>
    </message>
    <message>
        <source>%1 is no longer in the agent&apos;s timeline.</source>
        <translation>%1 已不在助手的时间线中。</translation>
    </message>
</context>
<context>
    <name>nemo::media::MediaValidator</name>
    <message>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Photos, videos and music (%1)</source>
        <translation>照片、视频和音乐（%1）</translation>
    </message>
    <message>
        <source>Accepted: %1.</source>
        <translation>支持的格式：%1。</translation>
    </message>
    <message>
        <source>%1 doesn&apos;t exist (it may have been moved or deleted).</source>
        <translation>%1 不存在（可能已被移动或删除）。</translation>
    </message>
    <message>
        <source>%1 is a link to a file that no longer exists.</source>
        <translation>%1 是指向一个已不存在文件的链接。</translation>
    </message>
    <message>
        <source>%1 is a folder; add the photos, videos or music inside it.</source>
        <translation>%1 是一个文件夹；请添加其中的照片、视频或音乐。</translation>
    </message>
    <message>
        <source>%1 can&apos;t be read (check its permissions).</source>
        <translation>%1 无法读取（请检查它的权限）。</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes).</source>
        <translation>%1 是空文件（0 字节）。</translation>
    </message>
    <message>
        <source>%1 isn&apos;t a supported type. %2</source>
        <translation>%1 不是支持的类型。%2</translation>
    </message>
    <message>
        <source>%1 doesn&apos;t contain a real %2 (its content looks like %3). %4</source>
        <translation>%1 并不是真正的%2（它的内容看起来像%3）。%4</translation>
    </message>
    <message>
        <source>something else</source>
        <translation>其他内容</translation>
    </message>
    <message>
        <source>That was more than %1 files at once: only the first %1 were considered.</source>
        <translation>一次添加了超过 %1 个文件：只处理了前 %1 个。</translation>
    </message>
    <message>
        <source>%1 is %2 MB, over the %3 MB limit. Compress it or trim it, then try again.</source>
        <translation>%1 有 %2 MB，超过了 %3 MB 的上限。请压缩或剪短后再试。</translation>
    </message>
    <message>
        <source>%1 is not an http(s) link.</source>
        <translation>%1 不是 http(s) 链接。</translation>
    </message>
    <message>
        <source>%1 isn&apos;t a supported type. Accepted: %2.</source>
        <translation>%1 不是支持的类型。支持的格式：%2。</translation>
    </message>
    <message>
        <source>Nothing to upload.</source>
        <translation>没有可上传的内容。</translation>
    </message>
    <message>
        <source>%1 isn&apos;t a file but a device, pipe or socket.</source>
        <translation>%1 不是文件，而是设备、管道或套接字。</translation>
    </message>
    <message>
        <source>%1 has a name with characters that aren&apos;t valid text, so it can&apos;t be opened. Rename it, then add it again.</source>
        <translation>%1 的文件名包含无效的文字字符，因此无法打开。请重命名后再添加。</translation>
    </message>
    <message>
        <source>The folder %1 has no photos, videos or music in it.</source>
        <translation>文件夹 %1 中没有照片、视频或音乐。</translation>
    </message>
    <message>
        <source>%1 is a link that leads back to itself, so there is no file to add.</source>
        <translation>%1 是一个指回自身的链接，没有可添加的文件。</translation>
    </message>
</context>
<context>
    <name>nemo::media::Mp4File</name>
    <message>
        <source>it could not be read (%1)</source>
        <translation>无法读取（%1）</translation>
    </message>
    <message>
        <source>it ends before its last part is complete</source>
        <translation>文件在最后一部分完整之前就结束了</translation>
    </message>
    <message>
        <source>its index (the part that makes it playable) is missing</source>
        <translation>缺少索引（使其可播放的部分）</translation>
    </message>
    <message>
        <source>it holds no picture or sound</source>
        <translation>其中没有画面或声音</translation>
    </message>
    <message>
        <source>its index is damaged</source>
        <translation>索引已损坏</translation>
    </message>
</context>
<context>
    <name>nemo::net::ApiError</name>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Insecure connection</source>
        <translation>连接不安全</translation>
    </message>
    <message>
        <source>Unexpected answer</source>
        <translation>无法识别的响应</translation>
    </message>
    <message>
        <source>Can&apos;t use that</source>
        <translation>无法使用</translation>
    </message>
    <message>
        <source>Sign-in expired</source>
        <translation>登录已过期</translation>
    </message>
    <message>
        <source>Session lost</source>
        <translation>会话已丢失</translation>
    </message>
    <message>
        <source>Out of credits</source>
        <translation>积分不足</translation>
    </message>
    <message>
        <source>Unsupported file</source>
        <translation>不支持的文件</translation>
    </message>
    <message>
        <source>File too large</source>
        <translation>文件过大</translation>
    </message>
    <message>
        <source>Request refused</source>
        <translation>请求被拒绝</translation>
    </message>
    <message>
        <source>Export not included in your plan</source>
        <translation>你的套餐不包含导出</translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation>请求过多</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Service problem</source>
        <translation>服务出现问题</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation>钥匙串不可用</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Can&apos;t reach the NemoVideo service. Check your internet connection, then try again.</source>
        <translation>无法连接 NemoVideo 服务。请检查网络连接，然后重试。</translation>
    </message>
    <message>
        <source>The service took too long to answer. Try again in a moment.</source>
        <translation>服务响应超时。请稍后再试。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>The connection isn&apos;t secure, so Nemo Studio did not use it. Plain http is only allowed for this computer (localhost).</source>
        <translation>连接不安全，Nemo Studio 没有使用它。只有本机（localhost）允许使用明文 http。</translation>
    </message>
    <message>
        <source>The service sent an answer Nemo Studio couldn&apos;t read. Try again; if it keeps happening the service may be having problems.</source>
        <translation>服务返回了 Nemo Studio 无法读取的响应。请重试；如果反复出现，可能是服务出了问题。</translation>
    </message>
    <message>
        <source>That input can&apos;t be used.</source>
        <translation>无法使用该输入。</translation>
    </message>
    <message>
        <source>Your sign-in to NemoVideo has expired or was rejected. Nemo Studio will get a new one automatically; if this keeps happening, sign out in Settings and try again.</source>
        <translation>你的 NemoVideo 登录已过期或被拒绝。Nemo Studio 会自动获取新的登录；如果反复出现，请在设置中退出登录后重试。</translation>
    </message>
    <message>
        <source>The service no longer knows this editing session. A new session was started; the timeline starts empty again.</source>
        <translation>服务已不认识这个编辑会话。已开始新会话，时间线重新从空开始。</translation>
    </message>
    <message>
        <source>You&apos;re out of free credits. Register to keep creating: %1</source>
        <translation>你的免费积分已用完。注册后可以继续创作：%1</translation>
    </message>
    <message>
        <source>You&apos;re out of credits. Top up credits in your NemoVideo account to keep creating.</source>
        <translation>你的积分已用完。请在 NemoVideo 账户中充值积分以继续创作。</translation>
    </message>
    <message>
        <source>That file type isn&apos;t supported. Accepted formats: %1.</source>
        <translation>不支持该文件类型。支持的格式：%1。</translation>
    </message>
    <message>
        <source>The file is too large for the service. Compress it or trim it to a shorter clip, then try again.</source>
        <translation>文件太大，服务无法处理。请压缩或剪短后再试。</translation>
    </message>
    <message>
        <source>The service refused the request.</source>
        <translation>服务拒绝了请求。</translation>
    </message>
    <message>
        <source>Register or upgrade your plan to unlock export. This is about your plan, not your credits.</source>
        <translation>注册或升级套餐即可解锁导出。这与套餐有关，与积分无关。</translation>
    </message>
    <message>
        <source>The service is limiting requests right now. Wait a minute and try again.</source>
        <translation>服务目前在限制请求。请等一分钟再试。</translation>
    </message>
    <message>
        <source>The service couldn&apos;t find what was asked for.</source>
        <translation>服务找不到所请求的内容。</translation>
    </message>
    <message>
        <source>The service reported a conflict.</source>
        <translation>服务报告了冲突。</translation>
    </message>
    <message>
        <source>The NemoVideo service had a problem. Try again in a moment.</source>
        <translation>NemoVideo 服务出现问题。请稍后再试。</translation>
    </message>
    <message>
        <source>The export failed on the server.</source>
        <translation>导出在服务器上失败了。</translation>
    </message>
    <message>
        <source>The system keychain couldn&apos;t be used to keep your sign-in.</source>
        <translation>无法使用系统钥匙串保存你的登录。</translation>
    </message>
    <message>
        <source>Something went wrong talking to the service.</source>
        <translation>与服务通信时出错。</translation>
    </message>
    <message>
        <source>(The service said: %1)</source>
        <translation>（服务返回：%1）</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>注册</translation>
    </message>
    <message>
        <source>Top up credits</source>
        <translation>充值积分</translation>
    </message>
    <message>
        <source>Register or upgrade</source>
        <translation>注册或升级</translation>
    </message>
    <message>
        <source>Can&apos;t write the file</source>
        <translation>无法写入文件</translation>
    </message>
    <message>
        <source>The video could not be made on this computer.</source>
        <translation>无法在这台电脑上生成视频。</translation>
    </message>
    <message>
        <source>A file could not be written on this computer.</source>
        <translation>无法在这台电脑上写入文件。</translation>
    </message>
    <message>
        <source>The service did not answer in %1 s. Try again in a moment.</source>
        <translation>服务在 %1&#xa0;秒内没有响应。请稍后再试。</translation>
    </message>
</context>
<context>
    <name>nemo::net::DownloadJob</name>
    <message>
        <source>Can&apos;t write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The downloaded file doesn&apos;t have the expected size.</source>
        <translation>下载的文件大小与预期不符。</translation>
    </message>
    <message>
        <source>The disk with %1 is full: the download of %2 stopped. Free some space and try again.</source>
        <translation>%1 所在的磁盘已满：%2 的下载已停止。请释放一些空间后再试。</translation>
    </message>
    <message>
        <source>Can&apos;t put the finished file in place: %1.</source>
        <translation>无法将完成的文件放到位：%1。</translation>
    </message>
</context>
<context>
    <name>nemo::net::ServiceConfig</name>
    <message>
        <source>&quot;%1&quot; is not a valid server address.</source>
        <translation>“%1”不是有效的服务器地址。</translation>
    </message>
    <message>
        <source>Plain http is only allowed for this computer (localhost); use https for %1.</source>
        <translation>只有本机（localhost）允许使用明文 http；请对 %1 使用 https。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http(s) address.</source>
        <translation>“%1”不是 http(s) 地址。</translation>
    </message>
    <message>
        <source>Enter the proxy server&apos;s name or address.</source>
        <translation>请输入代理服务器的名称或地址。</translation>
    </message>
    <message>
        <source>Enter only the proxy server&apos;s name or address, without http:// or a path.</source>
        <translation>只需输入代理服务器的名称或地址，不要带 http:// 或路径。</translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s port (1–65535).</source>
        <translation>请输入代理端口（1–65535）。</translation>
    </message>
</context>
<context>
    <name>nemo::net::ServiceJob</name>
    <message>
        <source>The proxy server can&apos;t be reached (see Settings).</source>
        <translation>无法连接代理服务器（见设置）。</translation>
    </message>
    <message>
        <source>The proxy server refused the user name or password (see Settings).</source>
        <translation>代理服务器拒绝了用户名或密码（见设置）。</translation>
    </message>
    <message>
        <source>The service&apos;s answer was too large to be read.</source>
        <translation>服务返回的内容太大，无法读取。</translation>
    </message>
</context>
<context>
    <name>nemo::project::ProjectDatabase</name>
    <message>
        <source>Qt&apos;s SQLite driver (QSQLITE) is not installed</source>
        <translation>未安装 Qt 的 SQLite 驱动（QSQLITE）</translation>
    </message>
    <message>
        <source>it is not a Nemo Studio project</source>
        <translation>它不是 Nemo Studio 项目</translation>
    </message>
    <message>
        <source>it was saved by a newer version of Nemo Studio</source>
        <translation>它由更新版本的 Nemo Studio 保存</translation>
    </message>
    <message>
        <source>it is empty or incomplete</source>
        <translation>它是空的或不完整</translation>
    </message>
    <message>
        <source>the file is missing</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>the folder %1 could not be created</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>it is incomplete</source>
        <translation>它不完整</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message>
        <source>The project could not be saved: %1.</source>
        <translation>无法保存项目：%1。</translation>
    </message>
    <message>
        <source>its messages</source>
        <translation>其消息</translation>
    </message>
    <message>
        <source>its media bin</source>
        <translation>其媒体库</translation>
    </message>
    <message>
        <source>its timelines</source>
        <translation>其时间线</translation>
    </message>
    <message>
        <source>its exports</source>
        <translation>其导出</translation>
    </message>
    <message>
        <source>its hand edits</source>
        <translation>其手动编辑</translation>
    </message>
    <message>
        <source>%1 could not be read (%2)</source>
        <translation>无法读取 %1（%2）</translation>
    </message>
</context>
<context>
    <name>nemo::project::ProjectKeeper</name>
    <message>
        <source>It stopped when Nemo Studio closed. Export again to make it.</source>
        <translation>Nemo Studio 关闭时它已停止。请重新导出以生成视频。</translation>
    </message>
    <message>
        <source>Some of your hand edits in this project could not be read and were left out (%1). The others are kept.</source>
        <translation>此项目中有些手动修改无法读取，已略去（%1）。其他修改都已保留。</translation>
    </message>
    <message>
        <source>%1 could not be written: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
</context>
<context>
    <name>nemo::project::ProjectLock</name>
    <message>
        <source>This project is open in %1 (process %2). Close it there first; your work there is kept.</source>
        <translation>此项目已在 %1（进程 %2）中打开。请先在那里关闭它；那里的工作会被保留。</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>另一个程序</translation>
    </message>
    <message>
        <source>This project is open in another program. Close it there first; your work there is kept.</source>
        <translation>此项目已在另一个程序中打开。请先在那里关闭它；那里的工作会被保留。</translation>
    </message>
</context>
<context>
    <name>nemo::project::ProjectStore</name>
    <message>
        <source>Untitled project</source>
        <translation>未命名项目</translation>
    </message>
    <message>
        <source>it is not a Nemo Studio project</source>
        <translation>它不是 Nemo Studio 项目</translation>
    </message>
    <message>
        <source>it was saved by a newer version of Nemo Studio</source>
        <translation>它由更新版本的 Nemo Studio 保存</translation>
    </message>
    <message>
        <source>its version is missing</source>
        <translation>缺少版本信息</translation>
    </message>
    <message>
        <source>its identifier is missing</source>
        <translation>缺少项目标识</translation>
    </message>
    <message>
        <source>This project does not exist.</source>
        <translation>这个项目不存在。</translation>
    </message>
    <message>
        <source>The project file %1 is missing.</source>
        <translation>项目文件 %1 不见了。</translation>
    </message>
    <message>
        <source>it is too large</source>
        <translation>文件太大</translation>
    </message>
    <message>
        <source>The project file %1 could not be opened: %2.</source>
        <translation>无法打开项目文件 %1：%2。</translation>
    </message>
    <message>
        <source>it is damaged or incomplete (%1)</source>
        <translation>文件已损坏或不完整（%1）</translation>
    </message>
    <message>
        <source>The project could not be opened: it was saved by a newer version of Nemo Studio.</source>
        <translation>无法打开项目：它由更新版本的 Nemo Studio 保存。</translation>
    </message>
    <message>
        <source>it belongs to another project</source>
        <translation>它属于另一个项目</translation>
    </message>
    <message>
        <source>The project could not be opened: %1. The file was kept as %2.</source>
        <translation>无法打开项目：%1。文件已另存为 %2。</translation>
    </message>
    <message>
        <source>The project could not be opened: %1. The file %2 was left as it is.</source>
        <translation>无法打开项目：%1。文件 %2 保持原样。</translation>
    </message>
    <message>
        <source>The project has no valid identifier.</source>
        <translation>项目没有有效的标识。</translation>
    </message>
    <message>
        <source>The project could not be saved: %1.</source>
        <translation>无法保存项目：%1。</translation>
    </message>
    <message>
        <source>The project could not be opened: %1.</source>
        <translation>无法打开项目：%1。</translation>
    </message>
    <message>
        <source>it is damaged (%1)</source>
        <translation>它已损坏（%1）</translation>
    </message>
    <message numerus="yes">
        <source>The project was damaged, so what could be read of it was recovered into a fresh copy: %n message(s)</source>
        <translation>
            <numerusform>项目已损坏，已将可读取的内容恢复到新副本中：%n 条消息</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) of the media bin</source>
        <translation>
            <numerusform>媒体库中的 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>no timeline</source>
        <translation>没有时间线</translation>
    </message>
    <message>
        <source>the timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>The damaged file was kept as %1.</source>
        <translation>损坏的文件已保留为 %1。</translation>
    </message>
</context>
<context>
    <name>nemo::project::ProjectWriter</name>
    <message>
        <source>Nemo Studio can&apos;t save to %1: %2. Your work is kept here and saved as soon as it can be; File → Save a Copy As… keeps it somewhere else.</source>
        <translation>Nemo Studio 无法保存到 %1：%2。你的工作保留在这里，一旦可以就会保存；“文件 → 另存副本…”可将其保存到别处。</translation>
    </message>
</context>
<context>
    <name>nemo::render::Exporter</name>
    <message>
        <source>Nemo Studio video</source>
        <translation>Nemo Studio 视频</translation>
    </message>
    <message>
        <source>This export can&apos;t be stopped; it will finish on its own.</source>
        <translation>这次导出无法停止，它会自行完成。</translation>
    </message>
    <message>
        <source>The export couldn&apos;t be stopped: %1 It is still being followed.</source>
        <translation>无法停止导出：%1 仍会继续跟进它。</translation>
    </message>
    <message>
        <source>Getting the media ready…</source>
        <translation>正在准备素材…</translation>
    </message>
    <message>
        <source>Getting the media ready: %1 of %2 downloaded…</source>
        <translation>正在准备素材：已下载 %1/%2…</translation>
    </message>
    <message>
        <source>Some media isn&apos;t on this computer: %1. Render without it (the video has a gap there), or add it to the media bin again.</source>
        <translation>有些素材不在这台电脑上：%1。可以不含它继续渲染（视频在那里会留空），或重新把它加入素材库。</translation>
    </message>
    <message>
        <source>Some media isn&apos;t on this computer: %1. Locate it, render without it (the video has a gap there), or add it to the media bin again.</source>
        <translation>有些素材不在这台电脑上：%1。请定位它、不带它渲染（视频中那里会留空），或重新把它加入素材库。</translation>
    </message>
</context>
<context>
    <name>nemo::render::FrameServer</name>
    <message>
        <source>MLT could not be started in Nemo Studio.</source>
        <translation>无法在 Nemo Studio 中启动 MLT。</translation>
    </message>
    <message>
        <source>The edit could not be loaded for the preview.</source>
        <translation>无法为预览加载该剪辑。</translation>
    </message>
</context>
<context>
    <name>nemo::render::LocalRenderJob</name>
    <message>
        <source>Rendering on this computer needs MLT&apos;s melt program, which isn&apos;t installed. On Debian or Ubuntu: sudo apt install melt (the Nemo Studio installers for Windows and macOS include it).</source>
        <translation>在这台电脑上渲染需要 MLT 的 melt 程序，但它没有安装。Debian 或 Ubuntu 上请运行：sudo apt install melt（Windows 和 macOS 版 Nemo Studio 安装包已包含它）。</translation>
    </message>
    <message>
        <source>Can&apos;t make a folder for the render: %1</source>
        <translation>无法为渲染创建文件夹：%1</translation>
    </message>
    <message>
        <source>Can&apos;t write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>melt could not be started: %1</source>
        <translation>无法启动 melt：%1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Can&apos;t create the folder %1 for the video.</source>
        <translation>无法为视频创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Can&apos;t write the video in %1: %2.</source>
        <translation>无法在 %1 中写入视频：%2。</translation>
    </message>
    <message>
        <source>%1 was left as it was.</source>
        <translation>%1 保持原样。</translation>
    </message>
    <message>
        <source>melt was stopped before the video was finished.</source>
        <translation>melt 在视频完成之前被停止。</translation>
    </message>
    <message>
        <source>melt stopped with exit code %1 before the video was finished.</source>
        <translation>melt 在视频完成之前以退出码 %1 停止。</translation>
    </message>
    <message>
        <source>melt stopped with exit code %1 before the video was finished: %2</source>
        <translation>melt 在视频完成之前以退出码 %1 停止：%2</translation>
    </message>
    <message>
        <source>melt finished without writing the video.</source>
        <translation>melt 结束了，但没有写出视频。</translation>
    </message>
    <message>
        <source>The video came out incomplete: %1.</source>
        <translation>生成的视频不完整：%1。</translation>
    </message>
    <message>
        <source>The video came out %1 s long instead of %2 s: melt stopped early.</source>
        <translation>生成的视频长 %1&#xa0;秒而不是 %2&#xa0;秒：melt 提前停止了。</translation>
    </message>
    <message>
        <source>The finished video could not be put in place: %1.</source>
        <translation>无法将完成的视频放到位：%1。</translation>
    </message>
    <message>
        <source>Nothing more can be written to %1: %2.</source>
        <translation>无法再向 %1 写入任何内容：%2。</translation>
    </message>
    <message>
        <source>melt was stopped by %1 (signal %2) before the video was finished.</source>
        <translation>melt 在视频完成之前被 %1（信号 %2）停止。</translation>
    </message>
</context>
<context>
    <name>nemo::render::RenderJob</name>
    <message>
        <source>The service no longer knows export job %1.</source>
        <translation>服务已不认识导出任务 %1。</translation>
    </message>
</context>
<context>
    <name>nemo::render::TimelineLayout</name>
    <message>
        <source>segment %1 of %2 has no source in the agent&apos;s draft</source>
        <translation>%2 的第 %1 个片段在智能体的草稿中没有素材来源</translation>
    </message>
    <message>
        <source>%1 is no longer on this computer</source>
        <translation>%1 已不在这台电脑上</translation>
    </message>
    <message>
        <source>segment %1 of %2: %3 is not on this computer, and the service gave no link to fetch it</source>
        <translation>%2 的第 %1 个片段：%3 不在这台电脑上，服务也没有给出可以下载它的链接</translation>
    </message>
    <message>
        <source>segment %1 of %2: %3 could not be fetched from the service (%4)</source>
        <translation>%2 的第 %1 个片段：无法从服务下载 %3（%4）</translation>
    </message>
    <message>
        <source>%1 isn&apos;t rendered on this computer: Nemo Studio doesn&apos;t know that kind of track.</source>
        <translation>%1 不会在这台电脑上渲染：Nemo Studio 不认识这种轨道。</translation>
    </message>
    <message>
        <source>%1 is no longer on this computer: the copy on the service is used.</source>
        <translation>%1 已不在这台电脑上：使用服务上的副本。</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s) with no length left out.</source>
        <translation>
            <numerusform>略去了 %n 个没有时长的片段。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nemo::util::FileCopy</name>
    <message>
        <source>Can&apos;t read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Can&apos;t write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>nemo::util::ReplaceFile</name>
    <message>
        <source>%1 could not be opened (%2)</source>
        <translation>无法打开 %1（%2）</translation>
    </message>
    <message>
        <source>%1 could not be written to the disk</source>
        <translation>无法将 %1 写入磁盘</translation>
    </message>
    <message>
        <source>%1 could not be written to the disk (%2)</source>
        <translation>无法将 %1 写入磁盘（%2）</translation>
    </message>
    <message>
        <source>%1 could not be replaced</source>
        <translation>无法替换 %1</translation>
    </message>
    <message>
        <source>%1 could not be replaced (%2)</source>
        <translation>无法替换 %1（%2）</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁盘是只读的</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the folder is read-only</source>
        <translation>文件夹是只读的</translation>
    </message>
    <message>
        <source>Can&apos;t write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <source>%1 is a folder</source>
        <translation>%1 是一个文件夹</translation>
    </message>
    <message>
        <source>%1 could not be written (%2)</source>
        <translation>无法写入 %1（%2）</translation>
    </message>
    <message>
        <source>%1 could not be written</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
</TS>
