#pragma once

// The fault matrix: each fault test, once its invariants held, adds a row "fault<TAB>outcome" to the
// file named by NEMO_FAULT_MATRIX; ./scripts/test prints the table as the suite's summary.

#include <QFile>
#include <QString>

namespace nemo::test {

struct FaultMatrix
{
    static void record(const QString &fault, const QString &outcome)
    {
        const QString path = qEnvironmentVariable("NEMO_FAULT_MATRIX");
        if (path.isEmpty())
            return;
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
            file.write((fault + QLatin1Char('\t') + outcome + QLatin1Char('\n')).toUtf8());
    }
};

} // namespace nemo::test
