#include "output/run_recorder.hpp"

#include <string>

#include "output/columns.hpp"

namespace evsim::output {
namespace {

std::int64_t ms(sim::Time t) { return sim::to_ms(t); }

}  // namespace

Table trips_table(const RunRecorder& r) {
  using models::TripRecord;
  const auto& t = r.trips();
  return Table{{project<std::uint32_t>("vehicle", "1", "vehicle id", t, [](const TripRecord& x) { return x.vehicle; }),
                project<std::uint8_t>("purpose", "1", "0 to_work, 1 to_home, 2 to_charger, 3 from_charger", t,
                                      [](const TripRecord& x) { return x.purpose; }),
                project<std::uint8_t>("outcome", "1", "0 arrived, 1 stranded (not enough energy or no route)", t,
                                      [](const TripRecord& x) { return x.outcome; }),
                project<std::uint32_t>("origin", "1", "road node id", t, [](const TripRecord& x) { return x.origin; }),
                project<std::uint32_t>("destination", "1", "road node id", t, [](const TripRecord& x) { return x.destination; }),
                project<std::int64_t>("depart_ms", "ms", "departure, since the start of the run", t,
                                      [](const TripRecord& x) { return ms(x.depart); }),
                project<std::int64_t>("arrive_ms", "ms", "arrival, since the start of the run", t,
                                      [](const TripRecord& x) { return ms(x.arrive); }),
                project<double>("distance_m", "m", "length of the fastest path", t, [](const TripRecord& x) { return x.distance_m; }),
                project<double>("energy_kwh", "kWh", "energy drawn from the battery", t,
                                [](const TripRecord& x) { return x.energy_kwh; }),
                project<double>("soc_after", "1", "state of charge on arrival", t, [](const TripRecord& x) { return x.soc_after; })}};
}

Table sessions_table(const RunRecorder& r) {
  using models::ChargeSessionRecord;
  const auto& s = r.sessions();
  return Table{
      {project<std::uint32_t>("vehicle", "1", "vehicle id", s, [](const ChargeSessionRecord& x) { return x.vehicle; }),
       project<std::uint32_t>("station", "1", "station id (row of /stations); 4294967295 for no_station", s,
                              [](const ChargeSessionRecord& x) { return x.station; }),
       project<std::uint8_t>("outcome", "1", "0 charged, 1 gave_up, 2 no_station, 3 cut_by_horizon, 4 queued_at_end", s,
                             [](const ChargeSessionRecord& x) { return x.outcome; }),
       project<std::uint8_t>("dc", "1", "1 when a DC plug was used", s, [](const ChargeSessionRecord& x) { return x.dc; }),
       project<std::int64_t>("arrival_ms", "ms", "arrival at the station", s,
                             [](const ChargeSessionRecord& x) { return ms(x.arrival); }),
       project<std::int64_t>("start_ms", "ms", "plug-in (or leaving the queue)", s,
                             [](const ChargeSessionRecord& x) { return ms(x.start); }),
       project<std::int64_t>("end_ms", "ms", "unplug (or leaving the queue)", s, [](const ChargeSessionRecord& x) { return ms(x.end); }),
       project<std::int64_t>("wait_ms", "ms", "start - arrival", s,
                             [](const ChargeSessionRecord& x) { return sim::to_ms(x.start - x.arrival); }),
       project<double>("energy_kwh", "kWh", "energy delivered to the battery", s,
                       [](const ChargeSessionRecord& x) { return x.energy_kwh; }),
       project<double>("soc_before", "1", "state of charge on arrival", s, [](const ChargeSessionRecord& x) { return x.soc_before; }),
       project<double>("soc_after", "1", "state of charge on leaving", s, [](const ChargeSessionRecord& x) { return x.soc_after; })}};
}

Table station_samples_table(const RunRecorder& r) {
  using models::StationSample;
  const auto& s = r.samples();
  return Table{{project<std::int64_t>("time_ms", "ms", "sample time", s, [](const StationSample& x) { return ms(x.time); }),
                project<std::uint32_t>("station", "1", "station id", s, [](const StationSample& x) { return x.station; }),
                project<std::uint32_t>("busy_plugs", "1", "plugs in use", s, [](const StationSample& x) { return x.busy_plugs; }),
                project<std::uint32_t>("queue_length", "1", "vehicles waiting", s,
                                       [](const StationSample& x) { return x.queue_length; }),
                project<double>("power_kw", "kW", "total charging power", s, [](const StationSample& x) { return x.power_kw; })}};
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
