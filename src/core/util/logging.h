#pragma once

#include <QLoggingCategory>

// What the core writes to the log (off unless enabled, e.g. QT_LOGGING_RULES="nemo.*=true").
// Never a token, a client id or an Authorization header: requests are logged by method and path only.
Q_DECLARE_LOGGING_CATEGORY(lcNemoNet)
Q_DECLARE_LOGGING_CATEGORY(lcNemoAuth)
Q_DECLARE_LOGGING_CATEGORY(lcNemoProject)
Q_DECLARE_LOGGING_CATEGORY(lcNemoEdit)
