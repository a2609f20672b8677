// A fixture for the layers.catchesWrongWay test: project may include net.
#pragma once

#include "net/job.h"
