#include "models/road/network_assembly.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <utility>

#include "models/road/largest_component.hpp"
#include "models/road/spatial_order.hpp"

namespace evsim::models::road {
namespace {

// Steps 1 and 2: the edges that remain, sorted by (from, to).
std::vector<EdgeInput> clean_edges(std::vector<EdgeInput> edges, RoadLoadReport& report) {
  const std::size_t read = edges.size();
  std::erase_if(edges, [](const EdgeInput& e) { return e.from == e.to || !(e.length_m > 0.0); });
  report.edges_degenerate = read - edges.size();
  std::sort(edges.begin(), edges.end(), [](const EdgeInput& a, const EdgeInput& b) {
    if (a.from != b.from) return a.from < b.from;
    if (a.to != b.to) return a.to < b.to;
    if (a.length_m != b.length_m) return a.length_m < b.length_m;
    return a.speed_kmh > b.speed_kmh;
  });
  const auto last = std::unique(edges.begin(), edges.end(), [](const EdgeInput& a, const EdgeInput& b) {
    return a.from == b.from && a.to == b.to;
  });
  report.edges_merged = static_cast<std::uint64_t>(edges.end() - last);
  edges.erase(last, edges.end());
  return edges;
}

}  // namespace

RoadNetwork assemble_network(RawNetwork raw, NodeOrder order) {
  const std::size_t n_read = raw.x.size();
  if (raw.y.size() != n_read || raw.source_ids.size() != n_read) {
    throw std::logic_error("assemble_network: x, y and source_ids must have one entry per node");
  }
  if (n_read >= kInvalid) throw std::length_error("assemble_network: too many nodes for 32-bit ids");
  const auto n = static_cast<std::uint32_t>(n_read);
  RoadLoadReport report = std::move(raw.report);
  report.nodes_read = n;
  report.edges_read = raw.edges.size();
  std::vector<EdgeInput> edges = clean_edges(std::move(raw.edges), report);

  const ComponentSelection kept = largest_strong_component(n, edges);
  report.components = kept.components;
  report.nodes = kept.kept_nodes;
  report.nodes_dropped = n - kept.kept_nodes;

  std::vector<double> x(kept.kept_nodes);
  std::vector<double> y(kept.kept_nodes);
  std::vector<std::int64_t> ids(kept.kept_nodes);
  DroppedNodes dropped;
  for (NodeId u = 0; u < n; ++u) {
    const NodeId v = kept.new_id[u];
    if (v == kInvalid) {
      dropped.source_ids.push_back(raw.source_ids[u]);
      dropped.x_m.push_back(raw.x[u]);
      dropped.y_m.push_back(raw.y[u]);
      continue;
    }
    x[v] = raw.x[u];
    y[v] = raw.y[u];
    ids[v] = raw.source_ids[u];
  }
  std::vector<EdgeInput> kept_edges;
  kept_edges.reserve(edges.size());
  for (const EdgeInput& e : edges) {
    const NodeId from = kept.new_id[e.from];
    const NodeId to = kept.new_id[e.to];
    if (from != kInvalid && to != kInvalid) {
      kept_edges.push_back({from, to, e.length_m, e.speed_kmh});
      report.length_m += e.length_m;
    } else {
      report.length_dropped_m += e.length_m;
    }
  }
  report.edges = kept_edges.size();
  report.edges_dropped = edges.size() - kept_edges.size();

  RoadNetwork net;
  if (raw.geographic && !x.empty()) {
    const auto [min_lon, max_lon] = std::minmax_element(x.begin(), x.end());
    const auto [min_lat, max_lat] = std::minmax_element(y.begin(), y.end());
    const LocalProjection projection((*min_lon + *max_lon) / 2.0, (*min_lat + *max_lat) / 2.0);
    for (std::size_t i = 0; i < x.size(); ++i) {
      const XY p = projection.to_xy(x[i], y[i]);
      x[i] = p.x_m;
      y[i] = p.y_m;
    }
    for (std::size_t i = 0; i < dropped.x_m.size(); ++i) {
      const XY p = projection.to_xy(dropped.x_m[i], dropped.y_m[i]);
      dropped.x_m[i] = p.x_m;
      dropped.y_m[i] = p.y_m;
    }
    net.projection = projection;
  }

  if (order == NodeOrder::hilbert) {
    const std::vector<NodeId> old_of_new = hilbert_order(x, y);
    std::vector<NodeId> new_of_old(old_of_new.size());
    for (NodeId i = 0; i < old_of_new.size(); ++i) new_of_old[old_of_new[i]] = i;
    std::vector<double> hx(x.size());
    std::vector<double> hy(y.size());
    std::vector<std::int64_t> hids(ids.size());
    for (NodeId i = 0; i < old_of_new.size(); ++i) {
      hx[i] = x[old_of_new[i]];
      hy[i] = y[old_of_new[i]];
      hids[i] = ids[old_of_new[i]];
    }
    for (EdgeInput& e : kept_edges) {
      e.from = new_of_old[e.from];
      e.to = new_of_old[e.to];
    }
    x = std::move(hx);
    y = std::move(hy);
    ids = std::move(hids);
  }

  net.graph = RoadGraph(std::move(x), std::move(y), std::move(kept_edges));
  net.source_ids = std::move(ids);
  net.dropped = std::move(dropped);
  net.report = std::move(report);
  return net;
}

}  // namespace evsim::models::road
