#pragma once
// Feeds a SiteEnergy from the session pool's power_changed signal: a site's EV load is the sum of the
// powers its sessions announced at their last change, held until their next one (piecewise constant:
// the taper of a charging curve between two announcements is not followed; docs/grid-model.md). The
// signal carries battery-side power, so the EV load is battery-side. Header-only, so that
// evsim::grid does not link the charging models.
#include <cstdint>
#include <memory>
#include <vector>

#include "models/charging/session_pool.hpp"
#include "models/grid/site_energy.hpp"

namespace evsim::models::grid {

// `site_of_station[s]`: the SiteEnergy site of station s, or road::kInvalid.
inline void link_site_energy(charging::SessionPool& pool, SiteEnergy& energy,
                             std::vector<std::uint32_t> site_of_station) {
  struct State {
    std::vector<std::uint32_t> site_of_station;
    std::vector<double> session_kw;  // by vehicle
    std::vector<double> site_kw;     // by site
  };
  auto state = std::make_shared<State>(State{std::move(site_of_station), {}, std::vector<double>(energy.size(), 0.0)});
  pool.power_changed.connect([state, &energy](const charging::PowerChange& c) {
    if (c.station == road::kInvalid || c.station >= state->site_of_station.size()) return;
    const std::uint32_t site = state->site_of_station[c.station];
    if (site == road::kInvalid) return;
    if (c.vehicle >= state->session_kw.size()) state->session_kw.resize(c.vehicle + 1, 0.0);
    double& kw = state->site_kw[site];
    kw += c.power_kw - state->session_kw[c.vehicle];
    state->session_kw[c.vehicle] = c.power_kw;
    if (kw < 1e-9) kw = 0.0;  // all sessions gone: exactly zero again
    energy.set_ev_load_kw(site, kw);
  });
}

}  // namespace evsim::models::grid
