#pragma once
// The unit table: every scenario value with a unit ("22kW", "1.5h", "80%") is converted here, to
// the canonical units of scenarios/scenario.hpp:
//
//   quantity      canonical   also accepted
//   power         kW          MW, W
//   energy        kWh         MWh, Wh
//   duration      ms          s, min, h, d
//   length        m           km
//   speed         km/h        m/s
//   consumption   kWh/km      Wh/km, kWh/100km
//   angle         deg         °            (longitudes and latitudes)
//   fraction      (none)      %            a fraction is always in [0, 1]
//   temperature   degC        °C, C
//   energy price  /kWh        CNY/kWh, yuan/kWh   (the scenario's currency per kWh)
//   value of time /h          CNY/h, yuan/h       (the scenario's currency per hour)
//
// Grammar: [+|-] number [spaces] [unit]. The number is decimal with an optional fraction part and
// exponent ("12", "0.5", ".5", "1e3"); unit symbols are case-sensitive. A number without a unit is
// in the canonical unit, except for durations and times of day: they need a unit unless the value
// is 0 (a bare "30" could mean seconds or minutes). Durations may chain terms: "1h30min", "1d 2h".
// Durations are rounded to the nearest millisecond, halves away from zero.
//
// Problems throw UnitError; its expected() and found() are written to be placed in a ScenarioError
// ("expected a power (units kW, MW, W), found unknown unit "kWh" in "22kWh"").
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include "sim/time.hpp"

namespace evsim::scenarios {

enum class Quantity {
  power,
  energy,
  duration,
  length,
  speed,
  consumption,
  angle,
  fraction,
  temperature,
  energy_price,
  value_of_time,
};

struct UnitDef {
  Quantity quantity;
  std::string_view symbol;  // "" is the bare number of a fraction
  double to_canonical;      // value in canonical unit = number * to_canonical
};

// The table, grouped by quantity, canonical unit first.
std::span<const UnitDef> unit_table();

// "a power", "an energy", "an angle", ...
std::string_view quantity_noun(Quantity q);
// "a power (units kW, MW, W)"; for fractions "a fraction from 0 to 1 (or 0% to 100%)".
std::string describe(Quantity q);
// What parse_time_of_day accepts, in the same style.
std::string describe_time_of_day();

class UnitError : public std::runtime_error {
 public:
  UnitError(std::string expected, std::string found);
  const std::string& expected() const { return expected_; }
  const std::string& found() const { return found_; }

 private:
  std::string expected_;
  std::string found_;
};

// The finite value of `text` in the canonical unit of q. Signs are not checked (callers know which
// they allow) except for fractions, which must lie in [0, 1]. For durations use parse_duration.
double parse_quantity(Quantity q, std::string_view text);
// May be negative; callers check the sign they allow.
sim::Duration parse_duration(std::string_view text);
// "HH:MM" or "HH:MM:SS" (HH from 0 to 24, 24 only as 24:00), or a duration such as "8h"; the
// result is the Duration since midnight, from 0 to 24 h inclusive.
sim::Duration parse_time_of_day(std::string_view text);
// A bare number in [0, 1] or a percentage from 0% to 100%.
inline double parse_fraction(std::string_view text) { return parse_quantity(Quantity::fraction, text); }

}  // namespace evsim::scenarios
