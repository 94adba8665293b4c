#pragma once
// Helpers shared by the demand tests: a small grid town, a scratch folder per test, the message of
// a thrown error.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "models/road/grid_generator.hpp"
#include "models/road/road_network.hpp"

namespace evsim::models::demand::testing {

inline constexpr std::int64_t kHourMs = 3'600'000;
inline constexpr std::int64_t kDayMs = 24 * kHourMs;

// rows x cols nodes 100 m apart (node id = row * cols + col, at x = 100 col, y = 100 row).
inline road::RoadNetwork grid_town(std::uint32_t rows = 10, std::uint32_t cols = 10) {
  return road::make_grid_network({.rows = rows, .cols = cols, .spacing_m = 100.0, .speed_kmh = 30.0});
}

// An empty folder named after the running test, under the system's temporary folder.
inline std::filesystem::path scratch_dir() {
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    (std::string("evsim_demand_") + info->test_suite_name() + "_" + info->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::filesystem::path write_file(const std::filesystem::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return path;
}

// The message of the exception `f` throws, or "no error".
template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace evsim::models::demand::testing
