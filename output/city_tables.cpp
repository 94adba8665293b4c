// /stations and /vehicles: one row per station and per vehicle, static description and results.
#include <string>

#include "output/columns.hpp"
#include "output/run_recorder.hpp"

namespace evsim::output {

Table stations_table(const scenarios::assembly::CityInputs& city, const models::city::CityModel& model, sim::Time end) {
  const auto& stations = model.stations();
  const models::road::RoadGraph& roads = city.world.roads;
  const double run_h = sim::to_hours(end);
  std::vector<std::string> name, source_crs;
  std::vector<std::int64_t> node_source_id;
  std::vector<std::uint32_t> node, plugs, dc_plugs, arrivals, sessions, completed, gave_up, closed, max_queue;
  std::vector<std::uint8_t> is_public;
  std::vector<std::int64_t> busy_ms, queue_ms;
  std::vector<double> x, y, snap, rated, price, energy, grid, utilisation, occupancy, mean_queue, mean_wait;
  for (std::size_t i = 0; i < stations.size(); ++i) {
    const auto& st = stations[i];
    const auto& s = st.stats();
    name.push_back(st.name());
    node.push_back(st.node());
    node_source_id.push_back(city.source_ids.empty() ? st.node() : city.source_ids[st.node()]);
    x.push_back(roads.x_m(st.node()));
    y.push_back(roads.y_m(st.node()));
    snap.push_back(city.station_snap_m[i]);
    const auto crs = city.station_source_crs[i];
    source_crs.push_back(crs ? std::string(models::geometry::to_string(*crs)) : std::string());
    is_public.push_back(st.is_public() ? 1 : 0);
    plugs.push_back(static_cast<std::uint32_t>(st.plugs().size()));
    std::uint32_t dc = 0;
    double total = 0.0;
    for (const auto& p : st.plugs()) {
      dc += p.dc ? 1 : 0;
      total += p.power_kw;
    }
    dc_plugs.push_back(dc);
    rated.push_back(total);
    price.push_back(st.price_per_kwh());
    arrivals.push_back(static_cast<std::uint32_t>(s.arrivals));
    sessions.push_back(static_cast<std::uint32_t>(s.sessions_started));
    completed.push_back(static_cast<std::uint32_t>(s.sessions_completed));
    gave_up.push_back(static_cast<std::uint32_t>(s.gave_up));
    closed.push_back(static_cast<std::uint32_t>(s.turned_away_closed));
    max_queue.push_back(s.max_queue);
    energy.push_back(s.energy_kwh);
    grid.push_back(s.grid_energy_kwh);
    busy_ms.push_back(s.busy_plug_ms);
    queue_ms.push_back(s.queue_ms);
    const double busy_h = sim::to_hours(sim::Duration{s.busy_plug_ms});
    const double queue_h = sim::to_hours(sim::Duration{s.queue_ms});
    occupancy.push_back(run_h > 0 ? busy_h / run_h : 0.0);
    utilisation.push_back(run_h > 0 && !st.plugs().empty() ? busy_h / (run_h * static_cast<double>(st.plugs().size())) : 0.0);
    mean_queue.push_back(run_h > 0 ? queue_h / run_h : 0.0);
    mean_wait.push_back(s.arrivals > 0 ? 60.0 * queue_h / static_cast<double>(s.arrivals) : 0.0);
  }
  return Table{{column("name", "1", "station name from the scenario", std::move(name)),
                column("node", "1", "road node index (row of /road/nodes)", std::move(node)),
                column("node_source_id", "1", "the node's id in the network file (CSV id, OSM node id)",
                       std::move(node_source_id)),
                column("x_m", "m", "node position", std::move(x)),
                column("y_m", "m", "node position", std::move(y)),
                column("snap_m", "m", "distance from the given point to the node (0 when given as a node)", std::move(snap)),
                column("public", "1", "1 for a public station", std::move(is_public)),
                column("plugs", "1", "number of plugs", std::move(plugs)),
                column("dc_plugs", "1", "of which DC", std::move(dc_plugs)),
                column("rated_power_kw", "kW", "sum of plug powers", std::move(rated)),
                column("price_per_kwh", "currency/kWh", "price per grid kWh", std::move(price)),
                column("arrivals", "1", "vehicles that came to charge (each try counts)", std::move(arrivals)),
                column("sessions", "1", "sessions that plugged in", std::move(sessions)),
                column("sessions_ended", "1", "sessions ended by target, departure or the end of the run",
                       std::move(completed)),
                column("gave_up", "1", "vehicles that left the queue when their patience ran out", std::move(gave_up)),
                column("turned_away_closed", "1", "vehicles that found it closed", std::move(closed)),
                column("energy_kwh", "kWh", "energy gained by batteries", std::move(energy)),
                column("grid_energy_kwh", "kWh", "energy drawn from the grid", std::move(grid)),
                column("busy_plug_ms", "ms", "integral of busy plugs over the run (= sum of plug-in times)",
                       std::move(busy_ms)),
                column("queue_ms", "ms", "integral of the queue length over the run (= sum of waits)", std::move(queue_ms)),
                column("utilisation", "1", "busy_plug_ms / (plugs * run length)", std::move(utilisation)),
                column("mean_occupancy", "1", "time-average busy plugs", std::move(occupancy)),
                column("mean_queue", "1", "time-average queue length (L of Little's law)", std::move(mean_queue)),
                column("mean_wait_min", "min", "queue_ms / arrivals (W of Little's law)", std::move(mean_wait)),
                column("max_queue", "1", "longest queue", std::move(max_queue)),
                column("source_crs", "1", "datum its lon/lat were written in (wgs84, gcj02, bd09; empty: node or x/y)",
                       std::move(source_crs))}};
}

Table vehicles_table(const scenarios::assembly::CityInputs& city, const models::city::CityModel& model, const RunRecorder& r) {
  const auto& vehicles = model.vehicles();
  const auto& plans = city.world.schedule.vehicles;
  const std::size_t n = vehicles.size();
  std::vector<double> distance(n, 0.0), driven(n, 0.0), charged(n, 0.0), wait_min(n, 0.0), soc0, soc1, charger_kw;
  std::vector<std::uint32_t> type, segment, start, charger, trips(n, 0), sessions(n, 0), needs(n, 0), unserved(n, 0);
  std::vector<std::uint8_t> stranded;
  std::vector<std::string> name;
  for (const auto& t : r.trips()) {
    distance[t.vehicle] += t.distance_m;
    driven[t.vehicle] += t.energy_kwh;
    if (t.purpose == models::TripPurpose::plan) ++trips[t.vehicle];
  }
  for (const auto& s : r.sessions()) {
    charged[s.vehicle] += s.energy_kwh;
    wait_min[s.vehicle] += sim::to_seconds(s.start - s.arrival) / 60.0;
    if (s.energy_kwh > 0.0) ++sessions[s.vehicle];
  }
  for (const auto& d : r.needs()) {
    ++needs[d.vehicle];
    if (d.outcome == models::NeedOutcome::unserved || d.outcome == models::NeedOutcome::no_station) ++unserved[d.vehicle];
  }
  for (std::size_t v = 0; v < n; ++v) {
    const auto& veh = vehicles[v];
    const auto& names = city.world.schedule.names;
    name.push_back(v < names.size() && !names[v].empty() ? names[v] : std::string{});
    type.push_back(veh.type);
    segment.push_back(veh.segment);
    start.push_back(plans[v].start);
    charger.push_back(plans[v].charger_node);
    charger_kw.push_back(plans[v].charger_power_kw);
    soc0.push_back(plans[v].initial_soc);
    soc1.push_back(veh.energy_kwh / city.world.types[veh.type].battery_kwh);
    stranded.push_back(veh.state == models::city::VehicleState::stranded ? 1 : 0);
  }
  return Table{{column("name", "1", "its id in a trip file (empty: a generated vehicle)", std::move(name)),
                column("type", "1", "index into the scenario's vehicle_types", std::move(type)),
                column("segment", "1", "row of /segments", std::move(segment)),
                column("start", "1", "road node where it was parked at the start", std::move(start)),
                column("charger_node", "1", "its home or depot charger's node (4294967295: none)", std::move(charger)),
                column("charger_power_kw", "kW", "its home or depot charger's power (0: none)", std::move(charger_kw)),
                column("initial_soc", "1", "state of charge at the start", std::move(soc0)),
                column("final_soc", "1", "state of charge at the end", std::move(soc1)),
                column("trips", "1", "plan legs started", std::move(trips)),
                column("distance_m", "m", "distance driven, detours included", std::move(distance)),
                column("driving_energy_kwh", "kWh", "energy used driving", std::move(driven)),
                column("charged_energy_kwh", "kWh", "energy gained from chargers", std::move(charged)),
                column("sessions", "1", "charging sessions that delivered energy", std::move(sessions)),
                column("needs", "1", "public charging needs", std::move(needs)),
                column("needs_unserved", "1", "of which unserved or without a station", std::move(unserved)),
                column("wait_min", "min", "total time in station queues", std::move(wait_min)),
                column("stranded", "1", "1 when the vehicle ran out of energy", std::move(stranded))}};
}

}  // namespace evsim::output
