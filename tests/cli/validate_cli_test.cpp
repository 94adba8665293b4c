// `evsim validate` checks everything `run` would reject, for every plan, and says what the run
// rests on (snapping, dropped network, warnings, size); `run` refuses up front what would not fit in
// memory.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/cli/run_evsim.hpp"

namespace {

namespace fs = std::filesystem;

using evsim::test::data;
using evsim::test::run_evsim;

TEST(CliValidate, ChecksEveryPlanNotOnlyTheBase) {
  const auto r = run_evsim("validate " + data("plan_station_off_network.yaml"), "validate-plan-far");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out, "error: " + data("plan_station_off_network.yaml") +
                       ":16:9: plans[0].stations[0].x: expected a point within 500 m of a road node "
                       "(road.max_snap_distance), found station \"beyond\" 900.0 m from the nearest road node\n");
}

TEST(CliValidate, PrintsSnappingUsabilityAndSize) {
  const auto r = run_evsim("validate " + evsim::test::demo(), "validate-demo");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("road network: 144 nodes, 528 edges, 211.2 km kept; dropped outside the largest strongly "
                       "connected part: 0 of 144 nodes read, 0.0 km\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("points moved onto the road: 1 (limit 500 m), mean 100.0 m, max 100.0 m\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("size estimate: 430 vehicles, "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(": valid: 144 road nodes, 528 road edges, 6 stations, 430 vehicles"), std::string::npos) << r.out;
}

TEST(CliValidate, WarnsOfPlugsNobodyCanUse) {
  const std::string scenario = evsim::test::result_path("ten_cars.yaml");
  {
    std::ifstream in(data("huge_fleet.yaml"));
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    text.replace(text.find("count: 1000000000"), 17, "count: 10");
    std::ofstream(scenario) << text;
  }
  const auto r = run_evsim("validate " + scenario, "validate-connectors");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("warning: station \"centre\": 1 of its 3 plugs can be used by no vehicle of the fleet "
                       "(connector or AC/DC that no vehicle type and segment takes)\n"),
            std::string::npos)
      << r.out;
}

TEST(CliValidate, RefusesWhatWouldNotFitInMemory) {
  const std::string expected = "error: " + data("huge_fleet.yaml") +
                               ": this run would need about 4191.0 GiB of memory (1e+09 vehicles, 1.4e+10 planned "
                               "trips, 2.8e+10 events, 672 station samples; result about 5.6e+05 MB), more than the "
                               "limit of 4.0 GiB given by --max-memory; reduce the fleet, the horizon or the sampling, "
                               "or raise the limit with --max-memory\n";
  const auto v = run_evsim("validate " + data("huge_fleet.yaml") + " --max-memory 4GiB", "validate-huge");
  EXPECT_EQ(v.exit_code, 2) << v.out;
  EXPECT_EQ(v.out, expected);
  const std::string out = evsim::test::result_path("huge.h5");
  fs::remove(out);
  const auto r = run_evsim("run " + data("huge_fleet.yaml") + " --max-memory 4GiB -o " + out, "run-huge");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out, expected);
  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(fs::exists(out + ".partial"));
}

TEST(CliValidate, MaxMemoryNeedsAUnit) {
  const auto r = run_evsim("validate " + evsim::test::demo() + " --max-memory 8", "validate-bad-memory");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out, "error: (command line): --max-memory: expected a memory size above 0 with a unit (B, KiB, MiB, "
                   "GiB, TiB), e.g. 8GiB, found \"8\"\n");
}

}  // namespace
