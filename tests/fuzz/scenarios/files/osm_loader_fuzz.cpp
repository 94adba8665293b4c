// Fuzz target: the OpenStreetMap loader (scenarios/files/osm_loader.hpp) on .osm XML, written to a
// scratch file per input (the loader reads its file twice, as it does a user's).
#include "scenarios/files/osm_loader.hpp"
#include "scenarios/scenario_error.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::filesystem::path file = evsim::fuzz::write_scratch("map.osm", evsim::fuzz::bytes(data, size));
  try {
    (void)evsim::scenarios::files::load_osm(
        {.file = file, .include_service = (size % 2) == 1, .mark = {.file = "fuzz.yaml", .key_path = "road.file"}});
  } catch (const evsim::scenarios::ScenarioError&) {
  }
  return 0;
}
