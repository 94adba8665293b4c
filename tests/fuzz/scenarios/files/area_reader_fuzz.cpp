// Fuzz target: the GeoJSON area reader (scenarios/files/area_reader.hpp). The input is the GeoJSON file
// named by a scenario's `coverage: {area: {file: area.geojson}}`.
#include <yaml-cpp/yaml.h>

#include "scenarios/files/area_reader.hpp"
#include "scenarios/scenario_error.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string scenario_file = (evsim::fuzz::scratch_dir() / "fuzz.yaml").string();
  evsim::fuzz::write_scratch("area.geojson", evsim::fuzz::bytes(data, size));
  const evsim::scenarios::NodeRef root(YAML::Load("{file: area.geojson}"), scenario_file);
  try {
    (void)evsim::scenarios::files::read_area(root, scenario_file);
  } catch (const evsim::scenarios::ScenarioError&) {
  }
  return 0;
}
