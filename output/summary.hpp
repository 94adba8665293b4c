#pragma once
// The headline numbers of a run, for the whole fleet and per segment: printed by `evsim run`
// (text or --json) and stored in /kpi and /segments. Definitions in docs/output-format.md.
//
// "Needs" here are public charging needs for a reason other than opportunistic charging (those
// only arise next to a free plug, so they would flatter availability); opportunistic sessions are
// counted on their own.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "output/result_file.hpp"
#include "output/run_recorder.hpp"

namespace evsim::output {

struct Distribution {
  std::uint64_t count = 0;
  double mean = 0.0;
  double p95 = 0.0;  // nearest rank
  double max = 0.0;
};

struct FleetMetrics {
  std::string name;               // segment name, or "all"
  std::uint64_t vehicles = 0;
  std::uint64_t trips = 0;        // plan legs driven to the end
  double distance_km = 0.0;       // all driving, detours included
  double driving_energy_kwh = 0.0;
  std::uint64_t vehicles_stranded = 0;
  std::uint64_t needs = 0;
  std::uint64_t needs_charged = 0;
  std::uint64_t needs_unserved = 0;     // tried stations, none served it
  std::uint64_t needs_no_station = 0;   // no reachable station could serve it
  std::uint64_t needs_open_at_end = 0;
  double unserved_share = 0.0;          // (unserved + no_station) / (needs - open_at_end)
  double free_plug_within_radius_share = 0.0;  // effective availability
  double station_within_radius_share = 0.0;    // static availability of the same needs
  Distribution wait_min;          // queue time of public sessions that plugged in
  Distribution detour_km;         // per need that charged
  Distribution departure_delay_min;  // plan legs: depart - planned
  std::uint64_t opportunistic_sessions = 0;
  double public_energy_kwh = 0.0;  // gained by batteries
  double home_energy_kwh = 0.0;
  double depot_energy_kwh = 0.0;
  double grid_energy_kwh = 0.0;
};

// Tariffs and smart charging (output/cost_tables.hpp), only when the scenario configures them.
struct CostHeadline {
  double energy_cost = 0;             // energy + service fees of every metered session
  double public_cost = 0;             // of sessions at public stations
  double home_depot_cost = 0;         // of home and depot sessions under their segment's tariff
  double service_cost = 0;            // the service-fee part of energy_cost
  double metered_grid_energy_kwh = 0;
  std::uint64_t smart_sessions = 0;   // sessions with a smart-charging plan
  std::uint64_t sessions_with_shortfall = 0;
  double shortfall_kwh = 0;
  double peak_charging_power_kw = 0;  // sampled, all sessions (public, home, depot), battery side
  double peak_home_depot_power_kw = 0;
};

struct RunSummary {
  std::string scenario;
  std::string plan;
  std::uint64_t seed = 0;
  std::string status;  // "complete" or "interrupted"
  double horizon_h = 0;
  double simulated_h = 0;  // how far the clock got (less than horizon_h when interrupted)
  double availability_radius_m = 0;
  std::uint64_t stations = 0;
  std::uint64_t public_stations = 0;
  std::uint64_t station_rows_left_out = 0;  // station-file rows beyond their file's keep_within, not placed
  std::uint64_t plugs = 0;
  double node_coverage_share = 0;  // road nodes with a public station within the radius (by road)
  double peak_station_power_kw = 0;  // the largest sum over stations of sampled power
  FleetMetrics all;
  std::vector<FleetMetrics> segments;
  std::uint64_t events = 0;
  double wall_time_s = 0;
  std::optional<CostHeadline> costs{};
};

RunSummary summarize(const scenarios::assembly::CityInputs& city, const models::city::CityModel& model,
                     const RunRecorder& recorder);
std::string to_json(const RunSummary& s);
std::string to_text(const RunSummary& s);
void write_kpi(ResultFile& file, const RunSummary& s);
Table segments_table(const RunSummary& s);

}  // namespace evsim::output
