#include "models/coverage/length_graph.hpp"

#include <algorithm>

namespace evsim::models::coverage {

LengthGraph LengthGraph::forward(const road::RoadGraph& graph) { return build(graph, Direction::forward); }
LengthGraph LengthGraph::reversed(const road::RoadGraph& graph) { return build(graph, Direction::reversed); }
LengthGraph LengthGraph::undirected(const road::RoadGraph& graph) { return build(graph, Direction::both); }

LengthGraph LengthGraph::build(const road::RoadGraph& graph, Direction direction) {
  const std::uint32_t n = graph.node_count();
  const std::uint32_t m = graph.edge_count();
  LengthGraph out;
  out.offsets_.assign(static_cast<std::size_t>(n) + 1, 0);
  const bool fwd = direction != Direction::reversed;
  const bool rev = direction != Direction::forward;
  // Counting sort by tail node. Arcs of one node keep the order of edge ids (stable).
  for (road::EdgeId e = 0; e < m; ++e) {
    if (fwd) ++out.offsets_[graph.source(e) + 1];
    if (rev) ++out.offsets_[graph.target(e) + 1];
  }
  for (std::uint32_t u = 0; u < n; ++u) out.offsets_[u + 1] += out.offsets_[u];
  out.arcs_.resize(out.offsets_[n]);
  std::vector<std::uint32_t> next(out.offsets_.begin(), out.offsets_.end() - 1);
  for (road::EdgeId e = 0; e < m; ++e) {
    const NodeId u = graph.source(e);
    const NodeId v = graph.target(e);
    const double length = graph.length_m(e);
    out.min_length_m_ = std::min(out.min_length_m_, length);
    out.total_length_m_ += (fwd ? length : 0.0) + (rev ? length : 0.0);
    if (fwd) out.arcs_[next[u]++] = {length, v};
    if (rev) out.arcs_[next[v]++] = {length, u};
  }
  return out;
}

}  // namespace evsim::models::coverage
