#pragma once
// Helpers shared by the demand tests: a small grid town, a scratch folder per test, the message of
// a thrown error.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "models/road/grid_generator.hpp"
#include "models/road/road_network.hpp"
#include "tests/support/scratch_files.hpp"

namespace evsim::models::demand::testing {

inline constexpr std::int64_t kHourMs = 3'600'000;
inline constexpr std::int64_t kDayMs = 24 * kHourMs;

// rows x cols nodes 100 m apart (node id = row * cols + col, at x = 100 col, y = 100 row).
inline road::RoadNetwork grid_town(std::uint32_t rows = 10, std::uint32_t cols = 10) {
  return road::make_grid_network({.rows = rows, .cols = cols, .spacing_m = 100.0, .speed_kmh = 30.0});
}

// An empty folder named after the running test, under the system's temporary folder.
inline std::filesystem::path scratch_dir() { return evsim::test::scratch_dir("evsim_demand_"); }

using evsim::test::error_of;
using evsim::test::write_file;

}  // namespace evsim::models::demand::testing
