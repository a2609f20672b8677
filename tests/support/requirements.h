#pragma once

// A test that needs something this machine may lack (a D-Bus session, a keychain, openssl, Linux's XDG
// folders) skips with its reason where it is missing — and fails instead under ./scripts/test, which
// sets NEMO_REQUIRE_ALL because it provides all of them: there a skip would be a suite passing by not
// running.

#include <QTest>

namespace nemo::test {
inline QString requirementText(const QString &why)
{
    return why;
}
inline QString requirementText(const char *why)
{
    return QString::fromUtf8(why);
}
} // namespace nemo::test

#define NEMO_REQUIRE(available, why)                                                                         \
    do {                                                                                                     \
        if (!(available)) {                                                                                  \
            if (qEnvironmentVariableIsSet("NEMO_REQUIRE_ALL") ||                                             \
                qEnvironmentVariableIsSet("NEMO_REQUIRE_KEYCHAIN"))                                          \
                QFAIL(qPrintable(QStringLiteral("required here, but missing: ") +                            \
                                 nemo::test::requirementText(why)));                                         \
            QSKIP(qPrintable(nemo::test::requirementText(why)));                                             \
        }                                                                                                    \
    } while (false)
