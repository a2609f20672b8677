#pragma once
// A fixture for cmake/CheckPanels.cmake.
