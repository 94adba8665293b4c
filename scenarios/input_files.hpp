#pragma once
// Every file a scenario makes evsim read, so that commands can refuse to write their results over
// one of them (cli/output_path.hpp).
#include <filesystem>
#include <string>
#include <vector>

#include "scenarios/scenario.hpp"

namespace evsim::scenarios {

struct InputFile {
  std::filesystem::path path;  // as the loader resolved it (against the scenario's folder)
  std::string role;            // "the scenario file", or "the file named by <key>": "the file named by station_files[0].file"
};

// The scenario file itself, then road files, places and coverage demand files, the area GeoJSON,
// trip files and station files of the scenario and of every plan, feeder files and background
// profiles (grid.feeders; not the bus and line files a feeder file names), in the order of the
// scenario format. A file named twice appears twice.
std::vector<InputFile> input_files(const Scenario& scenario);

}  // namespace evsim::scenarios
