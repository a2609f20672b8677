#include "project/projectchange.h"

namespace nemo::project {

namespace {

// Rows `count` and after were deleted by the later change: earlier values for them are gone too.
template<typename T>
void dropFrom(QMap<int, T> &rows, int count)
{
    if (count >= 0)
        rows.erase(rows.lowerBound(count), rows.end());
}

int earliest(int a, int b)
{
    if (a < 0)
        return b;
    if (b < 0)
        return a;
    return std::min(a, b);
}

} // namespace

bool ProjectChange::isEmpty() const
{
    return !header && messageCount < 0 && mediaCount < 0 && messages.isEmpty() && media.isEmpty() &&
        drafts.isEmpty() && renders.isEmpty() && editsFrom < 0;
}

void ProjectChange::merge(const ProjectChange &later)
{
    if (later.header)
        header = later.header;
    dropFrom(messages, later.messageCount);
    dropFrom(media, later.mediaCount);
    messageCount = earliest(messageCount, later.messageCount);
    mediaCount = earliest(mediaCount, later.mediaCount);
    messages.insert(later.messages);
    media.insert(later.media);
    drafts.insert(later.drafts);
    renders.insert(later.renders);
    if (later.editsFrom >= 0) {
        if (editsFrom < 0 || later.editsFrom <= editsFrom) {
            editsFrom = later.editsFrom;
            edits = later.edits;
            editTurns = later.editTurns;
        } else {
            // Ours from editsFrom, then the later change's from its position on.
            const qsizetype keep = qMin<qsizetype>(later.editsFrom - editsFrom, edits.size());
            edits = edits.mid(0, keep) + later.edits;
            editTurns = editTurns.mid(0, keep) + later.editTurns;
        }
        editsDone = later.editsDone;
        editsSent = later.editsSent;
    }
}

ProjectChange ProjectChange::whole(const Project &project)
{
    ProjectChange change;
    change.header =
        Header{project.id, project.name, project.title, project.created, project.modified, project.session};
    change.messageCount = int(project.messages.size());
    change.mediaCount = int(project.media.size());
    for (int i = 0; i < project.messages.size(); ++i)
        change.messages.insert(i, project.messages.at(i));
    for (int i = 0; i < project.media.size(); ++i)
        change.media.insert(i, project.media.at(i));
    for (const DraftSnapshot &snapshot : project.drafts)
        change.drafts.insert(snapshot.turn, snapshot);
    for (const RenderRecord &record : project.renders)
        change.renders.insert(record.jobId, record);
    change.editsFrom = 0;
    for (const edit::Edit &edit : project.handEdits.edits) {
        change.edits.append(edit.toJson());
        change.editTurns.append(edit.turn);
    }
    change.editsDone = project.handEdits.done;
    change.editsSent = project.handEdits.sent;
    return change;
}

} // namespace nemo::project
