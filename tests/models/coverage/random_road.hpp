#pragma once
// Random road graphs for coverage tests: nodes uniform in a square, each joined to its nearest
// neighbours by streets of random kinds (two-way, one-way either way, two-way with directions of
// different lengths, an extra parallel edge), lengths = straight-line distance x U(1, 1.5), so that
// shortest paths rarely tie. Deterministic for a seed.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <utility>
#include <vector>

#include "models/road/road_graph.hpp"
#include "sim/random.hpp"

namespace evsim::models::coverage::testing {

struct RandomRoadSpec {
  std::uint32_t nodes = 50;
  double side_m = 3000.0;
  std::uint32_t neighbours = 3;
  double one_way_share = 0.2;
  double unequal_share = 0.1;   // two-way streets whose directions differ in length
  double parallel_share = 0.05;  // streets with a second, longer edge in one direction
  std::uint64_t seed = 1;
};

inline road::RoadGraph random_road(const RandomRoadSpec& spec) {
  sim::RandomStream rng(spec.seed, 0, "tests/coverage/random_road");
  const std::uint32_t n = spec.nodes;
  std::vector<double> x(n);
  std::vector<double> y(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    x[i] = rng.uniform(0.0, spec.side_m);
    y[i] = rng.uniform(0.0, spec.side_m);
  }
  std::set<std::pair<std::uint32_t, std::uint32_t>> joined;
  std::vector<road::EdgeInput> edges;
  std::vector<std::pair<double, std::uint32_t>> by_distance;
  for (std::uint32_t u = 0; u < n; ++u) {
    by_distance.clear();
    for (std::uint32_t v = 0; v < n; ++v) {
      if (v != u) by_distance.push_back({std::hypot(x[u] - x[v], y[u] - y[v]), v});
    }
    std::sort(by_distance.begin(), by_distance.end());
    for (std::uint32_t k = 0; k < spec.neighbours && k < by_distance.size(); ++k) {
      const std::uint32_t v = by_distance[k].second;
      if (!joined.insert({std::min(u, v), std::max(u, v)}).second) continue;
      const double length = std::max(1.0, by_distance[k].first * rng.uniform(1.0, 1.5));
      const double kind = rng.uniform01();
      if (kind < spec.one_way_share) {
        if (rng.bernoulli(0.5)) edges.push_back({u, v, length, 30.0}); else edges.push_back({v, u, length, 30.0});
      } else if (kind < spec.one_way_share + spec.unequal_share) {
        edges.push_back({u, v, length, 30.0});
        edges.push_back({v, u, length * rng.uniform(1.05, 1.5), 30.0});
      } else {
        edges.push_back({u, v, length, 30.0});
        edges.push_back({v, u, length, 30.0});
      }
      if (rng.bernoulli(spec.parallel_share)) edges.push_back({u, v, length * rng.uniform(1.1, 2.0), 30.0});
    }
  }
  return road::RoadGraph(std::move(x), std::move(y), std::move(edges));
}

}  // namespace evsim::models::coverage::testing
