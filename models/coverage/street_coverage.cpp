#include "models/coverage/street_coverage.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace evsim::models::coverage {
namespace {

using road::EdgeId;
using road::NodeId;

double clamp_to(double x, double hi) { return x < 0.0 ? 0.0 : (x > hi ? hi : x); }

// The out-edges of `from` that lead to `to`, as an edge id range: RoadGraph keeps each node's
// out-edges sorted by target.
std::pair<EdgeId, EdgeId> edges_between(const road::RoadGraph& g, NodeId from, NodeId to) {
  EdgeId lo = g.out_begin(from);
  EdgeId hi = g.out_end(from);
  while (lo < hi) {  // first edge with target >= to
    const EdgeId mid = lo + (hi - lo) / 2;
    if (g.target(mid) < to) lo = mid + 1; else hi = mid;
  }
  EdgeId end = lo;
  while (end < g.out_end(from) && g.target(end) == to) ++end;
  return {lo, end};
}

}  // namespace

double covered_length_one_way(double length_m, double distance_head_m, double radius_m) {
  return clamp_to(radius_m - distance_head_m, length_m);
}

double covered_length_two_way(double length_uv_m, double length_vu_m, double distance_u_m, double distance_v_m,
                              double radius_m) {
  if (length_uv_m == length_vu_m) {
    const double length = length_uv_m;
    return std::min(length, clamp_to(radius_m - distance_u_m, length) + clamp_to(radius_m - distance_v_m, length));
  }
  const double fraction = std::min(1.0, clamp_to((radius_m - distance_u_m) / length_vu_m, 1.0) +
                                            clamp_to((radius_m - distance_v_m) / length_uv_m, 1.0));
  return 0.5 * (length_uv_m + length_vu_m) * fraction;
}

StreetCoverage street_coverage(const road::RoadGraph& graph, std::span<const double> distance_m,
                               std::span<const std::uint8_t> in_area, double radius_m) {
  StreetCoverage out;
  const auto inside = [&](NodeId v) { return in_area.empty() || in_area[v] != 0; };
  std::vector<double> forward;
  std::vector<double> backward;
  for (NodeId u = 0; u < graph.node_count(); ++u) {
    EdgeId e = graph.out_begin(u);
    while (e < graph.out_end(u)) {
      const NodeId v = graph.target(e);
      EdgeId group_end = e;
      while (group_end < graph.out_end(u) && graph.target(group_end) == v) ++group_end;
      const auto [back_begin, back_end] = edges_between(graph, v, u);
      // Each pair of nodes is handled once: from its lower end when edges run both ways.
      const bool handled_here = back_begin == back_end || u < v;
      if (handled_here && inside(u) && inside(v)) {
        forward.clear();
        backward.clear();
        for (EdgeId f = e; f < group_end; ++f) forward.push_back(graph.length_m(f));
        for (EdgeId b = back_begin; b < back_end; ++b) backward.push_back(graph.length_m(b));
        std::sort(forward.begin(), forward.end());
        std::sort(backward.begin(), backward.end());
        const std::size_t pairs = std::min(forward.size(), backward.size());
        for (std::size_t i = 0; i < pairs; ++i) {
          out.total_length_m += 0.5 * (forward[i] + backward[i]);
          out.covered_length_m += covered_length_two_way(forward[i], backward[i], distance_m[u], distance_m[v], radius_m);
        }
        for (std::size_t i = pairs; i < forward.size(); ++i) {
          out.total_length_m += forward[i];
          out.covered_length_m += covered_length_one_way(forward[i], distance_m[v], radius_m);
        }
        for (std::size_t i = pairs; i < backward.size(); ++i) {
          out.total_length_m += backward[i];
          out.covered_length_m += covered_length_one_way(backward[i], distance_m[u], radius_m);
        }
        out.streets += forward.size() + backward.size() - pairs;
      }
      e = group_end;
    }
  }
  return out;
}

}  // namespace evsim::models::coverage
