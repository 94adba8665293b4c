#include "models/build_city.hpp"

#include <fmt/format.h>

#include <cmath>

#include "models/charging/resolve_stations.hpp"
#include "models/draw.hpp"
#include "models/road/load_road.hpp"
#include "models/road/node_snapper.hpp"

namespace evsim::models {

CityInputs build_city(const scenarios::Scenario& sc, const sim::RandomStreams& streams) {
  road::RoadNetwork network = road::load_road(sc.road);
  const road::NodeSnapper snapper(network.graph);
  CityInputs city;
  const auto specs = charging::collect_station_specs(sc.stations, sc.station_files, &city.station_rows_without_plugs);
  charging::ResolvedStations resolved = charging::resolve_stations(specs, network, snapper);
  city.stations = std::move(resolved.stations);
  city.station_snap_m = std::move(resolved.snap_m);
  city.roads = std::move(network.graph);
  city.projection = network.projection;
  city.road_report = network.report;
  for (const scenarios::VehicleTypeSpec& t : sc.vehicle_types) {
    city.types.push_back({t.name, t.battery_kwh, t.consumption_kwh_per_km, t.max_ac_power_kw, t.max_dc_power_kw});
  }
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
      const auto& demand = std::get<scenarios::PrivateCarDemand>(seg.demand);
      plan.depart_to_work = sim::kTimeZero + sim::Duration{std::llround(draw(demand.depart_to_work, rng))};
      plan.work_dwell = sim::Duration{std::llround(draw(demand.work_dwell, rng))};
      city.plans.push_back(plan);
    }
  }
  return city;
}

}  // namespace evsim::models
