#pragma once
// The kinds of generated demand: what a segment of the fleet does each day (the scenario format's
// `demand:` of a fleet segment, docs/scenario-format.md). Times of day and durations are
// distributions in milliseconds; power in kW; shares and probabilities are fractions.
#include <cstdint>

#include "models/distribution.hpp"

namespace evsim::models::demand {

// Private cars: each day leave home at depart_to_work, stay work_dwell, then (with
// errand_probability) stop at an "other" place for errand_dwell, then drive home. A share of them
// has a home charger of home_charger_power_kw (AC) and plugs in at home overnight.
struct PrivateCarDemand {
  Distribution depart_to_work;   // time of day, ms since midnight
  Distribution work_dwell;       // duration, ms
  double errand_probability = 0.0;
  Distribution errand_dwell = FixedValue{3'600'000.0};
  double home_charger_share = 0.0;
  double home_charger_power_kw = 7.0;
};

// Ride-hailing and taxis: each day a shift from shift_start lasting shift_length; during it the
// car drives to random destinations ("other" places), waiting idle_between_trips after each; then
// it drives home (where a share has a charger).
struct RideHailingDemand {
  Distribution shift_start;         // time of day
  Distribution shift_length;        // duration
  Distribution idle_between_trips;  // duration
  double home_charger_share = 0.0;
  double home_charger_power_kw = 7.0;
};

// Logistics vans: each day leave the depot at `depart`, visit `stops` places ("other" weights)
// staying stop_dwell at each, return to the depot and charge there at depot_power_kw. Where the
// depot is, is the caller's (a road node).
struct LogisticsDays {
  double depot_power_kw = 22.0;
  Distribution depart = FixedValue{8.0 * 3'600'000.0};
  std::uint32_t stops = 10;
  Distribution stop_dwell = FixedValue{600'000.0};
};

}  // namespace evsim::models::demand
