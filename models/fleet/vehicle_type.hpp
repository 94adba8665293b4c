#pragma once
// A vehicle type as the models use it. Units: kWh, kW, kWh/km.
//
// A vehicle can use a plug when the plug's connector is in `connectors` (a bit set over the
// scenario's connector names, charging/connectors.hpp) and it accepts that current (max power of
// that kind > 0). A session's power at SoC s is min(plug power, max power for the kind, curve(s)).
#include <cstdint>
#include <string>

#include "models/fleet/charging_curve.hpp"
#include "models/fleet/consumption.hpp"

namespace evsim::models::fleet {

using ConnectorSet = std::uint64_t;

struct VehicleType {
  std::string name;
  double battery_kwh = 0.0;
  ConsumptionModel consumption{};
  double max_ac_power_kw = 0.0;  // 0: cannot use AC plugs
  double max_dc_power_kw = 0.0;  // 0: cannot use DC plugs
  ChargingCurve curve;
  ConnectorSet connectors = 0;
};

}  // namespace evsim::models::fleet
