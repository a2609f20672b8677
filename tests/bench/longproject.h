#pragma once

// A long project for the benchmarks: `turns` turns of a request and a Markdown reply, each turn's
// timeline kept (the same draft, shared).
#include "project/project.h"

namespace nemo::bench {

inline project::Project longProject(int turns, const draft::Draft &draft)
{
    project::Project project;
    project.id = project::Project::newId();
    project.created = project.modified = QDateTime::currentDateTimeUtc();
    for (int turn = 1; turn <= turns; ++turn) {
        agent::ChatMessage asked;
        asked.id = quint64(turn * 2);
        asked.role = agent::ChatMessage::Role::User;
        asked.text = QStringLiteral("Make the part after %1 s slower and add a title").arg(turn * 3);
        asked.time = project.created;
        agent::ChatMessage said = asked;
        said.id = asked.id + 1;
        said.role = agent::ChatMessage::Role::Agent;
        said.text =
            QStringLiteral("Done: **%1 segments** slowed down, a title added.\n\n- one\n- two").arg(turn);
        project.messages << asked << said;
        project.drafts.append({turn, project.created, draft});
    }
    return project;
}

} // namespace nemo::bench
