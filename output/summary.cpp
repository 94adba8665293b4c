#include "output/summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "output/columns.hpp"
#include "output/json.hpp"

namespace evsim::output {
namespace {

using models::ChargePlace;
using models::NeedOutcome;
using models::NeedReason;
using models::SessionOutcome;

Distribution distribution(std::vector<double> values) {
  Distribution d;
  d.count = values.size();
  if (values.empty()) return d;
  std::sort(values.begin(), values.end());
  double total = 0.0;
  for (const double v : values) total += v;
  d.mean = total / static_cast<double>(values.size());
  const auto rank = static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(values.size())));
  d.p95 = values[std::max<std::size_t>(rank, 1) - 1];
  d.max = values.back();
  return d;
}

double share(std::uint64_t part, std::uint64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

// Collects per fleet (segment or all) and turns the samples into distributions at the end.
struct Accumulator {
  FleetMetrics m;
  std::vector<double> waits, detours, delays;
  std::uint64_t with_free_plug = 0, with_station = 0;

  FleetMetrics finish() {
    m.wait_min = distribution(std::move(waits));
    m.detour_km = distribution(std::move(detours));
    m.departure_delay_min = distribution(std::move(delays));
    m.unserved_share = share(m.needs_unserved + m.needs_no_station, m.needs - m.needs_open_at_end);
    m.free_plug_within_radius_share = share(with_free_plug, m.needs);
    m.station_within_radius_share = share(with_station, m.needs);
    return m;
  }
};

}  // namespace

RunSummary summarize(const scenarios::assembly::CityInputs& city, const models::city::CityModel& model,
                     const RunRecorder& r) {
  const models::city::CityWorld& world = city.world;
  const auto& vehicles = model.vehicles();
  RunSummary s;
  s.plan = city.plan_name;
  s.availability_radius_m = world.settings.availability_radius_m;
  s.stations = world.stations.size();
  s.public_stations = world.public_stations.size();
  s.station_rows_left_out = city.station_rows_left_out;
  for (const auto& st : world.stations) s.plugs += st.plugs().size();
  std::uint64_t covered = 0;
  for (models::road::NodeId n = 0; n < world.roads.node_count(); ++n) {
    if (world.nearest.k > 0 && world.nearest.distances_of(n)[0] <= s.availability_radius_m) ++covered;
  }
  s.node_coverage_share = share(covered, world.roads.node_count());
  std::map<std::int64_t, double> power_at;
  for (const auto& x : r.samples()) power_at[sim::to_ms(x.time)] += x.power_kw;
  for (const auto& [t, p] : power_at) s.peak_station_power_kw = std::max(s.peak_station_power_kw, p);

  std::vector<Accumulator> acc(world.segments.size());
  Accumulator total;
  total.m.name = std::string("all");
  for (std::size_t g = 0; g < city.segment_names.size() && g < acc.size(); ++g) acc[g].m.name = city.segment_names[g];
  const auto each = [&](models::VehicleId v, auto&& f) {
    f(acc[vehicles[v].segment]);
    f(total);
  };
  for (models::VehicleId v = 0; v < vehicles.size(); ++v) {
    each(v, [&](Accumulator& a) {
      ++a.m.vehicles;
      if (vehicles[v].state == models::city::VehicleState::stranded) ++a.m.vehicles_stranded;
    });
  }
  for (const auto& t : r.trips()) {
    each(t.vehicle, [&](Accumulator& a) {
      a.m.distance_km += t.distance_m / 1000.0;
      a.m.driving_energy_kwh += t.energy_kwh;
      if (t.purpose == models::TripPurpose::plan && t.outcome == models::TripOutcome::arrived) {
        ++a.m.trips;
        a.delays.push_back(sim::to_seconds(t.depart - t.planned_depart) / 60.0);
      }
    });
  }
  for (const auto& n : r.needs()) {
    if (n.reason == NeedReason::opportunistic) continue;
    each(n.vehicle, [&](Accumulator& a) {
      ++a.m.needs;
      switch (n.outcome) {
        case NeedOutcome::charged:
          ++a.m.needs_charged;
          a.detours.push_back(n.detour_m / 1000.0);
          break;
        case NeedOutcome::unserved: ++a.m.needs_unserved; break;
        case NeedOutcome::no_station: ++a.m.needs_no_station; break;
        case NeedOutcome::open_at_end: ++a.m.needs_open_at_end; break;
      }
      if (n.free_plug_within_radius) ++a.with_free_plug;
      if (n.nearest_station_m <= s.availability_radius_m) ++a.with_station;
    });
  }
  const auto& needs = r.needs();
  for (const auto& x : r.sessions()) {
    each(x.vehicle, [&](Accumulator& a) {
      a.m.grid_energy_kwh += x.grid_energy_kwh;
      switch (x.place) {
        case ChargePlace::public_station: a.m.public_energy_kwh += x.energy_kwh; break;
        case ChargePlace::home: a.m.home_energy_kwh += x.energy_kwh; break;
        case ChargePlace::depot: a.m.depot_energy_kwh += x.energy_kwh; break;
      }
      const bool plugged = x.outcome == SessionOutcome::charged || x.outcome == SessionOutcome::unplugged ||
                           x.outcome == SessionOutcome::cut_by_horizon;
      if (x.place != ChargePlace::public_station || !plugged) return;
      const bool opportunistic = x.need < needs.size() && needs[x.need].reason == NeedReason::opportunistic;
      if (opportunistic) {
        ++a.m.opportunistic_sessions;
      } else {
        a.waits.push_back(sim::to_seconds(x.start - x.arrival) / 60.0);
      }
    });
  }
  for (Accumulator& a : acc) s.segments.push_back(a.finish());
  s.all = total.finish();
  return s;
}

}  // namespace evsim::output

namespace evsim::output {
namespace {

std::string json_distribution(const Distribution& d) {
  return fmt::format(R"({{"count": {}, "mean": {:.6f}, "p95": {:.6f}, "max": {:.6f}}})", d.count, d.mean, d.p95, d.max);
}

std::string json_fleet(const FleetMetrics& m) {
  return fmt::format(
      R"({{"name": {}, "vehicles": {}, "trips": {}, "distance_km": {:.6f}, "driving_energy_kwh": {:.6f}, )"
      R"("vehicles_stranded": {}, "needs": {}, "needs_charged": {}, "needs_unserved": {}, "needs_no_station": {}, )"
      R"("needs_open_at_end": {}, "unserved_share": {:.6f}, "free_plug_within_radius_share": {:.6f}, )"
      R"("station_within_radius_share": {:.6f}, "wait_min": {}, "detour_km": {}, "departure_delay_min": {}, )"
      R"("opportunistic_sessions": {}, "public_energy_kwh": {:.6f}, "home_energy_kwh": {:.6f}, )"
      R"("depot_energy_kwh": {:.6f}, "grid_energy_kwh": {:.6f}}})",
      json_string(m.name), m.vehicles, m.trips, m.distance_km, m.driving_energy_kwh, m.vehicles_stranded, m.needs,
      m.needs_charged, m.needs_unserved, m.needs_no_station, m.needs_open_at_end, m.unserved_share,
      m.free_plug_within_radius_share, m.station_within_radius_share, json_distribution(m.wait_min),
      json_distribution(m.detour_km), json_distribution(m.departure_delay_min), m.opportunistic_sessions,
      m.public_energy_kwh, m.home_energy_kwh, m.depot_energy_kwh, m.grid_energy_kwh);
}

}  // namespace

std::string to_json(const RunSummary& s) {
  std::string segments;
  for (const FleetMetrics& m : s.segments) segments += (segments.empty() ? "" : ", ") + json_fleet(m);
  std::string json = fmt::format(
      R"({{"scenario": {}, "plan": {}, "seed": {}, "status": "{}", "horizon_h": {}, "simulated_h": {}, )"
      R"("availability_radius_m": {}, "stations": {}, "public_stations": {}, "plugs": {}, )"
      R"("node_coverage_share": {:.6f}, "effective_availability": {:.6f}, "peak_station_power_kw": {:.6f}, )"
      R"("fleet": {}, "segments": [{}], "events": {}, "wall_time_s": {:.3f}}})",
      json_string(s.scenario), json_string(s.plan), s.seed, s.status, s.horizon_h, s.simulated_h,
      s.availability_radius_m, s.stations, s.public_stations, s.plugs, s.node_coverage_share,
      s.all.free_plug_within_radius_share, s.peak_station_power_kw, json_fleet(s.all), segments, s.events,
      s.wall_time_s);
  if (s.costs) {
    const CostHeadline& c = *s.costs;
    json.pop_back();  // the closing brace
    json += fmt::format(
        R"(, "energy_cost": {:.6f}, "charging_costs": {{"public_cost": {:.6f}, "home_depot_cost": {:.6f}, )"
        R"("service_cost": {:.6f}, "metered_grid_energy_kwh": {:.6f}, "smart_sessions": {}, )"
        R"("sessions_with_shortfall": {}, "shortfall_kwh": {:.6f}, "peak_charging_power_kw": {:.6f}, )"
        R"("peak_home_depot_power_kw": {:.6f}}}}})",
        c.energy_cost, c.public_cost, c.home_depot_cost, c.service_cost, c.metered_grid_energy_kwh, c.smart_sessions,
        c.sessions_with_shortfall, c.shortfall_kwh, c.peak_charging_power_kw, c.peak_home_depot_power_kw);
  }
  return json;
}

std::string to_text(const RunSummary& s) {
  std::string out = fmt::format(
      "scenario {} (plan {}, seed {}): {}, simulated {:.1f} of {:.1f} h in {:.2f} s wall time ({} events)\n"
      "  stations  {} ({} public), {} plugs; {:.1f}% of road nodes within {:.0f} m of a public station\n"
      "  fleet     {} vehicles, {} trips, {:.0f} km, {:.0f} kWh driven, {} stranded\n"
      "  needs     {} public charging needs: {} charged, {} unserved, {} without a station, {} open at the end\n"
      "            unserved {:.1f}%; free plug within {:.0f} m for {:.1f}% (a station within {:.0f} m for {:.1f}%)\n"
      "  waits     mean {:.1f} min, p95 {:.1f} min, max {:.1f} min; detour mean {:.2f} km, p95 {:.2f} km\n"
      "  energy    {:.0f} kWh public, {:.0f} kWh home, {:.0f} kWh depot ({:.0f} kWh from the grid); "
      "peak station power {:.0f} kW\n",
      s.scenario, s.plan, s.seed, s.status, s.simulated_h, s.horizon_h, s.wall_time_s, s.events, s.stations,
      s.public_stations, s.plugs, 100.0 * s.node_coverage_share, s.availability_radius_m, s.all.vehicles,
      s.all.trips, s.all.distance_km, s.all.driving_energy_kwh, s.all.vehicles_stranded, s.all.needs,
      s.all.needs_charged, s.all.needs_unserved, s.all.needs_no_station, s.all.needs_open_at_end,
      100.0 * s.all.unserved_share, s.availability_radius_m, 100.0 * s.all.free_plug_within_radius_share,
      s.availability_radius_m, 100.0 * s.all.station_within_radius_share, s.all.wait_min.mean, s.all.wait_min.p95,
      s.all.wait_min.max, s.all.detour_km.mean, s.all.detour_km.p95, s.all.public_energy_kwh, s.all.home_energy_kwh,
      s.all.depot_energy_kwh, s.all.grid_energy_kwh, s.peak_station_power_kw);
  if (s.station_rows_left_out > 0) {
    out += fmt::format("  left out  {} station-file rows farther from the road than their file's keep_within\n",
                       s.station_rows_left_out);
  }
  for (const FleetMetrics& m : s.segments) {
    out += fmt::format(
        "  segment {}: {} vehicles, {} needs, unserved {:.1f}%, free plug within radius {:.1f}%, wait mean {:.1f} / "
        "p95 {:.1f} min, detour mean {:.2f} km, {} stranded\n",
        m.name, m.vehicles, m.needs, 100.0 * m.unserved_share, 100.0 * m.free_plug_within_radius_share,
        m.wait_min.mean, m.wait_min.p95, m.detour_km.mean, m.vehicles_stranded);
  }
  return out;
}

void write_kpi(ResultFile& file, const RunSummary& s) {
  const std::string k = "/kpi";
  const FleetMetrics& a = s.all;
  file.write_attribute(k, "plan", s.plan);
  file.write_attribute(k, "simulated_h", s.simulated_h);
  file.write_attribute(k, "availability_radius_m", s.availability_radius_m);
  file.write_attribute(k, "stations", s.stations);
  file.write_attribute(k, "public_stations", s.public_stations);
  file.write_attribute(k, "station_rows_left_out", s.station_rows_left_out);
  file.write_attribute(k, "plugs", s.plugs);
  file.write_attribute(k, "node_coverage_share", s.node_coverage_share);
  file.write_attribute(k, "effective_availability", a.free_plug_within_radius_share);
  file.write_attribute(k, "station_within_radius_share", a.station_within_radius_share);
  file.write_attribute(k, "peak_station_power_kw", s.peak_station_power_kw);
  file.write_attribute(k, "vehicles", a.vehicles);
  file.write_attribute(k, "trips", a.trips);
  file.write_attribute(k, "distance_km", a.distance_km);
  file.write_attribute(k, "driving_energy_kwh", a.driving_energy_kwh);
  file.write_attribute(k, "vehicles_stranded", a.vehicles_stranded);
  file.write_attribute(k, "needs", a.needs);
  file.write_attribute(k, "needs_charged", a.needs_charged);
  file.write_attribute(k, "needs_unserved", a.needs_unserved);
  file.write_attribute(k, "needs_no_station", a.needs_no_station);
  file.write_attribute(k, "needs_open_at_end", a.needs_open_at_end);
  file.write_attribute(k, "unserved_share", a.unserved_share);
  file.write_attribute(k, "mean_wait_min", a.wait_min.mean);
  file.write_attribute(k, "p95_wait_min", a.wait_min.p95);
  file.write_attribute(k, "max_wait_min", a.wait_min.max);
  file.write_attribute(k, "mean_detour_km", a.detour_km.mean);
  file.write_attribute(k, "p95_detour_km", a.detour_km.p95);
  file.write_attribute(k, "opportunistic_sessions", a.opportunistic_sessions);
  file.write_attribute(k, "public_energy_kwh", a.public_energy_kwh);
  file.write_attribute(k, "home_energy_kwh", a.home_energy_kwh);
  file.write_attribute(k, "depot_energy_kwh", a.depot_energy_kwh);
  file.write_attribute(k, "grid_energy_kwh", a.grid_energy_kwh);
  file.write_attribute(k, "events", s.events);
}

Table segments_table(const RunSummary& s) {
  const auto& g = s.segments;
  using M = FleetMetrics;
  return Table{{project<std::string>("name", "1", "segment name", g, [](const M& m) { return m.name; }),
                project<std::uint32_t>("vehicles", "1", "vehicles", g, [](const M& m) { return m.vehicles; }),
                project<std::uint32_t>("trips", "1", "plan legs driven to the end", g, [](const M& m) { return m.trips; }),
                project<double>("distance_km", "km", "all driving, detours included", g, [](const M& m) { return m.distance_km; }),
                project<std::uint32_t>("vehicles_stranded", "1", "vehicles that ran out of energy", g,
                                       [](const M& m) { return m.vehicles_stranded; }),
                project<std::uint32_t>("needs", "1", "public charging needs (not opportunistic)", g,
                                       [](const M& m) { return m.needs; }),
                project<std::uint32_t>("needs_unserved", "1", "needs no station served", g,
                                       [](const M& m) { return m.needs_unserved; }),
                project<std::uint32_t>("needs_no_station", "1", "needs with no reachable station at all", g,
                                       [](const M& m) { return m.needs_no_station; }),
                project<double>("unserved_share", "1", "(unserved + no_station) / needs ended", g,
                                [](const M& m) { return m.unserved_share; }),
                project<double>("free_plug_within_radius_share", "1", "effective availability of these needs", g,
                                [](const M& m) { return m.free_plug_within_radius_share; }),
                project<double>("mean_wait_min", "min", "mean queue time of public sessions", g,
                                [](const M& m) { return m.wait_min.mean; }),
                project<double>("p95_wait_min", "min", "95th percentile queue time", g, [](const M& m) { return m.wait_min.p95; }),
                project<double>("mean_detour_km", "km", "mean detour of needs that charged", g,
                                [](const M& m) { return m.detour_km.mean; }),
                project<double>("p95_detour_km", "km", "95th percentile detour", g, [](const M& m) { return m.detour_km.p95; }),
                project<double>("public_energy_kwh", "kWh", "gained at public stations", g,
                                [](const M& m) { return m.public_energy_kwh; }),
                project<double>("home_energy_kwh", "kWh", "gained at home", g, [](const M& m) { return m.home_energy_kwh; }),
                project<double>("depot_energy_kwh", "kWh", "gained at depots", g, [](const M& m) { return m.depot_energy_kwh; })}};
}

}  // namespace evsim::output
