// Fuzz target: the station CSV reader (scenarios/files/station_file.hpp), evsim's own columns,
// with a file-wide DC power for files without a power column.
#include "scenarios/files/station_file.hpp"
#include "scenarios/scenario_error.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::filesystem::path file = evsim::fuzz::write_scratch("stations.csv", evsim::fuzz::bytes(data, size));
  evsim::scenarios::StationFileSpec spec{.file = file};
  spec.dc_power_kw = 60.0;
  spec.mark = {.file = "fuzz.yaml", .key_path = "stations[0].file"};
  try {
    (void)evsim::scenarios::files::read_station_file(spec);
  } catch (const evsim::scenarios::ScenarioError&) {
  }
  return 0;
}
