#pragma once
// /replay: one row per session of a measured-session replay (models/charging/session_replay.hpp),
// in the file's order, and its headline numbers (printed by `evsim run`, in --json under "replay").
#include <cstdint>
#include <string>
#include <vector>

#include "models/charging/session_replay.hpp"
#include "output/table.hpp"

namespace evsim::output {

// Collects the replay's records (subscribe on_finished to SessionReplay::finished) and, from the
// pool's power changes of the replay's vehicles (on_power_change), the peak load per site and of all
// sites together: a replayed session's power is constant between its changes (flat curve), so the
// sum over changes is exact.
class ReplayRecorder {
 public:
  ReplayRecorder(std::size_t sessions, std::size_t stations, models::VehicleId first_vehicle)
      : records_(sessions), power_kw_(sessions, 0.0), site_kw_(stations, 0.0), site_peak_kw_(stations, 0.0),
        first_(first_vehicle) {}
  void on_finished(const models::charging::ReplayRecord& r) { records_[r.session] = r; }
  void on_power_change(const models::charging::PowerChange& c);
  const std::vector<models::charging::ReplayRecord>& records() const { return records_; }
  // Takes the peaks of the last instant; call once the run is over, before reading them.
  void commit();
  const std::vector<double>& site_peak_kw() const { return site_peak_kw_; }
  double peak_total_kw() const { return peak_total_kw_; }

 private:
  std::vector<models::charging::ReplayRecord> records_;  // by session
  std::vector<double> power_kw_;                         // by session, now
  std::vector<double> site_kw_, site_peak_kw_;           // by station
  double total_kw_ = 0.0, peak_total_kw_ = 0.0;
  sim::Time instant_{};
  std::vector<models::StationId> touched_;  // sites changed at instant_
  models::VehicleId first_;
};

struct ReplaySummary {
  std::uint64_t rows = 0;           // rows of the file
  std::uint64_t sessions = 0;       // kept (inside the run)
  std::uint64_t outside_run = 0;    // rows left out: not wholly inside the run
  std::uint64_t energy_from_rule = 0;
  std::uint64_t plug_busy = 0;      // refused: their plug was taken
  std::uint64_t departed_short = 0; // left before getting their energy
  double connected_h = 0.0;         // summed over replayed sessions
  double wanted_kwh = 0.0;          // of replayed sessions (refused ones excluded)
  double delivered_kwh = 0.0;
  double shortfall_kwh = 0.0;       // wanted - delivered
  double peak_site_kw = 0.0;        // the highest load of any one site
  double peak_total_kw = 0.0;       // of all sites together
};

// `lines`: per session, its line in the sessions file.
Table replay_table(const ReplayRecorder& recorder, const std::vector<int>& lines);
ReplaySummary summarize_replay(const ReplayRecorder& recorder);
std::string to_text(const ReplaySummary& s);
std::string to_json(const ReplaySummary& s);  // one JSON object

}  // namespace evsim::output
