#pragma once
// A fixture for cmake/CheckPanels.cmake: a panel that includes only itself and common/.
#include "common/theme.h"
