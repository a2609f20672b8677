#pragma once

// A test that needs something this machine may lack (a D-Bus session, a keychain, openssl, Linux's XDG
// folders) skips with its reason where it is missing — and fails instead under ./scripts/test, which
// sets NEMO_REQUIRE_ALL because it provides all of them: there a skip would be a suite passing by not
// running.

#include <QTest>

#define NEMO_REQUIRE(available, why)                                                                         \
    do {                                                                                                     \
        if (!(available)) {                                                                                  \
            if (qEnvironmentVariableIsSet("NEMO_REQUIRE_ALL") ||                                             \
                qEnvironmentVariableIsSet("NEMO_REQUIRE_KEYCHAIN"))                                          \
                QFAIL(qPrintable(QStringLiteral("required here, but missing: ") + QString(why)));            \
            QSKIP(qPrintable(QString(why)));                                                                 \
        }                                                                                                    \
    } while (false)
