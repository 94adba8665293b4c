#pragma once
// A PV generation profile file (stations[].pv.profile): CSV with columns `time` (time of day
// HH:MM, the first 00:00, strictly ascending, before 24:00) and `generation` (output as a fraction
// of kWp, 0 to 1), constant from each row's time to the next row's (the last to midnight).
// Errors: scenarios::ScenarioError at the file's line and column, the file itself at `mark`.
#include <filesystem>

#include "models/grid/site_energy.hpp"
#include "scenarios/scenario.hpp"

namespace evsim::scenarios::files {

models::grid::DailyProfile load_pv_profile(const std::filesystem::path& file, const SourceMark& mark);

}  // namespace evsim::scenarios::files
