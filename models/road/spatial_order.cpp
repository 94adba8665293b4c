#include "models/road/spatial_order.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace evsim::models::road {

std::uint64_t hilbert_index(std::uint32_t x, std::uint32_t y, int order) {
  if (order < 1 || order > 32) throw std::invalid_argument("hilbert_index: order must be 1..32");
  std::uint64_t rx64 = x;
  std::uint64_t ry64 = y;
  std::uint64_t d = 0;
  for (std::uint64_t s = std::uint64_t{1} << (order - 1); s > 0; s /= 2) {
    const std::uint64_t rx = (rx64 & s) != 0 ? 1 : 0;
    const std::uint64_t ry = (ry64 & s) != 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    // Rotate the quadrant so that the curve inside it starts and ends where the next level needs.
    if (ry == 0) {
      if (rx == 1) {
        rx64 = s - 1 - (rx64 & (s - 1));
        ry64 = s - 1 - (ry64 & (s - 1));
      }
      std::swap(rx64, ry64);
    }
  }
  return d;
}

std::vector<NodeId> hilbert_order(std::span<const double> x_m, std::span<const double> y_m) {
  if (x_m.size() != y_m.size()) throw std::invalid_argument("hilbert_order: x_m and y_m differ in length");
  const std::size_t n = x_m.size();
  std::vector<NodeId> order(n);
  std::iota(order.begin(), order.end(), NodeId{0});
  if (n < 2) return order;
  const auto [min_x, max_x] = std::minmax_element(x_m.begin(), x_m.end());
  const auto [min_y, max_y] = std::minmax_element(y_m.begin(), y_m.end());
  const double side = std::max(*max_x - *min_x, *max_y - *min_y);
  // Cells per metre so that the far edge maps to the last cell, 2^32 - 1.
  const double scale = side > 0.0 ? 4294967295.0 / side : 0.0;
  auto cell = [scale](double v, double lo) {
    return static_cast<std::uint32_t>(std::clamp(std::floor((v - lo) * scale), 0.0, 4294967295.0));
  };
  std::vector<std::uint64_t> key(n);
  for (std::size_t i = 0; i < n; ++i) key[i] = hilbert_index(cell(x_m[i], *min_x), cell(y_m[i], *min_y));
  std::stable_sort(order.begin(), order.end(), [&key](NodeId a, NodeId b) { return key[a] < key[b]; });
  return order;
}

RoadGraph renumber(const RoadGraph& graph, std::span<const NodeId> old_of_new) {
  const std::uint32_t n = graph.node_count();
  if (old_of_new.size() != n) throw std::invalid_argument("renumber: the order must name every node once");
  std::vector<NodeId> new_of_old(n, kInvalid);
  for (NodeId i = 0; i < n; ++i) {
    const NodeId old = old_of_new[i];
    if (old >= n || new_of_old[old] != kInvalid) throw std::invalid_argument("renumber: the order is not a permutation");
    new_of_old[old] = i;
  }
  std::vector<double> x(n);
  std::vector<double> y(n);
  for (NodeId i = 0; i < n; ++i) {
    x[i] = graph.x_m(old_of_new[i]);
    y[i] = graph.y_m(old_of_new[i]);
  }
  std::vector<EdgeInput> edges(graph.edge_count());
  for (EdgeId e = 0; e < graph.edge_count(); ++e) {
    edges[e] = {new_of_old[graph.source(e)], new_of_old[graph.target(e)], graph.length_m(e), graph.speed_kmh(e)};
  }
  return RoadGraph(std::move(x), std::move(y), std::move(edges));
}

void apply_spatial_order(RoadNetwork& network) {
  const RoadGraph& g = network.graph;
  std::vector<double> x(g.node_count());
  std::vector<double> y(g.node_count());
  for (NodeId u = 0; u < g.node_count(); ++u) {
    x[u] = g.x_m(u);
    y[u] = g.y_m(u);
  }
  if (!network.source_ids.empty() && network.source_ids.size() != x.size()) {
    throw std::logic_error("apply_spatial_order: source_ids must have one entry per node");
  }
  const std::vector<NodeId> order = hilbert_order(x, y);
  network.graph = renumber(g, order);
  if (!network.source_ids.empty()) {
    std::vector<std::int64_t> ids(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) ids[i] = network.source_ids[order[i]];
    network.source_ids = std::move(ids);
  }
}

}  // namespace evsim::models::road
