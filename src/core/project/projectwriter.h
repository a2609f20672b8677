#pragma once

#include "project/projectchange.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace nemo::project {

class ProjectDatabase;

// Writes one project's changes on a thread of its own, so that the window never waits for the disk.
// Changes are written in the order they were given, each in one transaction; a change that could not
// be written is kept and written together with the next one. All of it is asynchronous except wait().
class ProjectWriter : public QObject
{
    Q_OBJECT
public:
    explicit ProjectWriter(QObject *parent = nullptr);
    ~ProjectWriter() override; // writes what was given, then stops

    // Later changes go into the database at `path` (created on the first write).
    void setPath(const QString &path);
    void write(const ProjectChange &change);
    // Blocks until everything given so far was written or failed: empty when nothing is left unwritten,
    // else why (for a person).
    QString wait();

signals:
    // One per write(), in order: `error` is empty when the change (and any kept before it) is on disk.
    void written(const QString &error);

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker;
};

} // namespace nemo::project
