#include "models/charging/session_pool.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace evsim::models::charging {
namespace {

// origin + hours, or kTimeMax when that is never (infinite) or beyond any run.
sim::Time time_after(sim::Time origin, double hours) {
  constexpr double kNeverHours = 1e9;  // about 114,000 years: no run is that long
  if (!(hours < kNeverHours)) return sim::kTimeMax;
  return origin + sim::from_hours(hours);
}

}  // namespace

SessionPool::SessionPool(sim::Simulator& simulator, std::vector<Station>& stations,
                         std::function<void(VehicleId)> on_target_reached)
    : sim_(simulator), stations_(stations), on_target_reached_(std::move(on_target_reached)), on_site_(stations.size()) {}

void SessionPool::start(const SessionStart& start) {
  if (start.vehicle >= sessions_.size()) sessions_.resize(start.vehicle + 1);
  Session& x = sessions_[start.vehicle];
  if (x.active) throw std::logic_error("SessionPool::start: the vehicle is charging already");
  const sim::Time now = sim_.now();
  x = Session{.station = start.station,
              .plug = start.plug,
              .curve = start.curve,
              .battery_kwh = start.battery_kwh,
              .plug_limit_kw = start.limit_kw,
              .full_limit_kw = start.limit_kw,
              .target_soc = start.target_soc,
              .efficiency = start.efficiency,
              .plug_in = now,
              .soc_at_plug_in = start.soc,
              .unlimited_end = sim::kTimeZero,
              .origin = now,
              .origin_soc = start.soc,
              .limit_kw = start.limit_kw,
              .share_kw = start.limit_kw,
              .next_point = 0,
              .end_event = {},
              .point_event = {},
              .active = true};
  if (start.station != road::kInvalid) {
    Station& st = stations_[start.station];
    st.plug_in(now, start.plug, start.vehicle);
    st.stats().wait_ms_started += start.wait.count();
  }
  x.unlimited_end = schedule_end(start.vehicle);
  starting_ = start.vehicle;
  if (!plugged_in.empty()) plugged_in({now, start.vehicle, start.station, start.plug, start.soc});
  starting_ = road::kInvalid;
  if (shared(start.station)) {
    const auto points = x.curve->points();
    while (x.next_point < points.size() && points[x.next_point].soc <= x.origin_soc) ++x.next_point;
    x.share_kw = -1.0;  // so that reshare announces it
    on_site_[start.station].push_back(start.vehicle);
    reshare(start.station, start.vehicle);
  } else {
    announce_power(start.vehicle, PowerChangeCause::plug_in);
  }
}

SessionEnd SessionPool::stop(VehicleId v, bool reached_target) {
  if (!charging(v)) throw std::logic_error("SessionPool::stop: the vehicle is not charging");
  Session& x = sessions_[v];
  const sim::Time now = sim_.now();
  const double soc_after = reached_target ? std::max(x.soc_at_plug_in, x.target_soc) : soc_now(v);
  sim_.cancel(x.end_event);
  sim_.cancel(x.point_event);
  x.active = false;
  const double gained_kwh = (soc_after - x.soc_at_plug_in) * x.battery_kwh;
  const SessionEnd end{.plug_in = x.plug_in,
                       .soc_before = x.soc_at_plug_in,
                       .soc_after = soc_after,
                       .energy_kwh = gained_kwh,
                       .grid_energy_kwh = gained_kwh / x.efficiency};
  if (x.station != road::kInvalid) {
    Station& st = stations_[x.station];
    StationStats& stats = st.stats();
    ++stats.sessions_completed;
    stats.energy_kwh += end.energy_kwh;
    stats.grid_energy_kwh += end.grid_energy_kwh;
    stats.session_ms_completed += (now - x.plug_in).count();
    st.unplug(now, x.plug);
  }
  if (!power_changed.empty()) power_changed({now, v, x.station, x.plug, 0.0, 0.0, PowerChangeCause::unplug});
  if (!unplugged.empty()) unplugged({now, v, x.station, x.plug, reached_target, end});
  if (shared(x.station)) {
    std::vector<VehicleId>& site = on_site_[x.station];
    site.erase(std::find(site.begin(), site.end(), v));
    reshare(x.station);
  }
  return end;
}

double SessionPool::soc_now(VehicleId v) const {
  const Session& x = sessions_[v];
  if (x.origin_soc >= x.target_soc) return x.origin_soc;
  const double reached =
      x.curve->soc_after(x.battery_kwh, x.origin_soc, sim::to_hours(sim_.now() - x.origin), x.limit_kw);
  return std::min(reached, x.target_soc);
}

double SessionPool::power_kw(VehicleId v) const {
  const Session& x = sessions_[v];
  const double s = soc_now(v);
  if (s >= x.target_soc) return 0.0;
  return x.curve->power_kw(s, x.limit_kw);
}

void SessionPool::set_site_limit(StationId s, double limit_kw) {
  if (!(limit_kw > 0.0))
    throw std::invalid_argument(fmt::format("SessionPool::set_site_limit: limit_kw must be > 0, got {}", limit_kw));
  Station& st = stations_.at(s);
  const bool was_shared = st.power().shared();
  SitePower power = st.power();
  power.limit_kw = limit_kw;
  st.set_power(std::move(power));
  if (!was_shared && st.power().shared()) {
    // Its sessions so far ran unshared: they join the site in plug-in order.
    std::vector<VehicleId>& site = on_site_[s];
    for (const Plug& plug : st.plugs()) {
      if (plug.occupant != road::kInvalid) site.push_back(plug.occupant);
    }
    std::sort(site.begin(), site.end(), [&](VehicleId a, VehicleId b) {
      return sessions_[a].plug_in != sessions_[b].plug_in ? sessions_[a].plug_in < sessions_[b].plug_in : a < b;
    });
    for (const VehicleId v : site) {
      Session& x = sessions_[v];
      const auto points = x.curve->points();
      const double soc = soc_now(v);
      x.next_point = 0;
      while (x.next_point < points.size() && points[x.next_point].soc <= soc) ++x.next_point;
    }
  }
  if (!was_shared && !st.power().shared()) return;
  reshare(s);  // without sharing any more, everyone is granted its demand: back to its plug limit
  if (!st.power().shared()) {
    for (const VehicleId v : on_site_[s]) {
      sim_.cancel(sessions_[v].point_event);
      sessions_[v].point_event = {};
    }
    on_site_[s].clear();
  }
}

void SessionPool::set_cap(VehicleId v, double cap_kw) {
  if (!(cap_kw >= 0.0))
    throw std::invalid_argument(fmt::format("SessionPool::set_cap: cap_kw must be >= 0, got {}", cap_kw));
  if (!charging(v)) throw std::logic_error("SessionPool::set_cap: the vehicle is not charging");
  Session& x = sessions_[v];
  const double limit_kw = std::min(cap_kw, x.full_limit_kw);
  if (limit_kw == x.plug_limit_kw) return;
  x.plug_limit_kw = limit_kw;
  bool on_shared_site = false;
  if (shared(x.station)) {
    const std::vector<VehicleId>& site = on_site_[x.station];
    on_shared_site = std::find(site.begin(), site.end(), v) != site.end();
  }
  if (on_shared_site) {
    reshare(x.station);
    return;
  }
  x.origin_soc = soc_now(v);
  x.origin = sim_.now();
  x.limit_kw = limit_kw;
  x.share_kw = limit_kw;
  schedule_end(v);
  if (v != starting_) announce_power(v, PowerChangeCause::reshare);  // at plug-in start() announces it
}

void SessionPool::reannounce(VehicleId v) {
  if (!charging(v)) throw std::logic_error("SessionPool::reannounce: the vehicle is not charging");
  if (v != starting_) announce_power(v, PowerChangeCause::reshare);  // at plug-in start() announces it
}

// The end at the target from the rate state, never before the end without any limit
// (unlimited_end, which is kTimeZero until start() sets it); scheduled, moved or cancelled to match.
sim::Time SessionPool::schedule_end(VehicleId v) {
  Session& x = sessions_[v];
  const double hours = x.origin_soc >= x.target_soc
                           ? 0.0
                           : x.curve->hours_to_charge(x.battery_kwh, x.origin_soc, x.target_soc, x.limit_kw);
  const sim::Time end = std::max(time_after(x.origin, hours), x.unlimited_end);
  if (end == sim::kTimeMax) {
    sim_.cancel(x.end_event);
    x.end_event = {};
  } else if (sim_.is_pending(x.end_event)) {
    x.end_event = sim_.reschedule_at(x.end_event, end);
  } else {
    x.end_event = sim_.schedule_at(end, [this, v] {
      sessions_[v].end_event = {};
      on_target_reached_(v);
    });
  }
  return end;
}

// The event at the next curve point before the target, from the rate state.
void SessionPool::schedule_point(VehicleId v) {
  Session& x = sessions_[v];
  const auto points = x.curve->points();
  sim::Time at = sim::kTimeMax;
  if (x.next_point < points.size() && points[x.next_point].soc < x.target_soc) {
    const double point_soc = std::max(x.origin_soc, points[x.next_point].soc);
    at = time_after(x.origin, x.curve->hours_to_charge(x.battery_kwh, x.origin_soc, point_soc, x.limit_kw));
  }
  if (at == sim::kTimeMax) {
    sim_.cancel(x.point_event);
    x.point_event = {};
  } else if (sim_.is_pending(x.point_event)) {
    x.point_event = sim_.reschedule_at(x.point_event, at);
  } else {
    x.point_event = sim_.schedule_at(at, [this, v] { pass_point(v); });
  }
}

void SessionPool::pass_point(VehicleId v) {
  Session& x = sessions_[v];
  x.point_event = {};
  ++x.next_point;
  reshare(x.station);
}

double SessionPool::demand_kw(VehicleId v) const {
  const Session& x = sessions_[v];
  const double soc = soc_now(v);
  if (soc >= x.target_soc) return 0.0;
  const auto points = x.curve->points();
  const double upto = x.next_point < points.size() ? std::min(x.target_soc, points[x.next_point].soc) : x.target_soc;
  return std::max(x.curve->power_kw(soc, x.plug_limit_kw), x.curve->power_kw(std::max(soc, upto), x.plug_limit_kw));
}

void SessionPool::reshare(StationId s, VehicleId arrived) {
  const std::vector<VehicleId>& site = on_site_[s];
  const SitePower& power = stations_[s].power();
  const std::size_t n = site.size();
  demand_.resize(n);
  share_.resize(n);
  for (std::size_t i = 0; i < n; ++i) demand_[i] = demand_kw(site[i]);
  cabinet_demand_ = demand_;
  for (const PowerCabinet& cab : power.cabinets) {
    sub_demand_.clear();
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t plug = sessions_[site[i]].plug;
      if (plug >= cab.first_plug && plug - cab.first_plug < cab.plugs) sub_demand_.push_back(demand_[i]);
    }
    if (sub_demand_.empty()) continue;
    sub_share_.resize(sub_demand_.size());
    share_power(cab.policy, cab.power_kw, sub_demand_, sub_share_);
    std::size_t k = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t plug = sessions_[site[i]].plug;
      if (plug >= cab.first_plug && plug - cab.first_plug < cab.plugs) cabinet_demand_[i] = sub_share_[k++];
    }
  }
  share_power(power.policy, power.limit_kw, cabinet_demand_, share_);
  for (std::size_t i = 0; i < n; ++i) {
    apply_share(site[i], share_[i], demand_[i], site[i] == arrived ? PowerChangeCause::plug_in : PowerChangeCause::reshare);
  }
}

// A session granted all it asks for charges under its plug limit (its numbers stay those of an
// unshared site); one held below its demand charges under its share.
void SessionPool::apply_share(VehicleId v, double share_kw, double demand_kw, PowerChangeCause cause) {
  Session& x = sessions_[v];
  const double limit_kw = share_kw >= demand_kw ? x.plug_limit_kw : share_kw;
  const bool share_changed = share_kw != x.share_kw;
  x.share_kw = share_kw;
  if (limit_kw != x.limit_kw) {
    const double soc = soc_now(v);
    x.origin = sim_.now();
    x.origin_soc = soc;
    x.limit_kw = limit_kw;
    schedule_end(v);
    schedule_point(v);
  } else if (!sim_.is_pending(x.point_event)) {
    schedule_point(v);
  }
  if (share_changed) announce_power(v, cause);
}

void SessionPool::announce_power(VehicleId v, PowerChangeCause cause) {
  if (power_changed.empty()) return;
  const Session& x = sessions_[v];
  power_changed({sim_.now(), v, x.station, x.plug, power_kw(v), x.share_kw, cause});
}

}  // namespace evsim::models::charging
