#include "util/logging.h"

Q_LOGGING_CATEGORY(lcNemoNet, "nemo.net", QtWarningMsg)
Q_LOGGING_CATEGORY(lcNemoAuth, "nemo.auth", QtWarningMsg)
Q_LOGGING_CATEGORY(lcNemoProject, "nemo.project", QtWarningMsg)
Q_LOGGING_CATEGORY(lcNemoEdit, "nemo.edit", QtWarningMsg)
