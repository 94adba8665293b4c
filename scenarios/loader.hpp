#pragma once
// Loading a scenario file (docs/scenario-format.md) into the structs of scenarios/scenario.hpp.
//
// Every problem with the input, from a missing file to a charge_to_soc below charge_below_soc, throws
// ScenarioError (scenarios/scenario_error.hpp) naming file, line, column, key path, what was expected
// and what was found. Unknown keys are errors; nothing is clamped. Checks that need the road network
// (a station's node id exists) are left to the model builder, which uses the SourceMarks kept here.
#include <filesystem>
#include <string>

#include "scenarios/scenario.hpp"

namespace evsim::scenarios {

// Reads and parses a scenario file. Messages name the file as given.
Scenario load_scenario_file(const std::filesystem::path& file);

// Parses YAML text; `file` is the name used in messages and stored as Scenario::source_file.
Scenario parse_scenario(const std::string& yaml_text, const std::filesystem::path& file);

// A path named by a scenario value: absolute values are kept, relative ones are taken from the
// scenario file's folder (not the working directory). No normalisation, no "~" expansion.
std::filesystem::path resolve_relative(const std::filesystem::path& scenario_file, const std::string& value);

}  // namespace evsim::scenarios
