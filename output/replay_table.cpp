#include "output/replay_table.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "output/columns.hpp"

namespace evsim::output {

using models::charging::ReplayOutcome;
using models::charging::ReplayRecord;

void ReplayRecorder::on_power_change(const models::charging::PowerChange& c) {
  if (c.vehicle < first_ || c.vehicle - first_ >= power_kw_.size()) return;
  if (c.time != instant_) commit();
  instant_ = c.time;
  double& p = power_kw_[c.vehicle - first_];
  site_kw_[c.station] += c.power_kw - p;
  total_kw_ += c.power_kw - p;
  p = c.power_kw;
  touched_.push_back(c.station);
}

// Peaks are taken once all changes of an instant are in: within an instant a re-shared site
// announces its sessions one by one, and a partial sum could exceed what the site ever draws.
void ReplayRecorder::commit() {
  for (const models::StationId s : touched_) site_peak_kw_[s] = std::max(site_peak_kw_[s], site_kw_[s]);
  if (!touched_.empty()) peak_total_kw_ = std::max(peak_total_kw_, total_kw_);
  touched_.clear();
}

Table replay_table(const ReplayRecorder& recorder, const std::vector<int>& lines) {
  const auto& r = recorder.records();
  return Table{{project<std::uint32_t>("session", "1", "session index (rows kept from the sessions file, in order)", r,
                                       [](const ReplayRecord& x) { return x.session; }),
                project<std::uint32_t>("line", "1", "its line in the sessions file", r,
                                      [&lines](const ReplayRecord& x) { return lines[x.session]; }),
                project<std::uint32_t>("station", "1", "station id (row of /stations)", r,
                                       [](const ReplayRecord& x) { return x.station; }),
                project<std::uint32_t>("plug", "1", "plug index within the station (4294967295: none free)", r,
                                       [](const ReplayRecord& x) { return x.plug; }),
                project<std::int64_t>("arrival_ms", "ms", "plug-in", r,
                                      [](const ReplayRecord& x) { return sim::to_ms(x.arrival); }),
                project<std::int64_t>("departure_ms", "ms", "unplug (arrival_ms when refused)", r,
                                      [](const ReplayRecord& x) { return sim::to_ms(x.departure); }),
                project<std::int64_t>("charge_end_ms", "ms", "when it stopped charging", r,
                                      [](const ReplayRecord& x) { return sim::to_ms(x.charge_end); }),
                project<std::int64_t>("connected_ms", "ms", "departure_ms - arrival_ms", r,
                                      [](const ReplayRecord& x) { return sim::to_ms(x.departure - x.arrival); }),
                project<double>("wanted_kwh", "kWh", "energy the session wanted (file, or energy_when_missing)", r,
                                [](const ReplayRecord& x) { return x.wanted_kwh; }),
                project<double>("delivered_kwh", "kWh", "energy delivered", r,
                                [](const ReplayRecord& x) { return x.delivered_kwh; }),
                project<double>("shortfall_kwh", "kWh", "wanted_kwh - delivered_kwh", r,
                                [](const ReplayRecord& x) { return x.wanted_kwh - x.delivered_kwh; }),
                project<std::uint8_t>("outcome", "1",
                                      "0 delivered, 1 departed_short (left before its energy), 2 plug_busy (refused: "
                                      "its plug was taken), 3 cut_by_horizon",
                                      r, [](const ReplayRecord& x) { return x.outcome; })}};
}

ReplaySummary summarize_replay(const ReplayRecorder& recorder) {
  ReplaySummary s;
  s.sessions = recorder.records().size();
  for (const ReplayRecord& x : recorder.records()) {
    if (x.outcome == ReplayOutcome::plug_busy) {
      ++s.plug_busy;
      continue;
    }
    if (x.outcome == ReplayOutcome::departed_short) ++s.departed_short;
    s.connected_h += sim::to_hours(x.departure - x.arrival);
    s.wanted_kwh += x.wanted_kwh;
    s.delivered_kwh += x.delivered_kwh;
  }
  s.shortfall_kwh = s.wanted_kwh - s.delivered_kwh;
  for (const double p : recorder.site_peak_kw()) s.peak_site_kw = std::max(s.peak_site_kw, p);
  s.peak_total_kw = recorder.peak_total_kw();
  return s;
}

std::string to_text(const ReplaySummary& s) {
  return fmt::format(
      "replay: {} sessions from {} rows ({} outside the run left out, {} energies by energy_when_missing); "
      "{} refused (plug busy), {} left short; connected {:.2f} h, wanted {:.3f} kWh, delivered {:.3f} kWh, "
      "shortfall {:.3f} kWh; peak load {:.1f} kW at one site, {:.1f} kW at all sites\n",
      s.sessions, s.rows, s.outside_run, s.energy_from_rule, s.plug_busy, s.departed_short, s.connected_h, s.wanted_kwh,
      s.delivered_kwh, s.shortfall_kwh, s.peak_site_kw, s.peak_total_kw);
}

std::string to_json(const ReplaySummary& s) {
  return fmt::format(
      R"({{"rows":{},"sessions":{},"outside_run":{},"energy_from_rule":{},"plug_busy":{},"departed_short":{},)"
      R"("connected_h":{},"wanted_kwh":{},"delivered_kwh":{},"shortfall_kwh":{},"peak_site_kw":{},"peak_total_kw":{}}})",
      s.rows, s.sessions, s.outside_run, s.energy_from_rule, s.plug_busy, s.departed_short, s.connected_h, s.wanted_kwh,
      s.delivered_kwh, s.shortfall_kwh, s.peak_site_kw, s.peak_total_kw);
}

}  // namespace evsim::output
