#pragma once
// Tariffs and smart charging attached to a city run. Both subscribe to the city's session pool
// (plugged_in, unplugged; charging/tariff_meter.hpp and charging/smart_charging.hpp); the city
// model does not call them. This file only decides, per session at plug-in, which tariff meters it
// and which smart-charging plan it follows:
//
//   public station s   metered under station_tariff[s] (the scenario's tariff, or a flat tariff at
//                      the station's price). Smart charging (station_smart[s]) applies to sessions
//                      on an AC plug that end at a known departure (opportunistic charging); a
//                      session for a charging need runs to its target as soon as possible.
//   home or depot      metered under segment_tariff[segment] (kNoTariff: not metered); smart
//                      charging by segment_smart[segment] until the next departure.
//
// A plan's departure is the vehicle's scheduled next departure (CityModel::vehicles()).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/charging/smart_charging.hpp"
#include "models/charging/tariff.hpp"
#include "models/charging/tariff_meter.hpp"
#include "models/city/city_model.hpp"

namespace evsim::models::city {

struct SmartSetting {
  charging::SmartPolicy policy = charging::SmartPolicy::asap;
  double cap_kw = 0.0;  // capped
};

struct ChargingCostSetup {
  std::vector<charging::Tariff> tariffs;
  std::vector<std::uint32_t> station_tariff;   // per station: index into tariffs
  std::vector<std::uint32_t> station_operator; // per station: index into operators
  std::vector<std::string> operators;          // "" for stations without an operator
  std::vector<std::optional<SmartSetting>> station_smart;  // per station
  std::vector<std::uint32_t> segment_tariff;   // per segment: index into tariffs, or kNoTariff
  std::vector<std::optional<SmartSetting>> segment_smart;  // per segment
};

// The battery-side charging power of all sessions at a sample time, split by place.
struct ChargingLoadSample {
  sim::Time time;
  double public_kw;
  double home_depot_kw;
};

class ChargingCosts {
 public:
  static constexpr std::uint32_t kNoTariff = charging::TariffMeter::kNoTariff;
  // Connects to model.sessions(); call before model.start(). `model` must outlive this.
  ChargingCosts(sim::Simulator& simulator, CityModel& model, ChargingCostSetup setup);

  const ChargingCostSetup& setup() const { return setup_; }
  charging::TariffMeter& meter() { return meter_; }
  const charging::TariffMeter& meter() const { return meter_; }
  const charging::SmartCharging& smart() const { return smart_; }
  charging::SmartCharging& smart() { return smart_; }  // demand response sets event caps
  // Samples the charging load of every session (public, home, depot) every `interval` from now to
  // `horizon` (an observer: it changes no session). Call before the run; interval > 0.
  void sample_load(sim::Duration interval, sim::Time horizon);
  const std::vector<ChargingLoadSample>& load_samples() const { return load_; }

 private:
  std::uint32_t tariff_of(const charging::PlugInEvent& e) const;
  std::optional<charging::SmartPlan> plan_of(const charging::PlugInEvent& e) const;

  void take_sample(sim::Duration interval, sim::Time horizon);

  sim::Simulator& sim_;
  const CityModel& model_;
  ChargingCostSetup setup_;
  charging::TariffMeter meter_;
  charging::SmartCharging smart_;
  std::vector<ChargingLoadSample> load_;
};

}  // namespace evsim::models::city
