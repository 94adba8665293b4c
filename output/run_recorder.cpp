#include "output/run_recorder.hpp"

#include <string>

namespace evsim::output {
namespace {

template <typename T>
Column column(std::string name, std::string units, std::string description, std::vector<T> data) {
  return Column{std::move(name), std::move(units), std::move(description), ColumnData{std::move(data)}};
}

std::int64_t ms(sim::Time t) { return sim::to_ms(t); }

}  // namespace

Table trips_table(const RunRecorder& r) {
  const auto& rows = r.trips();
  std::vector<std::uint32_t> vehicle, origin, destination;
  std::vector<std::uint8_t> purpose, outcome;
  std::vector<std::int64_t> depart, arrive;
  std::vector<double> distance, energy, soc_after;
  for (const auto& t : rows) {
    vehicle.push_back(t.vehicle);
    purpose.push_back(static_cast<std::uint8_t>(t.purpose));
    outcome.push_back(static_cast<std::uint8_t>(t.outcome));
    origin.push_back(t.origin);
    destination.push_back(t.destination);
    depart.push_back(ms(t.depart));
    arrive.push_back(ms(t.arrive));
    distance.push_back(t.distance_m);
    energy.push_back(t.energy_kwh);
    soc_after.push_back(t.soc_after);
  }
  return Table{{column("vehicle", "1", "vehicle id", std::move(vehicle)),
                column("purpose", "1", "0 to_work, 1 to_home, 2 to_charger, 3 from_charger", std::move(purpose)),
                column("outcome", "1", "0 arrived, 1 stranded (not enough energy or no route)", std::move(outcome)),
                column("origin", "1", "road node id", std::move(origin)),
                column("destination", "1", "road node id", std::move(destination)),
                column("depart_ms", "ms", "departure, since the start of the run", std::move(depart)),
                column("arrive_ms", "ms", "arrival, since the start of the run", std::move(arrive)),
                column("distance_m", "m", "length of the fastest path", std::move(distance)),
                column("energy_kwh", "kWh", "energy drawn from the battery", std::move(energy)),
                column("soc_after", "1", "state of charge on arrival", std::move(soc_after))}};
}

Table sessions_table(const RunRecorder& r) {
  std::vector<std::uint32_t> vehicle, station;
  std::vector<std::uint8_t> outcome, dc;
  std::vector<std::int64_t> arrival, start, end, wait;
  std::vector<double> energy, soc_before, soc_after;
  for (const auto& s : r.sessions()) {
    vehicle.push_back(s.vehicle);
    station.push_back(s.station);
    outcome.push_back(static_cast<std::uint8_t>(s.outcome));
    dc.push_back(s.dc ? 1 : 0);
    arrival.push_back(ms(s.arrival));
    start.push_back(ms(s.start));
    end.push_back(ms(s.end));
    wait.push_back(sim::to_ms(s.start - s.arrival));
    energy.push_back(s.energy_kwh);
    soc_before.push_back(s.soc_before);
    soc_after.push_back(s.soc_after);
  }
  return Table{{column("vehicle", "1", "vehicle id", std::move(vehicle)),
                column("station", "1", "station id (row of /stations); 4294967295 for no_station", std::move(station)),
                column("outcome", "1", "0 charged, 1 gave_up, 2 no_station, 3 cut_by_horizon, 4 queued_at_end", std::move(outcome)),
                column("dc", "1", "1 when a DC plug was used", std::move(dc)),
                column("arrival_ms", "ms", "arrival at the station", std::move(arrival)),
                column("start_ms", "ms", "plug-in (or leaving the queue)", std::move(start)),
                column("end_ms", "ms", "unplug (or leaving the queue)", std::move(end)),
                column("wait_ms", "ms", "start - arrival", std::move(wait)),
                column("energy_kwh", "kWh", "energy delivered to the battery", std::move(energy)),
                column("soc_before", "1", "state of charge on arrival", std::move(soc_before)),
                column("soc_after", "1", "state of charge on leaving", std::move(soc_after))}};
}

Table station_samples_table(const RunRecorder& r) {
  std::vector<std::int64_t> time;
  std::vector<std::uint32_t> station, busy, queue;
  std::vector<double> power;
  for (const auto& s : r.samples()) {
    time.push_back(ms(s.time));
    station.push_back(s.station);
    busy.push_back(s.busy_plugs);
    queue.push_back(s.queue_length);
    power.push_back(s.power_kw);
  }
  return Table{{column("time_ms", "ms", "sample time", std::move(time)),
                column("station", "1", "station id", std::move(station)),
                column("busy_plugs", "1", "plugs in use", std::move(busy)),
                column("queue_length", "1", "vehicles waiting", std::move(queue)),
                column("power_kw", "kW", "total charging power", std::move(power))}};
}

Table stations_table(const models::CityInputs& city, const RunRecorder& r, sim::Duration horizon) {
  const std::size_t n = city.stations.size();
  std::vector<std::string> name;
  std::vector<std::uint32_t> node, plugs, dc_plugs, sessions(n, 0), gave_up(n, 0);
  std::vector<std::uint8_t> is_public;
  std::vector<double> x, y, snap, max_power, energy(n, 0.0), plug_hours(n, 0.0), utilisation;
  for (const auto& s : r.sessions()) {
    if (s.station >= n) continue;
    if (s.outcome == models::SessionOutcome::gave_up) ++gave_up[s.station];
    if (s.outcome != models::SessionOutcome::charged && s.outcome != models::SessionOutcome::cut_by_horizon) continue;
    ++sessions[s.station];
    energy[s.station] += s.energy_kwh;
    plug_hours[s.station] += sim::to_hours(s.end - s.start);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const auto& st = city.stations[i];
    name.push_back(st.name());
    node.push_back(st.node());
    x.push_back(city.roads.x_m(st.node()));
    y.push_back(city.roads.y_m(st.node()));
    snap.push_back(city.station_snap_m[i]);
    is_public.push_back(st.is_public() ? 1 : 0);
    plugs.push_back(static_cast<std::uint32_t>(st.plugs().size()));
    std::uint32_t dc = 0;
    double total = 0.0;
    for (const auto& p : st.plugs()) {
      dc += p.dc ? 1 : 0;
      total += p.power_kw;
    }
    dc_plugs.push_back(dc);
    max_power.push_back(total);
    const double available = static_cast<double>(st.plugs().size()) * sim::to_hours(horizon);
    utilisation.push_back(available > 0 ? plug_hours[i] / available : 0.0);
  }
  return Table{{column("name", "1", "station name from the scenario", std::move(name)),
                column("node", "1", "road node id", std::move(node)),
                column("x_m", "m", "node position", std::move(x)),
                column("y_m", "m", "node position", std::move(y)),
                column("snap_m", "m", "distance from the given x/y to the node (0 when given as a node)", std::move(snap)),
                column("public", "1", "1 for a public station", std::move(is_public)),
                column("plugs", "1", "number of plugs", std::move(plugs)),
                column("dc_plugs", "1", "of which DC", std::move(dc_plugs)),
                column("rated_power_kw", "kW", "sum of plug powers", std::move(max_power)),
                column("sessions", "1", "sessions that delivered energy", std::move(sessions)),
                column("gave_up", "1", "vehicles that left the queue without charge", std::move(gave_up)),
                column("energy_kwh", "kWh", "energy delivered", std::move(energy)),
                column("utilisation", "1", "plug-hours in use / (plugs * horizon)", std::move(utilisation))}};
}

Table vehicles_table(const models::CityInputs& city, const models::CityModel& model, const RunRecorder& r) {
  const auto& vehicles = model.vehicles();
  const std::size_t n = vehicles.size();
  std::vector<double> distance(n, 0.0), driven(n, 0.0), charged(n, 0.0), soc0, soc1;
  std::vector<std::uint32_t> type, segment, home, work, sessions(n, 0);
  std::vector<std::uint8_t> stranded;
  for (const auto& t : r.trips()) {
    distance[t.vehicle] += t.distance_m;
    driven[t.vehicle] += t.energy_kwh;
  }
  for (const auto& s : r.sessions()) {
    charged[s.vehicle] += s.energy_kwh;
    if (s.energy_kwh > 0.0) ++sessions[s.vehicle];
  }
  for (std::size_t v = 0; v < n; ++v) {
    const auto& veh = vehicles[v];
    const double battery = city.types[veh.type].battery_kwh;
    type.push_back(veh.type);
    segment.push_back(veh.segment);
    home.push_back(veh.home);
    work.push_back(veh.work);
    soc0.push_back(city.plans[v].initial_soc);
    soc1.push_back(veh.energy_kwh / battery);
    stranded.push_back(veh.state == models::fleet::VehicleState::stranded ? 1 : 0);
  }
  return Table{{column("type", "1", "index into the scenario's vehicle_types", std::move(type)),
                column("segment", "1", "index into the scenario's fleet segments", std::move(segment)),
                column("home", "1", "road node id", std::move(home)),
                column("work", "1", "road node id", std::move(work)),
                column("initial_soc", "1", "state of charge at t = 0", std::move(soc0)),
                column("final_soc", "1", "state of charge at the end", std::move(soc1)),
                column("distance_m", "m", "distance driven", std::move(distance)),
                column("driving_energy_kwh", "kWh", "energy used driving", std::move(driven)),
                column("charged_energy_kwh", "kWh", "energy received from chargers", std::move(charged)),
                column("sessions", "1", "charging sessions that delivered energy", std::move(sessions)),
                column("stranded", "1", "1 when the vehicle ran out of energy", std::move(stranded))}};
}

}  // namespace evsim::output
