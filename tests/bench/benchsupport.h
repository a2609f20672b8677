#pragma once

// Small helpers shared by the benchmarks: timing, memory, and printing figures.

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cctype>
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

struct Outcome
{
    int misses = 0;   // figures that missed their target
    int failures = 0; // runs whose work did not happen as it should
    bool smoke = false;
};

inline Outcome &outcome()
{
    static Outcome state;
    return state;
}

// The work being measured did not happen (a refused edit, a launch that never showed a window …): the
// figure would describe nothing, so the run fails.
inline void fail(const char *why = nullptr)
{
    if (why)
        std::fprintf(stderr, "FAILED %s\n", why);
    ++outcome().failures;
}

// Whether `value` meets a target written as "< 8", "<= 2", "> 0.8", ">= 0.8" (a unit may follow);
// anything else ("(peer)", "(part)") is not a target. `checked` says whether it was one.
inline bool meets(double value, const char *target, bool *checked)
{
    QByteArray text = QByteArray(target).trimmed();
    text.replace("\xe2\x89\xa4", "<=").replace("\xe2\x89\xa5", ">=");
    *checked = false;
    QByteArray op;
    for (const char *candidate : {"<=", ">=", "<", ">"}) {
        if (text.startsWith(candidate)) {
            op = candidate;
            break;
        }
    }
    if (op.isEmpty())
        return true;
    QByteArray number = text.mid(op.size()).trimmed();
    qsizetype end = 0;
    while (end < number.size() && (std::isdigit(uchar(number.at(end))) || number.at(end) == '.'))
        ++end;
    bool ok = false;
    const double limit = number.left(end).toDouble(&ok);
    if (!ok)
        return true;
    *checked = true;
    if (op == "<")
        return value < limit;
    if (op == "<=")
        return value <= limit;
    if (op == ">")
        return value > limit;
    return value >= limit;
}

// One figure: printed as "FIGURE name value unit target …" so scripts/bench can collect them, with MISS
// when it misses its target (a smoke run is too short to be a measurement: its figures are labelled
// and never miss).
inline void report(const char *name, double value, const char *unit, const char *target)
{
    bool checked = false;
    const bool met = meets(value, target, &checked);
    const char *mark = outcome().smoke ? "(smoke run)" : (checked ? (met ? "ok" : "MISS") : "");
    if (checked && !met && !outcome().smoke)
        ++outcome().misses;
    std::printf("FIGURE %-44s %12.2f %-6s target %-12s %s\n", name, value, unit, target, mark);
    std::fflush(stdout);
}

// What a benchmark's main returns: non-zero when a figure missed or a run failed.
inline int exitCode()
{
    const Outcome &state = outcome();
    if (state.misses || state.failures)
        std::fprintf(stderr, "%d figure(s) missed their target, %d run(s) failed\n", state.misses,
                     state.failures);
    return state.misses || state.failures ? 1 : 0;
}

inline bool smoke(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--smoke") == 0) {
            outcome().smoke = true;
            return true;
        }
    }
    return false;
}

} // namespace nemo::bench
