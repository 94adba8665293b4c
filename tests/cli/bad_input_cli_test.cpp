// `evsim run` on bad inputs: exit code 2, one exact message naming file, line, column, key, what
// was expected and what was found, and no result file (neither OUT.h5 nor OUT.h5.partial).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/cli/run_evsim.hpp"

namespace {

namespace fs = std::filesystem;

using evsim::test::data;
using evsim::test::result_path;

void expect_rejected(const std::string& scenario, const std::string& message, const std::string& tag) {
  const std::string out = result_path(tag + ".h5");
  fs::remove(out);
  fs::remove(out + ".partial");
  const evsim::test::EvsimResult r = evsim::test::run_evsim("run " + data(scenario) + " -o " + out, tag);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out, "error: " + message + "\n");
  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(fs::exists(out + ".partial"));
}

TEST(CliBadInput, VehicleTypeLookingForChargeAboveItsTargetNamesTheThreshold) {
  // charge_below_soc 85% against the default charge_to_soc of 80%.
  expect_rejected("vehicle_type_threshold_above_target.yaml",
                  data("vehicle_type_threshold_above_target.yaml") +
                      ":7:95: vehicle_types[0].charge_below_soc: expected a fraction below charge_to_soc (0.8), "
                      "found \"85%\"",
                  "bad-threshold");
}

TEST(CliBadInput, SegmentKeyOfAnotherKindNamesTheKindItBelongsTo) {
  expect_rejected("segment_key_of_another_kind.yaml",
                  data("segment_key_of_another_kind.yaml") +
                      ":14:5: fleet[0].shift_start: expected a key of a private segment (depart_to_work, work_dwell, "
                      "errand_probability, errand_dwell, home_charger_share, home_charger_power), found \"shift_start\" "
                      "(a key of ride_hailing segments)",
                  "bad-segment-key");
}

TEST(CliBadInput, TripFileWithAnUnknownNodeNamesTheCsvLineAndColumn) {
  expect_rejected("trip_file_unknown_node.yaml",
                  data("trips_unknown_node.csv") +
                      ":3:16: destination_node: expected a node id of the road network (grid town: 4 x 4 nodes, 300 m "
                      "apart), found 16" + std::string(", which is not a road node there (ids are those of the network file: the CSV id, the OSM node id of a road junction or way end; generated networks: docs/scenario-format.md)"),
                  "bad-trip-node");
}

TEST(CliBadInput, TripFileDepartingAtTheHorizonIsOutsideIt) {
  // The horizon is 1d: a departure at 24:00 would never start.
  expect_rejected("trip_file_outside_horizon.yaml",
                  data("trips_outside_horizon.csv") +
                      ":3:7: depart: expected a time within the horizon (at least 00:00 and before 1d), found \"24:00\"",
                  "bad-trip-horizon");
}

TEST(CliBadInput, TripFileRowWithAFieldMissingNamesTheMissingColumn) {
  expect_rejected("trip_file_malformed_row.yaml",
                  data("trips_malformed_row.csv") +
                      ":3:15: destination_node: expected 4 fields as in the header, found 3 fields",
                  "bad-trip-row");
}

}  // namespace
