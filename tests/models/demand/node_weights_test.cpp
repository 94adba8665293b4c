#include "models/demand/node_weights.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "demand_test_util.hpp"

namespace evsim::models::demand {
namespace {

TEST(NodeWeights, SumsPerNodeAndReportsSnapping) {
  const road::RoadNetwork net = testing::grid_town(2, 2);
  const road::NodeSnapper snapper(net.graph);
  const auto file = testing::write_file(testing::scratch_dir() / "jobs.csv",
                                        "weight,x_m,y_m\n"
                                        "1.5,30,40\n"   // node 0, 50 m away
                                        "2.5,0,0\n"     // node 0
                                        "4,100,100\n"); // node 3
  const NodeWeights w = read_node_weights({.file = file}, net, snapper);
  EXPECT_EQ(w.per_node, (std::vector<double>{4.0, 0.0, 0.0, 4.0}));
  EXPECT_EQ(w.report.points, 3u);
  EXPECT_DOUBLE_EQ(w.report.total_weight, 8.0);
  EXPECT_DOUBLE_EQ(w.report.max_snap_m, 50.0);
  EXPECT_DOUBLE_EQ(w.report.mean_snap_m, 50.0 / 3.0);
  EXPECT_EQ(w.weight_header.file, file.string());
  EXPECT_EQ(w.weight_header.line, 1);
  EXPECT_EQ(w.weight_header.column, 1);
  EXPECT_EQ(w.weight_header.key_path, "weight");
}

}  // namespace
}  // namespace evsim::models::demand
