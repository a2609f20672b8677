#pragma once
// A fixture for cmake/CheckPanels.cmake: a panel that includes another panel.
#include "common/theme.h"
#include "timeline/timelineview.h"
