#pragma once
// PV and storage at charging sites (光储充) and their answer to demand-response events: a site-level
// component beside the session pool. It reads the site's EV load (set_ev_load_kw, from the pool's
// power_changed signal, site_energy_link.hpp) and never changes a session's power.
//
// Units: kW, kWh, SoC as a fraction, sim::Time; times of day are sim::Duration since midnight
// (simulation time 0 is midnight of day 0).
//
// Model (docs/grid-model.md, "PV and storage"). Every quantity is constant between two events of the
// site: an EV load change, a PV profile breakpoint, a valley edge, a grid event edge, or the battery
// reaching min_soc or max_soc (computed exactly from its power, no ticks). With EV load L, PV
// P = kwp * profile(time of day), net n = L - P and b the battery's grid-side power (> 0 charging):
//
//   surplus (n < 0) and soc < max_soc:           b = min(kw, -n)               (charge from PV)
//   else valley hour and soc < max_soc:          b = min(kw, max(0, shave - n)) (never above shave)
//   else n > shave and soc > min_soc:            b = -min(kw, n - shave)       (peak shaving)
//   else                                          b = 0
//
// During a demand-response event asking R kW of the site, when n > 0: b_event = max(b - R, -kw, -n)
// (it gives up valley charging, then discharges, never into export); at min_soc it cannot discharge.
// The stored energy changes by b * sqrt(eta) when charging and b / sqrt(eta) when discharging. Grid
// power g = n + b: import max(g, 0); export max(-g, 0), curtailed instead when export is off.
// Balance: EV + export + curtailed + charge = import + PV + discharge (grid-side battery energies);
// losses = charge * (1 - sqrt eta) + discharge * (1 / sqrt eta - 1).
//
// Curtailment (docs/grid-model.md section 13). While events ask R kW of a site, the site also wants
// its EV load cut by what storage leaves of the request, computed on the uncurtailed EV load
// U = L + C (C: how far the curtailed sessions were cut below their uncurtailed power, as announced):
//
//   b0 = rule(U, no event), b1 = rule(U, R), remaining = max(0, min(R - (b0 - b1), U - P + b1))
//
// published through on_remaining whenever it changes; the curtailing component (site_energy_link.hpp)
// cuts the site's smart sessions by it and reports the cut back through set_ev_load_kw. Nothing
// else changes: the actual dispatch runs the rule on the curtailed load L.
//
// Baseline for events: each site runs the same rule twice on the same PV, once with the events on
// the EV load L and once without them on the uncurtailed load L + C (its own SoC); an event's
// delivered reduction is the baseline's import minus the actual import over the window, of which
// the EV load curtailed is the integral of C and storage the baseline's battery energy minus the
// actual one.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sim/simulator.hpp"

namespace evsim::models::grid {

// A normalised daily profile, constant from each start (since midnight, ascending, the first 0)
// to the next start or to midnight; values in [0, 1].
struct DailyProfile {
  std::vector<sim::Duration> starts;
  std::vector<double> values;
};

struct StorageSpec {
  double capacity_kwh = 0.0;
  double power_kw = 0.0;  // grid side, charging and discharging
  double round_trip_efficiency = 1.0;
  double min_soc = 0.0;
  double max_soc = 1.0;
  double initial_soc = 0.5;
  double shave_above_kw = 1e300;  // discharge to keep import at most this (none: never shaves)
};

struct ValleyHours {  // charge from the grid from `from` to `to` (times of day; may wrap midnight)
  sim::Duration from{};
  sim::Duration to{};
};

struct SiteEnergySpec {
  std::uint32_t station = 0;  // the station whose EV load it carries
  double pv_kwp = 0.0;
  DailyProfile pv_profile{{sim::Duration{0}}, {0.0}};
  std::optional<StorageSpec> storage{};
  std::optional<ValleyHours> valley{};
  bool export_allowed = true;
};

struct GridEventSpec {
  std::string name;
  sim::Time from{};
  sim::Time to{};
  std::vector<std::uint32_t> sites;  // indices into the SiteEnergy's sites
  double reduce_by_kw = 0.0;          // asked of each site, unless site_reduce_kw is given
  std::vector<double> site_reduce_kw{};  // asked of each of `sites`, in their order (a feeder's event)
  double asked_kw(std::size_t k) const { return site_reduce_kw.empty() ? reduce_by_kw : site_reduce_kw[k]; }
};

struct SiteEnergyTotals {
  double ev_kwh = 0, pv_kwh = 0, import_kwh = 0, export_kwh = 0, curtailed_kwh = 0;
  double charge_kwh = 0, discharge_kwh = 0;  // grid side of the battery
  double loss_kwh = 0;
  double peak_import_kw = 0;
  double soc = 0;  // at the last update
  double ev_curtailed_kwh = 0;  // EV load cut by demand response (the actual dispatch only)
};

// The site's state from `time` until its next record: written whenever the actual dispatch is set
// (an EV load, PV, valley or event change, or the battery reaching a SoC limit), so that a reader can
// replay every site's power and state of charge over time (/grid/site_energy_power).
struct SiteEnergyRecord {
  sim::Time time{};
  std::uint32_t site = 0;
  double ev_kw = 0, pv_kw = 0;
  double battery_kw = 0;  // grid side, > 0 charging
  double soc = 0;         // at `time`
  double ev_curtailed_kw = 0;  // EV load cut by demand response (the baseline's EV load is ev + this)
};

struct GridEventResult {  // per event and site
  std::uint32_t event = 0;
  std::uint32_t site = 0;
  double requested_kwh = 0;  // reduce_by_kw * window
  double delivered_kwh = 0;  // baseline import - actual import over the window
  double hours = 0;
  double ev_curtailed_kwh = 0;  // EV load cut over the window
  double storage_kwh = 0;       // baseline battery energy - actual battery energy over the window (grid side)
};

// Drivers' cost of an event at a site: its curtailed sessions (smart_charging.hpp's
// CurtailedSessionRecord), counted at their unplug, under the event that first cut them.
struct DriverCost {
  std::uint32_t sessions = 0;
  double not_delivered_kwh = 0;
  double time_added_h = 0;
};

class SiteEnergy {
 public:
  // Throws std::invalid_argument on a profile that is not as documented or an event with to <= from.
  SiteEnergy(sim::Simulator& simulator, std::vector<SiteEnergySpec> sites, std::vector<GridEventSpec> events);

  // Schedules profile breakpoints, valley edges and events from now on.
  void start();
  // The EV load of site `site` from now on, and how far demand response cut it (kW, >= 0).
  void set_ev_load_kw(std::uint32_t site, double kw, double curtailed_kw = 0.0);
  // Called with (site, remaining kW) whenever a site's remaining request changes (see the top), and
  // while it is > 0 whenever the uncurtailed EV load changes.
  std::function<void(std::uint32_t, double)> on_remaining;
  // (vehicle, announced power kW) -> how far below its uncurtailed power that is (kW, >= 0); set by
  // link_curtailment, read by link_site_energy (site_energy_link.hpp). Unset: nothing is curtailed.
  std::function<double(std::uint32_t, double)> curtailed_kw_of;
  double remaining_kw(std::uint32_t site) const { return sites_[site].remaining_kw; }
  // The first open event that asks something of the site, or events().size() when none.
  std::uint32_t open_event_at(std::uint32_t site) const;
  // Adds one curtailed session's cost to (event, site).
  void add_driver_cost(std::uint32_t event, std::uint32_t site, double not_delivered_kwh, double time_added_h);
  const DriverCost& driver_cost(std::uint32_t event, std::uint32_t site) const {
    return driver_costs_[event * sites_.size() + site];
  }
  // Brings every total up to now.
  void finish();

  std::size_t size() const { return sites_.size(); }
  const SiteEnergySpec& spec(std::uint32_t site) const { return sites_[site].spec; }
  const SiteEnergyTotals& totals(std::uint32_t site) const { return sites_[site].actual.totals; }
  const SiteEnergyTotals& baseline(std::uint32_t site) const { return sites_[site].base.totals; }
  const std::vector<GridEventSpec>& events() const { return events_; }
  const std::vector<GridEventResult>& event_results() const { return results_; }
  const std::vector<SiteEnergyRecord>& records() const { return records_; }
  // Battery grid-side power now (> 0 charging), and the site's grid power now (> 0 import).
  double battery_kw(std::uint32_t site) const { return sites_[site].actual.battery_kw; }
  double grid_kw(std::uint32_t site) const;
  // What the site's PV and battery add to its EV load at the grid connection now (kW, < 0 feeding
  // in): grid_kw - EV load, with grid_kw taken as 0 while it is negative and export is off.
  double pv_storage_kw(std::uint32_t site) const;

  static double profile_value(const DailyProfile& profile, sim::Duration time_of_day);

 private:
  struct Dispatch {
    double soc = 0;
    double battery_kw = 0;
    sim::EventId limit_event{};
    SiteEnergyTotals totals{};
  };
  struct Site {
    SiteEnergySpec spec;
    double ev_kw = 0;
    double curtailed_kw = 0;  // the baseline's EV load is ev_kw + curtailed_kw
    double remaining_kw = 0;  // last published
    double published_uncurtailed_kw = 0;  // ev_kw + curtailed_kw when it was published
    double pv_kw = 0;
    double reduce_kw = 0;  // sum of the active events' requests
    bool valley = false;
    sim::Time last{};
    Dispatch actual, base;
    std::vector<double> event_start_actual, event_start_base;  // import at each event's start, by event
    std::vector<double> event_start_cut, event_start_battery;  // curtailed kWh, base - actual battery kWh
  };


  void advance(Site& s);
  void begin_event(std::uint32_t e);
  void end_event(std::uint32_t e);
  void integrate(const Site& s, Dispatch& d, double ev_kw, double hours) const;
  void redispatch(std::uint32_t i);
  void set_battery(std::uint32_t i, Dispatch& d, double reduce_kw);
  double rule_kw(const Site& s, const Dispatch& d, double ev_kw, double reduce_kw) const;
  void publish_remaining(std::uint32_t i);
  void schedule_profile(std::uint32_t i);
  void schedule_valley(std::uint32_t i);
  bool in_valley(const Site& s, sim::Duration tod) const;

  sim::Simulator& sim_;
  std::vector<Site> sites_;
  std::vector<GridEventSpec> events_;
  std::vector<GridEventResult> results_;
  std::vector<SiteEnergyRecord> records_;
  std::vector<bool> open_;  // by event: started, not yet ended
  std::vector<DriverCost> driver_costs_;  // by event * sites + site
};

// The clear-sky profile (docs/grid-model.md): generation proportional to sin(solar elevation),
// clipped at 0 and normalised to 1 at solar noon of that day, at the midpoints of `step` steps.
DailyProfile clear_sky_profile(double latitude_deg, int day_of_year, sim::Duration step = std::chrono::minutes(15));

}  // namespace evsim::models::grid
