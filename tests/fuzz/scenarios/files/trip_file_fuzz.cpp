// Fuzz target: the trip file reader (scenarios/files/trip_file.hpp) on the lon/lat test network,
// with a two-day horizon.
#include "scenarios/files/trip_file.hpp"
#include "scenarios/files/point_locator.hpp"
#include "scenarios/scenario_error.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const evsim::models::road::RoadNetwork& network = evsim::fuzz::lon_lat_network();
  const std::filesystem::path file = evsim::fuzz::write_scratch("trips.csv", evsim::fuzz::bytes(data, size));
  try {
    evsim::scenarios::files::PointLocator locator(network, 500.0);
    (void)evsim::scenarios::files::read_trip_file({.file = file, .mark = {.file = "fuzz.yaml", .key_path = "fleet[0].demand.file"}},
                                                std::chrono::hours(48), locator);
  } catch (const evsim::scenarios::ScenarioError&) {
  }
  return 0;
}
