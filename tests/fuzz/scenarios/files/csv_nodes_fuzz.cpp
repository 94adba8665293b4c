// Fuzz target: the road nodes CSV (scenarios/files/csv_loader.hpp), beside a fixed edges file that
// names nodes 1 to 4 (so that inputs with those ids reach network assembly).
#include "scenarios/files/csv_loader.hpp"
#include "scenarios/scenario_error.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path edges = evsim::fuzz::write_scratch(
      "edges.csv", "from,to,length_m,speed_kmh,oneway\n1,2,100,36,0\n2,3,100,36,1\n3,1,120,30,true\n3,4,80,50,0\n");
  const std::filesystem::path nodes = evsim::fuzz::write_scratch("nodes.csv", evsim::fuzz::bytes(data, size));
  try {
    (void)evsim::scenarios::files::load_csv({.nodes_file = nodes, .edges_file = edges,
                                         .nodes_mark = {.file = "fuzz.yaml", .key_path = "road.nodes"},
                                         .edges_mark = {.file = "fuzz.yaml", .key_path = "road.edges"}});
  } catch (const evsim::scenarios::ScenarioError&) {
  }
  return 0;
}
