// Fuzz target: the road edges CSV (scenarios/files/csv_loader.hpp), beside a fixed nodes file with
// ids 1 to 4 in lon/lat.
#include "scenarios/files/csv_loader.hpp"
#include "scenarios/scenario_error.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path nodes = evsim::fuzz::write_scratch(
      "nodes.csv", "id,lon,lat\n1,121.47,31.22\n2,121.471,31.22\n3,121.471,31.221\n4,121.47,31.221\n");
  const std::filesystem::path edges = evsim::fuzz::write_scratch("edges.csv", evsim::fuzz::bytes(data, size));
  try {
    (void)evsim::scenarios::files::load_csv({.nodes_file = nodes, .edges_file = edges,
                                         .nodes_mark = {.file = "fuzz.yaml", .key_path = "road.nodes"},
                                         .edges_mark = {.file = "fuzz.yaml", .key_path = "road.edges"}});
  } catch (const evsim::scenarios::ScenarioError&) {
  }
  return 0;
}
