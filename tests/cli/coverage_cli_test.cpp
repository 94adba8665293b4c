// End-to-end tests of `evsim coverage` and `evsim place`.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "output/result_reader.hpp"
#include "tests/cli/run_evsim.hpp"

namespace {

namespace fs = std::filesystem;
using evsim::test::demo;
using evsim::test::fresh_result_path;
using evsim::test::result_path;
using evsim::test::run_evsim;

double json_number(const std::string& json, const std::string& key) {
  const auto at = json.find("\"" + key + "\": ");
  if (at == std::string::npos) return -1.0;
  return std::stod(json.substr(at + key.size() + 4));
}

TEST(CoverageCli, DemoCoverageIsWrittenToHdf5AndJson) {
  const std::string out = fresh_result_path("coverage-demo.h5");
  const auto r = run_evsim("coverage " + demo() + " -o " + out + " --json", "coverage-demo");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  // The 12x12 grid at 400 m has 144 nodes; 6 stations; every number below is in the JSON too.
  const double node_share = json_number(r.out, "node_share");
  EXPECT_GT(node_share, 0.0);
  EXPECT_LT(node_share, 1.0);
  const auto plans = evsim::output::read_table(out, "/coverage/plans");
  ASSERT_EQ(plans.rows(), 1u);
  EXPECT_DOUBLE_EQ(std::get<std::vector<double>>(plans.column("node_share").data)[0], node_share);
  const auto nodes = evsim::output::read_table(out, "/coverage/plan/base/nodes");
  EXPECT_EQ(nodes.rows(), 144u);
  // The node share is the share of nodes whose distance is within the radius (no area, no demand).
  const auto& d = std::get<std::vector<double>>(nodes.column("distance_m").data);
  std::size_t within = 0;
  for (const double x : d) within += x <= 1000.0 ? 1 : 0;
  EXPECT_DOUBLE_EQ(node_share, static_cast<double>(within) / 144.0);
}

TEST(CoverageCli, RadiusOptionTakesUnitsAndRejectsNonsense) {
  const auto a = run_evsim("coverage " + demo() + " --radius 1.2km --json", "radius-km");
  const auto b = run_evsim("coverage " + demo() + " --radius 1200 --json", "radius-m");
  ASSERT_EQ(a.exit_code, 0) << a.out;
  EXPECT_EQ(a.out, b.out);
  const auto bad = run_evsim("coverage " + demo() + " --radius 5kWh", "radius-bad");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.out, "error: (command line): --radius: expected a length (units m, km) above 0, found unknown unit \"kWh\" in \"5kWh\"\n");
}

TEST(CoverageCli, PlacedSitesLoadedAsAPlanGiveTheCoverageThePlacementReported) {
  const std::string sites = fresh_result_path("demo-sites.csv");
  const auto placed = run_evsim("place " + demo() + " --target 0.95 --sites " + sites + " --json", "place-demo");
  ASSERT_EQ(placed.exit_code, 0) << placed.out;
  EXPECT_NE(placed.out.find("\"target_reached\": true"), std::string::npos) << placed.out;
  const double reported = json_number(placed.out, "coverage");
  EXPECT_GE(reported, 0.95);
  // A scenario that is the demo plus a plan made of those sites.
  const std::string scenario = result_path("demo-with-sites.yaml");
  {
    std::ifstream in(demo());
    std::ofstream f(scenario);
    f << in.rdbuf() << "\nplans:\n  - name: closed\n    station_files:\n      - file: " << sites << "\n";
  }
  const auto covered = run_evsim("coverage " + scenario + " --json", "coverage-closed");
  ASSERT_EQ(covered.exit_code, 0) << covered.out;
  const auto closed_at = covered.out.find("\"name\": \"closed\"");
  ASSERT_NE(closed_at, std::string::npos) << covered.out;
  EXPECT_NEAR(json_number(covered.out.substr(closed_at), "demand_share"), reported, 1e-9);
}

TEST(CoverageCli, PlaceRejectsATargetOutsideZeroToOne) {
  const auto r = run_evsim("place " + demo() + " --target 1.5", "place-bad-target");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "error: (command line): --target: expected a share above 0 and at most 1 (0.99 or 99%), found \"1.5\"\n");
}

TEST(CoverageCli, AreaThatMissesEveryNodeIsABadInput) {
  const std::string scenario = evsim::test::data("area_misses_network.yaml");
  const auto r = run_evsim("coverage " + scenario, "area-misses");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "error: " + scenario +
                       ":11:19: coverage.area.lon_lat: expected an area that contains at least one road node, found "
                       "none of the network's 4 nodes inside\n");
}

TEST(CoverageCli, RealMapWithAreaAndPlans) {
  const std::string scenario = std::string(EVSIM_SOURCE_DIR) + "/scenarios/examples/shanghai_core.yaml";
  if (!fs::exists(fs::path(EVSIM_SOURCE_DIR) / ".." / "shared" / "data" / "osm" / "shanghai_central.osm")) {
    GTEST_SKIP() << "no shared OpenStreetMap data beside the clone";
  }
  const std::string out = fresh_result_path("shanghai-coverage.h5");
  const auto r = run_evsim("coverage " + scenario + " -o " + out + " --json", "shanghai");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto plans = evsim::output::read_table(out, "/coverage/plans");
  ASSERT_EQ(plans.rows(), 2u);  // base and plus-two
  const auto& share = std::get<std::vector<double>>(plans.column("node_share").data);
  EXPECT_GT(share[1], share[0]);  // two more sites cover more of the core
  const auto nodes = evsim::output::read_table(out, "/coverage/plan/base/nodes");
  const auto& in_area = std::get<std::vector<std::uint8_t>>(nodes.column("in_area").data);
  std::size_t inside = 0;
  for (const auto v : in_area) inside += v;
  EXPECT_GT(inside, 0u);
  EXPECT_LT(inside, in_area.size());  // the area is a part of the map
  // Every in-area node lies inside the area's lon/lat box.
  const auto& lon = std::get<std::vector<double>>(nodes.column("lon").data);
  const auto& lat = std::get<std::vector<double>>(nodes.column("lat").data);
  for (std::size_t i = 0; i < in_area.size(); ++i) {
    if (!in_area[i]) continue;
    EXPECT_GE(lon[i], 121.463 - 1e-6);
    EXPECT_LE(lon[i], 121.484 + 1e-6);
    EXPECT_GE(lat[i], 31.221 - 1e-6);
    EXPECT_LE(lat[i], 31.240 + 1e-6);
  }
}

}  // namespace
