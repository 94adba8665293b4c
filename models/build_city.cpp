#include "models/build_city.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "models/draw.hpp"
#include "models/road/grid_generator.hpp"
#include "scenarios/scenario_error.hpp"

namespace evsim::models {
namespace {

struct Snap {
  road::NodeId node;
  double distance_m;
};

// Nearest node by straight-line distance (a linear scan; the spatial index comes with real maps).
Snap nearest_node(const road::RoadGraph& g, double x_m, double y_m) {
  Snap best{road::kInvalid, std::numeric_limits<double>::infinity()};
  for (road::NodeId n = 0; n < g.node_count(); ++n) {
    const double d = std::hypot(g.x_m(n) - x_m, g.y_m(n) - y_m);
    if (d < best.distance_m) best = {n, d};
  }
  return best;
}

scenarios::SourceMark with_key(scenarios::SourceMark mark, const std::string& key) {
  mark.key_path += "." + key;
  return mark;
}

std::vector<charging::Station> build_stations(const scenarios::Scenario& sc, const road::RoadGraph& roads,
                                              std::vector<double>& snap_m) {
  std::vector<charging::Station> stations;
  for (const scenarios::StationSpec& spec : sc.stations) {
    road::NodeId node = road::kInvalid;
    double snap = 0.0;
    if (const auto* at_node = std::get_if<scenarios::NodeLocation>(&spec.location)) {
      if (at_node->node >= roads.node_count()) {
        scenarios::throw_at(with_key(spec.mark, "node"),
                            fmt::format("a road node id from 0 to {}", roads.node_count() - 1),
                            fmt::format("{}", at_node->node));
      }
      node = at_node->node;
    } else {
      const auto& xy = std::get<scenarios::XyLocation>(spec.location);
      const Snap s = nearest_node(roads, xy.x_m, xy.y_m);
      node = s.node;
      snap = s.distance_m;
    }
    std::vector<charging::Plug> plugs;
    for (const scenarios::PlugSpec& p : spec.plugs) {
      for (std::uint32_t i = 0; i < p.count; ++i) plugs.push_back({.dc = p.kind == scenarios::PlugKind::dc, .power_kw = p.power_kw});
    }
    stations.emplace_back(spec.name, node, std::move(plugs), spec.is_public);
    snap_m.push_back(snap);
  }
  return stations;
}

}  // namespace

road::RoadGraph build_roads(const scenarios::RoadSpec& spec) {
  return std::visit([](const scenarios::GridRoadSpec& grid) { return road::make_grid(grid); }, spec);
}

CityInputs build_city(const scenarios::Scenario& sc, const sim::RandomStreams& streams) {
  CityInputs city{.roads = build_roads(sc.road)};
  for (const scenarios::VehicleTypeSpec& t : sc.vehicle_types) {
    city.types.push_back({t.name, t.battery_kwh, t.consumption_kwh_per_km, t.max_ac_power_kw, t.max_dc_power_kw});
  }
  city.stations = build_stations(sc, city.roads, city.station_snap_m);
  const std::uint32_t nodes = city.roads.node_count();
  for (std::uint32_t s = 0; s < sc.fleet.size(); ++s) {
    const scenarios::SegmentSpec& seg = sc.fleet[s];
    city.segments.push_back({seg.charge_below_soc, seg.charge_to_soc, seg.patience});
    std::uint32_t type = 0;
    while (sc.vehicle_types[type].name != seg.vehicle_type) ++type;  // the loader checked the name
    sim::RandomStream rng = streams.stream("fleet/" + seg.name);
    for (std::uint32_t k = 0; k < seg.count; ++k) {
      VehiclePlan plan{.type = type, .segment = s};
      plan.home = static_cast<road::NodeId>(rng.uniform_index(nodes));
      plan.work = static_cast<road::NodeId>(rng.uniform_index(nodes));
      plan.initial_soc = draw(seg.initial_soc, rng);
      plan.depart_to_work = sim::kTimeZero + sim::Duration{std::llround(draw(seg.depart_to_work, rng))};
      plan.work_dwell = sim::Duration{std::llround(draw(seg.work_dwell, rng))};
      city.plans.push_back(plan);
    }
  }
  return city;
}

}  // namespace evsim::models
