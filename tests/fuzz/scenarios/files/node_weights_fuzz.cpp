// Fuzz target: the weighted-points CSV (scenarios/files/node_weights.hpp: homes, jobs, points of
// interest, coverage demand) on the lon/lat test network.
#include "scenarios/files/node_weights.hpp"
#include "scenarios/files/point_locator.hpp"
#include "scenarios/scenario_error.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const evsim::models::road::RoadNetwork& network = evsim::fuzz::lon_lat_network();
  const std::filesystem::path file = evsim::fuzz::write_scratch("weights.csv", evsim::fuzz::bytes(data, size));
  try {
    evsim::scenarios::files::PointLocator locator(network, 500.0);
    (void)evsim::scenarios::files::read_node_weights(
        {.file = file, .weight_column = "weight", .mark = {.file = "fuzz.yaml", .key_path = "places.homes.file"}}, "home", locator);
  } catch (const evsim::scenarios::ScenarioError&) {
  }
  return 0;
}
