#include "models/charging/smart_charging.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <utility>

namespace evsim::models::charging {
namespace {

constexpr double kNoCap = std::numeric_limits<double>::infinity();

bool curtailable_policy(SmartPolicy p) { return p == SmartPolicy::cheapest || p == SmartPolicy::capped; }

}  // namespace

SmartCharging::SmartCharging(sim::Simulator& simulator, SessionPool& pool,
                             std::function<std::optional<SmartPlan>(const PlugInEvent&)> plan_of)
    : sim_(simulator), pool_(pool), plan_of_(std::move(plan_of)) {
  pool_.plugged_in.connect([this](const PlugInEvent& e) { on_plug_in(e); });
  pool_.unplugged.connect([this](const UnplugEvent& e) { on_unplug(e); });
}

void SmartCharging::on_plug_in(const PlugInEvent& e) {
  const VehicleId v = e.vehicle;
  if (v >= open_.size()) open_.resize(v + 1);
  Open& o = open_[v];
  o.planned = false;
  o.events.clear();
  o.plan_cap_kw = kNoCap;
  o.event_cap_kw = kNoCap;
  o.curtailed = false;
  const std::optional<SmartPlan> plan = plan_of_(e);
  if (!plan || plan->departure == sim::kTimeMax) return;
  o.planned = true;
  o.plan = *plan;
  o.first_power = e.time;
  o.needed_kwh = pool_.needed_kwh(v);
  o.full_power_h = pool_.hours_to_target(v);
  if (curtailable_policy(plan->policy) && e.station != road::kInvalid) {
    if (e.station >= curtailable_at_.size()) curtailable_at_.resize(e.station + 1);
    curtailable_at_[e.station].push_back(v);
  }
  switch (plan->policy) {
    case SmartPolicy::asap:
      return;
    case SmartPolicy::capped:
      set_plan_cap(v, plan->cap_kw);
      return;
    case SmartPolicy::cheapest: {
      // + 1 ms: the end event is rounded to whole ms; it must not fall after the departure.
      // from_hours saturates ("never" at zero power), and so does this sum.
      const sim::Duration at_full = sim::from_hours(pool_.hours_to_target(v));
      const sim::Duration needed = at_full < sim::Duration::max() ? at_full + sim::Duration{1} : at_full;
      const std::vector<ChargeWindow> windows = cheapest_windows(*plan->tariff, e.time, plan->departure, needed);
      if (windows.empty()) return;
      o.first_power = windows.front().from;
      if (windows.front().from > e.time) set_plan_cap(v, 0.0);
      for (const ChargeWindow& w : windows) {
        if (w.from > e.time) o.events.push_back(sim_.schedule_at(w.from, [this, v] { set_plan_cap(v, kNoCap); }));
        if (w.to < plan->departure) o.events.push_back(sim_.schedule_at(w.to, [this, v] { set_plan_cap(v, 0.0); }));
      }
      return;
    }
  }
}

void SmartCharging::set_plan_cap(VehicleId v, double cap_kw) {
  Open& o = open_[v];
  if (o.curtailed) {
    advance_counterfactual(v);
    o.plan_only.limit_kw = std::min(cap_kw, pool_.full_limit_kw(v));
  }
  const double before = std::min(o.plan_cap_kw, o.event_cap_kw);
  o.plan_cap_kw = cap_kw;
  apply_caps(v, before);
}

// The pool's cap is the lower of the two. When it does not change but a curtailed session's caps did
// (its plan paused it under an event cap of 0, or an event cap is lifted while its plan pauses it),
// its power stays and the pool announces nothing; the session is announced again so that a site's
// view of how far it is below its uncurtailed power (site_energy_link.hpp) is brought up to date.
void SmartCharging::apply_caps(VehicleId v, double cap_before_kw) {
  const Open& o = open_[v];
  const double after = std::min(o.plan_cap_kw, o.event_cap_kw);
  const double full = pool_.full_limit_kw(v);
  pool_.set_cap(v, after);
  if (o.curtailed && std::min(after, full) == std::min(cap_before_kw, full)) pool_.reannounce(v);
}

double SmartCharging::advance_counterfactual(VehicleId v) {
  Counterfactual& c = open_[v].plan_only;
  const sim::Time now = sim_.now();
  const double target = pool_.target_soc(v);
  const double battery = pool_.battery_kwh(v);
  const fleet::ChargingCurve& curve = pool_.curve(v);
  if (c.origin_soc >= target) {
    c.origin = now;
    return c.origin_soc;
  }
  const double hours = curve.hours_to_charge(battery, c.origin_soc, target, c.limit_kw);
  constexpr double kNeverHours = 1e9;
  if (hours < kNeverHours && c.origin + sim::from_hours(hours) <= now) {
    c.reached = c.origin + sim::from_hours(hours);
    c.origin_soc = target;
  } else {
    c.origin_soc = std::min(target, curve.soc_after(battery, c.origin_soc, sim::to_hours(now - c.origin), c.limit_kw));
  }
  c.origin = now;
  return c.origin_soc;
}

const std::vector<VehicleId>& SmartCharging::curtailable_at(StationId s) const {
  static const std::vector<VehicleId> kNone;
  return s < curtailable_at_.size() ? curtailable_at_[s] : kNone;
}

bool SmartCharging::curtailable(VehicleId v) const {
  return v < open_.size() && open_[v].planned && curtailable_policy(open_[v].plan.policy) && pool_.charging(v);
}

double SmartCharging::uncurtailed_kw(VehicleId v) const { return pool_.power_under_kw(v, open_[v].plan_cap_kw); }

double SmartCharging::event_cap_kw(VehicleId v) const { return v < open_.size() ? open_[v].event_cap_kw : kNoCap; }

void SmartCharging::set_event_cap(VehicleId v, double cap_kw, std::uint32_t tag) {
  if (!(cap_kw >= 0.0))
    throw std::invalid_argument(fmt::format("SmartCharging::set_event_cap: cap_kw must be >= 0, got {}", cap_kw));
  if (!curtailable(v)) throw std::logic_error("SmartCharging::set_event_cap: the session is not curtailable");
  Open& o = open_[v];
  if (cap_kw == o.event_cap_kw) return;
  if (!o.curtailed && cap_kw < kNoCap) {
    o.curtailed = true;
    o.tag = tag;
    o.first_cut = sim_.now();
    o.plan_only = Counterfactual{.origin = sim_.now(),
                                 .origin_soc = pool_.soc_now(v),
                                 .limit_kw = std::min(o.plan_cap_kw, pool_.full_limit_kw(v)),
                                 .reached = sim::kTimeMax};
  }
  const double before = std::min(o.plan_cap_kw, o.event_cap_kw);
  o.event_cap_kw = cap_kw;
  apply_caps(v, before);
}

void SmartCharging::on_unplug(const UnplugEvent& e) {
  if (e.vehicle >= open_.size() || !open_[e.vehicle].planned) return;
  Open& o = open_[e.vehicle];
  for (const sim::EventId id : o.events) sim_.cancel(id);
  o.events.clear();
  o.planned = false;
  if (e.station != road::kInvalid && e.station < curtailable_at_.size()) {
    std::vector<VehicleId>& at = curtailable_at_[e.station];
    const auto it = std::find(at.begin(), at.end(), e.vehicle);
    if (it != at.end()) at.erase(it);
  }
  const double delivered = e.end.energy_kwh;
  records_.push_back({.vehicle = e.vehicle,
                      .station = e.station,
                      .policy = o.plan.policy,
                      .plug_in = e.end.plug_in,
                      .departure = o.plan.departure,
                      .first_power = o.first_power,
                      .needed_kwh = o.needed_kwh,
                      .delivered_kwh = delivered,
                      .shortfall_kwh = std::max(0.0, o.needed_kwh - delivered),
                      .full_power_h = o.full_power_h});
  if (!o.curtailed) return;
  o.curtailed = false;
  const double plan_soc = advance_counterfactual(e.vehicle);
  const double battery = pool_.battery_kwh(e.vehicle);
  const bool reached = e.reached_target && o.plan_only.reached != sim::kTimeMax;
  const CurtailedSessionRecord r{
      .vehicle = e.vehicle,
      .station = e.station,
      .tag = o.tag,
      .first_cut = o.first_cut,
      .unplug = e.time,
      .reached_target = e.reached_target,
      .not_delivered_kwh = std::max(0.0, plan_soc - e.end.soc_after) * battery,
      .time_added_h = reached ? std::max(0.0, sim::to_hours(e.time - o.plan_only.reached)) : 0.0};
  curtailed_.push_back(r);
  if (!curtailed_session_ended.empty()) curtailed_session_ended(r);
}

}  // namespace evsim::models::charging
