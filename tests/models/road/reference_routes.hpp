#pragma once
// Reference answers for the routing tests: a plain one-to-all Dijkstra on the RoadGraph with the
// lexicographic weight (travel time in ms, length rounded to the nanometre per edge), written
// independently of the contraction hierarchy. It also flags targets whose lightest paths tie
// exactly in (time, length) but differ in speed_sq_length: there the hierarchy may choose either.
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <queue>
#include <tuple>
#include <vector>

#include "models/road/road_graph.hpp"

namespace evsim::models::road::testing {

struct ReferenceRoutes {
  std::vector<std::int64_t> time_ms;    // INT64_MAX when unreachable
  std::vector<std::int64_t> length_nm;
  std::vector<double> length_m;
  std::vector<double> speed_sq_length;
  std::vector<char> ambiguous;          // another lightest path has another speed_sq_length
};

inline ReferenceRoutes reference_routes(const RoadGraph& g, NodeId source) {
  const std::uint32_t n = g.node_count();
  constexpr std::int64_t kFar = std::numeric_limits<std::int64_t>::max();
  ReferenceRoutes r{std::vector<std::int64_t>(n, kFar), std::vector<std::int64_t>(n, kFar),
                    std::vector<double>(n, std::numeric_limits<double>::infinity()),
                    std::vector<double>(n, std::numeric_limits<double>::infinity()), std::vector<char>(n, 0)};
  using Key = std::tuple<std::int64_t, std::int64_t, NodeId>;
  std::priority_queue<Key, std::vector<Key>, std::greater<>> queue;
  r.time_ms[source] = 0;
  r.length_nm[source] = 0;
  r.length_m[source] = 0.0;
  r.speed_sq_length[source] = 0.0;
  queue.push({0, 0, source});
  while (!queue.empty()) {
    const auto [t, l, u] = queue.top();
    queue.pop();
    if (t != r.time_ms[u] || l != r.length_nm[u]) continue;
    for (EdgeId e = g.out_begin(u); e < g.out_end(u); ++e) {
      const NodeId v = g.target(e);
      const std::int64_t nt = t + g.travel_time_ms(e);
      const std::int64_t nl = l + std::llround(g.length_m(e) * 1e9);
      const double sq = r.speed_sq_length[u] + g.length_m(e) * g.speed_kmh(e) * g.speed_kmh(e);
      if (std::tie(nt, nl) < std::tie(r.time_ms[v], r.length_nm[v])) {
        r.time_ms[v] = nt;
        r.length_nm[v] = nl;
        r.length_m[v] = r.length_m[u] + g.length_m(e);
        r.speed_sq_length[v] = sq;
        r.ambiguous[v] = r.ambiguous[u];
        queue.push({nt, nl, v});
      } else if (nt == r.time_ms[v] && nl == r.length_nm[v]) {
        if (r.ambiguous[u] || std::abs(sq - r.speed_sq_length[v]) > 1e-9 * std::abs(sq)) r.ambiguous[v] = 1;
      }
    }
  }
  return r;
}

}  // namespace evsim::models::road::testing
