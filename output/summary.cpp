#include "output/summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

#include "output/json.hpp"

namespace evsim::output {

RunSummary summarize(const models::CityInputs& city, const RunRecorder& recorder) {
  using models::SessionOutcome;
  RunSummary s;
  s.vehicles = city.plans.size();
  s.stations = city.stations.size();
  for (const auto& st : city.stations) s.plugs += st.plugs().size();
  std::set<models::VehicleId> stranded;
  for (const auto& t : recorder.trips()) {
    if (t.outcome == models::TripOutcome::stranded) {
      stranded.insert(t.vehicle);
      continue;
    }
    ++s.trips;
    s.distance_km += t.distance_m / 1000.0;
    s.driving_energy_kwh += t.energy_kwh;
  }
  s.vehicles_stranded = stranded.size();
  std::vector<double> waits_min;
  for (const auto& x : recorder.sessions()) {
    ++s.charging_needs;
    s.charged_energy_kwh += x.energy_kwh;
    switch (x.outcome) {
      case SessionOutcome::charged: ++s.sessions_charged; break;
      case SessionOutcome::gave_up: ++s.sessions_gave_up; break;
      case SessionOutcome::no_station: ++s.needs_without_station; break;
      case SessionOutcome::cut_by_horizon:
      case SessionOutcome::queued_at_end: ++s.sessions_open_at_end; break;
    }
    if (x.outcome == SessionOutcome::charged || x.outcome == SessionOutcome::cut_by_horizon) {
      waits_min.push_back(sim::to_seconds(x.start - x.arrival) / 60.0);
    }
  }
  if (s.charging_needs > 0) {
    s.unserved_share = static_cast<double>(s.sessions_gave_up + s.needs_without_station) / static_cast<double>(s.charging_needs);
  }
  if (!waits_min.empty()) {
    std::sort(waits_min.begin(), waits_min.end());
    double total = 0;
    for (const double w : waits_min) total += w;
    s.mean_wait_min = total / static_cast<double>(waits_min.size());
    // Nearest-rank percentile.
    const auto rank = static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(waits_min.size())));
    s.p95_wait_min = waits_min[std::max<std::size_t>(rank, 1) - 1];
    s.max_wait_min = waits_min.back();
  }
  return s;
}

std::string to_json(const RunSummary& s) {
  return fmt::format(
      "{{\"scenario\": {}, \"seed\": {}, \"status\": \"{}\", \"horizon_h\": {}, \"simulated_h\": {}, "
      "\"vehicles\": {}, \"stations\": {}, \"plugs\": {}, \"trips\": {}, \"vehicles_stranded\": {}, "
      "\"distance_km\": {:.6f}, \"driving_energy_kwh\": {:.6f}, \"charging_needs\": {}, \"sessions_charged\": {}, "
      "\"sessions_gave_up\": {}, \"needs_without_station\": {}, \"sessions_open_at_end\": {}, "
      "\"unserved_share\": {:.6f}, \"charged_energy_kwh\": {:.6f}, \"mean_wait_min\": {:.6f}, "
      "\"p95_wait_min\": {:.6f}, \"max_wait_min\": {:.6f}, \"events\": {}, \"wall_time_s\": {:.3f}}}",
      json_string(s.scenario), s.seed, s.status, s.horizon_h, s.simulated_h, s.vehicles, s.stations, s.plugs, s.trips,
      s.vehicles_stranded, s.distance_km, s.driving_energy_kwh, s.charging_needs, s.sessions_charged,
      s.sessions_gave_up, s.needs_without_station, s.sessions_open_at_end, s.unserved_share, s.charged_energy_kwh,
      s.mean_wait_min, s.p95_wait_min, s.max_wait_min, s.events, s.wall_time_s);
}

std::string to_text(const RunSummary& s) {
  return fmt::format(
      "scenario {} (seed {}): {}, simulated {:.1f} of {:.1f} h in {:.2f} s wall time ({} events)\n"
      "  fleet     {} vehicles, {} trips, {:.0f} km, {:.0f} kWh driven, {} stranded\n"
      "  stations  {} stations, {} plugs\n"
      "  charging  {} needs: {} charged, {} gave up, {} without a station, {} open at the end\n"
      "            {:.0f} kWh delivered, unserved share {:.1f}%\n"
      "  waits     mean {:.1f} min, p95 {:.1f} min, max {:.1f} min\n",
      s.scenario, s.seed, s.status, s.simulated_h, s.horizon_h, s.wall_time_s, s.events, s.vehicles, s.trips,
      s.distance_km, s.driving_energy_kwh, s.vehicles_stranded, s.stations, s.plugs, s.charging_needs,
      s.sessions_charged, s.sessions_gave_up, s.needs_without_station, s.sessions_open_at_end, s.charged_energy_kwh,
      100.0 * s.unserved_share, s.mean_wait_min, s.p95_wait_min, s.max_wait_min);
}

void write_kpi(ResultFile& file, const RunSummary& s) {
  const std::string k = "/kpi";
  file.write_attribute(k, "vehicles", s.vehicles);
  file.write_attribute(k, "stations", s.stations);
  file.write_attribute(k, "plugs", s.plugs);
  file.write_attribute(k, "trips", s.trips);
  file.write_attribute(k, "vehicles_stranded", s.vehicles_stranded);
  file.write_attribute(k, "distance_km", s.distance_km);
  file.write_attribute(k, "driving_energy_kwh", s.driving_energy_kwh);
  file.write_attribute(k, "charging_needs", s.charging_needs);
  file.write_attribute(k, "sessions_charged", s.sessions_charged);
  file.write_attribute(k, "sessions_gave_up", s.sessions_gave_up);
  file.write_attribute(k, "needs_without_station", s.needs_without_station);
  file.write_attribute(k, "sessions_open_at_end", s.sessions_open_at_end);
  file.write_attribute(k, "unserved_share", s.unserved_share);
  file.write_attribute(k, "charged_energy_kwh", s.charged_energy_kwh);
  file.write_attribute(k, "mean_wait_min", s.mean_wait_min);
  file.write_attribute(k, "p95_wait_min", s.p95_wait_min);
  file.write_attribute(k, "max_wait_min", s.max_wait_min);
  file.write_attribute(k, "simulated_h", s.simulated_h);
  file.write_attribute(k, "events", s.events);
}

}  // namespace evsim::output
