#include "tests/scenarios/scenario_text.hpp"

#include <array>
#include <utility>

#include "scenarios/loader.hpp"
#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios::testing {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kValid = {{
    {"name", "name: t\n"},
    {"horizon", "horizon: 1d\n"},
    {"road", "road:\n  grid: {rows: 4, cols: 4, spacing: 100m, speed: 30km/h}\n"},
    {"vehicle_types",
     "vehicle_types:\n"
     "  - {name: car, battery: 50kWh, consumption: 0.2kWh/km, max_ac_power: 11kW, max_dc_power: 50kW}\n"},
    {"stations", "stations:\n  - {name: a, node: 1, plugs: [{count: 1, power: 50kW, kind: dc}]}\n"},
    {"fleet",
     "fleet:\n"
     "  - {name: s, vehicle_type: car, count: 10, initial_soc: 0.5, depart_to_work: \"08:00\", work_dwell: 8h}\n"},
}};

}  // namespace

std::string scenario_with(std::string_view key, std::string_view text) {
  std::string yaml(text);
  for (const auto& [name, section] : kValid) {
    if (name != key) yaml += section;
  }
  return yaml;
}

std::string scenario_with_segment(std::string_view segment) {
  return scenario_with("fleet", std::string("fleet:\n  - name: s\n") + std::string(segment));
}

std::string error_of(const std::string& yaml) { return error_of(yaml, "t.yaml"); }

std::string error_of(const std::string& yaml, const std::filesystem::path& file) {
  try {
    parse_scenario(yaml, file);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace evsim::scenarios::testing
