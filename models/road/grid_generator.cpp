#include "models/road/grid_generator.hpp"

#include <fmt/format.h>

#include <numeric>
#include <stdexcept>
#include <utility>

namespace evsim::models::road {

RoadGraph make_grid(const GridSpec& spec) {
  if (spec.rows < 1 || spec.cols < 1 || !(spec.spacing_m > 0.0) || !(spec.speed_kmh > 0.0)) {
    throw std::invalid_argument("make_grid: rows, cols, spacing and speed must be positive");
  }
  const std::uint32_t n = spec.rows * spec.cols;
  std::vector<double> x(n);
  std::vector<double> y(n);
  std::vector<EdgeInput> edges;
  edges.reserve(4 * static_cast<std::size_t>(n));
  for (std::uint32_t r = 0; r < spec.rows; ++r) {
    for (std::uint32_t c = 0; c < spec.cols; ++c) {
      const NodeId u = r * spec.cols + c;
      x[u] = c * spec.spacing_m;
      y[u] = r * spec.spacing_m;
      if (c + 1 < spec.cols) {
        edges.push_back({u, u + 1, spec.spacing_m, spec.speed_kmh});
        edges.push_back({u + 1, u, spec.spacing_m, spec.speed_kmh});
      }
      if (r + 1 < spec.rows) {
        edges.push_back({u, u + spec.cols, spec.spacing_m, spec.speed_kmh});
        edges.push_back({u + spec.cols, u, spec.spacing_m, spec.speed_kmh});
      }
    }
  }
  return RoadGraph(std::move(x), std::move(y), std::move(edges));
}

RoadNetwork make_grid_network(const GridSpec& spec) {
  RoadNetwork net{.graph = make_grid(spec)};
  const RoadGraph& g = net.graph;
  net.source_ids.resize(g.node_count());
  std::iota(net.source_ids.begin(), net.source_ids.end(), std::int64_t{0});
  RoadLoadReport& r = net.report;
  r.source = fmt::format("grid town: {} x {} nodes, {} m apart", spec.rows, spec.cols, spec.spacing_m);
  r.nodes_read = r.nodes = g.node_count();
  r.edges_read = r.edges = g.edge_count();
  r.components = g.node_count() > 0 ? 1 : 0;
  for (EdgeId e = 0; e < g.edge_count(); ++e) r.length_m += g.length_m(e);
  return net;
}

}  // namespace evsim::models::road
