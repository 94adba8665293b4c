#pragma once
// /grid/feeders, /grid/violations and /grid/station_buses: what the feeder monitor
// (models/grid/feeder_monitor.hpp) recorded in a run, and the --json / text headline per feeder
// (docs/output-format.md, "Feeders").
#include <string>
#include <vector>

#include "models/grid/feeder_monitor.hpp"
#include "output/table.hpp"

namespace evsim::output {

struct FeederHeadline {
  std::string name;
  double rating_kva = 0.0;
  double peak_kva = 0.0;           // largest apparent power through the transformer at a sample
  double peak_loading = 0.0;       // peak_kva / rating_kva
  double peak_time_h = 0.0;        // of the first sample with the peak, hours since the start
  double peak_ev_kw = 0.0;         // largest EV load at a sample
  double hours_over_rating = 0.0;  // sum of the transformer overload events' durations
  double min_voltage_pu = 0.0;     // lowest voltage at any converged sample
  std::string min_voltage_bus;
  double min_voltage_time_h = 0.0;
  std::uint64_t under_voltage_events = 0;
  std::uint64_t overload_events = 0;       // lines and transformer
  std::uint64_t samples_not_converged = 0;
};

std::vector<FeederHeadline> feeder_headlines(const models::grid::FeederMonitor& monitor);
std::string headlines_json(const std::vector<FeederHeadline>& h);  // a JSON array
std::string headlines_text(const std::vector<FeederHeadline>& h);  // one line per feeder

Table feeder_samples_table(const models::grid::FeederMonitor& monitor);  // /grid/feeders
Table grid_violations_table(const models::grid::FeederMonitor& monitor);  // /grid/violations
Table station_buses_table(const models::grid::GridSetup& setup, const std::vector<double>& attach_distance_m);

}  // namespace evsim::output
