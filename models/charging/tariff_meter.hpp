#pragma once
// The energy cost of charging sessions under time-of-use tariffs (tariff.hpp). The meter listens to
// a SessionPool's plugged_in and unplugged signals; for a session under a tariff it keeps the grid
// energy drawn at its last price boundary and schedules one event at each price boundary while it
// is plugged in (events, not ticks): at a boundary and at unplug it adds
//
//   (E(now) - E(last boundary)) * price of the period that just ended
//
// where E is the session's grid energy since plug-in (SessionPool::grid_energy_kwh). E between two
// boundaries may follow the charging curve, a share or a smart-charging cap: only its values at the
// boundaries matter, so the cost is exact. The service fee is fee * total grid energy.
#include <cstdint>
#include <functional>
#include <vector>

#include "models/charging/session_pool.hpp"
#include "models/charging/tariff.hpp"

namespace evsim::models::charging {

struct SessionCost {
  VehicleId vehicle;
  StationId station;  // road::kInvalid at home or depot
  std::uint32_t tariff;  // index into the meter's tariffs
  sim::Time plug_in;
  sim::Time unplug;
  double grid_energy_kwh;
  double energy_cost;   // sum of price * energy per price period
  double service_cost;  // service fee * grid energy
};

class TariffMeter {
 public:
  // tariff_of(plug-in) -> index into `tariffs`, or kNoTariff for a session that is not metered.
  static constexpr std::uint32_t kNoTariff = 0xffffffffu;
  TariffMeter(sim::Simulator& simulator, SessionPool& pool, std::vector<Tariff> tariffs,
              std::function<std::uint32_t(const PlugInEvent&)> tariff_of);

  const std::vector<Tariff>& tariffs() const { return tariffs_; }
  // Sessions that ended (in unplug order).
  const std::vector<SessionCost>& costs() const { return costs_; }

 private:
  struct Open {
    std::uint32_t tariff = kNoTariff;
    sim::Time plug_in{};
    double energy_at_boundary_kwh = 0.0;
    double price = 0.0;  // of the period running since the last boundary
    double energy_cost = 0.0;
    sim::EventId boundary{};
  };
  void on_plug_in(const PlugInEvent& e);
  void on_unplug(const UnplugEvent& e);
  void schedule_boundary(VehicleId v);

  sim::Simulator& sim_;
  SessionPool& pool_;
  std::vector<Tariff> tariffs_;
  std::function<std::uint32_t(const PlugInEvent&)> tariff_of_;
  std::vector<Open> open_;  // by vehicle
  std::vector<SessionCost> costs_;
};

}  // namespace evsim::models::charging
