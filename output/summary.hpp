#pragma once
// The headline numbers of a run: printed by `evsim run` (text or --json) and stored in /kpi.
#include <cstdint>
#include <string>

#include "models/build_city.hpp"
#include "output/result_file.hpp"
#include "output/run_recorder.hpp"

namespace evsim::output {

struct RunSummary {
  std::string scenario;
  std::uint64_t seed = 0;
  std::string status;  // "complete" or "interrupted"
  double horizon_h = 0;
  double simulated_h = 0;  // how far the clock got (less than horizon_h when interrupted)
  std::uint64_t vehicles = 0;
  std::uint64_t stations = 0;
  std::uint64_t plugs = 0;
  std::uint64_t trips = 0;
  std::uint64_t vehicles_stranded = 0;
  double distance_km = 0;
  double driving_energy_kwh = 0;
  std::uint64_t charging_needs = 0;  // every session record: served or not
  std::uint64_t sessions_charged = 0;
  std::uint64_t sessions_gave_up = 0;
  std::uint64_t needs_without_station = 0;
  std::uint64_t sessions_open_at_end = 0;  // cut by the horizon or still queued
  double unserved_share = 0;               // (gave_up + no_station) / charging_needs
  double charged_energy_kwh = 0;
  double mean_wait_min = 0;  // over sessions that plugged in
  double p95_wait_min = 0;
  double max_wait_min = 0;
  std::uint64_t events = 0;
  double wall_time_s = 0;
};

RunSummary summarize(const models::CityInputs& city, const RunRecorder& recorder);
std::string to_json(const RunSummary& s);
std::string to_text(const RunSummary& s);
void write_kpi(ResultFile& file, const RunSummary& s);

}  // namespace evsim::output
