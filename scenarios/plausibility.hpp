#pragma once
// Physical plausibility limits: values outside these ranges are refused where they are read, with
// the key and the range, because they are almost surely a unit mistake (a battery in Wh read as kWh,
// a plug of 7 W) and would otherwise overflow the clock, divide by almost nothing or produce NaN far
// from the input. Each range is generous on both sides of anything built today; raising one means
// editing it here (and its row in docs/reliability.md), nowhere else.
#include <string>
#include <string_view>

namespace evsim::scenarios {

struct PlausibleRange {
  double min;
  double max;
  std::string_view noun;  // "a battery capacity"
  std::string_view unit;  // canonical unit the range is written in
};

// A microcar's 5 kWh to a heavy truck's 1,000 kWh, with room on both sides.
inline constexpr PlausibleRange kBatteryRange{1.0, 2'000.0, "a battery capacity", "kWh"};
// Consumption of road vehicles: 0.05 (a microcar) to 2 kWh/km (a loaded truck in winter).
inline constexpr PlausibleRange kConsumptionRange{0.02, 5.0, "a consumption", "kWh/km"};
// A charger or a vehicle's charging limit: a 1 kW trickle to 3.75 MW megawatt charging.
inline constexpr PlausibleRange kChargingPowerRange{0.5, 5'000.0, "a charging power", "kW"};
// A site's grid connection or a power cabinet: one slow charger's 0.5 kW to a 100 MW depot.
inline constexpr PlausibleRange kSitePowerRange{0.5, 100'000.0, "a site power", "kW"};
// Road speeds: walking pace to motorway speeds.
inline constexpr PlausibleRange kRoadSpeedRange{1.0, 200.0, "a road speed", "km/h"};
// How long one run may simulate: up to 400 days (longer studies run as staged plans).
inline constexpr double kMaxHorizonMs = 400.0 * 86'400'000.0;
// Station state samples: at least a second apart.
inline constexpr double kMinSampleIntervalMs = 1'000.0;

// "a battery capacity from 1 to 2000 kWh (evsim's plausibility limit)"
std::string plausible_phrase(const PlausibleRange& range);
bool is_plausible(const PlausibleRange& range, double value);

}  // namespace evsim::scenarios
