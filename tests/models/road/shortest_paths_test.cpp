#include "models/road/shortest_paths.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "models/road/grid_generator.hpp"

namespace evsim::models::road {
namespace {

TEST(ShortestPaths, GridDistancesAreManhattanDistances) {
  const RoadGraph g = make_grid({.rows = 6, .cols = 7, .spacing_m = 100.0, .speed_kmh = 36.0});
  const std::vector<NodeId> from{3 * 7 + 2};
  const TimeTree t = fastest_from(g, from);
  for (NodeId n = 0; n < g.node_count(); ++n) {
    const int hops = std::abs(static_cast<int>(n / 7) - 3) + std::abs(static_cast<int>(n % 7) - 2);
    EXPECT_EQ(t.time_ms[n], hops * 10'000) << n;
    EXPECT_DOUBLE_EQ(t.length_m[n], hops * 100.0) << n;
    EXPECT_EQ(t.source[n], 0u);
  }
}

TEST(ShortestPaths, MultiSourceReportsTheNearestSource) {
  // A line 0-1-2-3-4 (two-way), sources at 0 and 4: node 1 belongs to source 0, node 3 to 4.
  std::vector<EdgeInput> edges;
  for (NodeId i = 0; i < 4; ++i) {
    edges.push_back({i, i + 1, 100.0, 36.0});
    edges.push_back({i + 1, i, 100.0, 36.0});
  }
  const RoadGraph g({0, 100, 200, 300, 400}, {0, 0, 0, 0, 0}, edges);
  const std::vector<NodeId> sources{4, 0, 4};  // a repeated source keeps its first index
  const TimeTree t = fastest_from(g, sources);
  EXPECT_EQ(t.source[0], 1u);
  EXPECT_EQ(t.source[1], 1u);
  EXPECT_EQ(t.source[3], 0u);
  EXPECT_EQ(t.source[4], 0u);
  EXPECT_EQ(t.time_ms[2], 20'000);
}

TEST(ShortestPaths, OneWayStreetsAndDisconnectedPartsAreRespected) {
  // 0 -> 1 -> 2 one way, 2 -> 0 one way (a loop), node 3 isolated.
  const RoadGraph g({0, 100, 200, 300}, {0, 0, 0, 0},
                    {{0, 1, 100.0, 36.0}, {1, 2, 100.0, 36.0}, {2, 0, 500.0, 36.0}});
  const std::vector<NodeId> from{1};
  const TimeTree t = fastest_from(g, from);
  EXPECT_EQ(t.time_ms[2], 10'000);
  EXPECT_EQ(t.time_ms[0], 60'000);  // around the loop, not back against the one-way
  EXPECT_DOUBLE_EQ(t.length_m[0], 600.0);
  EXPECT_EQ(t.time_ms[3], kUnreachableMs);
  EXPECT_EQ(t.source[3], kInvalid);
}

TEST(ShortestPaths, FastestIsNotShortest) {
  // 0 -> 2 directly: 1000 m at 10 km/h (360 s); via 1: 2 x 1000 m at 100 km/h (72 s).
  const RoadGraph g({0, 500, 1000}, {0, 100, 0},
                    {{0, 2, 1000.0, 10.0}, {0, 1, 1000.0, 100.0}, {1, 2, 1000.0, 100.0}});
  const std::vector<NodeId> from{0};
  const TimeTree t = fastest_from(g, from);
  EXPECT_EQ(t.time_ms[2], 72'000);
  EXPECT_DOUBLE_EQ(t.length_m[2], 2000.0);
}

}  // namespace
}  // namespace evsim::models::road
