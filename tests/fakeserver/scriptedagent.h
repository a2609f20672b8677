#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace nemo::fake {

struct MediaItem
{
    QString filename;
    QString fileType; // image, video or audio
    QString cdnUrl;
    QString hash;
    QString localPath;
    double duration = 0;
    int width = 0;
    int height = 0;
    double fps = 0;

    QJsonObject toJson() const;
};

struct AgentStep
{
    enum class Kind
    {
        Text,
        ToolCall,
        ToolResult
    };
    Kind kind = Kind::Text;
    QString text; // Text: the whole message (streamed in chunks, then repeated in the final event)
    QString toolName;
    QString callId;
    QJsonObject payload; // ToolCall: args, ToolResult: response
};

struct AgentTurn
{
    QList<AgentStep> steps;
    QJsonObject draft;
    QJsonArray generatedMedia;
    bool edited = false;
};

// The local server's stand-in for the service's agent: reads the message, edits the draft built from
// the session's media (a video track of the visuals, a title, background music when audio was
// uploaded), and scripts the events a real turn would stream.
class ScriptedAgent
{
public:
    struct Input
    {
        QJsonObject draft;
        QJsonArray generatedMedia;
        QList<MediaItem> media;
        QString message;
        QString language;
        QString mediaBaseUrl; // where generated clips are served
        QString clipTag;      // makes generated clips' names unique per session
        QString sandboxRoot;  // when set, segments name their media by sandbox path under it
        bool silent = false;  // an edit turn that closes without text
        int turnNumber = 1;
    };

    static AgentTurn run(const Input &input);
    static int trackCount(const QJsonObject &draft);
    static bool hasSegments(const QJsonObject &draft);
    static void toSandboxPaths(QJsonArray &tracks, const QString &root);
};

} // namespace nemo::fake
