#include "models/charging/smart_charging.hpp"

#include <algorithm>
#include <limits>
#include <utility>

namespace evsim::models::charging {

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
  const std::optional<SmartPlan> plan = plan_of_(e);
  if (!plan || plan->departure == sim::kTimeMax) return;
  o.planned = true;
  o.plan = *plan;
  o.first_power = e.time;
  o.needed_kwh = pool_.needed_kwh(v);
  o.full_power_h = pool_.hours_to_target(v);
  constexpr double kNoCap = std::numeric_limits<double>::infinity();
  switch (plan->policy) {
    case SmartPolicy::asap:
      return;
    case SmartPolicy::capped:
      pool_.set_cap(v, plan->cap_kw);
      return;
    case SmartPolicy::cheapest: {
      // + 1 ms: the end event is rounded to whole ms; it must not fall after the departure.
      // from_hours saturates ("never" at zero power), and so does this sum.
      const sim::Duration at_full = sim::from_hours(pool_.hours_to_target(v));
      const sim::Duration needed = at_full < sim::Duration::max() ? at_full + sim::Duration{1} : at_full;
      const std::vector<ChargeWindow> windows = cheapest_windows(*plan->tariff, e.time, plan->departure, needed);
      if (windows.empty()) return;
      o.first_power = windows.front().from;
      if (windows.front().from > e.time) pool_.set_cap(v, 0.0);
      for (const ChargeWindow& w : windows) {
        if (w.from > e.time) o.events.push_back(sim_.schedule_at(w.from, [this, v] { pool_.set_cap(v, kNoCap); }));
        if (w.to < plan->departure) o.events.push_back(sim_.schedule_at(w.to, [this, v] { pool_.set_cap(v, 0.0); }));
      }
      return;
    }
  }
}

void SmartCharging::on_unplug(const UnplugEvent& e) {
  if (e.vehicle >= open_.size() || !open_[e.vehicle].planned) return;
  Open& o = open_[e.vehicle];
  for (const sim::EventId id : o.events) sim_.cancel(id);
  o.events.clear();
  o.planned = false;
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
}

}  // namespace evsim::models::charging
