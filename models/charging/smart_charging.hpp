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
};

class SmartCharging {
 public:
  // plan_of(plug-in) -> the session's plan, or std::nullopt for a session left alone (no record).
  SmartCharging(sim::Simulator& simulator, SessionPool& pool,
                std::function<std::optional<SmartPlan>(const PlugInEvent&)> plan_of);

  const std::vector<SmartSessionRecord>& records() const { return records_; }

 private:
  struct Open {
    bool planned = false;
    SmartPlan plan;
    sim::Time first_power{};
    double needed_kwh = 0.0;
    std::vector<sim::EventId> events;
  };
  void on_plug_in(const PlugInEvent& e);
  void on_unplug(const UnplugEvent& e);

  sim::Simulator& sim_;
  SessionPool& pool_;
  std::function<std::optional<SmartPlan>(const PlugInEvent&)> plan_of_;
  std::vector<Open> open_;  // by vehicle
  std::vector<SmartSessionRecord> records_;
};

}  // namespace evsim::models::charging
