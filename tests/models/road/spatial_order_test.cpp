#include "models/road/spatial_order.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <random>
#include <tuple>

#include "models/road/grid_generator.hpp"
#include "tests/support/expect_throw_msg.hpp"

namespace evsim::models::road {
namespace {

TEST(HilbertIndex, FirstOrderVisitsTheFourCellsInCurveOrder) {
  EXPECT_EQ(hilbert_index(0, 0, 1), 0u);
  EXPECT_EQ(hilbert_index(0, 1, 1), 1u);
  EXPECT_EQ(hilbert_index(1, 1, 1), 2u);
  EXPECT_EQ(hilbert_index(1, 0, 1), 3u);
}

TEST(HilbertIndex, ConsecutiveIndicesAreNeighbouringCells) {
  for (const int order : {2, 4, 6}) {
    const std::uint32_t side = 1u << order;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> cell_at(std::size_t{side} * side, {kInvalid, kInvalid});
    for (std::uint32_t x = 0; x < side; ++x) {
      for (std::uint32_t y = 0; y < side; ++y) {
        const std::uint64_t d = hilbert_index(x, y, order);
        ASSERT_LT(d, cell_at.size());
        ASSERT_EQ(cell_at[d].first, kInvalid) << "index used twice";
        cell_at[d] = {x, y};
      }
    }
    for (std::size_t d = 1; d < cell_at.size(); ++d) {
      const auto [x0, y0] = cell_at[d - 1];
      const auto [x1, y1] = cell_at[d];
      EXPECT_EQ(std::abs(static_cast<int>(x1) - static_cast<int>(x0)) + std::abs(static_cast<int>(y1) - static_cast<int>(y0)), 1)
          << "order " << order << " index " << d;
    }
  }
  EXPECT_EQ(hilbert_index(0xFFFFFFFFu, 0, 32), 0xFFFFFFFFFFFFFFFFu);  // the curve ends at the lower-right corner
}

TEST(HilbertOrder, OnASquareGridConsecutiveNodesAreNeighbours) {
  const RoadGraph grid = make_grid({.rows = 64, .cols = 64, .spacing_m = 10.0, .speed_kmh = 30.0});
  std::vector<double> x;
  std::vector<double> y;
  for (NodeId u = 0; u < grid.node_count(); ++u) {
    x.push_back(grid.x_m(u));
    y.push_back(grid.y_m(u));
  }
  const std::vector<NodeId> order = hilbert_order(x, y);
  ASSERT_EQ(order.size(), grid.node_count());
  EXPECT_EQ(order.front(), 0u);
  for (std::size_t i = 1; i < order.size(); ++i) {
    EXPECT_DOUBLE_EQ(std::hypot(x[order[i]] - x[order[i - 1]], y[order[i]] - y[order[i - 1]]), 10.0) << i;
  }
  // Mean id distance across edges: row-major ids give (1 + 64) / 2; along the curve most
  // neighbours are much closer than a row apart.
  const RoadGraph h = renumber(grid, order);
  std::vector<std::uint32_t> gaps;
  for (EdgeId e = 0; e < h.edge_count(); ++e) {
    gaps.push_back(static_cast<std::uint32_t>(std::abs(static_cast<int>(h.source(e)) - static_cast<int>(h.target(e)))));
  }
  std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2), gaps.end());
  EXPECT_LE(gaps[gaps.size() / 2], 3u) << "median id gap between neighbours";
}

TEST(HilbertOrder, RenumberingKeepsEveryEdgeAndTheSourceIds) {
  std::mt19937 rng(7);
  const std::uint32_t n = 500;
  std::vector<double> x(n);
  std::vector<double> y(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    x[i] = static_cast<double>(rng() % 100000) / 10.0;
    y[i] = static_cast<double>(rng() % 50000) / 10.0;
  }
  std::vector<EdgeInput> edges;
  for (std::uint32_t k = 0; k < 3 * n; ++k) {
    const auto a = static_cast<NodeId>(rng() % n);
    const auto b = static_cast<NodeId>(rng() % n);
    if (a != b) edges.push_back({a, b, static_cast<double>(1 + rng() % 1000), static_cast<double>(10 + rng() % 90)});
  }
  RoadNetwork net{.graph = RoadGraph(x, y, edges)};
  for (std::uint32_t i = 0; i < n; ++i) net.source_ids.push_back(1000 + i);
  const RoadGraph before = net.graph;
  apply_spatial_order(net);
  check(net.graph);
  // Map every edge back to the source ids: the same multiset of (from, to, length, speed).
  using Key = std::tuple<std::int64_t, std::int64_t, double, double>;
  std::vector<Key> old_edges;
  std::vector<Key> new_edges;
  for (EdgeId e = 0; e < before.edge_count(); ++e) {
    old_edges.emplace_back(1000 + before.source(e), 1000 + before.target(e), before.length_m(e), before.speed_kmh(e));
    new_edges.emplace_back(net.source_ids[net.graph.source(e)], net.source_ids[net.graph.target(e)], net.graph.length_m(e),
                           net.graph.speed_kmh(e));
  }
  std::sort(old_edges.begin(), old_edges.end());
  std::sort(new_edges.begin(), new_edges.end());
  EXPECT_EQ(old_edges, new_edges);
  for (NodeId u = 0; u < n; ++u) {
    const auto old = static_cast<NodeId>(net.source_ids[u] - 1000);
    EXPECT_EQ(net.graph.x_m(u), x[old]);
    EXPECT_EQ(net.graph.y_m(u), y[old]);
  }
  // Neighbouring ids are near each other: consecutive nodes on average far closer than random pairs.
  double consecutive = 0.0;
  for (NodeId u = 1; u < n; ++u) {
    consecutive += std::hypot(net.graph.x_m(u) - net.graph.x_m(u - 1), net.graph.y_m(u) - net.graph.y_m(u - 1));
  }
  EXPECT_LT(consecutive / (n - 1), 500.0) << "random pairs in a 10 km x 5 km box are ~4 km apart";
}

TEST(HilbertOrder, Renumber) {
  const RoadGraph g({0, 1, 2}, {0, 0, 0}, {{0, 1, 5.0, 36.0}, {1, 2, 7.0, 36.0}});
  const std::vector<NodeId> order{2, 0, 1};
  const RoadGraph r = renumber(g, order);
  EXPECT_EQ(r.x_m(0), 2.0);
  ASSERT_EQ(r.edge_count(), 2u);
  EXPECT_EQ(r.source(0), 1u);  // old 0 -> old 1 is new 1 -> new 2
  EXPECT_EQ(r.target(0), 2u);
  EXPECT_EQ(r.source(1), 2u);  // old 1 -> old 2 is new 2 -> new 0
  EXPECT_EQ(r.target(1), 0u);
  EXPECT_THROW_MSG(renumber(g, std::vector<NodeId>{0, 0, 1}), std::invalid_argument, "renumber: the order is not a permutation");
}

}  // namespace
}  // namespace evsim::models::road
