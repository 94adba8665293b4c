#include "scenarios/assembly/build_city.hpp"

#include <fmt/format.h>

#include <utility>

#include "models/charging/connectors.hpp"
#include "scenarios/assembly/resolve_stations.hpp"
#include "scenarios/assembly/fleet_schedule.hpp"
#include "scenarios/assembly/load_road.hpp"
#include "scenarios/files/point_locator.hpp"
#include "scenarios/defaults.hpp"
#include "scenarios/plans.hpp"
#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios::assembly {
namespace road = models::road;
namespace charging = models::charging;
namespace fleet = models::fleet;
using namespace ::evsim::models::city;
namespace {

// The plan's station sources: the scenario's own, plus the named plan's.
std::pair<std::vector<scenarios::StationSpec>, std::vector<scenarios::StationFileSpec>> plan_sources(
    const scenarios::Scenario& sc, std::string_view plan) {
  auto sources = std::make_pair(sc.stations, sc.station_files);
  if (const scenarios::PlanSpec* p = scenarios::find_plan(sc, plan)) {
    sources.first.insert(sources.first.end(), p->stations.begin(), p->stations.end());
    sources.second.insert(sources.second.end(), p->station_files.begin(), p->station_files.end());
  }
  return sources;
}

}  // namespace

fleet::VehicleType make_vehicle_type(const scenarios::VehicleTypeSpec& spec, charging::ConnectorNames& connectors) {
  std::vector<fleet::CurvePoint> points;
  for (const scenarios::CurvePointSpec& p : spec.charging_curve) points.push_back({.soc = p.soc, .power_kw = p.power_kw});
  if (points.empty()) {  // the loader fills the default; structs built in code may leave it out
    for (const scenarios::CurvePointSpec& p : scenarios::default_charging_curve(spec.max_ac_power_kw, spec.max_dc_power_kw)) {
      points.push_back({.soc = p.soc, .power_kw = p.power_kw});
    }
  }
  fleet::ConnectorSet set = 0;
  const std::vector<std::string> names = spec.connectors.empty()
                                             ? scenarios::default_connectors(spec.max_ac_power_kw, spec.max_dc_power_kw)
                                             : spec.connectors;
  for (const std::string& name : names) set |= connectors.bit(name);
  return fleet::VehicleType{
      .name = spec.name,
      .battery_kwh = spec.battery_kwh,
      .consumption = {.base_kwh_per_km = spec.consumption_kwh_per_km,
                      .aero_share = spec.aero_share,
                      .reference_speed_kmh = spec.reference_speed_kmh,
                      .cold_increase_per_degc = spec.cold_increase_per_degc,
                      .heat_increase_per_degc = spec.heat_increase_per_degc},
      .max_ac_power_kw = spec.max_ac_power_kw,
      .max_dc_power_kw = spec.max_dc_power_kw,
      .curve = fleet::ChargingCurve(std::move(points)),
      .connectors = set};
}

SegmentPolicy make_segment_policy(const scenarios::SegmentSpec& spec) {
  const bool goes_on = std::holds_alternative<scenarios::RideHailingDemand>(spec.demand) ||
                       std::holds_alternative<scenarios::LogisticsDemand>(spec.demand);
  SegmentPolicy p{.charge_below_soc = spec.charge_below_soc,
                  .charge_to_soc = spec.charge_to_soc,
                  .reserve_soc = spec.reserve_soc,
                  .patience = spec.patience,
                  .max_station_tries = spec.max_station_tries,
                  .dc_only = spec.dc_only,
                  .value_of_time_per_h = spec.value_of_time_per_h,
                  .returns_after_charging = !goes_on,
                  .opportunistic = std::nullopt};
  if (spec.opportunistic) {
    p.opportunistic = OpportunisticPolicy{.min_stay = spec.opportunistic->min_stay,
                                          .below_soc = spec.opportunistic->below_soc,
                                          .walk_m = spec.opportunistic->walk_m};
  }
  return p;
}

CityInputs build_city(const scenarios::Scenario& sc, const sim::RandomStreams& streams, std::string_view plan) {
  const auto [station_specs, station_files] = plan_sources(sc, plan);
  road::RoadNetwork network = load_road(sc.road);
  files::PointLocator locator(network, sc.snapping.max_snap_distance_m);
  CityInputs city;
  city.plan_name = std::string(plan);
  CityWorld& world = city.world;
  charging::ConnectorNames connectors;
  for (const scenarios::VehicleTypeSpec& t : sc.vehicle_types) world.types.push_back(make_vehicle_type(t, connectors));
  const auto specs = collect_station_specs(station_specs, station_files, &city.station_rows_without_plugs);
  ResolvedStations resolved = resolve_stations(specs, locator, connectors);
  world.stations = std::move(resolved.stations);
  city.station_snap_m = std::move(resolved.snap_m);
  city.station_source_crs = std::move(resolved.source_crs);
  city.station_rows_left_out = resolved.left_out;
  for (const scenarios::SegmentSpec& s : sc.fleet) {
    world.segments.push_back(make_segment_policy(s));
    city.segment_names.push_back(s.name);
  }
  world.schedule = generate_fleet_schedule(sc, locator, streams);
  world.settings = RunSettings{.horizon = sim::kTimeZero + sc.run.horizon,
                               .sample_interval = sc.run.sample_interval,
                               .ambient_temperature_c = sc.run.ambient_temperature_c,
                               .ac_efficiency = sc.charging.ac_efficiency,
                               .dc_efficiency = sc.charging.dc_efficiency,
                               .availability_radius_m = sc.charging.availability_radius_m,
                               .choice_candidates = std::min<std::uint32_t>(8, sc.charging.nearest_stations)};
  city.snapping = locator.log();
  city.max_snap_distance_m = sc.snapping.max_snap_distance_m;
  city.projection = network.projection;
  city.road_report = network.report;
  city.source_ids = std::move(network.source_ids);
  world.roads = std::move(network.graph);
  prepare_routing(world, sc.charging.nearest_stations);
  return city;
}

}  // namespace evsim::scenarios::assembly
