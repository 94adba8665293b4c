#include "scenarios/assembly/build_coverage.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "scenarios/assembly/resolve_stations.hpp"
#include "scenarios/files/node_weights.hpp"
#include "models/geometry/polygon.hpp"
#include "scenarios/assembly/load_road.hpp"
#include "scenarios/files/point_locator.hpp"
#include "scenarios/plans.hpp"
#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios::assembly {
namespace road = models::road;
namespace charging = models::charging;
namespace demand = models::demand;
using namespace ::evsim::models;
namespace {

void read_area(const scenarios::AreaSpec& spec, const road::RoadNetwork& network, CoverageCase& out) {
  if (!network.projection) {
    scenarios::throw_at(spec.mark, "a road network with geographic coordinates (osm, or csv nodes with lon,lat) for an area in lon/lat",
                        "a road network in plain metres");
  }
  for (const auto& [lon, lat] : spec.lon_lat) out.area_polygon.push_back(network.projection->to_xy(lon, lat));
  const road::RoadGraph& g = network.graph;
  out.in_area.assign(g.node_count(), 0);
  std::uint32_t inside = 0;
  for (road::NodeId n = 0; n < g.node_count(); ++n) {
    if (models::geometry::contains(out.area_polygon, {g.x_m(n), g.y_m(n)})) {
      out.in_area[n] = 1;
      ++inside;
    }
  }
  if (inside == 0) {
    scenarios::throw_at(spec.mark, "an area that contains at least one road node",
                        fmt::format("none of the network's {} nodes inside", g.node_count()));
  }
  out.area_m2 = models::geometry::area_m2(out.area_polygon);
}

CoveragePlan make_plan(std::string name, const std::vector<scenarios::StationSpec>& specs, files::PointLocator& locator) {
  const charging::ConnectorNames connectors;  // coverage counts plugs, whoever can use them
  ResolvedStations resolved = resolve_stations(specs, locator, connectors);
  CoveragePlan plan{.name = std::move(name),
                    .stations = std::move(resolved.stations),
                    .snap_m = std::move(resolved.snap_m),
                    .source_crs = std::move(resolved.source_crs),
                    .left_out = resolved.left_out,
                    .public_sites = {}};
  for (const charging::Station& s : plan.stations) {
    if (s.is_public() && !s.plugs().empty()) {
      plan.public_sites.push_back({.node = s.node(), .plugs = static_cast<std::uint32_t>(s.plugs().size())});
    }
  }
  return plan;
}

}  // namespace

CoverageCase build_coverage_case(const scenarios::Scenario& sc) {
  CoverageCase out;
  out.network = load_road(sc.road);
  files::PointLocator locator(out.network, sc.snapping.max_snap_distance_m);
  if (sc.coverage.demand) {
    files::NodeWeights weights = files::read_node_weights(*sc.coverage.demand, "demand point", locator);
    out.demand = std::move(weights.per_node);
    out.demand_report = weights.report;
  }
  if (sc.coverage.area) read_area(*sc.coverage.area, out.network, out);
  for (const scenarios::SegmentSpec& seg : sc.fleet) out.vehicles += seg.count;

  const std::vector<scenarios::StationSpec> base =
      collect_station_specs(sc.stations, sc.station_files, &out.station_rows_without_plugs);
  out.plans.push_back(make_plan(std::string(scenarios::kBasePlanName), base, locator));
  const std::uint64_t base_left_out = out.plans.front().left_out;
  out.station_rows_left_out = base_left_out;
  for (const scenarios::PlanSpec& p : sc.plans) {
    std::vector<scenarios::StationSpec> specs = base;
    const auto added = collect_station_specs(p.stations, p.station_files, &out.station_rows_without_plugs);
    specs.insert(specs.end(), added.begin(), added.end());
    locator.set_logging(false);  // the base stations are logged once, above
    out.plans.push_back(make_plan(p.name, specs, locator));
    locator.set_logging(true);
    resolve_stations(added, locator, charging::ConnectorNames{});  // checks and logs the plan's own
    out.station_rows_left_out += out.plans.back().left_out - base_left_out;
  }
  out.snapping = locator.log();
  out.max_snap_distance_m = sc.snapping.max_snap_distance_m;
  return out;
}

const CoveragePlan& find_plan(const CoverageCase& c, const scenarios::Scenario& sc, const std::string& name) {
  scenarios::find_plan(sc, name);  // the one error for an unknown plan
  for (const CoveragePlan& p : c.plans) {
    if (p.name == name) return p;
  }
  throw std::logic_error("find_plan: the coverage case lacks plan " + name);
}

}  // namespace evsim::scenarios::assembly
