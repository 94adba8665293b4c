// Fuzz target: the candidate-site CSV of `evsim place --candidates` on the lon/lat test network.
// cli/coverage_pipeline.cpp's read_candidates is private to the command; it is CsvTable plus
// PointColumns (scenarios/files/point_columns.hpp) and the PointLocator, which this target runs the same way.
#include "scenarios/files/csv_reader.hpp"
#include "scenarios/files/point_locator.hpp"
#include "scenarios/files/point_columns.hpp"
#include "scenarios/scenario_error.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace road = evsim::models::road;
  const road::RoadNetwork& network = evsim::fuzz::lon_lat_network();
  try {
    const evsim::scenarios::files::CsvTable csv = evsim::scenarios::files::CsvTable::parse(evsim::fuzz::bytes(data, size), "sites.csv");
    evsim::scenarios::files::PointLocator locator(network, 500.0);
    const evsim::scenarios::files::PointColumns points(csv, network, "candidate site", evsim::models::geometry::Datum::wgs84);
    for (std::size_t row = 0; row < csv.row_count(); ++row) (void)points.locate(row, locator);
  } catch (const evsim::scenarios::ScenarioError&) {
  }
  return 0;
}
