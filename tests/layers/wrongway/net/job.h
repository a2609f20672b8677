// A fixture for the layers.catchesWrongWay test: net may not include project.
#pragma once

#include "net/connection.h"
#include "project/project.h"
