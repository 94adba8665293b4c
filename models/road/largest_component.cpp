#include "models/road/largest_component.hpp"

#include <boost/graph/strong_components.hpp>
#include <boost/property_map/property_map.hpp>

#include <utility>

namespace evsim::models::road {
namespace {

ComponentSelection select_largest(const CsrGraph& csr, std::uint32_t node_count) {
  ComponentSelection out;
  out.new_id.assign(node_count, kInvalid);
  if (node_count == 0) return out;
  std::vector<std::uint32_t> component(node_count);
  const std::uint32_t count = boost::strong_components(
      csr, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, csr)));
  out.components = count;
  std::vector<std::uint32_t> size(count, 0);
  for (const std::uint32_t c : component) ++size[c];
  // Scanning nodes in id order, the first node of the winning size decides the tie.
  std::uint32_t best = component[0];
  for (NodeId u = 0; u < node_count; ++u) {
    if (size[component[u]] > size[best]) best = component[u];
  }
  for (NodeId u = 0; u < node_count; ++u) {
    if (component[u] == best) out.new_id[u] = out.kept_nodes++;
  }
  return out;
}

}  // namespace

ComponentSelection largest_strong_component(std::uint32_t node_count, std::span<const EdgeInput> edges) {
  std::vector<std::pair<NodeId, NodeId>> pairs;
  pairs.reserve(edges.size());
  for (const EdgeInput& e : edges) pairs.emplace_back(e.from, e.to);
  const CsrGraph csr(boost::edges_are_unsorted_multi_pass, pairs.begin(), pairs.end(), node_count);
  return select_largest(csr, node_count);
}

KeptComponent keep_largest_component(const RoadGraph& graph) {
  const ComponentSelection sel = select_largest(graph.csr(), graph.node_count());
  std::vector<double> x(sel.kept_nodes);
  std::vector<double> y(sel.kept_nodes);
  std::vector<NodeId> old_id(sel.kept_nodes);
  for (NodeId u = 0; u < graph.node_count(); ++u) {
    const NodeId v = sel.new_id[u];
    if (v == kInvalid) continue;
    x[v] = graph.x_m(u);
    y[v] = graph.y_m(u);
    old_id[v] = u;
  }
  std::vector<EdgeInput> edges;
  for (EdgeId e = 0; e < graph.edge_count(); ++e) {
    const NodeId from = sel.new_id[graph.source(e)];
    const NodeId to = sel.new_id[graph.target(e)];
    if (from != kInvalid && to != kInvalid) edges.push_back({from, to, graph.length_m(e), graph.speed_kmh(e)});
  }
  return {RoadGraph(std::move(x), std::move(y), std::move(edges)), std::move(old_id), sel.components};
}

}  // namespace evsim::models::road
