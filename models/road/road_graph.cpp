#include "models/road/road_graph.hpp"

#include <boost/range/iterator_range.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace evsim::models::road {

RoadGraph::RoadGraph(std::vector<double> x_m, std::vector<double> y_m, std::vector<EdgeInput> edges)
    : x_m_(std::move(x_m)), y_m_(std::move(y_m)) {
  if (x_m_.size() != y_m_.size()) throw std::logic_error("RoadGraph: x_m and y_m differ in length");
  const auto n = static_cast<std::uint32_t>(x_m_.size());
  for (const EdgeInput& e : edges) {
    if (e.from >= n || e.to >= n) {
      throw std::logic_error(fmt::format("RoadGraph: edge {}->{} names a node outside 0..{}", e.from, e.to, n - 1));
    }
  }
  std::stable_sort(edges.begin(), edges.end(), [](const EdgeInput& a, const EdgeInput& b) {
    return a.from != b.from ? a.from < b.from : a.to < b.to;
  });
  offsets_.assign(n + 1, 0);
  for (const EdgeInput& e : edges) ++offsets_[e.from + 1];
  std::partial_sum(offsets_.begin(), offsets_.end(), offsets_.begin());
  const std::size_t m = edges.size();
  source_.resize(m);
  target_.resize(m);
  length_m_.resize(m);
  speed_kmh_.resize(m);
  travel_time_ms_.resize(m);
  std::vector<std::pair<NodeId, NodeId>> pairs(m);
  for (std::size_t i = 0; i < m; ++i) {
    const EdgeInput& e = edges[i];
    source_[i] = e.from;
    target_[i] = e.to;
    length_m_[i] = e.length_m;
    speed_kmh_[i] = e.speed_kmh;
    travel_time_ms_[i] = std::max<std::int64_t>(1, std::llround(e.length_m / (e.speed_kmh / 3.6) * 1000.0));
    pairs[i] = {e.from, e.to};
  }
  csr_ = CsrGraph(boost::edges_are_sorted, pairs.begin(), pairs.end(), n);
  check(*this);
}

RoadGraph RoadGraph::reversed() const {
  std::vector<EdgeInput> edges(edge_count());
  for (EdgeId e = 0; e < edge_count(); ++e) edges[e] = {target_[e], source_[e], length_m_[e], speed_kmh_[e]};
  return RoadGraph(x_m_, y_m_, std::move(edges));
}

void check(const RoadGraph& g) {
  const std::uint32_t n = g.node_count();
  if (boost::num_vertices(g.csr()) != n) throw std::logic_error("check(RoadGraph): Boost graph vertex count differs");
  if (boost::num_edges(g.csr()) != g.edge_count()) throw std::logic_error("check(RoadGraph): Boost graph edge count differs");
  for (NodeId u = 0; u < n; ++u) {
    if (!std::isfinite(g.x_m(u)) || !std::isfinite(g.y_m(u))) {
      throw std::logic_error(fmt::format("check(RoadGraph): node {} has a non-finite coordinate", u));
    }
    if (g.out_end(u) < g.out_begin(u)) throw std::logic_error(fmt::format("check(RoadGraph): offsets decrease at node {}", u));
    for (EdgeId e = g.out_begin(u); e < g.out_end(u); ++e) {
      if (g.source(e) != u) throw std::logic_error(fmt::format("check(RoadGraph): edge {} is not in node {}'s range", e, u));
    }
  }
  if (n > 0 && g.out_end(n - 1) != g.edge_count()) {
    throw std::logic_error("check(RoadGraph): offsets do not end at the edge count");
  }
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    const auto [src, dst] = std::pair{g.source(e), g.target(e)};
    if (src >= n || dst >= n) throw std::logic_error(fmt::format("check(RoadGraph): edge {} has an end outside the graph", e));
    if (src == dst) throw std::logic_error(fmt::format("check(RoadGraph): edge {} is a self-loop at node {}", e, src));
    if (!(g.length_m(e) > 0.0) || !std::isfinite(g.length_m(e))) {
      throw std::logic_error(fmt::format("check(RoadGraph): edge {} has length {} m", e, g.length_m(e)));
    }
    if (!(g.speed_kmh(e) > 0.0) || !std::isfinite(g.speed_kmh(e))) {
      throw std::logic_error(fmt::format("check(RoadGraph): edge {} has speed {} km/h", e, g.speed_kmh(e)));
    }
    if (g.travel_time_ms(e) < 1) throw std::logic_error(fmt::format("check(RoadGraph): edge {} has no travel time", e));
  }
  // The Boost graph must list the same targets in the same order as the parallel arrays, so that
  // Boost's edge index is our EdgeId.
  for (NodeId u = 0; u < n; ++u) {
    EdgeId expected = g.out_begin(u);
    for (const auto& edge : boost::make_iterator_range(boost::out_edges(u, g.csr()))) {
      if (boost::get(boost::edge_index, g.csr(), edge) != expected || boost::target(edge, g.csr()) != g.target(expected)) {
        throw std::logic_error(fmt::format("check(RoadGraph): Boost graph disagrees at edge {}", expected));
      }
      ++expected;
    }
    if (expected != g.out_end(u)) throw std::logic_error(fmt::format("check(RoadGraph): Boost graph disagrees at node {}", u));
  }
}

}  // namespace evsim::models::road
