#include "output/run_recorder.hpp"

#include <cmath>

#include "output/columns.hpp"

namespace evsim::output {
namespace {

std::int64_t ms(sim::Time t) { return sim::to_ms(t); }

}  // namespace

Table trips_table(const RunRecorder& r, const models::demand::FleetSchedule& schedule) {
  using models::TripRecord;
  const auto& t = r.trips();
  Table table{{project<std::uint32_t>("vehicle", "1", "vehicle id (row of /vehicles)", t, [](const TripRecord& x) { return x.vehicle; }),
                project<std::uint8_t>("purpose", "1", "0 plan (a leg of its plan), 1 to_charger, 2 from_charger", t,
                                      [](const TripRecord& x) { return x.purpose; }),
                project<std::uint8_t>("activity", "1",
                                      "of the plan leg: 0 home, 1 work, 2 other, 3 passenger, 4 stop, 5 depot, 6 recorded", t,
                                      [](const TripRecord& x) { return x.activity; }),
                project<std::uint8_t>("outcome", "1", "0 arrived, 1 stranded (battery ran empty on the way)", t,
                                      [](const TripRecord& x) { return x.outcome; }),
                project<std::uint32_t>("origin", "1", "road node id", t, [](const TripRecord& x) { return x.origin; }),
                project<std::uint32_t>("destination", "1", "road node id it drove to", t,
                                       [](const TripRecord& x) { return x.destination; }),
                project<std::int64_t>("planned_depart_ms", "ms", "when the plan leg fell due (= depart_ms for detours)", t,
                                      [](const TripRecord& x) { return ms(x.planned_depart); }),
                project<std::int64_t>("depart_ms", "ms", "departure, since the start of the run", t,
                                      [](const TripRecord& x) { return ms(x.depart); }),
                project<std::int64_t>("arrive_ms", "ms", "arrival (stranded: when the battery ran empty)", t,
                                      [](const TripRecord& x) { return ms(x.arrive); }),
                project<double>("distance_m", "m", "distance driven", t, [](const TripRecord& x) { return x.distance_m; }),
                project<double>("energy_kwh", "kWh", "energy drawn from the battery", t,
                                [](const TripRecord& x) { return x.energy_kwh; }),
                project<double>("soc_after", "1", "state of charge on arrival", t, [](const TripRecord& x) { return x.soc_after; })}};
  if (!schedule.leg_names.empty()) {  // some segment replays a trip file: name its trips
    const auto& names = schedule.leg_names;
    table.columns.push_back(project<std::string>(
        "name", "1", "the trip's name in its trip file (`trip` column, else file:line); empty for other trips", t,
        [&names](const TripRecord& x) { return x.leg < names.size() ? names[x.leg] : std::string{}; }));
  }
  return table;
}

Table needs_table(const RunRecorder& r, const models::city::CityModel& model) {
  using models::NeedRecord;
  const auto& n = r.needs();
  const auto& vehicles = model.vehicles();
  return Table{
      {project<std::uint32_t>("vehicle", "1", "vehicle id", n, [](const NeedRecord& x) { return x.vehicle; }),
       project<std::uint32_t>("segment", "1", "fleet segment (row of /segments)", n,
                              [&](const NeedRecord& x) { return vehicles[x.vehicle].segment; }),
       project<std::uint8_t>("reason", "1", "0 low_soc, 1 next_trip, 2 en_route, 3 opportunistic", n,
                             [](const NeedRecord& x) { return x.reason; }),
       project<std::uint8_t>("outcome", "1", "0 charged, 1 unserved, 2 no_station, 3 open_at_end", n,
                             [](const NeedRecord& x) { return x.outcome; }),
       project<std::uint32_t>("node", "1", "road node where the need arose", n, [](const NeedRecord& x) { return x.node; }),
       project<std::int64_t>("time_ms", "ms", "when the need arose", n, [](const NeedRecord& x) { return ms(x.time); }),
       project<std::int64_t>("resolved_ms", "ms", "plug-in, or when the vehicle gave up its last station", n,
                             [](const NeedRecord& x) { return ms(x.resolved); }),
       project<std::uint32_t>("stations_tried", "1", "stations driven to for this need", n,
                              [](const NeedRecord& x) { return x.stations_tried; }),
       project<std::uint8_t>("free_plug_within_radius", "1",
                             "1 when an open public station within the availability radius (by road) had a free plug "
                             "this vehicle could use when the need arose",
                             n, [](const NeedRecord& x) { return x.free_plug_within_radius; }),
       project<double>("detour_m", "m", "extra distance driven for this need (docs/charging-model.md)", n,
                       [](const NeedRecord& x) { return x.detour_m; }),
       project<double>("nearest_station_m", "m", "road distance to the nearest public station that can serve it (-1: none)",
                       n, [](const NeedRecord& x) { return std::isfinite(x.nearest_station_m) ? x.nearest_station_m : -1.0; })}};
}

Table sessions_table(const RunRecorder& r) {
  using models::ChargeSessionRecord;
  const auto& s = r.sessions();
  return Table{
      {project<std::uint32_t>("vehicle", "1", "vehicle id", s, [](const ChargeSessionRecord& x) { return x.vehicle; }),
       project<std::uint32_t>("station", "1", "station id (row of /stations); 4294967295 at home or depot", s,
                              [](const ChargeSessionRecord& x) { return x.station; }),
       project<std::uint8_t>("place", "1", "0 public station, 1 home, 2 depot", s,
                             [](const ChargeSessionRecord& x) { return x.place; }),
       project<std::uint8_t>("outcome", "1",
                             "0 charged, 1 unplugged (left before its target), 2 gave_up, 3 closed, 4 cut_by_horizon, "
                             "5 queued_at_end",
                             s, [](const ChargeSessionRecord& x) { return x.outcome; }),
       project<std::uint8_t>("dc", "1", "1 when a DC plug was used", s, [](const ChargeSessionRecord& x) { return x.dc; }),
       project<std::uint32_t>("need", "1", "row of /needs it served; 4294967295 at home or depot", s,
                              [](const ChargeSessionRecord& x) { return x.need; }),
       project<std::int64_t>("arrival_ms", "ms", "arrival at the station", s,
                             [](const ChargeSessionRecord& x) { return ms(x.arrival); }),
       project<std::int64_t>("start_ms", "ms", "plug-in (or leaving the queue)", s,
                             [](const ChargeSessionRecord& x) { return ms(x.start); }),
       project<std::int64_t>("end_ms", "ms", "unplug (or leaving the queue)", s, [](const ChargeSessionRecord& x) { return ms(x.end); }),
       project<std::int64_t>("wait_ms", "ms", "start - arrival: time in the queue", s,
                             [](const ChargeSessionRecord& x) { return sim::to_ms(x.start - x.arrival); }),
       project<double>("energy_kwh", "kWh", "energy gained by the battery", s,
                       [](const ChargeSessionRecord& x) { return x.energy_kwh; }),
       project<double>("grid_energy_kwh", "kWh", "energy drawn from the grid: energy_kwh / efficiency", s,
                       [](const ChargeSessionRecord& x) { return x.grid_energy_kwh; }),
       project<double>("soc_before", "1", "state of charge at plug-in (or on arrival)", s,
                       [](const ChargeSessionRecord& x) { return x.soc_before; }),
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
                project<double>("power_kw", "kW", "battery-side charging power of the running sessions", s,
                                [](const StationSample& x) { return x.power_kw; })}};
}

}  // namespace evsim::output
