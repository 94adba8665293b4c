#include "models/road/largest_component.hpp"

#include <gtest/gtest.h>

namespace evsim::models::road {
namespace {

RoadGraph graph_of(std::uint32_t n, std::vector<std::pair<NodeId, NodeId>> arcs) {
  std::vector<double> x(n);
  std::vector<double> y(n, 0.0);
  for (std::uint32_t i = 0; i < n; ++i) x[i] = 100.0 * i;
  std::vector<EdgeInput> edges;
  for (const auto& [a, b] : arcs) edges.push_back({a, b, 100.0, 36.0});
  return RoadGraph(std::move(x), std::move(y), std::move(edges));
}

TEST(LargestComponent, DropsAOneWayDeadEndAndSmallerComponents) {
  // 0 -> 1 -> 2 -> 0 is the largest; 2 -> 3 is a one-way dead end; 4 <-> 5 is smaller.
  const RoadGraph g = graph_of(6, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {4, 5}, {5, 4}});
  const ComponentSelection sel = largest_strong_component(g.node_count(), std::vector<EdgeInput>{
      {0, 1, 1, 1}, {1, 2, 1, 1}, {2, 0, 1, 1}, {2, 3, 1, 1}, {4, 5, 1, 1}, {5, 4, 1, 1}});
  EXPECT_EQ(sel.components, 3u);  // {0, 1, 2}, {3}, {4, 5}
  EXPECT_EQ(sel.kept_nodes, 3u);
  EXPECT_EQ(sel.new_id, (std::vector<NodeId>{0, 1, 2, kInvalid, kInvalid, kInvalid}));

  const KeptComponent kept = keep_largest_component(g);
  check(kept.graph);
  EXPECT_EQ(kept.graph.node_count(), 3u);
  EXPECT_EQ(kept.graph.edge_count(), 3u);
  EXPECT_EQ(kept.old_id, (std::vector<NodeId>{0, 1, 2}));
  EXPECT_EQ(kept.components, 3u);
  EXPECT_DOUBLE_EQ(kept.graph.x_m(2), 200.0);
}

TEST(LargestComponent, TiesGoToTheComponentWithTheLowestNodeId) {
  // {0} and {1} (0 -> 1 only), {2, 3} and {4, 5}: the first pair of size 2 wins.
  const KeptComponent kept = keep_largest_component(graph_of(6, {{0, 1}, {4, 5}, {5, 4}, {3, 2}, {2, 3}}));
  EXPECT_EQ(kept.old_id, (std::vector<NodeId>{2, 3}));
  EXPECT_EQ(kept.components, 4u);
  const KeptComponent reversed = keep_largest_component(graph_of(6, {{0, 1}, {2, 3}, {3, 2}, {5, 4}, {4, 5}}).reversed());
  EXPECT_EQ(reversed.old_id, (std::vector<NodeId>{2, 3}));
}

TEST(LargestComponent, EmptyAndEdgelessGraphs) {
  const ComponentSelection none = largest_strong_component(0, {});
  EXPECT_EQ(none.components, 0u);
  EXPECT_EQ(none.kept_nodes, 0u);
  const KeptComponent single = keep_largest_component(graph_of(3, {}));
  EXPECT_EQ(single.components, 3u);
  EXPECT_EQ(single.old_id, (std::vector<NodeId>{0}));
}

TEST(LargestComponent, OneMillionNodeCycleNeedsNoDeepRecursion) {
  // One cycle through every node: a depth-first search goes one million nodes deep.
  constexpr std::uint32_t n = 1'000'000;
  std::vector<EdgeInput> edges;
  edges.reserve(n + 1);
  for (std::uint32_t i = 0; i < n; ++i) edges.push_back({i, (i + 1) % n, 1.0, 1.0});
  edges.push_back({0, n, 1.0, 1.0});  // and a dead end
  const ComponentSelection sel = largest_strong_component(n + 1, edges);
  EXPECT_EQ(sel.components, 2u);
  EXPECT_EQ(sel.kept_nodes, n);
  EXPECT_EQ(sel.new_id[n], kInvalid);
  EXPECT_EQ(sel.new_id[n - 1], n - 1);
}

}  // namespace
}  // namespace evsim::models::road
