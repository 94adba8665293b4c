#include "output/coverage_report.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "output/columns.hpp"
#include "output/input_report.hpp"
#include "output/json.hpp"

namespace evsim::output {
namespace {

namespace road = models::road;

// Headline numbers of one plan, in the order of the /coverage/plans table and the JSON.
struct Headline {
  const char* name;
  const char* units;
  const char* description;
  double (*get)(const PlanCoverage&);
};

const Headline kHeadlines[] = {
    {"node_share", "1", "in-area nodes within the radius by road", [](const PlanCoverage& p) { return p.result.network.nodes; }},
    {"length_share", "1", "in-area street length within the radius by road (partial edges counted)",
     [](const PlanCoverage& p) { return p.result.network.length; }},
    {"demand_share", "1", "in-area demand within the radius by road", [](const PlanCoverage& p) { return p.result.network.demand; }},
    {"straight_line_node_share", "1", "in-area nodes within the radius as the crow flies",
     [](const PlanCoverage& p) { return p.result.straight_line.nodes; }},
    {"straight_line_demand_share", "1", "in-area demand within the radius as the crow flies (buffer method)",
     [](const PlanCoverage& p) { return p.result.straight_line.demand; }},
    {"mean_distance_m", "m", "mean road distance to the nearest charger over in-area nodes (network service radius)",
     [](const PlanCoverage& p) { return p.result.distance_by_node.mean_m; }},
    {"p50_distance_m", "m", "median, node-weighted", [](const PlanCoverage& p) { return p.result.distance_by_node.p50_m; }},
    {"p90_distance_m", "m", "90th percentile, node-weighted", [](const PlanCoverage& p) { return p.result.distance_by_node.p90_m; }},
    {"p95_distance_m", "m", "95th percentile, node-weighted", [](const PlanCoverage& p) { return p.result.distance_by_node.p95_m; }},
    {"max_distance_m", "m", "largest, over in-area nodes", [](const PlanCoverage& p) { return p.result.distance_by_node.max_m; }},
    {"demand_mean_distance_m", "m", "mean road distance, demand-weighted",
     [](const PlanCoverage& p) { return p.result.distance_by_demand.mean_m; }},
    {"demand_p95_distance_m", "m", "95th percentile, demand-weighted",
     [](const PlanCoverage& p) { return p.result.distance_by_demand.p95_m; }},
    {"theoretical_service_radius_m", "m", "sqrt(area / (pi * stations in the area))",
     [](const PlanCoverage& p) { return p.result.service_radius_theoretical_m; }},
    {"vehicles_per_plug", "1", "vehicles / public plugs", [](const PlanCoverage& p) { return p.result.vehicles_per_plug; }},
    {"accessibility_mean", "1/demand", "2SFCA accessibility, demand-weighted mean",
     [](const PlanCoverage& p) { return p.result.accessibility_mean; }},
    {"accessibility_gini", "1", "Gini coefficient of 2SFCA accessibility over in-area demand",
     [](const PlanCoverage& p) { return p.result.accessibility_gini; }},
};

// Result files hold no NaN or infinity: a distance to no reachable charger, or a measure with nothing
// to average, is written as -1 (kNone) in tables and null in JSON.
constexpr double kNone = -1.0;
double finite_or_none(double x) { return std::isfinite(x) ? x : kNone; }

std::string number(double x) {
  if (!std::isfinite(x)) return "null";
  return fmt::format("{}", x);  // shortest text that reads back to the same double
}

Table plans_table(const std::vector<PlanCoverage>& plans) {
  std::vector<std::string> name;
  std::vector<std::uint32_t> stations, area_stations, clusters;
  std::vector<std::uint64_t> plugs_u64;
  for (const auto& p : plans) {
    name.push_back(p.plan->name);
    stations.push_back(static_cast<std::uint32_t>(p.plan->public_sites.size()));
    area_stations.push_back(p.result.area_stations);
    clusters.push_back(static_cast<std::uint32_t>(p.result.uncovered.size()));
  }
  Table t{{column("name", "1", "plan name (base = the scenario's stations)", std::move(name)),
           column("public_stations", "1", "public stations with plugs", std::move(stations)),
           column("area_stations", "1", "of which on in-area nodes", std::move(area_stations)),
           column("uncovered_clusters", "1", "clusters of in-area nodes beyond the radius", std::move(clusters))}};
  std::vector<std::uint32_t> plugs;
  for (const auto& p : plans) plugs.push_back(static_cast<std::uint32_t>(p.result.public_plugs));
  t.columns.push_back(column("public_plugs", "1", "plugs of public stations", std::move(plugs)));
  for (const Headline& h : kHeadlines) {
    std::vector<double> values;
    for (const auto& p : plans) values.push_back(finite_or_none(h.get(p)));
    t.columns.push_back(column(h.name, h.units, h.description, std::move(values)));
  }
  return t;
}

Table nodes_table(const scenarios::assembly::CoverageCase& c, const PlanCoverage& p) {
  const road::RoadGraph& g = c.network.graph;
  const std::uint32_t n = g.node_count();
  std::vector<double> x(n), y(n), demand(n), lon, lat;
  std::vector<std::uint8_t> in_area(n);
  std::vector<std::int64_t> source_id(c.network.source_ids.begin(), c.network.source_ids.end());
  for (road::NodeId i = 0; i < n; ++i) {
    x[i] = g.x_m(i);
    y[i] = g.y_m(i);
    demand[i] = c.demand.empty() ? 1.0 : c.demand[i];
    in_area[i] = c.in_area.empty() ? 1 : c.in_area[i];
    if (c.network.projection) {
      const road::LonLat ll = c.network.projection->to_lon_lat(x[i], y[i]);
      lon.push_back(ll.lon);
      lat.push_back(ll.lat);
    }
  }
  Table t{{column("x_m", "m", "node position", std::move(x)), column("y_m", "m", "node position", std::move(y))}};
  if (c.network.projection) {
    t.columns.push_back(column("lon", "degree", "node position (WGS84)", std::move(lon)));
    t.columns.push_back(column("lat", "degree", "node position (WGS84)", std::move(lat)));
  }
  if (source_id.size() == n) t.columns.push_back(column("source_id", "1", "node id in the source data", std::move(source_id)));
  t.columns.push_back(column("demand", "1", "demand weight snapped to this node (1 each without a demand file)", std::move(demand)));
  t.columns.push_back(column("in_area", "1", "1 inside the planning area", std::move(in_area)));
  std::vector<double> distance(p.result.distance_m.size());
  for (std::size_t i = 0; i < distance.size(); ++i) distance[i] = finite_or_none(p.result.distance_m[i]);
  t.columns.push_back(column("distance_m", "m", "road distance to the nearest public charger (-1: none reachable)",
                             std::move(distance)));
  t.columns.push_back(column("nearest_station", "1", "row of the plan's /stations table, 4294967295 for none",
                             std::vector<std::uint32_t>(p.result.nearest_station)));
  t.columns.push_back(column("accessibility", "1/demand", "2SFCA accessibility A_i", std::vector<double>(p.result.accessibility)));
  return t;
}

Table stations_table(const scenarios::assembly::CoveragePlan& plan, const PlanCoverage& p) {
  std::vector<std::string> name, source_crs;
  std::vector<std::uint32_t> node, plugs;
  std::vector<double> snap;
  std::vector<std::uint8_t> is_public;
  for (std::size_t i = 0; i < plan.stations.size(); ++i) {
    const auto& s = plan.stations[i];
    name.push_back(s.name());
    node.push_back(s.node());
    plugs.push_back(static_cast<std::uint32_t>(s.plugs().size()));
    snap.push_back(plan.snap_m[i]);
    source_crs.push_back(plan.source_crs[i] ? std::string(models::geometry::to_string(*plan.source_crs[i])) : std::string());
    is_public.push_back(s.is_public() ? 1 : 0);
  }
  (void)p;
  return Table{{column("name", "1", "station name", std::move(name)), column("node", "1", "road node", std::move(node)),
                column("plugs", "1", "number of plugs", std::move(plugs)),
                column("snap_m", "m", "straight-line distance from the given position to the node", std::move(snap)),
                column("public", "1", "1 for a public station", std::move(is_public)),
                column("source_crs", "1", "datum its lon/lat were written in (wgs84, gcj02, bd09; empty: node or x/y)",
                       std::move(source_crs))}};
}

Table uncovered_table(const scenarios::assembly::CoverageCase& c, const PlanCoverage& p) {
  std::vector<std::uint32_t> nodes, farthest;
  std::vector<double> demand, cx, cy, max_d, lon, lat;
  for (const auto& u : p.result.uncovered) {
    nodes.push_back(u.nodes);
    demand.push_back(u.demand);
    cx.push_back(u.centroid_x_m);
    cy.push_back(u.centroid_y_m);
    max_d.push_back(finite_or_none(u.max_distance_m));
    farthest.push_back(u.farthest_node);
    if (c.network.projection) {
      const road::LonLat ll = c.network.projection->to_lon_lat(u.centroid_x_m, u.centroid_y_m);
      lon.push_back(ll.lon);
      lat.push_back(ll.lat);
    }
  }
  Table t{{column("nodes", "1", "nodes in the cluster", std::move(nodes)),
           column("demand", "1", "their demand", std::move(demand)),
           column("centroid_x_m", "m", "mean node position", std::move(cx)),
           column("centroid_y_m", "m", "mean node position", std::move(cy)),
           column("max_distance_m", "m", "largest road distance to a charger in the cluster", std::move(max_d)),
           column("farthest_node", "1", "a node at that distance", std::move(farthest))}};
  if (c.network.projection) {
    t.columns.push_back(column("centroid_lon", "degree", "centroid (WGS84)", std::move(lon)));
    t.columns.push_back(column("centroid_lat", "degree", "centroid (WGS84)", std::move(lat)));
  }
  return t;
}

}  // namespace

namespace {

InputReport coverage_input_report(const scenarios::assembly::CoverageCase& c) {
  return {.road = c.network.report,
          .snapping = c.snapping,
          .max_snap_distance_m = c.max_snap_distance_m,
          .station_rows_without_plugs = c.station_rows_without_plugs};
}

}  // namespace

void write_coverage(ResultFile& file, const scenarios::assembly::CoverageCase& c, const std::vector<PlanCoverage>& plans,
                    double radius_m, double catchment_m) {
  file.write_table("/coverage/plans", plans_table(plans));
  file.write_attribute("/coverage", "radius_m", radius_m);
  file.write_attribute("/coverage", "catchment_m", catchment_m);
  if (!plans.empty()) file.write_attribute("/coverage", "area_m2", plans.front().result.area_m2);
  file.write_attribute("/coverage", "vehicles", c.vehicles);
  file.write_attribute("/coverage", "demand_points", c.demand_report.points);
  scenarios::files::SnapKindSummary demand_snaps;
  for (const scenarios::files::SnapKindSummary& k : c.snapping.kinds()) {
    if (k.kind == "demand point") demand_snaps = k;
  }
  file.write_attribute("/coverage", "demand_mean_snap_m", demand_snaps.mean_m());
  file.write_attribute("/coverage", "demand_max_snap_m", demand_snaps.max_m);
  file.write_attribute("/coverage", "station_rows_without_plugs", c.station_rows_without_plugs.count);
  file.write_attribute("/coverage", "station_rows_left_out", c.station_rows_left_out);
  const road::RoadLoadReport& r = c.network.report;
  file.write_attribute("/coverage", "road_nodes", r.nodes);
  file.write_attribute("/coverage", "road_edges", r.edges);
  file.write_attribute("/coverage", "road_nodes_dropped", r.nodes_dropped);
  file.write_attribute("/coverage", "road_edges_dropped", r.edges_dropped);
  write_input_report(file, coverage_input_report(c));
  for (const PlanCoverage& p : plans) {
    const std::string g = "/coverage/plan/" + p.plan->name;
    file.write_table(g + "/nodes", nodes_table(c, p));
    file.write_table(g + "/stations", stations_table(*p.plan, p));
    file.write_table(g + "/uncovered", uncovered_table(c, p));
  }
}

std::string coverage_json(const scenarios::assembly::CoverageCase& c, const std::vector<PlanCoverage>& plans, double radius_m) {
  std::string out = fmt::format(
      "{{\"radius_m\": {}, \"road_nodes\": {}, \"road_nodes_dropped\": {}, \"station_rows_left_out\": {}, \"vehicles\": {}, "
      "\"plans\": [",
      number(radius_m), c.network.report.nodes, c.network.report.nodes_dropped, c.station_rows_left_out, c.vehicles);
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const PlanCoverage& p = plans[i];
    out += fmt::format("{}{{\"name\": {}, \"public_stations\": {}, \"public_plugs\": {}, \"uncovered_clusters\": {}",
                       i == 0 ? "" : ", ", json_string(p.plan->name), p.plan->public_sites.size(), p.result.public_plugs,
                       p.result.uncovered.size());
    for (const Headline& h : kHeadlines) out += fmt::format(", \"{}\": {}", h.name, number(h.get(p)));
    out += "}";
  }
  return out + "]}";
}

std::string coverage_text(const scenarios::assembly::CoverageCase& c, const std::vector<PlanCoverage>& plans, double radius_m) {
  std::string out = to_text(coverage_input_report(c));
  if (c.station_rows_left_out > 0) {
    out += fmt::format("stations: {} station-file rows left out, farther from the road than their file's keep_within\n",
                       c.station_rows_left_out);
  }
  out += fmt::format("coverage within {:.0f} m by road:\n", radius_m);
  out += fmt::format("  {:<16} {:>8} {:>6} {:>8} {:>8} {:>8} {:>9} {:>9} {:>9} {:>7}\n", "plan", "stations", "plugs", "nodes",
                     "length", "demand", "crowfly", "mean m", "p95 m", "gini");
  for (const PlanCoverage& p : plans) {
    out += fmt::format("  {:<16} {:>8} {:>6} {:>7.1f}% {:>7.1f}% {:>7.1f}% {:>8.1f}% {:>9.0f} {:>9.0f} {:>7.3f}\n", p.plan->name,
                       p.plan->public_sites.size(), p.result.public_plugs, 100 * p.result.network.nodes,
                       100 * p.result.network.length, 100 * p.result.network.demand, 100 * p.result.straight_line.demand,
                       p.result.distance_by_node.mean_m, p.result.distance_by_node.p95_m, p.result.accessibility_gini);
    if (!p.result.uncovered.empty()) {
      const auto& u = p.result.uncovered.front();
      out += fmt::format("    {} uncovered clusters; largest by demand: {} nodes, demand {:.0f}, farthest {:.0f} m\n",
                         p.result.uncovered.size(), u.nodes, u.demand, u.max_distance_m);
    }
  }
  return out;
}

}  // namespace evsim::output
