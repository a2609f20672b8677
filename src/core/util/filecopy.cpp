#include "util/filecopy.h"

#include "util/replacefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QThreadPool>

namespace nemo::util {

FileCopy::FileCopy(const QString &source, const QString &target, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_target(target)
{ }

FileCopy *FileCopy::start(const QString &source, const QString &target, QObject *parent)
{
    auto *job = new FileCopy(source, target, parent);
    QPointer<FileCopy> self(job);
    QThreadPool::globalInstance()->start([self, source, target] {
        const QString error = copy(source, target);
        QMetaObject::invokeMethod(
            self.data(),
            [self, error] {
                if (!self)
                    return;
                emit self->finished(error.isEmpty(), error);
                self->deleteLater();
            },
            Qt::QueuedConnection);
    });
    return job;
}

QString FileCopy::copy(const QString &source, const QString &target)
{
    if (QFileInfo(source) == QFileInfo(target))
        return {};
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return tr("Can't read %1: %2").arg(QDir::toNativeSeparators(source), in.errorString());
    WholeFile out(target);
    if (!out.open())
        return tr("Can't write %1: %2").arg(QDir::toNativeSeparators(target), out.errorString());
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (;;) {
        const qint64 read = in.read(buffer.data(), buffer.size());
        if (read < 0)
            return tr("Can't read %1: %2").arg(QDir::toNativeSeparators(source), in.errorString());
        if (read == 0)
            break;
        if (!out.write(buffer.constData(), read))
            return tr("Can't write %1: %2").arg(QDir::toNativeSeparators(target), out.errorString());
    }
    if (!out.commit())
        return describeWriteFailure(target, out.errorString());
    return {};
}

} // namespace nemo::util
