// Fuzz target: the candidate-site CSV of `evsim place --candidates` on the lon/lat test network.
// cli/coverage_pipeline.cpp's read_candidates is private to the command; it is CsvTable plus
// PointColumns (models/road/point_columns.hpp) and snapping, which this target runs the same way.
#include "models/road/csv_reader.hpp"
#include "models/road/node_snapper.hpp"
#include "models/road/point_columns.hpp"
#include "scenarios/scenario_error.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace road = evsim::models::road;
  const road::RoadNetwork& network = evsim::fuzz::lon_lat_network();
  static const road::NodeSnapper snapper(network.graph);
  try {
    const road::CsvTable csv = road::CsvTable::parse(evsim::fuzz::bytes(data, size), "sites.csv");
    const road::PointColumns points(csv, network);
    for (std::size_t row = 0; row < csv.row_count(); ++row) (void)points.snap(row, snapper);
  } catch (const evsim::scenarios::ScenarioError&) {
  }
  return 0;
}
