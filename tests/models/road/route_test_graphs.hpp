#pragma once
// Graphs for the routing tests, deterministic for a seed.
//   tie_road: nodes on a jittered lattice joined to their nearest neighbours; lengths in 50 m
//     steps and speeds of 18, 36 or 72 km/h, so that travel times are whole multiples of 2.5 s and
//     many different paths take exactly the same time; a share of streets is one-way.
//   jittered_grid: make_grid with every street's speed (both directions alike) drawn from
//     [20, 60) km/h.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <utility>
#include <vector>

#include "models/road/grid_generator.hpp"
#include "models/road/road_graph.hpp"
#include "sim/random.hpp"

namespace evsim::models::road::testing {

inline RoadGraph tie_road(std::uint32_t side, double one_way_share, std::uint64_t seed) {
  sim::RandomStream rng(seed, 0, "tests/road/tie_road");
  const std::uint32_t n = side * side;
  std::vector<double> x(n);
  std::vector<double> y(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    x[i] = 100.0 * (i % side) + rng.uniform(-30.0, 30.0);
    y[i] = 100.0 * (i / side) + rng.uniform(-30.0, 30.0);
  }
  const double speeds[] = {18.0, 36.0, 72.0};
  std::set<std::pair<NodeId, NodeId>> joined;
  std::vector<EdgeInput> edges;
  for (NodeId u = 0; u < n; ++u) {
    const std::uint32_t r = u / side;
    const std::uint32_t c = u % side;
    std::vector<std::pair<double, NodeId>> near;
    for (std::uint32_t rr = r > 1 ? r - 2 : 0; rr <= std::min(side - 1, r + 2); ++rr) {
      for (std::uint32_t cc = c > 1 ? c - 2 : 0; cc <= std::min(side - 1, c + 2); ++cc) {
        const NodeId v = rr * side + cc;
        if (v != u) near.push_back({std::hypot(x[u] - x[v], y[u] - y[v]), v});
      }
    }
    std::sort(near.begin(), near.end());
    for (std::size_t k = 0; k < 3 && k < near.size(); ++k) {
      const NodeId v = near[k].second;
      if (!joined.insert({std::min(u, v), std::max(u, v)}).second) continue;
      const double length = 50.0 * std::max(1.0, std::round(near[k].first / 50.0 * rng.uniform(1.0, 1.4)));
      const double speed = speeds[rng.uniform_index(3)];
      if (rng.bernoulli(one_way_share)) {
        if (rng.bernoulli(0.5)) edges.push_back({u, v, length, speed}); else edges.push_back({v, u, length, speed});
      } else {
        edges.push_back({u, v, length, speed});
        edges.push_back({v, u, length, speed});
      }
    }
  }
  return RoadGraph(std::move(x), std::move(y), std::move(edges));
}

inline RoadGraph jittered_grid(std::uint32_t rows, std::uint32_t cols, std::uint64_t seed) {
  const RoadGraph base = make_grid({.rows = rows, .cols = cols, .spacing_m = 100.0, .speed_kmh = 30.0});
  std::vector<double> x(base.node_count());
  std::vector<double> y(base.node_count());
  for (NodeId v = 0; v < base.node_count(); ++v) {
    x[v] = base.x_m(v);
    y[v] = base.y_m(v);
  }
  std::vector<EdgeInput> edges;
  for (EdgeId e = 0; e < base.edge_count(); ++e) {
    const NodeId u = base.source(e);
    const NodeId v = base.target(e);
    std::uint64_t key = seed ^ ((static_cast<std::uint64_t>(std::min(u, v)) << 32) | std::max(u, v));
    const double speed = 20.0 + 40.0 * static_cast<double>(sim::splitmix64(key) >> 11) * 0x1.0p-53;
    edges.push_back({u, v, base.length_m(e), speed});
  }
  return RoadGraph(std::move(x), std::move(y), std::move(edges));
}

}  // namespace evsim::models::road::testing
