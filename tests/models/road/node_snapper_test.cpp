#include "models/road/node_snapper.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

namespace evsim::models::road {
namespace {

RoadGraph random_nodes(std::uint32_t n, std::mt19937& rng) {
  std::vector<double> x(n);
  std::vector<double> y(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    x[i] = static_cast<double>(rng() % 2'000'000) / 100.0;  // 0..20 km, cm steps: some exact ties
    y[i] = static_cast<double>(rng() % 1'000'000) / 100.0;
  }
  return RoadGraph(std::move(x), std::move(y), {});
}

double squared(double dx, double dy) { return dx * dx + dy * dy; }

TEST(NodeSnapper, NearestAgreesWithBruteForce) {
  std::mt19937 rng(42);
  const RoadGraph g = random_nodes(3000, rng);
  const NodeSnapper snapper(g);
  for (int q = 0; q < 1000; ++q) {
    const double qx = static_cast<double>(rng() % 2'400'000) / 100.0 - 2000.0;  // some outside the nodes' box
    const double qy = static_cast<double>(rng() % 1'400'000) / 100.0 - 2000.0;
    double best = std::numeric_limits<double>::infinity();
    for (NodeId u = 0; u < g.node_count(); ++u) best = std::min(best, squared(g.x_m(u) - qx, g.y_m(u) - qy));
    const Snap s = snapper.nearest(qx, qy);
    ASSERT_LT(s.node, g.node_count());
    EXPECT_EQ(squared(g.x_m(s.node) - qx, g.y_m(s.node) - qy), best);
    EXPECT_DOUBLE_EQ(s.distance_m, std::sqrt(best));
  }
  const Snap on_node = snapper.nearest(g.x_m(17), g.y_m(17));
  EXPECT_EQ(on_node.distance_m, 0.0);
}

TEST(NodeSnapper, WithinAgreesWithBruteForceBoundaryIncluded) {
  std::mt19937 rng(43);
  const RoadGraph g = random_nodes(3000, rng);
  const NodeSnapper snapper(g);
  for (int q = 0; q < 300; ++q) {
    const double qx = static_cast<double>(rng() % 2'000'000) / 100.0;
    const double qy = static_cast<double>(rng() % 1'000'000) / 100.0;
    const double radius = static_cast<double>(rng() % 300'000) / 100.0;
    std::vector<NodeId> expected;
    for (NodeId u = 0; u < g.node_count(); ++u) {
      if (squared(g.x_m(u) - qx, g.y_m(u) - qy) <= radius * radius) expected.push_back(u);
    }
    EXPECT_EQ(snapper.within(qx, qy, radius), expected);
  }
  // A node exactly on the circle is inside: nodes 0 and 1 at 3-4-5 distance.
  const RoadGraph pair({0.0, 3.0, 30.0}, {0.0, 4.0, 0.0}, {});
  const NodeSnapper small(pair);
  EXPECT_EQ(small.within(0.0, 0.0, 5.0), (std::vector<NodeId>{0, 1}));
  EXPECT_EQ(small.within(0.0, 0.0, 4.999), (std::vector<NodeId>{0}));
  EXPECT_EQ(small.within(0.0, 0.0, -1.0), std::vector<NodeId>{});
}

TEST(NodeSnapper, EmptyGraph) {
  const NodeSnapper snapper{RoadGraph{}};
  const Snap s = snapper.nearest(1.0, 2.0);
  EXPECT_EQ(s.node, kInvalid);
  EXPECT_EQ(s.distance_m, std::numeric_limits<double>::infinity());
  EXPECT_TRUE(snapper.within(1.0, 2.0, 100.0).empty());
}

TEST(NodeSnapper, SurvivesAMove) {
  const RoadGraph g({0.0, 10.0}, {0.0, 0.0}, {});
  NodeSnapper a(g);
  const NodeSnapper b(std::move(a));
  EXPECT_EQ(b.nearest(9.0, 1.0).node, 1u);
}

}  // namespace
}  // namespace evsim::models::road
