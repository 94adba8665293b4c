#pragma once
// Wires a SiteEnergy to the charging side (header-only, so that evsim::grid does not link the
// charging models):
//
// link_site_energy: feeds the sites from the session pool's power_changed signal. A site's EV load is
// the sum of the powers its sessions announced at their last change, held until their next one
// (piecewise constant: the taper of a charging curve between two announcements is not followed;
// docs/grid-model.md). The signal carries battery-side power, so the EV load is battery-side. With
// curtailment linked, each announcement also carries how far the session is below its uncurtailed
// power (SiteEnergy::curtailed_kw_of), held the same way; the site's sum is the baseline's extra load.
//
// link_curtailment: demand response by smart sessions (docs/grid-model.md section 13). When a site's
// remaining request r changes (SiteEnergy::on_remaining), the site's curtailable sessions
// (SmartCharging::curtailable_at) get the same proportional cut: with u_i a session's uncurtailed
// power now (SmartCharging::uncurtailed_kw) and U = sum u_i,
//
//   f = min(1, r / U),   event cap_i = (1 - f) u_i     (no event cap when r = 0 or u_i = 0)
//
// so the site's EV load falls by f U = min(r, U) at that instant. The caps are applied in an event at
// the same instant (never from inside a power announcement), and again whenever r (or, while r > 0,
// the uncurtailed load) changes: at a SoC
// limit, a PV step, a plug-in (a session plugging in during an event is cut from plug-in), an unplug
// or a window edge of a plan, and at the event's end (r = 0: caps lifted, the plans' caps restored).
// On a site that shares power, a cut session's share goes to the others, which raises U and r again;
// the rounds at one instant stop when r changes by less than 1e-9 kW or after kMaxRounds. Lifting the
// caps (r = 0, at the event's end or when storage covers the request) is never cut short, so no event
// cap outlives its need.
// Each curtailed session's cost (SmartCharging::CurtailedSessionRecord) is added at its unplug to the
// event that first cut it (SiteEnergy::add_driver_cost).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "models/charging/session_pool.hpp"
#include "models/charging/smart_charging.hpp"
#include "models/grid/site_energy.hpp"

namespace evsim::models::grid {

// `site_of_station[s]`: the SiteEnergy site of station s, or road::kInvalid.
inline void link_site_energy(charging::SessionPool& pool, SiteEnergy& energy,
                             std::vector<std::uint32_t> site_of_station) {
  struct State {
    std::vector<std::uint32_t> site_of_station;
    std::vector<double> session_kw;   // by vehicle
    std::vector<double> session_cut;  // by vehicle
    std::vector<double> site_kw;      // by site
    std::vector<double> site_cut;     // by site
  };
  auto state = std::make_shared<State>(State{std::move(site_of_station), {}, {}, std::vector<double>(energy.size(), 0.0),
                                             std::vector<double>(energy.size(), 0.0)});
  pool.power_changed.connect([state, &energy](const charging::PowerChange& c) {
    if (c.station == road::kInvalid || c.station >= state->site_of_station.size()) return;
    const std::uint32_t site = state->site_of_station[c.station];
    if (site == road::kInvalid) return;
    if (c.vehicle >= state->session_kw.size()) {
      state->session_kw.resize(c.vehicle + 1, 0.0);
      state->session_cut.resize(c.vehicle + 1, 0.0);
    }
    const double cut = c.cause != charging::PowerChangeCause::unplug && energy.curtailed_kw_of
                           ? energy.curtailed_kw_of(c.vehicle, c.power_kw)
                           : 0.0;
    double& kw = state->site_kw[site];
    double& site_cut = state->site_cut[site];
    kw += c.power_kw - state->session_kw[c.vehicle];
    site_cut += cut - state->session_cut[c.vehicle];
    state->session_kw[c.vehicle] = c.power_kw;
    state->session_cut[c.vehicle] = cut;
    if (kw < 1e-9) kw = 0.0;  // all sessions gone: exactly zero again
    if (site_cut < 1e-9) site_cut = 0.0;
    energy.set_ev_load_kw(site, kw, site_cut);
  });
}

// Call after link_site_energy and before the run. `energy` and `smart` must outlive the run.
inline void link_curtailment(sim::Simulator& simulator, SiteEnergy& energy, charging::SmartCharging& smart) {
  constexpr int kMaxRounds = 16;
  struct State {
    std::vector<sim::EventId> pending;     // by site
    std::vector<sim::Time> round_time;     // by site: the instant of the last round
    std::vector<int> rounds;               // by site: rounds at that instant
    std::vector<double> applied_kw;        // by site: the remaining request of the last round
    std::vector<std::uint32_t> site_of_station;
  };
  auto state = std::make_shared<State>();
  const std::size_t n = energy.size();
  state->pending.assign(n, sim::EventId{});
  state->round_time.assign(n, sim::kTimeMax);
  state->rounds.assign(n, 0);
  state->applied_kw.assign(n, 0.0);
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint32_t s = energy.spec(i).station;
    if (s >= state->site_of_station.size()) state->site_of_station.resize(s + 1, road::kInvalid);
    state->site_of_station[s] = i;
  }
  energy.curtailed_kw_of = [&smart](std::uint32_t v, double power_kw) {
    if (!smart.curtailable(v) || smart.event_cap_kw(v) == std::numeric_limits<double>::infinity()) return 0.0;
    return std::max(0.0, smart.uncurtailed_kw(v) - power_kw);
  };
  auto apply = [state, &energy, &smart](std::uint32_t site) {
    state->pending[site] = {};
    const double r = energy.remaining_kw(site);
    state->applied_kw[site] = r;
    const std::uint32_t tag = energy.open_event_at(site);
    const std::vector<VehicleId> sessions = smart.curtailable_at(energy.spec(site).station);
    double total = 0.0;
    for (const VehicleId v : sessions) total += smart.uncurtailed_kw(v);
    const double f = r > 0.0 && total > 0.0 ? std::min(1.0, r / total) : 0.0;
    for (const VehicleId v : sessions) {
      const double u = smart.uncurtailed_kw(v);
      const bool cut = f > 0.0 && u > 0.0;
      if (!cut && smart.event_cap_kw(v) == std::numeric_limits<double>::infinity()) continue;
      smart.set_event_cap(v, cut ? (1.0 - f) * u : std::numeric_limits<double>::infinity(), tag);
    }
  };
  energy.on_remaining = [state, &simulator, apply](std::uint32_t site, double remaining_kw) {
    if (simulator.is_pending(state->pending[site])) return;
    const sim::Time now = simulator.now();
    if (state->round_time[site] != now) {
      state->round_time[site] = now;
      state->rounds[site] = 0;
    } else if (remaining_kw > 0.0 &&
               (std::abs(remaining_kw - state->applied_kw[site]) < 1e-9 || state->rounds[site] >= kMaxRounds)) {
      return;  // a round with nothing new, or the rounds of this instant used up; a lift (r = 0) always runs
    }
    ++state->rounds[site];
    state->pending[site] = simulator.schedule(sim::Duration{0}, [apply, site] { apply(site); });
  };
  smart.curtailed_session_ended.connect([state, &energy](const charging::CurtailedSessionRecord& r) {
    if (r.station >= state->site_of_station.size()) return;
    const std::uint32_t site = state->site_of_station[r.station];
    if (site == road::kInvalid || r.tag >= energy.events().size()) return;
    energy.add_driver_cost(r.tag, site, r.not_delivered_kwh, r.time_added_h);
  });
}

}  // namespace evsim::models::grid
