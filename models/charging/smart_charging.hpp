#pragma once
// Smart charging for sessions that stay long (home, depot, public AC with a known departure), a
// SessionPool policy driven by events at the plan's window edges (never ticks):
//
//   asap      charge at full power from plug-in (today's behaviour; no events).
//   cheapest  valley filling: tariff.hpp cheapest_windows() over [plug-in, departure) for the time
//             T the curve needs at full power from the SoC at plug-in to the target
//             (hours_to_target); the session is paused (cap 0) outside the windows and runs at
//             full power inside them. Pausing does not change the curve, so when T fits before
//             departure the vehicle leaves at its target; otherwise it charges as soon as possible.
//   capped    the session's power never exceeds cap_kw (a transformer or site headroom given per
//             segment or station) from plug-in.
//
// Every session with a plan and a known departure gets a record at unplug: needed, delivered and
// shortfall = max(0, needed - delivered) battery kWh (the energy to its target it did not get).
//
// Demand response (docs/grid-model.md section 13). The sessions a site may curtail during a grid
// event are the *curtailable* ones: a plan with policy cheapest or capped (drivers who let the
// operator manage their charging; asap sessions and sessions without a known departure are left
// alone). A curtailing component (models/grid/site_energy_link.hpp) sets an event cap per session;
// the pool's cap is always
//
//   effective cap = min(plan cap, event cap)
//
// with the plan cap the one the plan wants now (0 outside a cheapest window, cap_kw for capped,
// infinity otherwise) and the event cap infinity when there is none. Both writers go through this
// class, so lifting the event cap restores exactly the plan's cap of that moment, whatever window
// edges passed meanwhile.
//
// Drivers' cost. From its first event cap a session also follows a counterfactual: the same session
// under its plan caps only (curve integration as in session_pool.hpp, from its SoC at that moment).
// At unplug, at time t_u with SoC s_u:
//
//   not_delivered_kwh = max(0, s_plan(t_u) - s_u) * battery          (s_plan capped at the target)
//   time_added_h      = t_u - t_plan  when the session reached its target (t_plan: when the
//                       counterfactual reached it), else 0 (its cost is the energy not delivered)
//
// Exact under the pool's model for a session that is not sharing power with others; on a shared
// site the counterfactual ignores the site's sharing (it assumes the plan cap would have been granted).
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "models/charging/session_pool.hpp"
#include "models/charging/tariff.hpp"

namespace evsim::models::charging {

enum class SmartPolicy : std::uint8_t { asap = 0, cheapest = 1, capped = 2 };

struct SmartPlan {
  SmartPolicy policy = SmartPolicy::asap;
  const Tariff* tariff = nullptr;  // cheapest: must be set
  double cap_kw = 0.0;             // capped
  sim::Time departure = sim::kTimeMax;  // kTimeMax: unknown (then asap)
};

struct SmartSessionRecord {
  VehicleId vehicle;
  StationId station;  // road::kInvalid at home or depot
  SmartPolicy policy;
  sim::Time plug_in;
  sim::Time departure;      // planned
  sim::Time first_power;    // start of the first window (plug-in for asap and capped)
  double needed_kwh;        // battery energy to the target at plug-in
  double delivered_kwh;     // battery energy gained
  double shortfall_kwh;     // max(0, needed - delivered)
  double full_power_h;      // hours to the target at its full limit from plug-in (hours_to_target)
};

// A session that had an event cap at some time, at its unplug.
struct CurtailedSessionRecord {
  VehicleId vehicle;
  StationId station;
  std::uint32_t tag;      // the label given with its first event cap (the grid event)
  sim::Time first_cut;    // its first event cap
  sim::Time unplug;
  bool reached_target;
  double not_delivered_kwh;  // battery kWh, versus its plan without event caps
  double time_added_h;       // later arrival at the target, versus its plan without event caps
};

class SmartCharging {
 public:
  // plan_of(plug-in) -> the session's plan, or std::nullopt for a session left alone (no record).
  SmartCharging(sim::Simulator& simulator, SessionPool& pool,
                std::function<std::optional<SmartPlan>(const PlugInEvent&)> plan_of);

  const std::vector<SmartSessionRecord>& records() const { return records_; }

  // Demand response. The curtailable sessions plugged in at station s now, in plug-in order.
  const std::vector<VehicleId>& curtailable_at(StationId s) const;
  bool curtailable(VehicleId v) const;
  // v's battery-side power now under its plan cap alone (SessionPool::power_under_kw).
  double uncurtailed_kw(VehicleId v) const;
  // The event cap of v from now on (infinity lifts it); `tag` labels v's record when this is its
  // first. Throws std::invalid_argument unless cap_kw >= 0, std::logic_error unless v is curtailable.
  void set_event_cap(VehicleId v, double cap_kw, std::uint32_t tag);
  double event_cap_kw(VehicleId v) const;
  const std::vector<CurtailedSessionRecord>& curtailed_records() const { return curtailed_; }
  Signal<const CurtailedSessionRecord&> curtailed_session_ended;

 private:
  // The plan-only counterfactual of a curtailed session: since `origin` at `origin_soc` under `limit_kw`.
  struct Counterfactual {
    sim::Time origin{};
    double origin_soc = 0.0;
    double limit_kw = 0.0;
    sim::Time reached = sim::kTimeMax;  // when it reached the target, once known
  };
  struct Open {
    bool planned = false;
    SmartPlan plan;
    sim::Time first_power{};
    double needed_kwh = 0.0;
    double full_power_h = 0.0;
    std::vector<sim::EventId> events;
    double plan_cap_kw = 0.0;   // infinity: none
    double event_cap_kw = 0.0;  // infinity: none
    bool curtailed = false;     // had an event cap since plug-in
    std::uint32_t tag = 0;
    sim::Time first_cut{};
    Counterfactual plan_only;
  };
  void on_plug_in(const PlugInEvent& e);
  void on_unplug(const UnplugEvent& e);
  void set_plan_cap(VehicleId v, double cap_kw);
  void apply_caps(VehicleId v, double cap_before_kw);
  // Brings v's counterfactual up to now (noting when it reached the target); returns its SoC now.
  double advance_counterfactual(VehicleId v);

  sim::Simulator& sim_;
  SessionPool& pool_;
  std::function<std::optional<SmartPlan>(const PlugInEvent&)> plan_of_;
  std::vector<Open> open_;  // by vehicle
  std::vector<SmartSessionRecord> records_;
  std::vector<std::vector<VehicleId>> curtailable_at_;  // by station
  std::vector<CurtailedSessionRecord> curtailed_;
};

}  // namespace evsim::models::charging
