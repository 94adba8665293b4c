#include "models/road/contraction_hierarchy.hpp"

#include <gtest/gtest.h>

#include <numbers>

#include "models/road/grid_generator.hpp"
#include "models/road/route_query.hpp"
#include "route_test_graphs.hpp"

namespace evsim::models::road {
namespace {

// A two-way ring of `n` nodes, 100 m pieces; speeds alternate 36 and 72 km/h.
RoadGraph ring(std::uint32_t n) {
  std::vector<double> x(n);
  std::vector<double> y(n);
  std::vector<EdgeInput> edges;
  for (NodeId i = 0; i < n; ++i) {
    x[i] = 1000.0 * std::cos(2 * std::numbers::pi * i / n);
    y[i] = 1000.0 * std::sin(2 * std::numbers::pi * i / n);
    const NodeId j = (i + 1) % n;
    const double speed = i % 2 == 0 ? 36.0 : 72.0;
    edges.push_back({i, j, 100.0, speed});
    edges.push_back({j, i, 100.0, speed});
  }
  return RoadGraph(std::move(x), std::move(y), std::move(edges));
}

TEST(ContractionHierarchy, RanksArePermutationsAndTheStructureChecks) {
  for (const RoadGraph& g : {ring(9), testing::tie_road(20, 0.25, 1), testing::jittered_grid(25, 25, 1)}) {
    const ContractionHierarchy ch(g);
    ASSERT_EQ(ch.node_count(), g.node_count());
    std::vector<char> seen(g.node_count(), 0);
    for (NodeId v = 0; v < g.node_count(); ++v) {
      ASSERT_LT(ch.rank(v), g.node_count());
      EXPECT_FALSE(seen[ch.rank(v)]);
      seen[ch.rank(v)] = 1;
    }
    EXPECT_NO_THROW(check(ch));
    EXPECT_GT(ch.stats().witness_searches, 0u);
  }
}

TEST(ContractionHierarchy, ShortcutsCarryTheSumsOfTheirEdges) {
  // In a ring, contracting any node needs both shortcuts around it (the witness would be the
  // rest of the ring); check() verifies each shortcut against its two halves, recursively down
  // to original edges, so every shortcut's length and speed_sq_length are sums of edges'.
  const RoadGraph g = ring(8);
  const ContractionHierarchy ch(g);
  EXPECT_GT(ch.stats().shortcuts, 0u);
  check(ch);
  // The arc out of the lowest node: an original edge of 100 m.
  const std::uint32_t lowest = 0;
  ASSERT_EQ(ch.upward().out(lowest).size(), 2u);
  for (std::uint32_t i = ch.upward().first[lowest]; i < ch.upward().first[lowest + 1]; ++i) {
    EXPECT_EQ(ch.upward().middle[i], kInvalid);
    EXPECT_DOUBLE_EQ(ch.upward().length_m[i], 100.0);
  }
  // The route halfway round the ring (400 m): two pieces at each speed, through shortcuts.
  RouteQuery query(ch);
  const RouteCost half = query.route(0, 4);
  EXPECT_EQ(half.time_ms, 2 * 10'000 + 2 * 5'000);
  EXPECT_DOUBLE_EQ(half.length_m, 400.0);
  EXPECT_DOUBLE_EQ(half.speed_sq_length, 200.0 * 36.0 * 36.0 + 200.0 * 72.0 * 72.0);
}

TEST(ContractionHierarchy, ParallelEdgesKeepTheLightest) {
  // 0 -> 1 three times: 20 s over 200 m, 10 s over 110 m, 10 s over 100 m (36 km/h);
  // back 1 -> 0 once.
  const RoadGraph g({0, 100}, {0, 0},
                    {{0, 1, 200.0, 36.0}, {0, 1, 110.0, 39.6}, {0, 1, 100.0, 36.0}, {1, 0, 100.0, 36.0}});
  const ContractionHierarchy ch(g);
  check(ch);
  EXPECT_EQ(ch.upward().arcs.size() + ch.downward().arcs.size(), 2u);
  RouteQuery query(ch);
  const RouteCost cost = query.route(0, 1);
  EXPECT_EQ(cost.time_ms, 10'000);
  EXPECT_DOUBLE_EQ(cost.length_m, 100.0);
  EXPECT_DOUBLE_EQ(cost.speed_sq_length, 100.0 * 36.0 * 36.0);
}

TEST(ContractionHierarchy, EdgeWeightIsTimeThenLengthInNanometres) {
  const RoadGraph g({0, 100}, {0, 0}, {{0, 1, 123.456789, 36.0}, {1, 0, 0.1, 36.0}});
  EXPECT_EQ(edge_weight(g, 0), (ChWeight{12'346, 123'456'789'000}));
  EXPECT_EQ(edge_weight(g, 1), (ChWeight{10, 100'000'000}));
}

TEST(ContractionHierarchy, TightWitnessLimitsOnlyAddShortcuts) {
  // Witness searches that give up at once keep every shortcut: more arcs, the same answers.
  const RoadGraph g = testing::jittered_grid(20, 20, 5);
  const ContractionHierarchy normal(g);
  const ContractionHierarchy tight(g, {.witness_settled_limit = 1, .witness_hop_limit = 1});
  check(tight);
  EXPECT_GT(tight.stats().shortcuts, normal.stats().shortcuts);
  RouteQuery a(normal);
  RouteQuery b(tight);
  for (NodeId s = 0; s < g.node_count(); s += 37) {
    for (NodeId t = 0; t < g.node_count(); t += 13) {
      const RouteCost x = a.route(s, t);
      const RouteCost y = b.route(s, t);
      EXPECT_EQ(x.time_ms, y.time_ms) << s << "->" << t;
      EXPECT_NEAR(x.length_m, y.length_m, 1e-9 * x.length_m) << s << "->" << t;
    }
  }
}

TEST(ContractionHierarchy, EmptyGraph) {
  const ContractionHierarchy ch{RoadGraph()};
  EXPECT_EQ(ch.node_count(), 0u);
  EXPECT_NO_THROW(check(ch));
}

}  // namespace
}  // namespace evsim::models::road
