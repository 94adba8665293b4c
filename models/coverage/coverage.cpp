#include "models/coverage/coverage.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

#include "models/coverage/distance_search.hpp"
#include "models/coverage/length_graph.hpp"
#include "models/coverage/straight_line_coverage.hpp"
#include "models/coverage/street_coverage.hpp"
#include "models/coverage/two_step_fca.hpp"

namespace evsim::models::coverage {
namespace {

void check_positive(double value, const char* name) {
  if (!(value > 0.0) || !std::isfinite(value)) {
    throw std::invalid_argument(fmt::format("analyse_coverage: {} is {} (must be finite and > 0)", name, value));
  }
}

void validate(const CoverageInput& in) {
  const std::uint32_t n = in.graph.node_count();
  if (!in.demand.empty() && in.demand.size() != n) {
    throw std::invalid_argument(
        fmt::format("analyse_coverage: demand has {} entries, the graph {} nodes (or give none)", in.demand.size(), n));
  }
  for (std::size_t i = 0; i < in.demand.size(); ++i) {
    if (!(in.demand[i] >= 0.0) || !std::isfinite(in.demand[i])) {
      throw std::invalid_argument(fmt::format("analyse_coverage: demand of node {} is {} (must be finite and >= 0)", i, in.demand[i]));
    }
  }
  if (!in.in_area.empty() && in.in_area.size() != n) {
    throw std::invalid_argument(
        fmt::format("analyse_coverage: in_area has {} entries, the graph {} nodes (or give none)", in.in_area.size(), n));
  }
  for (std::size_t j = 0; j < in.stations.size(); ++j) {
    if (in.stations[j].node >= n) {
      throw std::invalid_argument(fmt::format("analyse_coverage: station {} is on node {}, outside the graph (0..{})", j,
                                              in.stations[j].node, static_cast<std::int64_t>(n) - 1));
    }
    if (in.stations[j].plugs == 0) throw std::invalid_argument(fmt::format("analyse_coverage: station {} has 0 plugs (must be >= 1)", j));
  }
  check_positive(in.radius_m, "radius_m");
  check_positive(in.catchment_m, "catchment_m");
  if (in.area_m2) check_positive(*in.area_m2, "area_m2");
  if (in.to_station_graph != nullptr &&
      (in.to_station_graph->node_count() != n || in.to_station_graph->arc_count() != in.graph.edge_count())) {
    throw std::invalid_argument(fmt::format(
        "analyse_coverage: to_station_graph has {} nodes and {} arcs, the graph {} nodes and {} edges",
        in.to_station_graph->node_count(), in.to_station_graph->arc_count(), n, in.graph.edge_count()));
  }
}

double bounding_box_area_m2(const road::RoadGraph& g, std::span<const std::uint8_t> in_area) {
  bool any = false;
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
  for (NodeId v = 0; v < g.node_count(); ++v) {
    if (!in_area.empty() && in_area[v] == 0) continue;
    if (!any) {
      x0 = x1 = g.x_m(v);
      y0 = y1 = g.y_m(v);
      any = true;
    }
    x0 = std::min(x0, g.x_m(v));
    x1 = std::max(x1, g.x_m(v));
    y0 = std::min(y0, g.y_m(v));
    y1 = std::max(y1, g.y_m(v));
  }
  return (x1 - x0) * (y1 - y0);
}

// Per-node data the summaries read.
struct NodeView {
  const CoverageInput& in;
  bool inside(NodeId v) const { return in.in_area.empty() || in.in_area[v] != 0; }
  double demand(NodeId v) const { return in.demand.empty() ? 1.0 : in.demand[v]; }
};

// Node- and demand-weighted coverage, network and straight-line, and the distance distribution.
void summarise_nodes(const NodeView& view, std::span<const NodeId> station_nodes, CoverageResult& out) {
  const CoverageInput& in = view.in;
  const std::uint32_t n = in.graph.node_count();
  const std::vector<std::uint8_t> straight = within_straight_line(in.graph, station_nodes, in.radius_m);
  std::vector<WeightedValue> sample;  // (distance, demand) of the in-area nodes
  sample.reserve(n);
  for (NodeId v = 0; v < n; ++v) {
    if (!view.inside(v)) continue;
    const double d = out.distance_m[v];
    const double w = view.demand(v);
    ++out.area_nodes;
    out.area_demand += w;
    if (d <= in.radius_m) {
      ++out.covered_nodes;
      out.covered_demand += w;
    }
    if (straight[v] != 0) {
      ++out.straight_line_covered_nodes;
      out.straight_line_covered_demand += w;
    }
    if (d == kUnreachable) {
      ++out.unreachable_nodes;
      out.unreachable_demand += w;
    }
    sample.push_back({d, w});
  }
  const double area_nodes = out.area_nodes;
  out.network.nodes = out.covered_nodes / area_nodes;
  out.network.demand = out.covered_demand / out.area_demand;
  out.straight_line.nodes = out.straight_line_covered_nodes / area_nodes;
  out.straight_line.demand = out.straight_line_covered_demand / out.area_demand;

  std::sort(sample.begin(), sample.end(), [](const WeightedValue& a, const WeightedValue& b) { return a.value < b.value; });
  out.distance_by_demand = distance_stats(sample);
  for (WeightedValue& x : sample) x.weight = 1.0;
  out.distance_by_node = distance_stats(sample);
}

void summarise_supply(const NodeView& view, CoverageResult& out) {
  const CoverageInput& in = view.in;
  out.service_radius_network_m = out.distance_by_node.mean_m;
  out.area_m2 = in.area_m2 ? *in.area_m2 : bounding_box_area_m2(in.graph, in.in_area);
  for (const StationSite& s : in.stations) {
    if (view.inside(s.node)) ++out.area_stations;
    out.public_plugs += s.plugs;
  }
  out.service_radius_theoretical_m = std::sqrt(out.area_m2 / (std::numbers::pi * out.area_stations));
  out.vehicles_per_plug =
      in.vehicles == 0 ? 0.0 : static_cast<double>(in.vehicles) / static_cast<double>(out.public_plugs);
}

void summarise_accessibility(const NodeView& view, CoverageResult& out) {
  std::vector<WeightedValue> access;
  access.reserve(out.area_nodes);
  double mass = 0.0;
  for (NodeId v = 0; v < view.in.graph.node_count(); ++v) {
    if (!view.inside(v)) continue;
    access.push_back({out.accessibility[v], view.demand(v)});
    mass += view.demand(v) * out.accessibility[v];
  }
  out.accessibility_mean = mass / out.area_demand;
  out.accessibility_gini = weighted_gini(std::move(access));
}

}  // namespace

CoverageResult analyse_coverage(const CoverageInput& in) {
  validate(in);
  std::vector<NodeId> station_nodes(in.stations.size());
  std::vector<double> supply(in.stations.size());
  for (std::size_t j = 0; j < in.stations.size(); ++j) {
    station_nodes[j] = in.stations[j].node;
    supply[j] = in.stations[j].plugs;
  }
  LengthGraph built;
  if (in.to_station_graph == nullptr) built = LengthGraph::reversed(in.graph);
  const LengthGraph& to_station = in.to_station_graph != nullptr ? *in.to_station_graph : built;

  CoverageResult out;
  NearestStation nearest = nearest_stations(to_station, station_nodes);
  out.distance_m = std::move(nearest.distance_m);
  out.nearest_station = std::move(nearest.station);

  const NodeView view{in};
  summarise_nodes(view, station_nodes, out);
  const StreetCoverage streets = street_coverage(in.graph, out.distance_m, in.in_area, in.radius_m);
  out.area_length_m = streets.total_length_m;
  out.covered_length_m = streets.covered_length_m;
  out.network.length = out.covered_length_m / out.area_length_m;
  summarise_supply(view, out);

  TwoStepFca fca = two_step_fca(to_station, station_nodes, supply, in.demand, in.catchment_m);
  out.accessibility = std::move(fca.accessibility);
  out.station_ratio = std::move(fca.station_ratio);
  summarise_accessibility(view, out);

  out.uncovered = uncovered_clusters(in.graph, out.distance_m, in.demand, in.in_area, in.radius_m);
  return out;
}

}  // namespace evsim::models::coverage
