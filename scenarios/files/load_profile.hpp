#pragma once
// A background load profile (grid.feeders[].background_profile, docs/feeder-format.md): a CSV of
// hourly multipliers of a feeder's background load,
//
//   hour,multiplier
//   0,0.55
//   ...
//   23,0.62
//
// exactly 24 rows, hours 0 to 23 in that order; a multiplier is a number from 0 to 100. Hour h
// applies from h:00 to (h+1):00 of every simulated day. Other columns are errors. Every problem throws
// ScenarioError at the file, line and column (a missing or extra row: at the first row past 24, or
// at the last row when there are fewer).
#include <filesystem>
#include <vector>

#include "scenarios/scenario.hpp"

namespace evsim::scenarios::files {

inline constexpr double kMaxProfileMultiplier = 100.0;

// The 24 multipliers. `mark`: the scenario value that named the file (for a file that cannot be read).
std::vector<double> load_profile_file(const std::filesystem::path& file, const SourceMark& mark);

}  // namespace evsim::scenarios::files
