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
        drafts.isEmpty() && renders.isEmpty();
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
}

ProjectChange ProjectChange::whole(const Project &project)
{
    ProjectChange change;
    change.header = Header{project.id, project.name, project.created, project.modified, project.session};
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
    return change;
}

} // namespace nemo::project
