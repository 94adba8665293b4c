#include "scenarios/files/node_weights.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/models/demand/demand_test_util.hpp"

namespace evsim::models::demand {
namespace {

using namespace ::evsim::scenarios::files;      // the readers under test

TEST(NodeWeights, SumsPerNodeAndReportsSnapping) {
  const road::RoadNetwork net = testing::grid_town(2, 2);
  scenarios::files::PointLocator locator(net, 500.0);
  const auto file = testing::write_file(testing::scratch_dir() / "jobs.csv",
                                        "weight,x_m,y_m\n"
                                        "1.5,30,40\n"   // node 0, 50 m away
                                        "2.5,0,0\n"     // node 0
                                        "4,100,100\n"); // node 3
  const NodeWeights w = read_node_weights({.file = file}, "demand point", locator);
  EXPECT_EQ(w.per_node, (std::vector<double>{4.0, 0.0, 0.0, 4.0}));
  EXPECT_EQ(w.report.points, 3u);
  EXPECT_DOUBLE_EQ(w.report.total_weight, 8.0);
  ASSERT_EQ(locator.log().kinds().size(), 1u);
  const scenarios::files::SnapKindSummary& snaps = locator.log().kinds()[0];
  EXPECT_EQ(snaps.kind, "demand point");
  EXPECT_EQ(snaps.count, 3u);
  EXPECT_DOUBLE_EQ(snaps.max_m, 50.0);
  EXPECT_DOUBLE_EQ(snaps.mean_m(), 50.0 / 3.0);
  EXPECT_EQ(snaps.farthest.at(0).where, file.string() + ":2");
  EXPECT_EQ(w.weight_header.file, file.string());
  EXPECT_EQ(w.weight_header.line, 1);
  EXPECT_EQ(w.weight_header.column, 1);
  EXPECT_EQ(w.weight_header.key_path, "weight");
}

}  // namespace
}  // namespace evsim::models::demand
