#include "util/timecode.h"

#include <QStringList>

namespace nemo::util::timecode {

namespace {

QString twoDigits(qint64 value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}

} // namespace

QString clock(qint64 ms)
{
    const qint64 seconds = qMax<qint64>(0, ms) / 1000;
    if (seconds >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg(twoDigits(seconds / 60 % 60), twoDigits(seconds % 60));
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(twoDigits(seconds % 60));
}

QString clockTenths(qint64 ms)
{
    ms = qMax<qint64>(0, ms);
    return clock(ms) + QStringLiteral(".%1").arg((ms % 1000) / 100);
}

QString frames(qint64 count, int fps)
{
    fps = qMax(1, fps);
    const bool negative = count < 0;
    count = qAbs(count);
    const qint64 seconds = count / fps;
    QString text = twoDigits(seconds / 60 % 60) + QLatin1Char(':') + twoDigits(seconds % 60) +
        QLatin1Char(':') + twoDigits(count % fps);
    if (seconds >= 3600)
        text.prepend(QString::number(seconds / 3600) + QLatin1Char(':'));
    return negative ? QLatin1Char('-') + text : text;
}

bool parseFrames(const QString &input, int fps, qint64 *out)
{
    fps = qMax(1, fps);
    QString text = input.trimmed().toLower();
    if (text.isEmpty())
        return false;
    bool ok = false;
    if (text.endsWith(QLatin1Char('f'))) {
        const qint64 value = text.chopped(1).trimmed().toLongLong(&ok);
        if (ok && value >= 0)
            *out = value;
        return ok && value >= 0;
    }
    if (text.endsWith(QLatin1Char('s')))
        text.chop(1);
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() == 1) {
        const double seconds = parts.first().trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds < 0 || seconds > 360000)
            return false;
        *out = qint64(std::llround(seconds * fps));
        return true;
    }
    if (parts.size() > 4)
        return false;
    // 2 parts: m:ss(.s); 3: mm:ss:ff; 4: h:mm:ss:ff.
    QList<double> values;
    for (const QString &part : parts) {
        const double value = part.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(value) || value < 0)
            return false;
        values.append(value);
    }
    double seconds = 0;
    qint64 extraFrames = 0;
    if (values.size() == 2) {
        seconds = values[0] * 60 + values[1];
    } else {
        extraFrames = qint64(values.last());
        if (values.last() >= fps)
            return false;
        values.removeLast();
        for (double value : values)
            seconds = seconds * 60 + value;
    }
    if (seconds > 360000)
        return false;
    *out = qint64(std::llround(seconds * fps)) + extraFrames;
    return true;
}

} // namespace nemo::util::timecode
