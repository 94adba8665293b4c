#pragma once
// Helpers for scenario tests: build YAML text from a small valid scenario and read the error
// message it gives.
#include <filesystem>
#include <string>
#include <string_view>

namespace evsim::scenarios::testing {

// A valid scenario with the top-level key `key` replaced by `text` (pass "" to leave the key out).
// `text` comes first, so line numbers in messages count from its first line.
std::string scenario_with(std::string_view key, std::string_view text);

// A valid scenario whose only fleet segment is "name: s" on line 2 (the mapping's mark is 2:5)
// followed by `segment`, one key per line from line 3, indented by 4 spaces. The vehicle type
// "car" is defined.
std::string scenario_with_segment(std::string_view segment);

// what() of the ScenarioError that parse_scenario(yaml, "t.yaml") throws, or "no error".
std::string error_of(const std::string& yaml);
// The same for a scenario named `file`: files named in it are looked for beside `file`.
std::string error_of(const std::string& yaml, const std::filesystem::path& file);

}  // namespace evsim::scenarios::testing
