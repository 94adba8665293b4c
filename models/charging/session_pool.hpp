#pragma once
// Charging sessions whose power can change: every session on a public station, at home or at a
// depot, from plug-in to unplug. The pool keeps each session's state at its last rate change,
// shares the power of a site (station) among its sessions when anything on the site changes, and
// keeps the sessions' end events where the new powers put them; time is never stepped. It is the one
// owner of the session side of station statistics (sessions started and ended, plug-in integrals,
// energy, waits of sessions that plugged in); the queue side stays with whoever runs the queue.
//
// Units: kW, kWh, SoC as a fraction, sim::Time.
//
// Model. A session i has a plug limit L_i (plug and vehicle, or the home charger), the vehicle's
// charging curve c_i(s) and a target SoC. Between two changes on its site it charges at
//
//   P_i(s) = min(l_i, c_i(s)),   l_i = L_i when the site grants all it asks for, else its share,
//
// exactly as fleet/charging_curve.hpp integrates it: from (t0_i, s0_i), its time and SoC at its last
// rate change, the SoC at t is soc_after(s0_i, t - t0_i, l_i) and the end is
// t0_i + hours_to_charge(s0_i, target, l_i), never earlier than with l_i = L_i from plug-in.
//
// Sharing (only on stations whose SitePower is shared(), power_sharing.hpp). When a session plugs in
// or unplugs, passes a breakpoint of its charging curve, or the site's limit changes, the pool
// recomputes the shares of that site: session i asks for its demand
//
//   d_i = max over [s_i, min(next curve point, target)] of min(L_i, c_i(s)),
//
// (the curve is linear there, so the larger of its two ends), cabinets share among their plugs and the
// site limit among all. Since P_i <= d_i until the next curve point, and that point is an event,
// a session never draws more than its share: sum_i P_i(t) <= limit at every t. Only sessions whose
// l_i changes are moved to a new (t0_i, s0_i) and get their end rescheduled (reschedule_at); the
// others keep their numbers, so a site whose limit never binds gives exactly the results of a site
// without a limit. What a session on a falling stretch of its curve leaves unused is shared out again
// at the next change on the site, not continuously (shares are fixed between changes, as in
// SimGrid's resource sharing): the limit is always kept, a session may end a little later than under
// continuous re-sharing. On stations without sharing a session is one end event, as before.
//
// Signals (several subscribers each, models/signal.hpp): plugged_in, unplugged and power_changed.
// power_changed fires at plug-in, at unplug (power 0) and whenever the site re-shares and a session's
// share changes; between two of its changes a session's power follows its curve under the share.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <vector>

#include "models/charging/station.hpp"
#include "models/fleet/charging_curve.hpp"
#include "models/records.hpp"
#include "models/signal.hpp"
#include "sim/simulator.hpp"

namespace evsim::models::charging {

struct SessionStart {
  VehicleId vehicle;
  StationId station;  // road::kInvalid at home or depot
  std::uint32_t plug = 0;  // at the station
  const fleet::ChargingCurve* curve;
  double battery_kwh;
  double limit_kw;    // plug and vehicle limit (Station::power_limit_kw), or the home or depot charger's
  double soc;         // at plug-in
  double target_soc;  // the session ends when it gets there
  double efficiency;  // battery kWh per grid kWh
  sim::Duration wait{};  // in the station's queue before plugging in
};

struct SessionEnd {
  sim::Time plug_in;
  double soc_before;
  double soc_after;
  double energy_kwh;       // gained by the battery
  double grid_energy_kwh;  // energy_kwh / efficiency
};

struct PlugInEvent {
  sim::Time time;
  VehicleId vehicle;
  StationId station;  // road::kInvalid at home or depot
  std::uint32_t plug;
  double soc;
};

struct UnplugEvent {
  sim::Time time;
  VehicleId vehicle;
  StationId station;
  std::uint32_t plug;
  bool reached_target;
  SessionEnd end;
};

enum class PowerChangeCause : std::uint8_t { plug_in = 0, reshare = 1, unplug = 2 };

struct PowerChange {
  sim::Time time;
  VehicleId vehicle;
  StationId station;  // road::kInvalid at home or depot
  std::uint32_t plug;
  double power_kw;    // battery-side power at `time` (0 at unplug)
  // The most the session may draw from `time` until its next PowerChange: its share on a shared
  // site, its plug limit otherwise; 0 at unplug.
  double share_kw;
  PowerChangeCause cause;
};

class SessionPool {
 public:
  // `stations` must outlive the pool; their plugs' occupants and statistics are kept by the pool.
  // `on_target_reached(v)` runs when v's session reaches its target; it must end the session (stop).
  SessionPool(sim::Simulator& simulator, std::vector<Station>& stations, std::function<void(VehicleId)> on_target_reached);

  void start(const SessionStart& start);
  // Ends v's session now (reached_target: at its target SoC exactly), unplugs it and re-shares its site.
  SessionEnd stop(VehicleId v, bool reached_target);

  bool charging(VehicleId v) const { return v < sessions_.size() && sessions_[v].active; }
  double soc_now(VehicleId v) const;
  double power_kw(VehicleId v) const;  // battery-side, now
  double share_kw(VehicleId v) const { return sessions_[v].share_kw; }
  // Battery kWh per grid kWh of v's session (SessionStart::efficiency).
  double efficiency(VehicleId v) const { return sessions_[v].efficiency; }

  // Smart charging (smart_charging.hpp): from now on v's plug limit is min(cap_kw, its limit at
  // plug-in); cap_kw = 0 pauses it, cap_kw = infinity lifts the cap. Its end is rescheduled (with
  // a cap of 0 it has none until the cap is lifted); on a shared site the site is re-shared.
  // Throws std::invalid_argument unless cap_kw >= 0, std::logic_error unless v is charging.
  void set_cap(VehicleId v, double cap_kw);
  // Announces v's power again (power_changed, cause reshare) though it did not change: for a
  // subscriber whose view of the session changed with it (a smart session's caps under demand
  // response, smart_charging.hpp). Throws std::logic_error unless v is charging.
  void reannounce(VehicleId v);
  // Grid energy v has drawn since plug-in, now (battery energy / efficiency).
  double grid_energy_kwh(VehicleId v) const {
    const Session& x = sessions_[v];
    return (soc_now(v) - x.soc_at_plug_in) * x.battery_kwh / x.efficiency;
  }
  // Battery energy from its SoC at plug-in to its target, and the time that takes at its limit at
  // plug-in (fleet/charging_curve.hpp), from plug-in.
  double needed_kwh(VehicleId v) const {
    const Session& x = sessions_[v];
    return std::max(0.0, x.target_soc - x.soc_at_plug_in) * x.battery_kwh;
  }
  double hours_to_target(VehicleId v) const {
    const Session& x = sessions_[v];
    if (x.soc_at_plug_in >= x.target_soc) return 0.0;
    return x.curve->hours_to_charge(x.battery_kwh, x.soc_at_plug_in, x.target_soc, x.full_limit_kw);
  }
  // v's limit at plug-in (plug and vehicle, or its own charger), kW.
  double full_limit_kw(VehicleId v) const { return sessions_[v].full_limit_kw; }
  // v's battery, curve and target, for models that follow what v would do under another limit
  // (smart_charging.hpp's demand-response counterfactual).
  double battery_kwh(VehicleId v) const { return sessions_[v].battery_kwh; }
  double target_soc(VehicleId v) const { return sessions_[v].target_soc; }
  const fleet::ChargingCurve& curve(VehicleId v) const { return *sessions_[v].curve; }
  // v's battery-side power now if its limit were limit_kw: its curve at its SoC now, at most
  // min(limit_kw, its limit at plug-in); 0 at its target.
  double power_under_kw(VehicleId v, double limit_kw) const {
    const Session& x = sessions_[v];
    const double s = soc_now(v);
    if (s >= x.target_soc) return 0.0;
    return x.curve->power_kw(s, std::min(limit_kw, x.full_limit_kw));
  }

  // Changes a station's connection limit from now on (SitePower::kNoLimit: none) and re-shares it;
  // a station left without limit and cabinets runs its sessions unshared again from now on.
  // Throws std::invalid_argument unless limit_kw > 0.
  void set_site_limit(StationId s, double limit_kw);

  Signal<const PlugInEvent&> plugged_in;
  Signal<const UnplugEvent&> unplugged;
  Signal<const PowerChange&> power_changed;

 private:
  struct Session {
    StationId station = road::kInvalid;
    std::uint32_t plug = 0;
    const fleet::ChargingCurve* curve = nullptr;
    double battery_kwh = 0.0;
    double plug_limit_kw = 0.0;   // min(full_limit_kw, cap)
    double full_limit_kw = 0.0;   // at plug-in
    double target_soc = 0.0;
    double efficiency = 1.0;
    sim::Time plug_in{};
    double soc_at_plug_in = 0.0;
    sim::Time unlimited_end = sim::kTimeZero;  // with l = L from plug-in: the earliest it can end
    // The rate state: since `origin` at `origin_soc`, charging under `limit_kw`.
    sim::Time origin{};
    double origin_soc = 0.0;
    double limit_kw = 0.0;
    double share_kw = 0.0;
    std::uint32_t next_point = 0;  // the first curve point it has not passed (shared sites only)
    sim::EventId end_event{};
    sim::EventId point_event{};
    bool active = false;
  };

  bool shared(StationId s) const { return s != road::kInvalid && stations_[s].power().shared(); }
  sim::Time schedule_end(VehicleId v);
  void schedule_point(VehicleId v);
  void pass_point(VehicleId v);
  double demand_kw(VehicleId v) const;
  // `arrived`: the session that just plugged in (its change is announced as its plug-in), if any.
  void reshare(StationId s, VehicleId arrived = road::kInvalid);
  void apply_share(VehicleId v, double share_kw, double demand_kw, PowerChangeCause cause);
  void announce_power(VehicleId v, PowerChangeCause cause);

  sim::Simulator& sim_;
  std::vector<Station>& stations_;
  std::function<void(VehicleId)> on_target_reached_;
  std::vector<Session> sessions_;               // by vehicle
  VehicleId starting_ = road::kInvalid;         // the session whose plugged_in signal is running
  std::vector<std::vector<VehicleId>> on_site_;  // shared stations: their sessions in plug-in order
  std::vector<double> demand_, cabinet_demand_, share_, sub_demand_, sub_share_;  // scratch for reshare
};

}  // namespace evsim::models::charging
