#pragma once

// Small helpers shared by the benchmarks: timing, memory, and printing figures.

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace nemo::bench {

// Resident set size now, and the peak since the last reset, in bytes (Linux /proc; 0 elsewhere).
inline qint64 procStatusValue(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return 0;
}

inline qint64 currentRss()
{
    return procStatusValue("VmRSS:");
}

inline qint64 peakRss()
{
    return procStatusValue("VmHWM:");
}

// Resets the peak RSS counter to the current RSS (Linux >= 4.0).
inline bool resetPeakRss()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

inline double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// One figure: printed as "name: value unit (target: …)" so scripts/bench can collect them.
inline void report(const char *name, double value, const char *unit, const char *target)
{
    std::printf("FIGURE %-44s %12.2f %-6s target %s\n", name, value, unit, target);
    std::fflush(stdout);
}

inline bool smoke(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--smoke") == 0)
            return true;
    }
    return false;
}

} // namespace nemo::bench
